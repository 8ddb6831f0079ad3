"""``tf$train``: the TF1 optimizers and global step, on Keras 3 with TF1 defaults and signatures."""

from __future__ import annotations

from typing import Any, Callable

import keras
import tensorflow as tf

from ..errors import bad_argument
from ..gradients import apply_gradients as _apply_gradients

__all__ = ["AdamOptimizer", "GradientDescentOptimizer", "get_or_create_global_step", "get_global_step"]

_GLOBAL_STEP: list[tf.Variable] = []


def get_or_create_global_step() -> tf.Variable:
    """The process-wide step counter (int64, not trainable), created at 0 on first use.

    Mirrors ``tf$train$get_or_create_global_step()`` of TF1.
    """
    if not _GLOBAL_STEP:
        with tf.init_scope():
            _GLOBAL_STEP.append(tf.Variable(0, dtype=tf.int64, trainable=False, name="global_step"))
    return _GLOBAL_STEP[0]


def get_global_step() -> tf.Variable | None:
    """The global step if created, else `None`. Mirrors ``tf$train$get_global_step()``."""
    return _GLOBAL_STEP[0] if _GLOBAL_STEP else None


def _number(value: Any, name: str) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        raise bad_argument(name, value, "a number") from None


class _TF1Signatures:
    """TF1's ``apply_gradients(grads_and_vars, global_step)`` and ``minimize`` on a Keras 3 optimizer."""

    def apply_gradients(self, grads_and_vars: Any, global_step: Any = None, name: str | None = None) -> Any:
        """Apply ``(gradient, variable)`` pairs; see :func:`rkeras_bridge.apply_gradients`."""
        return _apply_gradients(self, grads_and_vars, global_step=global_step)

    def minimize(self, loss: Callable[[], Any], var_list: Any = None, global_step: Any = None,
                 name: str | None = None) -> Any:
        """Eager TF1 ``minimize``: ``loss`` is a function of no arguments, as TF1 eager required."""
        if not callable(loss):
            raise bad_argument("loss", loss, "a function of no arguments returning the loss (eager execution)", TypeError)
        if var_list is None:
            raise bad_argument("var_list", var_list, "the variables to train, e.g. model$trainable_variables")
        with tf.GradientTape() as tape:
            value = loss()
        grads = tape.gradient(value, list(var_list))
        return _apply_gradients(self, list(zip(grads, var_list)), global_step=global_step)


class AdamOptimizer(_TF1Signatures, keras.optimizers.Adam):
    """Adam with TF1 defaults (``epsilon = 1e-8``, Keras 3 uses 1e-7) and TF1 ``apply_gradients``.

    TF1 and Keras 3 share the "epsilon hat" update ``var -= lr_t * m / (sqrt(v) + epsilon)`` with
    ``lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t)``, so only the defaults differ.

    Example:
        >>> optimizer = tf.train.AdamOptimizer(learning_rate=0.01)

    Args:
        learning_rate: Defaults to `0.001`.
        beta1: Defaults to `0.9`.
        beta2: Defaults to `0.999`.
        epsilon: Defaults to `1e-08`.
        use_locking: Ignored (no effect in eager execution). Defaults to `False`.
        name: Defaults to `"Adam"`.

    Mirrors ``tf$train$AdamOptimizer()`` of TF1.
    """

    def __init__(self, learning_rate: Any = 0.001, beta1: Any = 0.9, beta2: Any = 0.999, epsilon: Any = 1e-08,
                 use_locking: bool = False, name: str = "Adam"):
        keras.optimizers.Adam.__init__(
            self, learning_rate=_number(learning_rate, "learning_rate"), beta_1=_number(beta1, "beta1"),
            beta_2=_number(beta2, "beta2"), epsilon=_number(epsilon, "epsilon"), name=name,
        )


class GradientDescentOptimizer(_TF1Signatures, keras.optimizers.SGD):
    """Plain gradient descent (``var -= learning_rate * grad``) with TF1 ``apply_gradients``.

    Args:
        learning_rate: Required, as in TF1.
        use_locking: Ignored. Defaults to `False`.
        name: Defaults to `"GradientDescent"`.

    Mirrors ``tf$train$GradientDescentOptimizer()`` of TF1.
    """

    def __init__(self, learning_rate: Any, use_locking: bool = False, name: str = "GradientDescent"):
        keras.optimizers.SGD.__init__(self, learning_rate=_number(learning_rate, "learning_rate"), name=name)
