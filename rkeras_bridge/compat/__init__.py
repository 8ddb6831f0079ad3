"""Every TF1-era name the 2018 eager code uses, mapped onto TF 2 / Keras 3 with TF1 semantics.

``tf`` here is the real ``tensorflow`` module with a thin overlay: attributes the overlay defines
(``tf.train.AdamOptimizer``, ``tf.losses.mean_squared_error`` ...) come from it, everything else
is TensorFlow's own. Core modules never import this package; it imports them.
"""

from __future__ import annotations

import sys
import types
from typing import Any

import tensorflow as _tf

from . import train as _train

__all__ = ["tf", "tfe_enable_eager_execution"]


class Namespace(types.ModuleType):
    """A module that answers from ``overlay`` first and from ``base`` otherwise."""

    def __init__(self, name: str, base: Any, overlay: dict[str, Any]):
        super().__init__(name, getattr(base, "__doc__", None))
        self._base = base
        self.__dict__.update(overlay)

    def __getattr__(self, name: str) -> Any:
        if name == "__path__":  # not a package: keep the import system from looking inside
            raise AttributeError(name)
        return getattr(self._base, name)

    def __dir__(self) -> list[str]:
        return sorted(set(dir(self._base)) | {k for k in self.__dict__ if not k.startswith("_")})

    def __repr__(self) -> str:
        return f"<module '{self.__name__}' (TensorFlow {_tf.__version__} with TF1-era names)>"


def tfe_enable_eager_execution(*args: Any, **kwargs: Any) -> None:
    """Does nothing: eager execution is always on in TensorFlow 2.

    Kept so 2018 scripts that start with ``tfe_enable_eager_execution(device_policy = "silent")``
    run unchanged; arguments are accepted and ignored.

    Mirrors ``tensorflow::tfe_enable_eager_execution()``.
    """
    return None


train = Namespace("tf.train", _tf.train, {
    "AdamOptimizer": _train.AdamOptimizer,
    "GradientDescentOptimizer": _train.GradientDescentOptimizer,
    "get_or_create_global_step": _train.get_or_create_global_step,
    "get_global_step": _train.get_global_step,
    "Checkpoint": _tf.train.Checkpoint,
    "CheckpointManager": _tf.train.CheckpointManager,
    "latest_checkpoint": _tf.train.latest_checkpoint,
})

# TF1 losses (weights, reductions, label casting) are TensorFlow's own TF1 code, which runs eagerly.
losses = Namespace("tf.losses", _tf.compat.v1.losses, {
    "mean_squared_error": _tf.compat.v1.losses.mean_squared_error,
})

tf = Namespace("tf", _tf, {
    "train": train,
    "losses": losses,
    "executing_eagerly": _tf.executing_eagerly,
    "enable_eager_execution": tfe_enable_eager_execution,
})

# `import("rkeras_bridge.compat.tf", delay_load = ...)` from R finds the namespace as a module.
sys.modules[__name__ + ".tf"] = tf
