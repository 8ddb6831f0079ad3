"""``optimizer_*``: the R keras 2.x optimizer constructors, returning Keras 3 optimizers.

Arguments, defaults and update rules are those of R keras 2.2.4 (Keras 2.2.4):

* the learning rate is ``lr`` (the 2018 name, first argument); Keras 3's name ``learning_rate`` is
  accepted too, and takes a learning-rate schedule;
* ``epsilon = NULL`` means ``k_epsilon()`` (1e-7) at construction time;
* ``decay`` is Keras 2's time-based decay, ``lr / (1 + decay * iterations)``, which Keras 3
  dropped; it is rebuilt here as an ``InverseTimeDecay`` schedule with the same values;
* ``clipnorm`` clips each gradient to that norm and ``clipvalue`` each element, as in Keras 2;
* Adam, Adamax, Adadelta and SGD (with or without Nesterov momentum) follow the same update rule in
  Keras 2 and Keras 3, so they are Keras 3's own. Three do not, and keep the Keras 2 rule here:
  RMSprop (Keras 2 divided by ``sqrt(a) + epsilon``, Keras 3 by ``sqrt(a + epsilon)``), Adagrad
  (the same, and Keras 3's accumulators start at 0.1 instead of 0) and Nadam (Keras 3 dropped
  ``schedule_decay``, fixing the momentum schedule at what ``schedule_decay = 1`` would give).

The optimizers are ordinary Keras 3 optimizers: pass them to ``compile()``, or call
``apply_gradients()`` / :func:`rkeras_bridge.apply_gradients` in an eager loop.
"""

from __future__ import annotations

from typing import Any

import keras
import numpy as np
from keras import ops

from ..bridge.errors import bad_argument

__all__ = ["optimizer_adam", "optimizer_sgd", "optimizer_rmsprop", "optimizer_adagrad", "optimizer_adadelta",
           "optimizer_adamax", "optimizer_nadam"]


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


def _learning_rate(lr: Any, decay: Any, kwargs: dict[str, Any], default: float) -> Any:
    """The Keras 3 learning rate for R keras 2.x's ``lr`` (or Keras 3's ``learning_rate``) and ``decay``."""
    name = "lr"
    if "learning_rate" in kwargs:
        learning_rate = kwargs.pop("learning_rate")
        if lr is not None and not (isinstance(lr, (int, float)) and lr == default):
            raise bad_argument("learning_rate", learning_rate,
                               "no `learning_rate` when `lr` is also given (`learning_rate` is the Keras 3 "
                               "name of `lr`)")
        lr, name = learning_rate, "learning_rate"
    if lr is None:
        lr = default
    decay = _number(decay, "decay", minimum=0.0)
    if isinstance(lr, keras.optimizers.schedules.LearningRateSchedule) or callable(lr):
        if decay:
            raise bad_argument("decay", decay, "0 when the learning rate is a schedule (put decay in it)")
        return lr
    lr = _number(lr, name, minimum=0.0)
    if not decay:
        return lr
    # Keras 2: lr_t = lr / (1 + decay * iterations), with the iteration count before this update.
    return keras.optimizers.schedules.InverseTimeDecay(lr, decay_steps=1, decay_rate=decay)


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


def optimizer_adam(lr: Any = 0.001, beta_1: Any = 0.9, beta_2: Any = 0.999, epsilon: Any = None,
                   decay: Any = 0.0, amsgrad: bool = False, clipnorm: Any = None, clipvalue: Any = None,
                   **kwargs: Any) -> keras.optimizers.Adam:
    """Adam: ``lr_t = lr * sqrt(1 - beta_2^t) / (1 - beta_1^t)``, ``var -= lr_t * m / (sqrt(v) + epsilon)``.

    Example:
        >>> optimizer = optimizer_adam(lr=0.01)

    Args:
        lr: The learning rate, a number >= 0; ``learning_rate =`` (Keras 3's name) also takes a
            learning-rate schedule. Defaults to `0.001`.
        beta_1: Decay of the first-moment estimate, in [0, 1). Defaults to `0.9`.
        beta_2: Decay of the second-moment estimate, in [0, 1). Defaults to `0.999`.
        epsilon: Defaults to `None` (``k_epsilon()``, 1e-7).
        decay: Keras 2 time-based decay (``lr / (1 + decay * iterations)``). Defaults to `0`.
        amsgrad: Use the AMSGrad variant. Defaults to `False`.
        clipnorm: Clip each gradient to this norm. Defaults to `None`.
        clipvalue: Clip each gradient element to ``[-clipvalue, clipvalue]``. Defaults to `None`.
        **kwargs: ``learning_rate``, or further arguments of ``keras.optimizers.Adam`` (``name``, ...).

    Returns:
        A ``keras.optimizers.Adam``.

    Mirrors ``keras::optimizer_adam()`` of R keras 2.2.4.
    """
    lr = _learning_rate(lr, decay, kwargs, 0.001)
    return keras.optimizers.Adam(
        learning_rate=lr, beta_1=_number(beta_1, "beta_1", minimum=0.0, below=1.0),
        beta_2=_number(beta_2, "beta_2", minimum=0.0, below=1.0), epsilon=_epsilon(epsilon),
        amsgrad=_flag(amsgrad, "amsgrad"), **_clip(clipnorm, clipvalue), **kwargs,
    )


