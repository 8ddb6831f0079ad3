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
    "tf": "tensorflow.compat",
    "tfe_enable_eager_execution": "tensorflow.compat",
    "keras_model_custom": "keras.model_custom",
    "CustomModel": "keras.model_custom",
    "layer_dense": "keras.layers_core",
    "layer_dropout": "keras.layers_dropout",
    "transpose": "tensorflow.gradients",
    "apply_gradients": "tensorflow.gradients",
    "tensor_slices_dataset": "tfdatasets.datasets",
    "dataset_shuffle": "tfdatasets.datasets",
    "dataset_batch": "tfdatasets.datasets",
    "dataset_repeat": "tfdatasets.datasets",
    "dataset_take": "tfdatasets.datasets",
    "dataset_prefetch": "tfdatasets.datasets",
    "make_iterator_one_shot": "tfdatasets.datasets",
    "iterator_get_next": "tfdatasets.datasets",
    "until_out_of_range": "tfdatasets.datasets",
    "set_random_seed": "tensorflow.seeding",
    "matrix": "bridge.conversion",
    "all_dims": "bridge.conversion",
    "check_numerics": "bridge.conversion",
    "shape": "bridge.tensor_methods",
    # -- models, layers, initializers, training (group D)
    "layer_input": "keras.layers_core",
    "layer_embedding": "keras.layers_embedding",
    "layer_gru": "keras.layers_recurrent",
    "layer_cudnn_gru": "keras.layers_recurrent",
    "layer_lstm": "keras.layers_recurrent",
    "layer_conv_2d": "keras.layers_convolutional",
    "layer_conv_2d_transpose": "keras.layers_convolutional",
    "layer_batch_normalization": "keras.layers_normalization",
    "layer_activation": "keras.layers_core",
    "layer_activation_leaky_relu": "keras.layers_advanced_activations",
    "layer_flatten": "keras.layers_core",
    "layer_reshape": "keras.layers_core",
    "layer_zero_padding_2d": "keras.layers_convolutional",
    "layer_lambda": "keras.layers_core",
    "layer_concatenate": "keras.layers_merge",
    "layer_dot": "keras.layers_merge",
    "layer_max_pooling_2d": "keras.layers_pooling",
    "initializer_random_normal": "keras.initializers",
    "initializer_random_uniform": "keras.initializers",
    "initializer_glorot_uniform": "keras.initializers",
    "initializer_zeros": "keras.initializers",
    "keras_model": "keras.models",
    "keras_model_sequential": "keras.models",
    "compile": "keras.models",
    "fit": "keras.models",
    "evaluate": "keras.models",
    "predict": "keras.models",
    "callback_early_stopping": "keras.models",
    "get_layer": "keras.models",
    "get_weights": "keras.models",
    "set_weights": "keras.models",
    "save_model_weights_tf": "keras.models",
    "load_model_weights_tf": "keras.models",
    "create_layer": "keras.custom_layer",
    "KerasLayer": "keras.custom_layer",
    # -- backend k_*, optimizers, losses, TF1-era extras, tf_function (group E)
    "k_abs": "keras.backend",
    "k_argmax": "keras.backend",
    "k_batch_dot": "keras.backend",
    "k_batch_flatten": "keras.backend",
    "k_cast": "keras.backend",
    "k_cast_to_floatx": "keras.backend",
    "k_clip": "keras.backend",
    "k_concatenate": "keras.backend",
    "k_constant": "keras.backend",
    "k_dot": "keras.backend",
    "k_epsilon": "keras.backend",
    "k_exp": "keras.backend",
    "k_expand_dims": "keras.backend",
    "k_floatx": "keras.backend",
    "k_gather": "keras.backend",
    "k_log": "keras.backend",
    "k_max": "keras.backend",
    "k_mean": "keras.backend",
    "k_ones_like": "keras.backend",
    "k_permute_dimensions": "keras.backend",
    "k_pow": "keras.backend",
    "k_random_normal": "keras.backend",
    "k_random_uniform": "keras.backend",
    "k_reshape": "keras.backend",
    "k_set_floatx": "keras.backend",
    "k_shape": "keras.backend",
    "k_sigmoid": "keras.backend",
    "k_softmax": "keras.backend",
    "k_sqrt": "keras.backend",
    "k_square": "keras.backend",
    "k_stack": "keras.backend",
    "k_sum": "keras.backend",
    "k_tanh": "keras.backend",
    "k_transpose": "keras.backend",
    "k_zeros": "keras.backend",
    "k_zeros_like": "keras.backend",
    "optimizer_adam": "keras.optimizers",
    "optimizer_sgd": "keras.optimizers",
    "optimizer_rmsprop": "keras.optimizers",
    "loss_mean_squared_error": "keras.losses",
    "loss_binary_crossentropy": "keras.losses",
    "loss_sparse_categorical_crossentropy": "keras.losses",
    "tf_function": "tensorflow.tracing",
    "use_session_with_seed": "keras.package",
    "use_implementation": "keras.package",
    "tuple": "keras.package",
    "import_": "keras.package",
    # -- tfdatasets extras, data, text, images, applications (group F)
    "dataset_map": "tfdatasets.datasets",
    "as_iterator": "tfdatasets.datasets",
    "iter_next": "tfdatasets.datasets",
    "dataset_mnist": "keras.datasets",
    "mnist_5k": "keras.datasets",
    "text_tokenizer": "keras.preprocessing_text",
    "fit_text_tokenizer": "keras.preprocessing_text",
    "texts_to_sequences": "keras.preprocessing_text",
    "pad_sequences": "keras.preprocessing_text",
    "image_load": "keras.preprocessing_image",
    "image_to_array": "keras.preprocessing_image",
    "imagenet_preprocess_input": "keras.preprocessing_image",
    "application_vgg16": "keras.applications",
    "application_vgg19": "keras.applications",
    "application_inception_v3": "keras.applications",
    "vgg16_weights_from_hed": "keras.applications",
}

