"""Saving and loading models with R keras 2.2.4's functions: HDF5, JSON, YAML, raw bytes, SavedModel, configs.

Keras 3 writes ``.keras`` archives; R keras 2.2.4 wrote HDF5. The HDF5 functions here use Keras's
legacy HDF5 format (``keras.src.legacy.saving``), the format Keras 2.2.4 wrote: a model file holds
the architecture (``model_config``), the compile settings (``training_config``), the weights and
the optimizer's state; a weights file holds the weights only, layer by layer. Files are written
atomically: to a temporary file in the same folder, then renamed, so a crash mid-save leaves the
previous file intact.

``model_to_saved_model()`` writes a TensorFlow SavedModel with the model's serving function (as
``tf$keras$experimental$export_saved_model()`` of TF 1.14 did) plus ``assets/saved_model.json``;
``model_from_saved_model()`` rebuilds the Keras model from that JSON and the SavedModel's variables.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import keras
import numpy as np

from ..bridge.conversion import as_flag
from ..bridge.errors import bad_argument, describe, unavailable

__all__ = [
    "save_model_hdf5",
    "load_model_hdf5",
    "save_model_weights_hdf5",
    "load_model_weights_hdf5",
    "model_to_json",
    "model_from_json",
    "model_to_yaml",
    "model_from_yaml",
    "serialize_model",
    "unserialize_model",
    "model_to_saved_model",
    "model_from_saved_model",
    "with_custom_object_scope",
]

_VARIABLES = "keras_model_variables"
_JSON_ASSET = "saved_model.json"


def _check_model(object: Any, name: str = "object") -> None:
    if not isinstance(object, keras.Model):
        raise bad_argument(name, object, "a Keras model (keras_model(), keras_model_sequential(), "
                           "keras_model_custom())", error=TypeError)


def _check_architecture(object: Any, name: str, what: str) -> None:
    """Refuse a model whose architecture only exists as code (keras_model_custom), as Keras 2.2.4 did."""
    _check_model(object, name)
    if not _has_config(object):
        raise bad_argument(
            name, object,
            f"a functional or sequential model: {what} holds the architecture as a configuration, and a "
            "keras_model_custom() model's architecture is R/Python code (Keras 2.2.4 refused it too); "
            "save its weights with save_model_weights_hdf5() or save_model_weights_tf() instead",
            error=TypeError)


def _has_config(object: Any) -> bool:
    from keras.src.models.functional import Functional

    return isinstance(object, (keras.Sequential, Functional))


def _path(filepath: Any, name: str = "filepath") -> str:
    if not isinstance(filepath, (str, os.PathLike)) or not os.fspath(filepath):
        raise bad_argument(name, filepath, "a file path (a string)", error=TypeError)
    return os.path.expanduser(os.fspath(filepath))


def _existing_file(filepath: Any, name: str = "filepath") -> str:
    path = _path(filepath, name)
    if not os.path.isfile(path):
        raise FileNotFoundError(f"Invalid value for argument `{name}`: expected an existing file ({path} not "
                                f"found). Received: {name}={describe(filepath)}")
    return path


def _refuse_overwrite(path: str, filepath: Any, overwrite: Any) -> None:
    if not as_flag(overwrite, "overwrite") and os.path.exists(path):
        raise FileExistsError(f"Invalid value for argument `filepath`: expected a file that does not exist "
                              f"yet (or overwrite = TRUE). Received: filepath={describe(filepath)}")


@contextmanager
def _atomic_file(path: str) -> Iterator[str]:
    """A temporary path beside ``path``, renamed onto ``path`` when the block succeeds."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _custom_objects(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)) and not value:
        return None
    if not isinstance(value, dict):
        raise bad_argument("custom_objects", value,
                           "a named list/dict from name to custom object, "
                           "e.g. c(mean_pred = metric_mean_pred)",
                           error=TypeError)
    for key in value:
        if not isinstance(key, str) or not key:
            raise bad_argument("custom_objects", value, "names for all custom objects", error=TypeError)
    return dict(value)


