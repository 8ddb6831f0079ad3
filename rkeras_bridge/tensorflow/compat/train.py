"""``tf$train``: the TF1 optimizers and global step, on Keras 3 with TF1 defaults and signatures."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import keras
import tensorflow as tf

from ...bridge.errors import bad_argument
from ..gradients import apply_gradients as _apply_gradients

__all__ = [
    "AdamOptimizer",
    "GradientDescentOptimizer",
    "RMSPropOptimizer",
    "get_or_create_global_step",
    "get_global_step",
]

_GLOBAL_STEP: list[tf.Variable] = []


def get_or_create_global_step() -> tf.Variable:
    """The process-wide step counter (int64, not trainable), created at 0 on first use.

    Mirrors ``tf$train$get_or_create_global_step()`` of TF1.
    """
    if not _GLOBAL_STEP:
        with tf.init_scope():
            # ONLY_FIRST_REPLICA, as TF1's global step: created in a tf.distribute scope it becomes a
            # mirrored variable, and each step must count once, not once per replica.
            _GLOBAL_STEP.append(tf.Variable(0, dtype=tf.int64, trainable=False, name="global_step",
                                            aggregation=tf.VariableAggregation.ONLY_FIRST_REPLICA))
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
            raise bad_argument("loss", loss,
                               "a function of no arguments returning the loss (eager execution)", TypeError)
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


class RMSPropOptimizer(_TF1Signatures, keras.optimizers.RMSprop):
    """RMSProp exactly as TF1 computed it, on Keras 3, with TF1 ``apply_gradients``.

    TF1 (``tf/python/training/rmsprop.py`` and the ``ApplyRMSProp`` kernel) differs from
    Keras 3's RMSprop in three ways, all kept here:

    * the mean-square slot ``ms`` starts at **ones** (Keras 3: zeros), so early steps are small;
    * the hyperparameters are float32 tensors cast to the variable's dtype (this matters for
      float64 variables only);
    * the update is written as TF1's kernel wrote it::

          ms  <- ms + (g^2 - ms) * (1 - decay)
          mom <- momentum * mom + (g * lr) / sqrt(ms + epsilon)       # centered: ms - mg^2 + epsilon
          var <- var - mom                                            # mg <- mg + (g - mg) * (1 - decay)

    Sparse gradients (``tf.IndexedSlices``, e.g. from an embedding) update only the rows they
    index, after summing duplicate indices, as TF1's ``SparseApplyRMSProp`` did; the slots of
    other rows are left as they are (a dense update would decay them).

    Example:
        >>> optimizer = tf.train.RMSPropOptimizer(learning_rate=0.01)

    Args:
        learning_rate: Required, as in TF1.
        decay: Discount of the moving average of squared gradients. Defaults to `0.9`.
        momentum: Defaults to `0.0`.
        epsilon: Defaults to `1e-10`.
        use_locking: Ignored. Defaults to `False`.
        centered: Normalise by the estimated variance instead of the second moment. Defaults to `False`.
        name: Defaults to `"RMSProp"`.

    Mirrors ``tf$train$RMSPropOptimizer()`` of TF1.
    """

    def __init__(self, learning_rate: Any, decay: Any = 0.9, momentum: Any = 0.0, epsilon: Any = 1e-10,
                 use_locking: bool = False, centered: bool = False, name: str = "RMSProp"):
        if not isinstance(centered, bool):
            raise bad_argument("centered", centered, "TRUE or FALSE")
        keras.optimizers.RMSprop.__init__(
            self, learning_rate=_number(learning_rate, "learning_rate"), rho=_number(decay, "decay"),
            momentum=_number(momentum, "momentum"), epsilon=_number(epsilon, "epsilon"), centered=centered,
            name=name,
        )

    def add_variable_from_reference(self, reference_variable: Any, name: str | None = None,
                                    initializer: Any = "zeros") -> Any:
        # Keras' "velocity" is TF1's "rms" slot, which TF1 created with a ones initializer.
        if name == "velocity":
            initializer = "ones"
        return super().add_variable_from_reference(reference_variable, name=name, initializer=initializer)

    def _hyper(self, value: float, dtype: Any) -> tf.Tensor:
        return tf.cast(tf.constant(value, dtype=tf.float32), dtype)

    def update_step(self, gradient: Any, variable: Any, learning_rate: Any) -> None:
        dtype = variable.dtype
        index = self._get_variable_index(variable)
        lr = tf.cast(learning_rate, dtype)
        one_minus_decay = tf.constant(1, dtype=dtype) - self._hyper(self.rho, dtype)
        epsilon = self._hyper(self.epsilon, dtype)
        momentum = self._hyper(self.momentum, dtype)
        ms_var = self._velocities[index]
        mom_var = self._momentums[index] if self.momentum > 0 else None
        mg_var = self._average_gradients[index] if self.centered else None

        if isinstance(gradient, tf.IndexedSlices):
            # TF1 summed the rows of repeated indices, then updated only the indexed rows.
            rows, positions = tf.unique(gradient.indices)
            grad = tf.cast(tf.math.unsorted_segment_sum(gradient.values, positions, tf.shape(rows)[0]), dtype)

            def read(slot: Any) -> tf.Tensor:
                return tf.gather(tf.convert_to_tensor(slot), rows)

            def write(slot: Any, value: tf.Tensor) -> None:
                self.assign(slot, tf.IndexedSlices(value, rows))

            def subtract(value: tf.Tensor) -> None:
                self.assign_sub(variable, tf.IndexedSlices(value, rows))
        else:
            grad = tf.cast(gradient, dtype)

            def read(slot: Any) -> tf.Tensor:
                return tf.convert_to_tensor(slot)

            def write(slot: Any, value: tf.Tensor) -> None:
                self.assign(slot, value)

            def subtract(value: tf.Tensor) -> None:
                self.assign_sub(variable, value)

        ms = read(ms_var)
        ms = ms + (tf.square(grad) - ms) * one_minus_decay
        write(ms_var, ms)
        if mg_var is not None:
            mg = read(mg_var)
            mg = mg + (grad - mg) * one_minus_decay
            write(mg_var, mg)
            denominator = (ms - tf.square(mg)) + epsilon
        else:
            denominator = ms + epsilon
        step = (grad * lr) / tf.sqrt(denominator)
        if mom_var is not None:
            step = read(mom_var) * momentum + step
            write(mom_var, step)
        subtract(step)