__all__ = sorted(_EXPORTS)

# The layers of the package, reached as ``rkeras_bridge.<layer>.<module>`` (``bridge$tools$runs`` from R)
# without importing them first; docs/architecture.md says what each owns.
_LAYERS = frozenset({"bridge", "tensorflow", "tfdatasets", "keras", "cases", "tools"})

# Where the flat modules of rkeras_bridge 0.1 went: ``rkeras_bridge.runs`` still answers, so scripts
# written against the first layout keep working (``import rkeras_bridge.runs`` does not: use the new path).
_MOVED = {
    "errors": "bridge.errors", "conversion": "bridge.conversion", "tensor_methods": "bridge.tensor_methods",
    "contexts": "bridge.contexts", "r_threads": "bridge.r_threads", "rsession": "bridge.rsession",
    "compat": "tensorflow.compat", "gradients": "tensorflow.gradients", "tracing": "tensorflow.tracing",
    "seeding": "tensorflow.seeding", "distribute": "tensorflow.distribute", "datasets": "tfdatasets.datasets",
    "model_custom": "keras.model_custom", "custom_layer": "keras.custom_layer",
    "models": "keras.models", "optimizers": "keras.optimizers", "losses": "keras.losses",
    "initializers": "keras.initializers", "backend": "keras.backend",
    "applications": "keras.applications",
    "text": "keras.preprocessing_text", "images": "keras.preprocessing_image", "data": "keras.datasets",
    "case_data": "cases.case_data", "captioning": "cases.captioning",
    "style_transfer": "cases.style_transfer",
    "image_pairs": "cases.image_pairs", "translation": "cases.translation", "plots": "cases.plots",
    "cli": "tools.cli", "bench": "tools.bench", "parity": "tools.parity", "report": "tools.report",
    "runs": "tools.runs", "progress": "tools.progress", "checkpoints": "tools.checkpoints",
}


def __getattr__(name: str) -> Any:
    if name in _LAYERS or name in _MOVED:
        return importlib.import_module(f".{_MOVED.get(name, name)}", __name__)
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'rkeras_bridge' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