def save_model_hdf5(object: Any, filepath: Any, overwrite: Any = True, include_optimizer: Any = True) -> Any:
    """Save a model (architecture, weights, compile settings, optimizer state) to an HDF5 file.

    Example:
        >>> save_model_hdf5(model, "model.h5")
        >>> model = load_model_hdf5("model.h5")

    Args:
        object: A functional or sequential model.
        filepath: The file; missing folders are created. Written atomically.
        overwrite: Replace an existing file; otherwise an existing file is an error. Defaults to `True`.
        include_optimizer: Also save the optimizer's state, to resume training. Defaults to `True`.

    Returns:
        ``object`` (R returns it invisibly).

    Mirrors ``keras::save_model_hdf5()`` of R keras 2.2.4 (Keras's legacy HDF5 format).
    """
    from keras.src.legacy.saving import legacy_h5_format

    _check_architecture(object, "object", "an HDF5 model file")
    path = _path(filepath)
    _refuse_overwrite(path, filepath, overwrite)
    include_optimizer = as_flag(include_optimizer, "include_optimizer")
    with _atomic_file(path) as tmp:
        legacy_h5_format.save_model_to_hdf5(object, tmp, overwrite=True, include_optimizer=include_optimizer)
    return object


def load_model_hdf5(filepath: Any, custom_objects: Any = None, compile: Any = True) -> keras.Model:
    """Load a model saved by :func:`save_model_hdf5` (or by Keras 2's ``model.save()``).

    Example:
        >>> model = load_model_hdf5("model.h5", custom_objects={"mean_pred": metric_mean_pred})

    Args:
        filepath: The HDF5 file.
        custom_objects: A named list/dict from name to the custom losses, metrics and layers the
            model uses (the names they were saved under). Defaults to `None`.
        compile: Compile the model with the saved settings (and restore the optimizer's state).
            Defaults to `True`.

    Returns:
        The model.

    Mirrors ``keras::load_model_hdf5()`` of R keras 2.2.4.
    """
    import h5py
    from keras.src.legacy.saving import legacy_h5_format

    path = _existing_file(filepath)
    custom = _custom_objects(custom_objects)
    compile = as_flag(compile, "compile")
    model = legacy_h5_format.load_model_from_hdf5(path, custom_objects=custom, compile=False)
    if compile:
        with h5py.File(path, "r") as f:
            _compile_from_file(model, f, custom)
    return model


def _compile_from_file(model: keras.Model, f: Any, custom_objects: dict[str, Any] | None) -> None:
    """Compile as saved and restore the optimizer's state.

    Keras 3's legacy reader builds the restored optimizer for ``model._trainable_variables``, which
    for a sequential or functional model is empty (the weights belong to its layers), so the first
    ``fit()`` fails with "Unknown variable"; here the optimizer is built for the model's trainable
    variables before its saved state is set.
    """
    import logging

    from keras.src.legacy.saving import legacy_h5_format, saving_utils
    from keras.src.saving import object_registration

    config = f.attrs.get("training_config")
    if config is None:
        logging.getLogger(__name__).warning("No training configuration found in the save file, so the model "
                                            "was *not* compiled. Compile it manually.")
        return
    if hasattr(config, "decode"):
        config = config.decode("utf-8")
    from keras.src.legacy.saving import json_utils

    from keras.src.backend.common import global_state

    # Keras's CustomObjectScope replaces the objects of an enclosing scope instead of adding to them,
    # so those of with_custom_object_scope() are passed on here explicitly, as Keras's reader does.
    scoped = global_state.get_global_attribute("custom_objects_scope_dict", {})
    custom = {**_bridge_optimizers(), **(custom_objects or {}), **object_registration.get_custom_objects(),
              **scoped}
    config = json_utils.decode(config)
    if "loss" in config:
        config["loss"] = _loss_names(config["loss"], custom)
    model.compile(**saving_utils.compile_args_from_training_config(config, custom))
    saving_utils.try_build_compiled_arguments(model)
    if "optimizer_weights" in f:
        model.optimizer.build(model.trainable_variables)
        values = legacy_h5_format.load_optimizer_weights_from_hdf5_group(f)
        try:
            model.optimizer.set_weights(values)
        except ValueError as exc:
            import warnings

            warnings.warn(f"The saved optimizer state does not fit this model's optimizer ({exc}); training "
                          "starts with a fresh optimizer state.", RuntimeWarning, stacklevel=3)


