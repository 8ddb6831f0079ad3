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
    "all_dims": "conversion",
    "check_numerics": "conversion",
    "shape": "tensor_methods",
    # -- models, layers, initializers, training (group D)
    "layer_input": "layers",
    "layer_embedding": "layers",
    "layer_gru": "layers",
    "layer_cudnn_gru": "layers",
    "layer_lstm": "layers",
    "layer_conv_2d": "layers",
    "layer_conv_2d_transpose": "layers",
    "layer_batch_normalization": "layers",
    "layer_activation": "layers",
    "layer_activation_leaky_relu": "layers",
    "layer_flatten": "layers",
    "layer_reshape": "layers",
    "layer_zero_padding_2d": "layers",
    "layer_lambda": "layers",
    "layer_concatenate": "layers",
    "layer_dot": "layers",
    "layer_max_pooling_2d": "layers",
    "initializer_random_normal": "initializers",
    "initializer_random_uniform": "initializers",
    "initializer_glorot_uniform": "initializers",
    "initializer_zeros": "initializers",
    "keras_model": "models",
    "keras_model_sequential": "models",
    "compile": "models",
    "fit": "models",
    "evaluate": "models",
    "predict": "models",
    "callback_early_stopping": "models",
    "get_layer": "models",
    "get_weights": "models",
    "set_weights": "models",
    "save_model_weights_tf": "models",
    "load_model_weights_tf": "models",
    "create_layer": "custom_layer",
    "KerasLayer": "custom_layer",
    # -- backend k_*, optimizers, losses, TF1-era extras, tf_function (group E)
    "k_abs": "backend",
    "k_argmax": "backend",
    "k_batch_dot": "backend",
    "k_batch_flatten": "backend",
    "k_cast": "backend",
    "k_cast_to_floatx": "backend",
    "k_clip": "backend",
    "k_concatenate": "backend",
    "k_constant": "backend",
    "k_dot": "backend",
    "k_epsilon": "backend",
    "k_exp": "backend",
    "k_expand_dims": "backend",
    "k_floatx": "backend",
    "k_gather": "backend",
    "k_log": "backend",
    "k_max": "backend",
    "k_mean": "backend",
    "k_ones_like": "backend",
    "k_permute_dimensions": "backend",
    "k_pow": "backend",
    "k_random_normal": "backend",
    "k_random_uniform": "backend",
    "k_reshape": "backend",
    "k_set_floatx": "backend",
    "k_shape": "backend",
    "k_sigmoid": "backend",
    "k_softmax": "backend",
    "k_sqrt": "backend",
    "k_square": "backend",
    "k_stack": "backend",
    "k_sum": "backend",
    "k_tanh": "backend",
    "k_transpose": "backend",
    "k_zeros": "backend",
    "k_zeros_like": "backend",
    "optimizer_adam": "optimizers",
    "optimizer_sgd": "optimizers",
    "optimizer_rmsprop": "optimizers",
    "loss_mean_squared_error": "losses",
    "loss_binary_crossentropy": "losses",
    "loss_sparse_categorical_crossentropy": "losses",
    "tf_function": "tracing",
    "use_session_with_seed": "compat.keras2",
    "use_implementation": "compat.keras2",
    "tuple": "compat.keras2",
    "import_": "compat.keras2",
    # -- tfdatasets extras, data, text, images, applications (group F)
    "dataset_map": "datasets",
    "as_iterator": "datasets",
    "iter_next": "datasets",
    "dataset_mnist": "data",
    "mnist_5k": "data",
    "text_tokenizer": "text",
    "fit_text_tokenizer": "text",
    "texts_to_sequences": "text",
    "pad_sequences": "text",
    "image_load": "images",
    "image_to_array": "images",
    "imagenet_preprocess_input": "images",
    "application_vgg16": "applications",
    "application_vgg19": "applications",
    "application_inception_v3": "applications",
    "vgg16_weights_from_hed": "applications",
}

__all__ = sorted(_EXPORTS)

# Modules with helpers for the case studies and tools, reached as ``rkeras_bridge.<module>``.
_SUBMODULES = frozenset({"case_data", "checkpoints", "cli", "conversion", "parity", "plots", "progress",
                         "runs", "translation", "captioning", "distribute", "image_pairs", "style_transfer",
                         "bench"})


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:  # bridge$runs$... from R reaches submodules without importing them first
        return importlib.import_module(f".{name}", __name__)
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'rkeras_bridge' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