def optimizer_sgd(lr: Any = 0.01, momentum: Any = 0.0, decay: Any = 0.0, nesterov: bool = False,
                  clipnorm: Any = None, clipvalue: Any = None, **kwargs: Any) -> keras.optimizers.SGD:
    """Stochastic gradient descent with optional (Nesterov) momentum.

    ``v = momentum * v - lr * g``; ``var += v`` (Nesterov: ``var += momentum * v - lr * g``).

    Example:
        >>> optimizer = optimizer_sgd(lr=0.1, momentum=0.9)

    Args:
        lr: The learning rate, a number >= 0; ``learning_rate =`` (Keras 3's name) also takes a
            learning-rate schedule. Defaults to `0.01`.
        momentum: In [0, 1]. Defaults to `0`.
        decay: Keras 2 time-based decay (``lr / (1 + decay * iterations)``). Defaults to `0`.
        nesterov: Use Nesterov momentum. Defaults to `False`.
        clipnorm: Clip each gradient to this norm. Defaults to `None`.
        clipvalue: Clip each gradient element to ``[-clipvalue, clipvalue]``. Defaults to `None`.
        **kwargs: ``learning_rate``, or further arguments of ``keras.optimizers.SGD``.

    Returns:
        A ``keras.optimizers.SGD``.

    Mirrors ``keras::optimizer_sgd()`` of R keras 2.2.4.
    """
    lr = _learning_rate(lr, decay, kwargs, 0.01)
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


def _refuse(kwargs: dict[str, Any], names: tuple[str, ...], function: str, instead: str) -> None:
    for name in names:
        if name in kwargs:
            raise bad_argument(name, kwargs[name], f"no such argument: {function}() has none, as in R keras "
                               f"2.x (use {instead})", TypeError)


def optimizer_rmsprop(lr: Any = 0.001, rho: Any = 0.9, epsilon: Any = None, decay: Any = 0.0,
                      clipnorm: Any = None, clipvalue: Any = None, **kwargs: Any) -> keras.optimizers.RMSprop:
    """RMSprop as in R keras 2.x: ``a = rho * a + (1 - rho) * g^2``; ``var -= lr * g / (sqrt(a) + epsilon)``.

    Keras 3's own RMSprop divides by ``sqrt(a + epsilon)``; this one keeps the Keras 2 rule, so
    2018 scripts compute the same numbers. It has no momentum and is not centered, as in R keras
    2.x (use ``keras.optimizers.RMSprop`` or ``tf$train$RMSPropOptimizer`` for those).

    Example:
        >>> optimizer = optimizer_rmsprop(lr=0.01)

    Args:
        lr: The learning rate, a number >= 0; ``learning_rate =`` (Keras 3's name) also takes a
            learning-rate schedule. Defaults to `0.001`.
        rho: Decay of the moving average of squared gradients, in [0, 1]. Defaults to `0.9`.
        epsilon: Defaults to `None` (``k_epsilon()``, 1e-7).
        decay: Keras 2 time-based decay (``lr / (1 + decay * iterations)``). Defaults to `0`.
        clipnorm: Clip each gradient to this norm. Defaults to `None`.
        clipvalue: Clip each gradient element to ``[-clipvalue, clipvalue]``. Defaults to `None`.
        **kwargs: ``learning_rate``, or further arguments of ``keras.optimizers.RMSprop`` other
            than ``momentum`` and ``centered``.

    Returns:
        A ``keras.optimizers.RMSprop`` (subclass with the Keras 2 update).

    Mirrors ``keras::optimizer_rmsprop()`` of R keras 2.2.4.
    """
    _refuse(kwargs, ("momentum", "centered"), "optimizer_rmsprop",
            "keras.optimizers.RMSprop or tf$train$RMSPropOptimizer")
    lr = _learning_rate(lr, decay, kwargs, 0.001)
    return RMSprop(learning_rate=lr, rho=_number(rho, "rho", minimum=0.0, maximum=1.0),
                   epsilon=_epsilon(epsilon), **_clip(clipnorm, clipvalue), **kwargs)