def _loss_names(config: Any, custom: dict[str, Any]) -> Any:
    """Loss aliases (``"mse"``, ``"mae"`` ...) as the functions' full names.

    Keras 3 writes ``compile(loss = "mse")`` as ``"mse"`` and then cannot read it back (it resolves
    the alias to a metric function it refuses to deserialize); the full name reads back.
    """
    if isinstance(config, str):
        if config in custom:
            return config
        try:
            fn = keras.losses.get(config)
        except (ValueError, TypeError):
            return config
        return getattr(fn, "__name__", config) if callable(fn) and not isinstance(fn, type) else config
    if isinstance(config, list):
        return [_loss_names(c, custom) for c in config]
    if isinstance(config, dict) and "class_name" not in config:
        return {k: _loss_names(v, custom) for k, v in config.items()}
    return config


def _bridge_optimizers() -> dict[str, Any]:
    """The optimizers of ``optimizer_*()`` by the class names a saved file records.

    They subclass Keras 3's optimizers of the same names to keep Keras 2.2.4's behaviour (and
    arguments, such as Nadam's ``schedule_decay``); a file records only the class name, which would
    otherwise bring back Keras 3's class. Keras looks built-in optimizer names up in lower case.
    """
    from . import optimizers

    found = {}
    for value in vars(optimizers).values():
        if isinstance(value, type) and issubclass(value, keras.optimizers.Optimizer) \
                and value.__module__ == optimizers.__name__:
            found[value.__name__] = value
            found[value.__name__.lower()] = value
    return found


def save_model_weights_hdf5(object: Any, filepath: Any, overwrite: Any = True) -> Any:
    """Save a model's weights to an HDF5 file (layer by layer, Keras 2.2.4's format).

    Example:
        >>> save_model_weights_hdf5(model, "weights.h5")

    Args:
        object: A model (a keras_model_custom() model too, once built).
        filepath: The file; missing folders are created. Written atomically.
        overwrite: Replace an existing file. Defaults to `True`.

    Returns:
        ``object`` (R returns it invisibly).

    Mirrors ``keras::save_model_weights_hdf5()`` of R keras 2.2.4.
    """
    import h5py
    from keras.src.legacy.saving import legacy_h5_format

    _check_model(object)
    path = _path(filepath)
    _refuse_overwrite(path, filepath, overwrite)
    with _atomic_file(path) as tmp:
        with h5py.File(tmp, "w") as f:
            legacy_h5_format.save_weights_to_hdf5_group(f, object)
    return object


