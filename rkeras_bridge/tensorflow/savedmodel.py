"""SavedModels, as R tensorflow 1.13 wrote and showed them: ``export_savedmodel()``, ``view_savedmodel()``.

R tensorflow 1.13 exported a TF1 session's graph; TensorFlow 2 has no sessions, so a session is refused
with a classed error, and what TF 2 can export is exported: a Keras model (its ``serve`` endpoint, what
TensorFlow Serving loads) or any ``tf.Module`` (``tf.saved_model.save``).
"""

from __future__ import annotations

import os
import shutil
import time
from typing import Any

from ..bridge.conversion import as_flag
from ..bridge.errors import bad_argument, unavailable

__all__ = ["export_savedmodel", "view_savedmodel"]


def _is_session(value: Any) -> bool:
    return any(c.__name__ in ("Session", "BaseSession", "InteractiveSession") for c in type(value).__mro__)


def export_savedmodel(object: Any, export_dir_base: Any, *args: Any, overwrite: Any = True,
                      versioned: Any = None, **kwargs: Any) -> str:
    """Export a model as a SavedModel: a Keras model's serving endpoint, or a ``tf.Module``.

    Example:
        >>> model = keras_model_sequential(list(layer_dense(units=1, input_shape=3)))  # doctest: +SKIP
        >>> export_savedmodel(model, "exported")  # doctest: +SKIP
        '/abs/path/exported'

    Args:
        object: A Keras model (exported with ``model.export()``: a ``serve`` signature) or a
            ``tf.Module`` (``tf.saved_model.save``). A TF1 session is refused: TensorFlow 2 has none.
        export_dir_base: The folder to write.
        *args: Ignored (R's ``...`` of the generic).
        overwrite: Replace an existing folder. Defaults to `True`.
        versioned: Write into a new sub-folder named by the time in seconds, as TensorFlow Serving
            expects of model versions. Defaults to `None` (``not overwrite``, as R keras did).
        **kwargs: Ignored (R keras's ``remove_learning_phase``, ``as_text``: Keras 3 has neither).

    Returns:
        The absolute path of the folder written.

    Raises:
        UnavailableError: for a TF1 session.
        ValueError: for anything else that is not a model, or an existing folder when not
            ``overwrite``.

    Mirrors ``tensorflow::export_savedmodel()`` (and R keras's method for models).
    """
    import tensorflow as tf

    if _is_session(object):
        raise unavailable(
            "export_savedmodel(<session>)",
            "TensorFlow 2 runs eagerly: there is no session whose graph could be exported",
            "put the computation in a Keras model or a tf$Module and call export_savedmodel(model, dir), "
            "or tf$saved_model$save(module, dir)",
        )
    if not isinstance(export_dir_base, (str, os.PathLike)) or not os.fspath(export_dir_base):
        raise bad_argument("export_dir_base", export_dir_base, "the path of a folder to write")
    overwrite = as_flag(overwrite, "overwrite")
    versioned = (not overwrite) if versioned is None else as_flag(versioned, "versioned")
    path = os.path.abspath(os.fspath(export_dir_base))
    if versioned:
        path = os.path.join(path, str(int(time.time())))
    if os.path.exists(path):
        if not overwrite:
            raise bad_argument("export_dir_base", path, "a folder that does not exist (or overwrite = TRUE)")
        if os.path.isdir(path):
            shutil.rmtree(path)
        else:
            os.remove(path)
    import keras

    if isinstance(object, keras.Model):
        object.export(path, format="tf_saved_model", verbose=False)
    elif isinstance(object, tf.Module):
        tf.saved_model.save(object, path)
    else:
        raise bad_argument("object", object, "a Keras model or a tf$Module (TensorFlow 2 has no sessions)")
    return path


def _spec_text(spec: Any) -> str:
    shape = "unknown rank" if spec.shape.rank is None else "(" + ", ".join(
        "-1" if d is None else str(d) for d in spec.shape.as_list()) + ")"
    return f"dtype: {spec.dtype.name}, shape: {shape}"


def view_savedmodel(model_dir: Any) -> str:
    """Describe a SavedModel's signatures: each one's inputs and outputs, with dtypes and shapes.

    Example:
        >>> print(view_savedmodel("exported"))  # doctest: +SKIP
        signature_def['serve']:
          inputs['keras_tensor']: dtype: float32, shape: (-1, 3)
          outputs['output_0']: dtype: float32, shape: (-1, 1)

    Args:
        model_dir: The folder of a SavedModel (the one holding ``saved_model.pb``).

    Returns:
        The description, one block per signature (``-1`` is a dimension of any size), as
        ``saved_model_cli show --all`` lists them.

    Raises:
        ValueError: when ``model_dir`` holds no SavedModel.

    Mirrors ``tensorflow::view_savedmodel()``.
    """
    import tensorflow as tf

    if not isinstance(model_dir, (str, os.PathLike)) or not os.path.isfile(
            os.path.join(os.fspath(model_dir), "saved_model.pb")):
        raise bad_argument("model_dir", model_dir, "the folder of a SavedModel (with saved_model.pb in it)")
    loaded = tf.saved_model.load(os.fspath(model_dir))
    blocks = []
    for key, function in sorted(loaded.signatures.items()):
        lines = [f"signature_def['{key}']:"]
        _, kwargs = function.structured_input_signature
        for name, spec in sorted(kwargs.items()):
            lines.append(f"  inputs['{name}']: {_spec_text(spec)}")
        for name, spec in sorted(function.structured_outputs.items()):
            lines.append(f"  outputs['{name}']: {_spec_text(spec)}")
        blocks.append("\n".join(lines))
    return "\n".join(blocks) if blocks else "(no signatures)"