class Adagrad(keras.optimizers.Adagrad):
    """Keras 3 Adagrad with the Keras 2 update: ``a += g^2`` from 0; ``var -= lr * g / (sqrt(a) + epsilon)``.

    Keras 3 starts the accumulators at ``initial_accumulator_value`` (0.1) and divides by
    ``sqrt(a + epsilon)``.
    """

    def update_step(self, gradient: Any, variable: Any, learning_rate: Any) -> None:
        lr = ops.cast(learning_rate, variable.dtype)
        gradient = ops.cast(gradient, variable.dtype)
        accumulator = self._accumulators[self._get_variable_index(variable)]
        self.assign_add(accumulator, ops.square(gradient))
        step = ops.divide(ops.multiply(lr, gradient), ops.add(ops.sqrt(accumulator), self.epsilon))
        self.assign_sub(variable, step)


def optimizer_adagrad(lr: Any = 0.01, epsilon: Any = None, decay: Any = 0.0, clipnorm: Any = None,
                      clipvalue: Any = None, **kwargs: Any) -> keras.optimizers.Adagrad:
    """Adagrad as in R keras 2.x: ``a = a + g^2`` (from zeros); ``var -= lr * g / (sqrt(a) + epsilon)``.

    Keras 3's own Adagrad starts ``a`` at 0.1 and divides by ``sqrt(a + epsilon)``; this one keeps
    the Keras 2 rule.

    Example:
        >>> optimizer = optimizer_adagrad(lr=0.05)

    Args:
        lr: The learning rate, a number >= 0; ``learning_rate =`` (Keras 3's name) also takes a
            learning-rate schedule. Defaults to `0.01`.
        epsilon: Defaults to `None` (``k_epsilon()``, 1e-7).
        decay: Keras 2 time-based decay (``lr / (1 + decay * iterations)``). Defaults to `0`.
        clipnorm: Clip each gradient to this norm. Defaults to `None`.
        clipvalue: Clip each gradient element to ``[-clipvalue, clipvalue]``. Defaults to `None`.
        **kwargs: ``learning_rate``, or further arguments of ``keras.optimizers.Adagrad`` other
            than ``initial_accumulator_value``.

    Returns:
        A ``keras.optimizers.Adagrad`` (subclass with the Keras 2 update).

    Mirrors ``keras::optimizer_adagrad()`` of R keras 2.2.4.
    """
    _refuse(kwargs, ("initial_accumulator_value",), "optimizer_adagrad",
            "keras.optimizers.Adagrad or tf$train$AdagradOptimizer")
    lr = _learning_rate(lr, decay, kwargs, 0.01)
    return Adagrad(learning_rate=lr, initial_accumulator_value=0.0, epsilon=_epsilon(epsilon),
                   **_clip(clipnorm, clipvalue), **kwargs)