def load_model_weights_hdf5(object: Any, filepath: Any, by_name: Any = False, skip_mismatch: Any = False,
                            reshape: Any = False) -> Any:
    """Load weights saved by :func:`save_model_weights_hdf5` (or :func:`save_model_hdf5`) into a model.

    Example:
        >>> load_model_weights_hdf5(model, "weights.h5")

    Args:
        object: A model of the same architecture (or, with ``by_name``, with layers of the same names).
        filepath: The HDF5 file.
        by_name: Match layers by name instead of by order (layers absent from the file keep their
            weights). Defaults to `False`.
        skip_mismatch: With ``by_name``, skip layers whose weights differ in number or shape, with a
            warning, instead of failing. Defaults to `False`.
        reshape: Reshape a saved weight to the layer's weight shape when both have as many values.
            Defaults to `False`.

    Returns:
        ``object`` (R returns it invisibly).

    Mirrors ``keras::load_model_weights_hdf5()`` of R keras 2.2.4.
    """
    import h5py
    from keras.src.legacy.saving import legacy_h5_format

    _check_model(object)
    by_name = as_flag(by_name, "by_name")
    skip_mismatch = as_flag(skip_mismatch, "skip_mismatch")
    reshape = as_flag(reshape, "reshape")
    if skip_mismatch and not by_name:
        raise bad_argument("skip_mismatch", skip_mismatch, "FALSE unless by_name = TRUE (as in Keras 2.2.4)")
    path = _existing_file(filepath)
    with h5py.File(path, "r") as f:
        group = f["model_weights"] if "layer_names" not in f.attrs and "model_weights" in f else f
        if reshape:
            _load_reshaped(group, object, by_name, skip_mismatch)
        elif by_name:
            legacy_h5_format.load_weights_from_hdf5_group_by_name(group, object, skip_mismatch=skip_mismatch)
        else:
            legacy_h5_format.load_weights_from_hdf5_group(group, object)
    return object


def _saved_layers(group: Any) -> list[tuple[str, list[np.ndarray]]]:
    from keras.src.legacy.saving import legacy_h5_format

    names = legacy_h5_format.load_attributes_from_hdf5_group(group, "layer_names")
    layers = []
    for name in names:
        g = group[name]
        weight_names = legacy_h5_format.load_attributes_from_hdf5_group(g, "weight_names")
        layers.append((name, [np.asarray(g[w]) for w in weight_names]))
    return layers


def _load_reshaped(group: Any, model: Any, by_name: bool, skip_mismatch: bool) -> None:
    """Keras 2.2.4's ``reshape = TRUE``: a saved weight with as many values takes the layer's shape."""
    import warnings

    saved = [(name, ws) for name, ws in _saved_layers(group) if ws]
    layers = [layer for layer in model.layers if layer.weights]
    if by_name:
        index = dict(saved)
        pairs = [(layer, index[layer.name]) for layer in layers if layer.name in index]
    else:
        if len(saved) != len(layers):
            raise ValueError(f"Invalid value for argument `filepath`: expected weights for {len(layers)} "
                             f"layers with weights; the file has {len(saved)}. "
                             f"Received: filepath={group.file.filename!r}")
        pairs = list(zip(layers, (ws for _, ws in saved)))
    for layer, weights in pairs:
        targets = layer.weights
        fitted = []
        problem = None
        if len(weights) != len(targets):
            problem = f"layer {layer.name} has {len(targets)} weights, the file {len(weights)}"
        else:
            for value, target in zip(weights, targets):
                shape = tuple(target.shape)
                if value.shape != shape:
                    if value.size != int(np.prod(shape)):
                        problem = f"weight {target.path} has shape {shape}, the file {value.shape}"
                        break
                    value = value.reshape(shape)
                fitted.append(value)
        if problem:
            if skip_mismatch:
                warnings.warn(f"Skipping loading of weights for layer {layer.name}: {problem}", stacklevel=3)
                continue
            raise ValueError(f"Invalid value for argument `filepath`: expected weights that fit the model; "
                             f"{problem}. Received: filepath={group.file.filename!r}")
        layer.set_weights(fitted)


def model_to_json(object: Any) -> str:
    """The model's architecture (no weights) as a JSON string.

    Example:
        >>> json_string = model_to_json(model)

    Args:
        object: A functional or sequential model.

    Returns:
        A JSON string: Keras 3's serialization of the model's configuration, without the compile
        settings (Keras 2.2.4's JSON held the architecture only).

    Mirrors ``keras::model_to_json()`` of R keras 2.2.4.
    """
    _check_architecture(object, "object", "JSON")
    return json.dumps(_architecture(object))


def _architecture(object: Any) -> dict[str, Any]:
    """Keras 3's serialization of the model without ``compile_config``: Keras 2.2.4's JSON was the
    architecture only, and ``model_from_json()`` gave an uncompiled model."""
    from keras.src.saving import serialization_lib

    config = serialization_lib.serialize_keras_object(object)
    config.pop("compile_config", None)
    return config


