"""``train()`` and ``train_and_evaluate()``, the generics R tensorflow 1.13 exported for tfestimators.

Their methods came from the tfestimators package, on ``tf.estimator``, which TensorFlow 2.16 removed;
calling them raises a classed error that says so and what to use instead (``evaluate()``, the third
generic, is R keras's and exists in ``rkeras_bridge.keras.models``).
"""

from __future__ import annotations

from typing import Any

from ..bridge.errors import unavailable

__all__ = ["train", "train_and_evaluate"]

_WHY = "tf.estimator, on which R tfestimators defined its methods, was removed in TensorFlow 2.16"
_INSTEAD = "fit() and evaluate() on a Keras model, or a loop with tf$GradientTape()"


def train(object: Any, *args: Any, **kwargs: Any) -> None:
    """Refuse: the training generic of TF1 Estimators, which TensorFlow 2 no longer has.

    Example:
        >>> train(None)
        Traceback (most recent call last):
        rkeras_bridge.bridge.errors.UnavailableError: train() is not available on TensorFlow 2: ...

    Args:
        object: An estimator (R tfestimators' method dispatched on it).
        *args: The method's arguments.
        **kwargs: The method's named arguments.

    Returns:
        Never returns.

    Raises:
        UnavailableError: always.

    Mirrors ``tensorflow::train()`` (deprecated in R tensorflow 1.13, for tfestimators).
    """
    raise unavailable("train", _WHY, _INSTEAD)


def train_and_evaluate(object: Any, *args: Any, **kwargs: Any) -> None:
    """Refuse: ``tf.estimator.train_and_evaluate`` went with TF1 Estimators.

    Example:
        >>> train_and_evaluate(None)
        Traceback (most recent call last):
        rkeras_bridge.bridge.errors.UnavailableError: train_and_evaluate() is not available on ...

    Args:
        object: An estimator.
        *args: The method's arguments.
        **kwargs: The method's named arguments.

    Returns:
        Never returns.

    Raises:
        UnavailableError: always.

    Mirrors ``tensorflow::train_and_evaluate()`` (deprecated in R tensorflow 1.13, for tfestimators).
    """
    raise unavailable("train_and_evaluate", _WHY, "fit(model, x, y, validation_data = ...) on a Keras model")
