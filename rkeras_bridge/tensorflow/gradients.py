"""The 2018 eager update idiom: ``apply_gradients(transpose(list(grads, vars)), global_step)``.

On Keras 3 two things changed under that idiom. ``model.variables`` now also holds non-trainable
state (the seed of every ``Dropout``, batch-norm moving statistics), for which the tape returns
no gradient; and optimizers take ``apply(grads, vars)`` without a step counter. This module
accepts the old shape of the call and makes the rules explicit:

* a pair whose gradient is ``None`` and whose variable is **not trainable** is dropped silently
  (it is state, not a parameter: the tape does not watch it);
* a pair whose gradient is ``None`` and whose variable **is trainable** is dropped with a
  warning naming the variable (as TF1 did, the loss simply does not depend on it);
* if no pair has a gradient, that is an error, as in TF1 ("No gradients provided for any variable");
* ``global_step``, when given, is incremented by one after the update.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import Any

from ..bridge.errors import bad_argument, describe

__all__ = ["transpose", "apply_gradients"]


def _is_list_like(x: Any) -> bool:
    return isinstance(x, (list, tuple, Mapping))


def _items(x: Any) -> list[tuple[Any, Any]]:
    if isinstance(x, Mapping):
        return list(x.items())
    return [(None, v) for v in x]


def transpose(x: Any) -> Any:
    """Turn a list of lists inside out, with ``purrr::transpose`` semantics.

    Example:
        >>> transpose([[1, 2, 3], ["a", "b", "c"]])
        [[1, 'a'], [2, 'b'], [3, 'c']]
        >>> transpose({"grad": [1, 2], "var": ["a", "b"]})
        [{'grad': 1, 'var': 'a'}, {'grad': 2, 'var': 'b'}]

    Args:
        x: A list (or dict, R's named list) whose elements are lists (or dicts) of equal length.

    Returns:
        A list of lists: element ``i`` of the result holds element ``i`` of every input. Names of
        the outer input become names of each inner result (a dict); names shared by the inner
        inputs become names of the result (a dict). ``transpose(transpose(x)) == x``.

    Raises:
        ValueError: if ``x`` is not a list of lists, or the inner lists differ in length or names.

    Mirrors ``purrr::transpose()``.
    """
    if not _is_list_like(x):
        raise bad_argument("x", x, "a list of lists")
    outer = _items(x)
    if not outer:
        return []
    first = outer[0][1]
    for position, (key, inner) in enumerate(outer, start=1):
        if not _is_list_like(inner):
            where = f"element {key!r}" if key is not None else f"element {position}"
            raise bad_argument("x", x, f"a list of lists, but {where} is {describe(inner)}")
    template = _items(first)
    template_keys = [k for k, _ in template]
    for position, (key, inner) in enumerate(outer, start=1):
        items = _items(inner)
        label = repr(key) if key is not None else str(position)
        if len(items) != len(template):
            raise ValueError(
                f"Invalid value for argument `x`: expected inner lists of equal length (ragged input). "
                f"Received: x with element 1 of length {len(template)} "
                f"and element {label} of length {len(items)}"
            )
        if [k for k, _ in items] != template_keys and any(k is not None for k in template_keys):
            raise ValueError(
                f"Invalid value for argument `x`: expected inner lists with the same names. "
                f"Received: x with element 1 named {template_keys} "
                f"and element {label} named {[k for k, _ in items]}"
            )
    result = []
    for j in range(len(template)):
        if isinstance(x, Mapping):
            result.append({key: _items(inner)[j][1] for key, inner in outer})
        else:
            result.append([_items(inner)[j][1] for _, inner in outer])
    if any(k is not None for k in template_keys):
        return dict(zip(template_keys, result))
    return result


def _pairs(grads_and_vars: Any) -> list[tuple[Any, Any]]:
    if isinstance(grads_and_vars, (Mapping, str, bytes)) or not hasattr(grads_and_vars, "__iter__"):
        raise bad_argument(
            "grads_and_vars", grads_and_vars,
            "a list of (gradient, variable) pairs, e.g. transpose(list(grads, vars))",
        )
    pairs = []
    for i, pair in enumerate(list(grads_and_vars), start=1):
        if isinstance(pair, Mapping):
            pair = list(pair.values())
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise bad_argument(
                f"grads_and_vars[{i}]", pair, "a (gradient, variable) pair of length 2"
            )
        if not hasattr(pair[1], "assign_sub"):
            # purrr::transpose() pads a shorter list with NULL (with only a warning), so a missing
            # variable here usually means the gradients and variables lists differ in length.
            raise bad_argument(
                f"grads_and_vars[{i}]", pair,
                "a (gradient, variable) pair whose second element is a variable (gradients and variables "
                "lists of different lengths leave it NULL)",
            )
        pairs.append((pair[0], pair[1]))
    return pairs


def apply_gradients(optimizer: Any, grads_and_vars: Any, global_step: Any = None) -> Any:
    """Apply ``(gradient, variable)`` pairs with a Keras 3 optimizer, TF1 style.

    Example:
        >>> grads = tape.gradient(loss, model.variables)
        >>> apply_gradients(optimizer, transpose([grads, model.variables]), global_step=step)

    Args:
        optimizer: A Keras 3 optimizer (``keras.optimizers.Adam`` or ``tf.train.AdamOptimizer``).
        grads_and_vars: A list of ``[gradient, variable]`` pairs, as ``transpose(list(grads, vars))``
            gives. Pairs without a gradient are handled as the module docstring says.
        global_step: An integer variable to increment after the update. Defaults to `None`.

    Returns:
        The optimizer's iteration count after the update (a variable).

    Mirrors ``optimizer$apply_gradients(purrr::transpose(list(grads, vars)), global_step = ...)``.
    """
    pairs = _pairs(grads_and_vars)
    kept = []
    missing_trainable = []
    for grad, var in pairs:
        if grad is None:
            if getattr(var, "trainable", True):
                missing_trainable.append(getattr(var, "path", None) or getattr(var, "name", repr(var)))
            continue
        kept.append((grad, var))
    if not kept:
        names = [getattr(v, "path", None) or getattr(v, "name", "?") for _, v in pairs]
        raise ValueError(
            f"No gradients provided for any variable: the loss does not depend on them. "
            f"Received: grads_and_vars with {len(pairs)} pairs, all gradients None (variables {names})"
        )
    if missing_trainable:
        warnings.warn(
            f"Gradients do not exist for trainable variables {missing_trainable}; they are left unchanged.",
            stacklevel=2,
        )
    optimizer.apply([g for g, _ in kept], [v for _, v in kept])
    if global_step is not None:
        if not hasattr(global_step, "assign_add"):
            raise bad_argument("global_step", global_step,
                               "an integer variable (tf$train$get_or_create_global_step())")
        global_step.assign_add(1)
    return optimizer.iterations