def _model_from_config(config: Any, custom_objects: Any) -> keras.Model:
    from keras.src.legacy.saving import saving_utils

    custom = _custom_objects(custom_objects)
    if isinstance(config, dict) and "class_name" in config and "module" not in config:
        # A Keras 2 architecture ({"class_name": "Sequential", "config": ...}): Keras 3's legacy reader.
        return saving_utils.model_from_config(config, custom_objects=custom)
    if isinstance(config, dict):
        config = {k: v for k, v in config.items() if k != "compile_config"}
    return keras.saving.deserialize_keras_object(config, custom_objects=custom)


def model_from_json(json: Any, custom_objects: Any = None) -> keras.Model:
    """A new model (freshly initialised weights) from an architecture written by :func:`model_to_json`.

    Example:
        >>> model2 = model_from_json(model_to_json(model))

    Args:
        json: The JSON string (Keras 3's, or a Keras 2 ``model.to_json()`` string).
        custom_objects: A named list/dict of custom layers and functions. Defaults to `None`.

    Returns:
        The model.

    Mirrors ``keras::model_from_json()`` of R keras 2.2.4.
    """
    import json as json_module

    if isinstance(json, (list, tuple)) and len(json) == 1:
        json = json[0]
    if not isinstance(json, str):
        raise bad_argument("json", json, "a JSON string from model_to_json()", error=TypeError)
    try:
        config = json_module.loads(json)
    except ValueError as exc:
        raise bad_argument("json", json, f"valid JSON ({exc})") from None
    return _model_from_config(config, custom_objects)


def _yaml() -> Any:
    try:
        import yaml
    except ImportError:
        return None
    return yaml


def model_to_yaml(object: Any) -> str:
    """The model's architecture (no weights) as a YAML string; needs the Python package PyYAML.

    Example:
        >>> yaml_string = model_to_yaml(model)

    Args:
        object: A functional or sequential model.

    Returns:
        A YAML string of the same configuration :func:`model_to_json` writes.

    Raises:
        UnavailableError: PyYAML is not installed (Keras 3 dropped YAML support and does not need it).

    Mirrors ``keras::model_to_yaml()`` of R keras 2.2.4.
    """
    yaml = _yaml()
    if yaml is None:
        raise unavailable("model_to_yaml", "it needs the Python package PyYAML, which is not installed "
                          "here (Keras 3 itself dropped YAML)", "model_to_json()")
    _check_architecture(object, "object", "YAML")
    return yaml.safe_dump(_architecture(object), default_flow_style=False)


def model_from_yaml(yaml: Any, custom_objects: Any = None) -> keras.Model:
    """A new model from an architecture written by :func:`model_to_yaml`; needs PyYAML.

    Example:
        >>> model2 = model_from_yaml(model_to_yaml(model))

    Args:
        yaml: The YAML string.
        custom_objects: A named list/dict of custom layers and functions. Defaults to `None`.

    Returns:
        The model.

    Raises:
        UnavailableError: PyYAML is not installed.

    Mirrors ``keras::model_from_yaml()`` of R keras 2.2.4.
    """
    module = _yaml()
    if module is None:
        raise unavailable("model_from_yaml", "it needs the Python package PyYAML, which is not installed "
                          "here (Keras 3 itself dropped YAML)", "model_from_json()")
    if isinstance(yaml, (list, tuple)) and len(yaml) == 1:
        yaml = yaml[0]
    if not isinstance(yaml, str):
        raise bad_argument("yaml", yaml, "a YAML string from model_to_yaml()", error=TypeError)
    return _model_from_config(module.safe_load(yaml), custom_objects)


