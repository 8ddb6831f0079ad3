"""``optimizer_*``: the R keras 2.x optimizer constructors, returning Keras 3 optimizers.

Arguments, defaults and update rules are those of R keras 2.x (Keras 2.2 / tf.keras):

* ``lr`` is accepted for ``learning_rate`` (the 2018 name);
* ``epsilon = NULL`` means ``k_epsilon()`` (1e-7) at construction time;
* ``decay`` is Keras 2's time-based decay, ``lr / (1 + decay * iterations)``, which Keras 3
  dropped; it is rebuilt here as an ``InverseTimeDecay`` schedule with the same values;
* Adam and SGD (with or without Nesterov momentum) follow the same update rule in Keras 2 and
  Keras 3, so they are Keras 3's own. RMSprop does not: Keras 2 divided by ``sqrt(a) + epsilon``
  where Keras 3 divides by ``sqrt(a + epsilon)``, so :func:`optimizer_rmsprop` keeps the Keras 2 rule.

The optimizers are ordinary Keras 3 optimizers: pass them to ``compile()``, or call
``apply_gradients()`` / :func:`rkeras_bridge.apply_gradients` in an eager loop.
"""

from __future__ import annotations

from typing import Any

import keras
import numpy as np
from keras import ops

from ..bridge.errors import bad_argument

__all__ = ["optimizer_adam", "optimizer_sgd", "optimizer_rmsprop"]


def _number(value: Any, name: str, *, minimum: float | None = None, maximum: float | None = None,
            below: float | None = None) -> float:
    if isinstance(value, (list, tuple, np.ndarray)) and np.size(value) == 1:
        value = np.asarray(value).reshape(-1)[0].item()
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise bad_argument(name, value, "a number")
    value = float(value)
    bounds = [f">= {minimum}"] if minimum is not None else []
    bounds += [f"<= {maximum}"] if maximum is not None else []
    bounds += [f"< {below}"] if below is not None else []
    if (not np.isfinite(value) or (minimum is not None and value < minimum)
            or (maximum is not None and value > maximum) or (below is not None and value >= below)):
        raise bad_argument(name, value, " and ".join(["a finite number"] + bounds))
    return value


def _learning_rate(learning_rate: Any, decay: Any, kwargs: dict[str, Any], default: float) -> Any:
    """The Keras 3 learning rate for R keras 2.x ``learning_rate``/``lr`` and ``decay`` arguments."""
    if "lr" in kwargs:
        lr = kwargs.pop("lr")
        if learning_rate is not None and learning_rate != default:
            raise bad_argument("lr", lr, "no `lr` when `learning_rate` is also given (`lr` is its old name)")
        learning_rate = lr
    if learning_rate is None:
        learning_rate = default
    decay = _number(decay, "decay", minimum=0.0)
    if isinstance(learning_rate, keras.optimizers.schedules.LearningRateSchedule) or callable(learning_rate):
        if decay:
            raise bad_argument("decay", decay, "0 when `learning_rate` is a schedule (decay in the schedule)")
        return learning_rate
    learning_rate = _number(learning_rate, "learning_rate", minimum=0.0)
    if not decay:
        return learning_rate
    # Keras 2: lr_t = lr / (1 + decay * iterations), with the iteration count before this update.
    return keras.optimizers.schedules.InverseTimeDecay(learning_rate, decay_steps=1, decay_rate=decay)


def _epsilon(epsilon: Any) -> float:
    return keras.config.epsilon() if epsilon is None else _number(epsilon, "epsilon", minimum=0.0)


def _clip(clipnorm: Any, clipvalue: Any) -> dict[str, float]:
    out = {}
    if clipnorm is not None:
        out["clipnorm"] = _number(clipnorm, "clipnorm", minimum=0.0)
    if clipvalue is not None:
        out["clipvalue"] = _number(clipvalue, "clipvalue", minimum=0.0)
    return out


