"""rkeras_bridge: the 2018 R keras/tensorflow/tfdatasets eager idioms on TensorFlow 2 / Keras 3.

The same names serve R (through the ``rkerasbridge`` R package and reticulate) and Python::

    from rkeras_bridge import tf, keras_model_custom, layer_dense, transpose

Imports are lazy: ``import rkeras_bridge`` does not import TensorFlow until a name is used, so
the R package can load quickly and pick its Python first.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "tf": "compat",
    "tfe_enable_eager_execution": "compat",
    "keras_model_custom": "model_custom",
    "CustomModel": "model_custom",
    "layer_dense": "layers",
    "layer_dropout": "layers",
    "transpose": "gradients",
    "apply_gradients": "gradients",
    "tensor_slices_dataset": "datasets",
    "dataset_shuffle": "datasets",
    "dataset_batch": "datasets",
    "dataset_repeat": "datasets",
    "dataset_take": "datasets",
    "dataset_prefetch": "datasets",
    "make_iterator_one_shot": "datasets",
    "iterator_get_next": "datasets",
    "until_out_of_range": "datasets",
    "set_random_seed": "seeding",
    "matrix": "conversion",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'rkeras_bridge' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