def serialize_model(model: Any, include_optimizer: Any = True) -> bytes:
    """The whole model (as :func:`save_model_hdf5` writes it) as bytes, e.g. to keep in an R object.

    Example:
        >>> raw = serialize_model(model)
        >>> model2 = unserialize_model(raw)

    Args:
        model: A functional or sequential model.
        include_optimizer: Include the optimizer's state. Defaults to `True`.

    Returns:
        The HDF5 file's bytes (an R ``raw`` vector in R).

    Mirrors ``keras::serialize_model()`` of R keras 2.2.4.
    """
    _check_architecture(model, "model", "a serialized model")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "model.h5")
        save_model_hdf5(model, path, include_optimizer=include_optimizer)
        with open(path, "rb") as f:
            return f.read()


def unserialize_model(model: Any, custom_objects: Any = None, compile: Any = True) -> keras.Model:
    """A model from the bytes :func:`serialize_model` made.

    Example:
        >>> model2 = unserialize_model(serialize_model(model))

    Args:
        model: The bytes (an R ``raw`` vector).
        custom_objects: A named list/dict of custom objects. Defaults to `None`.
        compile: Compile the model with the saved settings. Defaults to `True`.

    Returns:
        The model.

    Mirrors ``keras::unserialize_model()`` of R keras 2.2.4.
    """
    if isinstance(model, np.ndarray) and model.dtype == np.uint8:
        model = model.tobytes()
    if not isinstance(model, (bytes, bytearray, memoryview)) or not len(model):
        raise bad_argument("model", model, "the raw vector (bytes) returned by serialize_model()",
                           error=TypeError)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "model.h5")
        with open(path, "wb") as f:
            f.write(bytes(model))
        return load_model_hdf5(path, custom_objects=custom_objects, compile=compile)


def model_to_saved_model(model: Any, saved_model_path: Any, custom_objects: Any = None, as_text: Any = False,
                         input_signature: Any = None, serving_only: Any = False) -> str:
    """Export a model as a TensorFlow SavedModel, which :func:`model_from_saved_model` reads back.

    Example:
        >>> model_to_saved_model(model, "exported")
        >>> model2 = model_from_saved_model("exported")

    Args:
        model: A functional or sequential model.
        saved_model_path: The SavedModel's folder: a new one, or an existing empty one (as TF 1.14's
            builder required). Written into a temporary folder beside it first, then renamed.
        custom_objects: Custom objects of the model, for TF 1.14's cloning of train/eval graphs;
            TensorFlow 2 SavedModels have no such graphs, so they are only checked. Defaults to `None`.
        as_text: Write ``saved_model.pbtxt`` (text protobuf) instead of ``saved_model.pb``. Defaults
            to `False`.
        input_signature: A list of ``tf$TensorSpec`` for the serving function's inputs. Defaults to
            `None` (the model's input shapes).
        serving_only: TF 1.14 also exported training and evaluation graphs unless this was `TRUE`;
            TensorFlow 2 SavedModels hold the serving function (``serve``, ``serving_default``) in
            both cases. Defaults to `False`.

    Returns:
        The path of the SavedModel folder (R returns it invisibly).

    Mirrors ``keras::model_to_saved_model()`` of R keras (TF 1.14's
    ``tf.keras.experimental.export_saved_model``).
    """
    from keras.src.export.export_utils import get_input_signature

    _check_architecture(model, "model", "a SavedModel's assets/saved_model.json")
    path = _path(saved_model_path, "saved_model_path")
    _custom_objects(custom_objects)
    as_text = as_flag(as_text, "as_text")
    as_flag(serving_only, "serving_only")
    if os.path.exists(path) and (not os.path.isdir(path) or os.listdir(path)):
        raise FileExistsError(f"Invalid value for argument `saved_model_path`: expected a new or empty "
                              f"folder. Received: saved_model_path={describe(saved_model_path)}")
    if input_signature is not None and not isinstance(input_signature, (list, tuple)):
        input_signature = [input_signature]
    parent = os.path.dirname(os.path.abspath(path))
    os.makedirs(parent, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="." + os.path.basename(os.path.abspath(path)) + ".", dir=parent)
    try:
        export = os.path.join(tmp, "export")
        archive = keras.export.ExportArchive()
        archive.track_and_add_endpoint("serve", model, input_signature or get_input_signature(model))
        archive.add_variable_collection(_VARIABLES, list(model.variables))
        archive.write_out(export, verbose=False)
        if as_text:
            _pb_to_text(export)
        os.makedirs(os.path.join(export, "assets"), exist_ok=True)
        with open(os.path.join(export, "assets", _JSON_ASSET), "w", encoding="utf-8") as f:
            f.write(model_to_json(model))
        if os.path.isdir(path):
            os.rmdir(path)
        os.replace(export, path)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return path