def optimizer_adadelta(lr: Any = 1.0, rho: Any = 0.95, epsilon: Any = None, decay: Any = 0.0,
                       clipnorm: Any = None, clipvalue: Any = None,
                       **kwargs: Any) -> keras.optimizers.Adadelta:
    """Adadelta: step sizes from running averages of squared gradients and of squared updates.

    ``a = rho * a + (1 - rho) * g^2``; ``u = g * sqrt(d + epsilon) / sqrt(a + epsilon)``;
    ``var -= lr * u``; ``d = rho * d + (1 - rho) * u^2`` (the same rule in Keras 2 and 3; the
    default ``lr = 1`` is Keras 2's, Keras 3's is 0.001).

    Example:
        >>> optimizer = optimizer_adadelta()

    Args:
        lr: The learning rate, a number >= 0; ``learning_rate =`` (Keras 3's name) also takes a
            learning-rate schedule. Defaults to `1`.
        rho: Decay of the running averages, in [0, 1]. Defaults to `0.95`.
        epsilon: Defaults to `None` (``k_epsilon()``, 1e-7).
        decay: Keras 2 time-based decay (``lr / (1 + decay * iterations)``). Defaults to `0`.
        clipnorm: Clip each gradient to this norm. Defaults to `None`.
        clipvalue: Clip each gradient element to ``[-clipvalue, clipvalue]``. Defaults to `None`.
        **kwargs: ``learning_rate``, or further arguments of ``keras.optimizers.Adadelta``.

    Returns:
        A ``keras.optimizers.Adadelta``.

    Mirrors ``keras::optimizer_adadelta()`` of R keras 2.2.4.
    """
    lr = _learning_rate(lr, decay, kwargs, 1.0)
    return keras.optimizers.Adadelta(learning_rate=lr, rho=_number(rho, "rho", minimum=0.0, maximum=1.0),
                                     epsilon=_epsilon(epsilon), **_clip(clipnorm, clipvalue), **kwargs)


def optimizer_adamax(lr: Any = 0.002, beta_1: Any = 0.9, beta_2: Any = 0.999, epsilon: Any = None,
                     decay: Any = 0.0, clipnorm: Any = None, clipvalue: Any = None,
                     **kwargs: Any) -> keras.optimizers.Adamax:
    """Adamax (Adam with the infinity norm): ``u = max(beta_2 * u, abs(g))``, ``var -= lr_t * m / (u + eps)``.

    ``m = beta_1 * m + (1 - beta_1) * g`` and ``lr_t = lr / (1 - beta_1^t)``, the same rule in
    Keras 2 and 3.

    Example:
        >>> optimizer = optimizer_adamax()

    Args:
        lr: The learning rate, a number >= 0; ``learning_rate =`` (Keras 3's name) also takes a
            learning-rate schedule. Defaults to `0.002`.
        beta_1: Decay of the first-moment estimate, in [0, 1). Defaults to `0.9`.
        beta_2: Decay of the infinity norm, in [0, 1). Defaults to `0.999`.
        epsilon: Defaults to `None` (``k_epsilon()``, 1e-7).
        decay: Keras 2 time-based decay (``lr / (1 + decay * iterations)``). Defaults to `0`.
        clipnorm: Clip each gradient to this norm. Defaults to `None`.
        clipvalue: Clip each gradient element to ``[-clipvalue, clipvalue]``. Defaults to `None`.
        **kwargs: ``learning_rate``, or further arguments of ``keras.optimizers.Adamax``.

    Returns:
        A ``keras.optimizers.Adamax``.

    Mirrors ``keras::optimizer_adamax()`` of R keras 2.2.4.
    """
    lr = _learning_rate(lr, decay, kwargs, 0.002)
    return keras.optimizers.Adamax(
        learning_rate=lr, beta_1=_number(beta_1, "beta_1", minimum=0.0, below=1.0),
        beta_2=_number(beta_2, "beta_2", minimum=0.0, below=1.0), epsilon=_epsilon(epsilon),
        **_clip(clipnorm, clipvalue), **kwargs,
    )


