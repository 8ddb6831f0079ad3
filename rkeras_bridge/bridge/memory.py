"""Tell R's garbage collector about the tensor memory its references hold.

An R reference to a tensor is a small environment to R, so R's collector, which runs when *R's*
heap grows, does not know that each one keeps a whole tensor alive in Python: an eager training loop
from R held hundreds of megabytes of dead tensors between collections. Every call from R passes
through :func:`rkeras_bridge.bridge.conversion.call`, which hands each result to :func:`handed_to_r`;
once the tensors handed to R since the last collection pass a threshold, :data:`PRESSURE` becomes
non-empty, and the R package's compiled code (``r/src/memory.c``), which reads it after each call,
empties it and runs a collection that frees the references R dropped: a quick one
(``gc(full = FALSE)``, a few ms), and a full one (0.1-0.3 s with TensorFlow loaded) at every
``_FULL_EVERY``-th signal.

Only eager tensors count (variables belong to their model; arrays converted to R are R's own memory,
which R's collector sees). Python users never call into this: nothing counts outside calls from R.
"""

from __future__ import annotations

import math
import numbers
from typing import Any

from .errors import bad_argument

__all__ = ["tensor_gc_threshold", "pending_bytes", "handed_to_r", "PRESSURE"]

_MIB = 1 << 20
# A quick collection costs R 2-11 ms with TensorFlow loaded (a full one ~0.2 s): dcgan's eager run,
# which hands R ~390 MiB of tensors in 4 steps, pays about one quick collection a step at 64 MiB.
_DEFAULT_THRESHOLD = 64 * _MIB

# A quick collection frees the references that died young; those alive at a collection (the tensors
# of the step under way, which the tape holds anyway) move to R's older generations, which only a
# full collection frees. Every _FULL_EVERY-th signal therefore asks for a full one.
_FULL_EVERY = 8

# [threshold in bytes (0: off), bytes of tensors handed to R since the last signal, signals since the
#  last full collection]
_STATE = [_DEFAULT_THRESHOLD, 0, 0]

# Non-empty when R should collect now: the level of each collection asked for (1 quick, 2 full). A list
# because R's C code reads and empties it with the Python C API, without running Python code.
PRESSURE: list[int] = []


# The eager tensor type once seen (this module must not import TensorFlow: R loads the bridge before
# it), and the bytes per element of each dtype, by its enum: `dtype.size` costs ~1 us a call, and
# this runs for every result handed to R.
_EAGER: list[type] = []
_ITEM_BYTES: dict[int, int] = {}


def _tensor_bytes(value: Any) -> int:
    kind = type(value)
    if not _EAGER or kind is not _EAGER[0]:
        if kind.__name__ != "EagerTensor":
            return 0
        _EAGER[:] = [kind]
    try:
        enum = value._datatype_enum()
        item = _ITEM_BYTES.get(enum)
        if item is None:
            item = _ITEM_BYTES[enum] = int(value.dtype.size)  # 0 for strings: no fixed size
        return value._num_elements() * item
    except (TypeError, ValueError, AttributeError):
        return 0


def handed_to_r(value: Any) -> None:
    """Count the bytes of the eager tensors in a result handed to R; signal R past the threshold.

    Example:
        >>> handed_to_r(tf.zeros([1024, 1024]))  # 4 MiB more pending

    Args:
        value: A call's result: a tensor, or a list or tuple of results (gradients), or anything else
            (not counted).

    Returns:
        `None`. Past the threshold, appends the level of collection R should run to :data:`PRESSURE`
        and starts counting again.

    Mirrors nothing in R: it is called by ``conversion.call()`` for every call made from R.
    """
    threshold = _STATE[0]
    if not threshold:
        return
    kind = type(value)
    if kind is list or kind is tuple:
        nbytes = 0
        for item in value:
            nbytes += _tensor_bytes(item)
    else:
        nbytes = _tensor_bytes(value)
    if not nbytes:
        return
    pending = _STATE[1] + nbytes
    if pending >= threshold:
        signals = _STATE[2] + 1
        full = signals >= _FULL_EVERY
        PRESSURE.append(2 if full else 1)
        _STATE[2] = 0 if full else signals
        pending = 0
    _STATE[1] = pending


def pending_bytes() -> int:
    """The bytes of tensors handed to R since R last collected (or since counting began).

    Example:
        >>> pending_bytes()
        1048576

    Returns:
        An integer number of bytes.

    Mirrors nothing in R: the count is Python's; tests and diagnostics read it.
    """
    return _STATE[1]


def tensor_gc_threshold(mb: Any = None) -> float:
    """Get or set how many MiB of tensors R may be handed before the bridge makes R collect.

    Example:
        >>> tensor_gc_threshold(32)  # collect after each 32 MiB of tensors handed to R
        64.0

    Args:
        mb: The new threshold in MiB, a number >= 0 (`0` turns the policy off: R collects only when
            its own heap asks), or `None` to leave it. Defaults to `None`.

    Returns:
        The threshold in MiB before this call.

    Raises:
        ValueError: ``mb`` is not a finite number >= 0.

    Mirrors `tensor_gc_threshold()` in R (options: `rkerasbridge.tensor_gc_mb`).
    """
    before = _STATE[0] / _MIB
    if mb is not None:
        if isinstance(mb, bool) or not isinstance(mb, numbers.Real) or not math.isfinite(mb) or mb < 0:
            raise bad_argument("mb", mb, "a finite number of MiB >= 0 (0 turns the policy off)")
        _STATE[0] = int(mb * _MIB)
        _STATE[1] = _STATE[2] = 0
        del PRESSURE[:]
    return before