def _pb_to_text(folder: str) -> None:
    from google.protobuf import text_format
    from tensorflow.core.protobuf import saved_model_pb2

    binary = os.path.join(folder, "saved_model.pb")
    proto = saved_model_pb2.SavedModel()
    with open(binary, "rb") as f:
        proto.ParseFromString(f.read())
    with open(os.path.join(folder, "saved_model.pbtxt"), "w", encoding="utf-8") as f:
        f.write(text_format.MessageToString(proto))
    os.unlink(binary)


def model_from_saved_model(saved_model_path: Any, custom_objects: Any = None) -> keras.Model:
    """Rebuild the Keras model exported by :func:`model_to_saved_model` (architecture and weights).

    Example:
        >>> model2 = model_from_saved_model("exported")

    Args:
        saved_model_path: The SavedModel folder.
        custom_objects: A named list/dict of custom layers and functions. Defaults to `None`.

    Returns:
        The model, not compiled (as in TF 1.14), predicting as the exported one did.

    Mirrors ``keras::model_from_saved_model()`` of R keras (TF 1.14's
    ``tf.keras.experimental.load_from_saved_model``).
    """
    import tensorflow as tf

    path = _path(saved_model_path, "saved_model_path")
    asset = os.path.join(path, "assets", _JSON_ASSET)
    if not os.path.isfile(asset):
        raise FileNotFoundError(f"Invalid value for argument `saved_model_path`: expected a SavedModel "
                                f"written by model_to_saved_model() ({asset} not found). "
                                f"Received: saved_model_path={describe(saved_model_path)}")
    with open(asset, encoding="utf-8") as f:
        model = model_from_json(f.read(), custom_objects=custom_objects)
    loaded = tf.saved_model.load(path)
    saved = list(getattr(loaded, _VARIABLES, []))
    targets = list(model.variables)
    if len(saved) != len(targets):
        raise ValueError(f"Invalid value for argument `saved_model_path`: expected {len(targets)} variables "
                         f"for the model in {asset}; the SavedModel has {len(saved)}. "
                         f"Received: saved_model_path={describe(saved_model_path)}")
    for target, value in zip(targets, saved):
        target.assign(value.numpy())
    return model


def with_custom_object_scope(objects: Any, expr: Any = None) -> Any:
    """Make custom objects known by name, e.g. to ``load_model_hdf5()`` without ``custom_objects``.

    Example:
        >>> with with_custom_object_scope({"mean_pred": metric_mean_pred}):
        ...     model = load_model_hdf5("model.h5")

    Args:
        objects: A named list/dict from name to custom object (metric, loss, layer class).
        expr: A function of no arguments to call inside the scope. Defaults to `None`: return the
            scope, a context manager (R: the R function evaluates its ``expr`` inside it).

    Returns:
        ``expr()``'s result, or the scope when ``expr`` is `None`.

    Mirrors ``keras::with_custom_object_scope()`` of R keras 2.2.4.
    """
    custom = _custom_objects(objects)
    if custom is None:
        raise bad_argument("objects", objects, "a named list/dict of custom objects", error=TypeError)
    scope = keras.saving.custom_object_scope(custom)
    if expr is None:
        return scope
    if not callable(expr):
        raise bad_argument("expr", expr, "a function of no arguments (or NULL/None)", error=TypeError)
    with scope:
        return expr()