class Nadam(keras.optimizers.Nadam):
    """Keras 3 Nadam with Keras 2's schedule ``mu_t = beta_1 * (1 - 0.5 * 0.96^(t * schedule_decay))``.

    Keras 3 computes ``mu_t`` with ``0.96^t``, as if ``schedule_decay`` were 1; everything else
    (the product of the ``mu``, the bias corrections) is the same rule.
    """

    def __init__(self, *args: Any, schedule_decay: float = 0.004, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.schedule_decay = schedule_decay

    def _mu(self, step: Any, dtype: Any) -> Any:
        power = ops.multiply(ops.cast(step, dtype), ops.cast(self.schedule_decay, dtype))
        return ops.cast(self.beta_1, dtype) * (1.0 - 0.5 * ops.power(ops.cast(0.96, dtype), power))

    def _backend_update_step(self, grads: Any, trainable_variables: Any, learning_rate: Any) -> None:
        # the product of the momentum schedule up to this step, shared by every variable
        dtype = self._u_product.dtype
        self.assign(self._u_product, self._u_product * self._mu(self.iterations + 1, dtype))
        # skip Keras 3 Nadam's own update of the product (0.96^t), not the backend's step
        super(keras.optimizers.Nadam, self)._backend_update_step(grads, trainable_variables, learning_rate)

    def update_step(self, gradient: Any, variable: Any, learning_rate: Any) -> None:
        dtype = variable.dtype
        lr = ops.cast(learning_rate, dtype)
        gradient = ops.cast(gradient, dtype)
        beta_1 = ops.cast(self.beta_1, dtype)
        beta_2 = ops.cast(self.beta_2, dtype)
        mu_t = self._mu(self.iterations + 1, dtype)
        mu_next = self._mu(self.iterations + 2, dtype)
        product = ops.cast(self._u_product, dtype)
        product_next = product * mu_next
        m = self._momentums[self._get_variable_index(variable)]
        v = self._velocities[self._get_variable_index(variable)]
        self.assign(m, ops.add(ops.multiply(beta_1, m), ops.multiply(1.0 - beta_1, gradient)))
        self.assign(v, ops.add(ops.multiply(beta_2, v), ops.multiply(1.0 - beta_2, ops.square(gradient))))
        m_bar = ops.add(ops.divide(ops.multiply(1.0 - mu_t, gradient), 1.0 - product),
                        ops.divide(ops.multiply(mu_next, m), 1.0 - product_next))
        v_hat = ops.divide(v, 1.0 - ops.power(beta_2, ops.cast(self.iterations + 1, dtype)))
        self.assign_sub(variable, ops.divide(ops.multiply(lr, m_bar), ops.add(ops.sqrt(v_hat), self.epsilon)))

    def get_config(self) -> dict[str, Any]:
        config = super().get_config()
        config["schedule_decay"] = self.schedule_decay
        return config


def optimizer_nadam(lr: Any = 0.002, beta_1: Any = 0.9, beta_2: Any = 0.999, epsilon: Any = None,
                    schedule_decay: Any = 0.004, clipnorm: Any = None, clipvalue: Any = None,
                    **kwargs: Any) -> keras.optimizers.Nadam:
    """Nadam, Adam with Nesterov momentum, with Keras 2's momentum schedule.

    ``mu_t = beta_1 * (1 - 0.5 * 0.96^(t * schedule_decay))``; with ``P_t`` the product of
    ``mu_1 .. mu_t``: ``m_bar = (1 - mu_t) * g / (1 - P_t) + mu_(t+1) * m / (1 - P_(t+1))``,
    ``var -= lr * m_bar / (sqrt(v / (1 - beta_2^t)) + epsilon)``. Keras 3 dropped
    ``schedule_decay`` (its Nadam uses ``0.96^t``); this one keeps it.

    Example:
        >>> optimizer = optimizer_nadam()

    Args:
        lr: The learning rate, a number >= 0; ``learning_rate =`` (Keras 3's name) also takes a
            learning-rate schedule. Defaults to `0.002`.
        beta_1: Decay of the first-moment estimate, in [0, 1). Defaults to `0.9`.
        beta_2: Decay of the second-moment estimate, in [0, 1). Defaults to `0.999`.
        epsilon: Defaults to `None` (``k_epsilon()``, 1e-7).
        schedule_decay: How fast the momentum schedule rises, a number >= 0. Defaults to `0.004`.
        clipnorm: Clip each gradient to this norm. Defaults to `None`.
        clipvalue: Clip each gradient element to ``[-clipvalue, clipvalue]``. Defaults to `None`.
        **kwargs: ``learning_rate``, or further arguments of ``keras.optimizers.Nadam``.

    Returns:
        A ``keras.optimizers.Nadam`` (subclass with ``schedule_decay``).

    Mirrors ``keras::optimizer_nadam()`` of R keras 2.2.4.
    """
    # Keras 2.2.4's Nadam had no time-based decay (schedule_decay is another thing).
    lr = _learning_rate(lr, 0.0, kwargs, 0.002)
    return Nadam(
        learning_rate=lr, beta_1=_number(beta_1, "beta_1", minimum=0.0, below=1.0),
        beta_2=_number(beta_2, "beta_2", minimum=0.0, below=1.0), epsilon=_epsilon(epsilon),
        schedule_decay=_number(schedule_decay, "schedule_decay", minimum=0.0), **_clip(clipnorm, clipvalue),
        **kwargs,
    )