def _flag(value: Any, name: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise bad_argument(name, value, "TRUE or FALSE")
    return bool(value)


def optimizer_adam(learning_rate: Any = 0.001, beta_1: Any = 0.9, beta_2: Any = 0.999, epsilon: Any = None,
                   decay: Any = 0.0, amsgrad: bool = False, clipnorm: Any = None, clipvalue: Any = None,
                   **kwargs: Any) -> keras.optimizers.Adam:
    """Adam: ``lr_t = lr * sqrt(1 - beta_2^t) / (1 - beta_1^t)``, ``var -= lr_t * m / (sqrt(v) + epsilon)``.

    Example:
        >>> optimizer = optimizer_adam(learning_rate=0.01)

    Args:
        learning_rate: A number or a learning-rate schedule. ``lr`` is accepted as its old name.
            Defaults to `0.001`.
        beta_1: Decay of the first-moment estimate. Defaults to `0.9`.
        beta_2: Decay of the second-moment estimate. Defaults to `0.999`.
        epsilon: Defaults to `None` (``k_epsilon()``, 1e-7).
        decay: Keras 2 time-based decay (``lr / (1 + decay * iterations)``). Defaults to `0`.
        amsgrad: Use the AMSGrad variant. Defaults to `False`.
        clipnorm: Clip each gradient to this norm. Defaults to `None`.
        clipvalue: Clip each gradient element to ``[-clipvalue, clipvalue]``. Defaults to `None`.
        **kwargs: ``lr``, or further arguments of ``keras.optimizers.Adam`` (``name``, ...).

    Returns:
        A ``keras.optimizers.Adam``.

    Mirrors ``keras::optimizer_adam()`` of R keras 2.x.
    """
    lr = _learning_rate(learning_rate, decay, kwargs, 0.001)
    return keras.optimizers.Adam(
        learning_rate=lr, beta_1=_number(beta_1, "beta_1", minimum=0.0, below=1.0),
        beta_2=_number(beta_2, "beta_2", minimum=0.0, below=1.0), epsilon=_epsilon(epsilon),
        amsgrad=_flag(amsgrad, "amsgrad"), **_clip(clipnorm, clipvalue), **kwargs,
    )


def optimizer_sgd(learning_rate: Any = 0.01, momentum: Any = 0.0, decay: Any = 0.0, nesterov: bool = False,
                  clipnorm: Any = None, clipvalue: Any = None, **kwargs: Any) -> keras.optimizers.SGD:
    """Stochastic gradient descent with optional (Nesterov) momentum.

    ``v = momentum * v - lr * g``; ``var += v`` (Nesterov: ``var += momentum * v - lr * g``).

    Example:
        >>> optimizer = optimizer_sgd(learning_rate=0.1, momentum=0.9)

    Args:
        learning_rate: A number or a learning-rate schedule. ``lr`` is accepted as its old name.
            Defaults to `0.01`.
        momentum: Defaults to `0`.
        decay: Keras 2 time-based decay (``lr / (1 + decay * iterations)``). Defaults to `0`.
        nesterov: Use Nesterov momentum. Defaults to `False`.
        clipnorm: Clip each gradient to this norm. Defaults to `None`.
        clipvalue: Clip each gradient element to ``[-clipvalue, clipvalue]``. Defaults to `None`.
        **kwargs: ``lr``, or further arguments of ``keras.optimizers.SGD``.

    Returns:
        A ``keras.optimizers.SGD``.

    Mirrors ``keras::optimizer_sgd()`` of R keras 2.x.
    """
    lr = _learning_rate(learning_rate, decay, kwargs, 0.01)
    return keras.optimizers.SGD(
        learning_rate=lr, momentum=_number(momentum, "momentum", minimum=0.0, maximum=1.0),
        nesterov=_flag(nesterov, "nesterov"), **_clip(clipnorm, clipvalue), **kwargs,
    )


class RMSprop(keras.optimizers.RMSprop):
    """Keras 3 RMSprop with the Keras 2 update ``var -= lr * g / (sqrt(a) + epsilon)``.

    ``a = rho * a + (1 - rho) * g^2`` starts at zeros as in Keras 2 and 3; only where epsilon
    enters differs from Keras 3 (``lr * g / sqrt(a + epsilon)``).
    """

    def update_step(self, gradient: Any, variable: Any, learning_rate: Any) -> None:
        lr = ops.cast(learning_rate, variable.dtype)
        gradient = ops.cast(gradient, variable.dtype)
        accumulator = self._velocities[self._get_variable_index(variable)]
        self.assign(accumulator, ops.add(ops.multiply(self.rho, accumulator),
                                         ops.multiply(1 - self.rho, ops.square(gradient))))
        step = ops.divide(ops.multiply(lr, gradient), ops.add(ops.sqrt(accumulator), self.epsilon))
        self.assign_sub(variable, step)


def optimizer_rmsprop(learning_rate: Any = 0.001, rho: Any = 0.9, epsilon: Any = None, decay: Any = 0.0,
                      clipnorm: Any = None, clipvalue: Any = None, **kwargs: Any) -> keras.optimizers.RMSprop:
    """RMSprop as in R keras 2.x: ``a = rho * a + (1 - rho) * g^2``; ``var -= lr * g / (sqrt(a) + epsilon)``.

    Keras 3's own RMSprop divides by ``sqrt(a + epsilon)``; this one keeps the Keras 2 rule, so
    2018 scripts compute the same numbers. It has no momentum and is not centered, as in R keras
    2.x (use ``keras.optimizers.RMSprop`` or ``tf$train$RMSPropOptimizer`` for those).

    Example:
        >>> optimizer = optimizer_rmsprop(learning_rate=0.01)

    Args:
        learning_rate: A number or a learning-rate schedule. ``lr`` is accepted as its old name.
            Defaults to `0.001`.
        rho: Decay of the moving average of squared gradients. Defaults to `0.9`.
        epsilon: Defaults to `None` (``k_epsilon()``, 1e-7).
        decay: Keras 2 time-based decay (``lr / (1 + decay * iterations)``). Defaults to `0`.
        clipnorm: Clip each gradient to this norm. Defaults to `None`.
        clipvalue: Clip each gradient element to ``[-clipvalue, clipvalue]``. Defaults to `None`.
        **kwargs: ``lr``, or further arguments of ``keras.optimizers.RMSprop`` other than
            ``momentum`` and ``centered``.

    Returns:
        A ``keras.optimizers.RMSprop`` (subclass with the Keras 2 update).

    Mirrors ``keras::optimizer_rmsprop()`` of R keras 2.x.
    """
    for name in ("momentum", "centered"):
        if name in kwargs:
            raise bad_argument(name, kwargs[name],
                               "no such argument: optimizer_rmsprop() has none, as in R keras "
                               "2.x (use keras.optimizers.RMSprop or tf$train$RMSPropOptimizer)", TypeError)
    lr = _learning_rate(learning_rate, decay, kwargs, 0.001)
    return RMSprop(learning_rate=lr, rho=_number(rho, "rho", minimum=0.0, maximum=1.0),
                   epsilon=_epsilon(epsilon), **_clip(clipnorm, clipvalue), **kwargs)
