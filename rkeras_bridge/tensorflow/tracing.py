"""``tf_function``: compile a function into a TensorFlow graph (``tf.function``), from R or Python.

The function is *traced*: called once per new input signature (dtypes and shapes of tensor
arguments, values of other arguments) with symbolic tensors, and the recorded graph then runs
on every later call without running the function body again. So:

* side effects of the body (printing, appending to a list, an R counter) happen at trace time
  only; ``tf$print`` prints on every call;
* Python (or R) numbers as arguments are part of the signature: a new value retraces, so pass
  changing values as tensors;
* Python ``if``/``for`` on tensors are converted to graph control flow by AutoGraph
  (``autograph = TRUE``). AutoGraph reads *Python* source: an **R** function is traced as-is, and
  R ``if``/``for``/``while`` on a symbolic tensor fail (R needs a logical value). Inside an R
  function compiled with ``tf_function`` use ``tf$cond(pred, function() a, function() b)`` and
  ``tf$while_loop(cond, body, loop_vars)`` for control flow that depends on tensor values.

Variables (model weights, optimizer slots) may be created on the first call only, as TF2
requires. A first call that creates variables is traced twice (once creating them, once using
them), so the body runs twice then; build the model and the optimizer first
(``optimizer$build(model$trainable_variables)``) for a single trace.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import tensorflow as tf

from ..bridge.errors import bad_argument

__all__ = ["tf_function"]


def _check_signature(input_signature: Any) -> list[Any] | None:
    if input_signature is None:
        return None
    if isinstance(input_signature, tf.TensorSpec):
        input_signature = [input_signature]  # R: a single spec arrives unwrapped
    if isinstance(input_signature, (str, bytes, Mapping)) or not isinstance(input_signature, (list, tuple)):
        raise bad_argument("input_signature", input_signature,
                           "a list of tf$TensorSpec, one per argument of the function")
    for i, spec in enumerate(tf.nest.flatten(list(input_signature)), start=1):
        if not isinstance(spec, tf.TypeSpec):
            raise bad_argument(f"input_signature[{i}]", spec, "a tf$TensorSpec(shape, dtype)")
    return list(input_signature)


def tf_function(f: Callable[..., Any], input_signature: Any = None, autograph: bool = True) -> Any:
    """Compile ``f`` into a TensorFlow graph; the body runs once per input signature (at trace time).

    Example:
        >>> @tf_function
        ... def train_step(x, y):
        ...     with tf.GradientTape() as tape:
        ...         loss = tf.reduce_mean(tf.square(model(x) - y))
        ...     grads = tape.gradient(loss, model.trainable_variables)
        ...     optimizer.apply_gradients(transpose([grads, model.trainable_variables]))
        ...     return loss

    Args:
        f: The function. From R, an R function (the R wrapper gives it a Python signature with
            ``reticulate::py_func``), traced as-is; see the module notes on control flow.
        input_signature: A list of ``tf$TensorSpec``, one per argument, to trace once for all
            inputs matching it (``NULL`` dimensions are free). Defaults to `None` (trace per new
            input shapes and dtypes).
        autograph: Convert Python control flow on tensors to graph control flow. Has no effect on
            R code. Defaults to `True`.

    Returns:
        A callable ``tf.function`` (``PolymorphicFunction``).

    Mirrors ``tensorflow::tf_function()`` of the R tensorflow package.
    """
    if not callable(f):
        raise bad_argument("f", f, "a function", TypeError)
    if not isinstance(autograph, (bool, np.bool_)):
        raise bad_argument("autograph", autograph, "TRUE or FALSE")
    return tf.function(f, input_signature=_check_signature(input_signature), autograph=bool(autograph))
