"""rkeras_bridge: the 2018 R keras/tensorflow/tfdatasets eager idioms on TensorFlow 2 / Keras 3.

The same names serve R (through the ``rkerasbridge`` R package and reticulate) and Python::

    from rkeras_bridge import tf, keras_model_custom, layer_dense, transpose

Imports are lazy: ``import rkeras_bridge`` does not import TensorFlow until a name is used, so
the R package can load quickly and pick its Python first.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

__version__ = "0.1.0"

# The public surface is what the modules of the three surface layers list in their ``__all__``: a new
# function is exported by writing it into its area's module and ``__all__`` (docs/architecture.md). The
# lists are read as text, not imported, so that no module (and not TensorFlow) loads before it is used.
_SURFACE_LAYERS = ("tensorflow", "tfdatasets", "keras")
# tf1.py and train.py fill the namespaces of ``tf`` (tf.train.AdamOptimizer ...): not top-level names.
_OVERLAY_MODULES = frozenset({"tensorflow.compat.tf1", "tensorflow.compat.train"})
# Modules of the tools layer whose ``__all__`` is public too: what a user's own script calls.
_TOOLS_SURFACE = ("tools.records", "tools.parity_inprocess")
# The few bridge-layer functions that R code calls by name.
_BRIDGE_EXPORTS = {"matrix": "bridge.conversion", "all_dims": "bridge.conversion",
                   "check_numerics": "bridge.conversion", "shape": "bridge.tensor_methods",
                   "tensor_gc_threshold": "bridge.memory"}
_ALL_PATTERN = re.compile(r"^__all__(?:\s*:\s*[^=\n]+)?\s*=\s*\[(.*?)\]", re.S | re.M)


def _surface_exports() -> dict[str, str]:
    """``{name: module}`` from the ``__all__`` lists of the surface layers and tools (first module wins)."""
    root = Path(__file__).parent
    found: dict[str, str] = {}
    paths = [p for layer in _SURFACE_LAYERS for p in sorted((root / layer).rglob("*.py"))]
    paths += [root / f"{module.replace('.', '/')}.py" for module in _TOOLS_SURFACE]
    for path in paths:
        module = ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
        match = _ALL_PATTERN.search(path.read_text(encoding="utf-8"))
        if module in _OVERLAY_MODULES or match is None:
            continue
        for name in re.findall(r"[\"']([A-Za-z_][A-Za-z0-9_]*)[\"']", match.group(1)):
            found.setdefault(name, module)
    return found


_EXPORTS = {**_surface_exports(), **_BRIDGE_EXPORTS}

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
    "initializers": "keras.initializers",
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
