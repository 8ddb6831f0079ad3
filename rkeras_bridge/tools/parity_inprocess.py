"""Compare an R function with its Python twin, or an R model with its Python twin, in one process.

R runs embedded in this Python process (:mod:`rkeras_bridge.bridge.rsession`: rpy2, with
reticulate bound to the same interpreter), so the two sides see the same Python objects and
nothing is written to files:

* :func:`assert_parity` calls an R function and a Python function on the same inputs and compares
  what they return, leaf by leaf (nested lists and dicts matched by position and by name).
* :func:`assert_same_model` copies the weights of one model into the other, then compares the forward
  outputs, the loss and the gradient of every trainable weight, and names the first that differs.
* The ``parity`` pytest fixture (:mod:`rkeras_bridge.tools.pytest_plugin`) offers both.

How values cross. Inputs are handed to the R function the way reticulate hands Python values to
R code: NumPy arrays and numbers arrive as R arrays and numbers (R has no float32: a float32 array
becomes a double array holding the same values; pass a tensor to keep the dtype), tensors, models
and other Python objects arrive as themselves. The R function's value comes back unconverted where
it is a Python object (a tensor stays that tensor); R vectors and arrays become NumPy arrays, R
lists lists, and R lists with names dicts.

A failure raises :class:`ParityError` (an ``AssertionError``, so pytest reports it as a failed test)
whose message is the whole report: where the outputs part (``output[[2]]$logits``, with the Python
path next to it), the worst element's index as R counts (1-based) and as Python counts (0-based),
both values and their absolute and relative difference. Bad input gets the same kind of report,
never a traceback of this module: shapes that differ, NaN on one side only, an R function that
signals an error (R's message), a Python function that raises (chained, so its own traceback shows).
"""

from __future__ import annotations

import itertools
import math
import numbers
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from ..bridge import rsession
from ..bridge.errors import bad_argument, describe
from .compare import ATOL, RTOL, compare_values

__all__ = ["ParityError", "assert_parity", "compare_outputs", "assert_same_model", "compare_same_model"]


class ParityError(AssertionError):
    """R and Python disagree (or one side failed); the message is the report.

    Attributes:
        result: The structured comparison the report was written from (see :func:`compare_outputs`
            and :func:`compare_same_model`).
    """

    def __init__(self, message: str, result: dict[str, Any] | None = None):
        super().__init__(message)
        self.result = result


# --- handing values to R: this module's state is R's mailbox --------------------------------------------
# R fetches the inputs with reticulate::import("rkeras_bridge.tools.parity_inprocess") (the same module
# object: one interpreter), so inputs are never copied through rpy2's converters.
_handoff: dict[str, dict[str, Any]] = {}
_keys = itertools.count(1)
_handoff_lock = threading.Lock()


def _new_call(entry: dict[str, Any]) -> str:
    with _handoff_lock:
        key = f"call{next(_keys)}"
        _handoff[key] = entry
    return key


def _input_names(key: str) -> list[str]:
    """Called from R: the inputs' names (``""`` for a positional input)."""
    return list(_handoff[key]["names"])


def _input(key: str, i: int) -> Any:
    """Called from R: input ``i`` (0-based), converted by reticulate on its way into R."""
    return _handoff[key]["values"][int(i)]


def _source(key: str) -> str | None:
    """Called from R: the R source to evaluate (the function or the model), or None."""
    return _handoff[key].get("source")


def _put_result(key: str, value: Any) -> None:
    """Called from R: what the R side produced (already a Python object)."""
    _handoff[key]["result"] = value


def _put_error(key: str, message: str, call: str) -> None:
    """Called from R: the R side signalled an error."""
    _handoff[key]["error"] = (str(message).strip(), str(call).strip())


_R_ENV = ".rkeras_bridge_parity"


def _run_in_r(entry: dict[str, Any], r_object: Any, what: str) -> dict[str, Any]:
    """Run ``rkerasbridge:::parity_call()`` in the embedded R; return the entry with result or error.

    ``what`` is ``"function"`` (call the R function on the inputs) or ``"value"`` (evaluate the source).
    """
    rsession.start_r(load_package=True)
    helper = rsession.r('exists("parity_call", envir = asNamespace("rkerasbridge"), inherits = FALSE)')
    if not bool(helper[0]):
        raise RuntimeError(
            "The R package rkerasbridge that R loaded has no parity_call(): install the R package of the "
            "same version as this Python package (R CMD INSTALL r/) and start a new Python process"
        )
    key = _new_call(entry)
    try:
        if r_object is not None:
            # An R object given through rpy2: R finds it under the call's key in a private environment.
            # Collect first: rpy2's own calls must not reach R's finalizers (rsession's docstring).
            rsession.collect()
            import rpy2.rinterface as rinterface

            env = rsession.r(f'if (!exists("{_R_ENV}", envir = globalenv())) assign("{_R_ENV}", new.env(), '
                             f'envir = globalenv()); get("{_R_ENV}", envir = globalenv())', convert=False)
            env[key] = r_object if isinstance(r_object, rinterface.Sexp) else rinterface.NULL
        rsession.r(f'rkerasbridge:::parity_call("{key}", "{what}", get0("{_R_ENV}", envir = globalenv()))')
    finally:
        entry = _handoff.pop(key)
        if r_object is not None:
            rsession.r(f'if (exists("{_R_ENV}", envir = globalenv())) '
                       f'suppressWarnings(rm(list = "{key}", envir = get("{_R_ENV}", envir = globalenv())))')
    return entry


# --- comparing two outputs leaf by leaf ---------------------------------------------------------------


def _is_number(value: Any) -> bool:
    return isinstance(value, (numbers.Number, np.generic)) and not isinstance(value, str)


def _kind(value: Any) -> str:
    """``"dict"``, ``"list"``, ``"none"`` or ``"leaf"``; a list of plain numbers is one leaf (an R vector)."""
    if value is None:
        return "none"
    if isinstance(value, Mapping):
        return "dict"
    if isinstance(value, (list, tuple)):
        return "leaf" if value and all(_is_number(v) for v in value) else "list"
    return "leaf"


def _r_name(name: str) -> str:
    return f"${name}" if name.isidentifier() else f"$`{name}`"


def _shape_text(shape: Sequence[int]) -> str:
    return "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def _index_text(index: list[int] | None) -> str:
    return "[]" if not index else "[" + ", ".join(str(i) for i in index) + "]"


def _number(value: Any) -> str:
    if value is None:
        return "None"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        return f"{value:.9g}"
    return repr(value)


def _container_text(value: Any) -> str:
    kind = _kind(value)
    if kind == "none":
        return "NULL/None"
    if kind == "dict":
        return f"a named list/dict of {len(value)} ({', '.join(str(k) for k in list(value)[:5])})"
    if kind == "list":
        return f"a list of {len(value)}"
    return describe(value)


def _leaf_report(where: str, comparison: dict[str, Any], rtol: float, atol: float) -> str:
    problem = comparison["problem"]
    if problem == "shape":
        r_shape, py_shape = comparison["shape"]
        return (f"{where}: shapes differ: R {_shape_text(r_shape)}, Python {_shape_text(py_shape)}")
    if comparison["r_index"] is None and comparison["abs_diff"] is None:
        return f"{where}: R {comparison['r_value']!r}, Python {comparison['py_value']!r}"
    r_index, py_index = _index_text(comparison["r_index"]), _index_text(comparison["py_index"])
    element = f"element R {r_index} / Python {py_index}" if comparison["r_index"] else "the value"
    values = f"R {_number(comparison['r_value'])}, Python {_number(comparison['py_value'])}"
    if problem == "nan":
        return f"{where}: NaN or Inf on one side only at {element}: {values}"
    return (f"{where}: {element} differs: {values} (abs diff {comparison['abs_diff']:.3g}, "
            f"rel diff {comparison['rel_diff']:.3g}; rtol {rtol:g}, atol {atol:g})")


def _walk(r: Any, py: Any, r_path: str, py_path: str, rtol: float, atol: float,
          found: list[dict[str, Any]]) -> None:
    """Append a problem for every leaf (or structure) where ``r`` and ``py`` differ, in order."""
    where = r_path if r_path == py_path else f"{r_path} (Python {py_path})"
    kr, kp = _kind(r), _kind(py)
    if kr == kp == "none":
        return
    if kr != kp and not (kr == "leaf" and kp == "leaf"):
        found.append({"r_path": r_path, "py_path": py_path, "problem": "structure", "comparison": None,
                      "message": f"{where}: R gave {_container_text(r)}, Python {_container_text(py)}"})
        return
    if kr == "dict":
        r_names = [str(k) for k in r]
        py_names = {str(k): k for k in py}
        only_r = [n for n in r_names if n not in py_names]
        only_py = [n for n in py_names if n not in r_names]
        if only_r or only_py:
            found.append({"r_path": r_path, "py_path": py_path, "problem": "names", "comparison": None,
                          "message": f"{where}: names differ: only in R {only_r}, only in Python {only_py}"})
        r_by_name = {str(k): v for k, v in r.items()}
        for name in r_names:
            if name in py_names:
                _walk(r_by_name[name], py[py_names[name]], r_path + _r_name(name),
                      f"{py_path}[{py_names[name]!r}]", rtol, atol, found)
        return
    if kr == "list":
        if len(r) != len(py):
            found.append({"r_path": r_path, "py_path": py_path, "problem": "length", "comparison": None,
                          "message": f"{where}: lengths differ: R list of {len(r)}, Python of {len(py)}"})
        for i, (a, b) in enumerate(zip(r, py)):
            _walk(a, b, f"{r_path}[[{i + 1}]]", f"{py_path}[{i}]", rtol, atol, found)
        return
    try:
        comparison = compare_values(r, py, rtol=rtol, atol=atol)
    except Exception as e:  # values compare_values cannot read: say so, do not fail the tool
        found.append({"r_path": r_path, "py_path": py_path, "problem": "values", "comparison": None,
                      "message": f"{where}: cannot compare R {describe(r)} with Python {describe(py)} ({e})"})
        return
    if not comparison["ok"]:
        found.append({"r_path": r_path, "py_path": py_path, "problem": comparison["problem"],
                      "comparison": comparison, "message": _leaf_report(where, comparison, rtol, atol)})


def compare_outputs(r: Any, py: Any, rtol: float = RTOL, atol: float = ATOL,
                    name: str = "output") -> dict[str, Any]:
    """Compare what an R function returned with what its Python twin returned, leaf by leaf.

    Example:
        >>> res = compare_outputs({"a": [1.0, 2.0]}, {"a": [1.0, 2.5]})
        >>> res["ok"], res["r_path"], res["comparison"]["r_index"]
        (False, 'output$a', [2])

    Args:
        r: The R side's value, as Python sees it (tensors, arrays, numbers, lists, dicts).
        py: The Python side's value.
        rtol: Relative tolerance (numpy.isclose's rule, ``|r - py| <= atol + rtol * |py|``).
            Defaults to `1e-6`.
        atol: Absolute tolerance. Defaults to `1e-8`.
        name: The root of the paths in the report. Defaults to `"output"`.

    Returns:
        ``{"ok", "message", "r_path", "py_path", "problem", "comparison", "problems"}``: the first
        differing leaf (``r_path`` as R writes it, ``output[[2]]$logits``; ``py_path`` as Python does,
        ``output[1]['logits']``), its :func:`~rkeras_bridge.tools.compare.compare_values` result,
        ``problem`` (``"shape"``, ``"nan"``, ``"values"``, ``"structure"``, ``"names"``,
        ``"length"``; `None` when they agree), every problem found, and the report.

    R equivalent: ``expect_parity()`` compares with this function.
    """
    found: list[dict[str, Any]] = []
    _walk(r, py, name, name, float(rtol), float(atol), found)
    out: dict[str, Any] = {"ok": not found, "message": "", "r_path": None, "py_path": None, "problem": None,
                           "comparison": None, "problems": found}
    if found:
        first = found[0]
        out.update(r_path=first["r_path"], py_path=first["py_path"], problem=first["problem"],
                   comparison=first["comparison"])
        lines = [f"R and Python differ at {first['message']}"]
        if len(found) > 1:
            more = ", ".join(p["r_path"] for p in found[1:6]) + (", ..." if len(found) > 6 else "")
            lines.append(f"{len(found) - 1} more differing: {more}")
        out["message"] = "\n".join(lines)
    return out


# --- assert_parity ----------------------------------------------------------------------------------------


def _split_inputs(inputs: Any) -> tuple[list[str], list[Any]]:
    if isinstance(inputs, Mapping):
        names = list(inputs)
        bad = [n for n in names if not isinstance(n, str) or not n]
        if bad:
            raise bad_argument("inputs", inputs, "a dict whose keys are argument names (non-empty strings)",
                               error=TypeError)
        return names, [inputs[n] for n in names]
    if isinstance(inputs, (list, tuple)):
        return [""] * len(inputs), list(inputs)
    raise bad_argument("inputs", inputs, "a list of positional arguments or a dict of named arguments "
                       "(wrap a single array in a list: [x])", error=TypeError)


def _r_callable(r_function: Any) -> tuple[str | None, Any]:
    """(R source, rpy2 object): one of them names the R function."""
    if isinstance(r_function, str):
        if not r_function.strip():
            raise bad_argument("r_function", r_function, "R source of a function, e.g. "
                               "\"function(x) tf$nn$relu(x)\", or an R function from rpy2")
        return r_function, None
    try:
        import rpy2.rinterface as rinterface
    except ImportError:  # pragma: no cover - rpy2 is needed to run R here at all
        rinterface = None
    if rinterface is not None and isinstance(r_function, rinterface.Sexp):
        return None, r_function
    raise bad_argument("r_function", r_function, "R source of a function (a string such as "
                       "\"function(x) tf$nn$relu(x)\") or an R function from rpy2", error=TypeError)


def _check_tolerance(name: str, value: Any) -> float:
    if isinstance(value, bool) or not _is_number(value) or not value >= 0:
        raise bad_argument(name, value, "a number >= 0")
    return float(value)


def _r_failure(side: str, error: tuple[str, str]) -> str:
    message, call = error
    where = f" in {call}" if call and call != "NULL" else ""
    return f"the R {side} failed (R side){where}:\n  {message}"


def assert_parity(r_function: Any, py_function: Callable[..., Any], inputs: Any,
                  rtol: float = RTOL, atol: float = ATOL) -> dict[str, Any]:
    """Call an R function and its Python twin on the same inputs; fail unless the outputs agree.

    Example:
        >>> import numpy as np, tensorflow as tf
        >>> x = np.array([[-1.0, 2.0]], dtype="float32")
        >>> res = assert_parity("function(x) tf$nn$relu(x) * 2", lambda x: tf.nn.relu(x) * 2, [x])
        >>> res["ok"]
        True

    Args:
        r_function: The R function: R source that evaluates to a function
            (``"function(x) tf$nn$relu(x) * 2"``; evaluated in a child of R's global environment,
            with ``rkerasbridge`` attached) or an R function object from rpy2.
        py_function: The Python function.
        inputs: A list of positional arguments or a dict of named arguments, the same for both
            sides: arrays, tensors, numbers, models... (R receives them as reticulate converts them:
            see the module docstring).
        rtol: Relative tolerance, numpy.isclose's rule ``|r - py| <= atol + rtol * |py|``.
            Defaults to `1e-6`.
        atol: Absolute tolerance. Defaults to `1e-8`.

    Returns:
        The comparison (:func:`compare_outputs`'s dict) with ``r_output`` and ``py_output`` added.

    Raises:
        ParityError: The outputs differ (in values, shape, NaN, structure or names), or a side
            failed; the message says where and by how much, or which side failed and why.

    R equivalent: ``expect_parity(r_fn, py_fn, inputs, rtol = 1e-6, atol = 1e-8)`` (testthat).
    """
    __tracebackhide__ = True  # pytest shows the report, not this function's frames
    source, r_object = _r_callable(r_function)
    if not callable(py_function):
        raise bad_argument("py_function", py_function, "a Python callable", error=TypeError)
    names, values = _split_inputs(inputs)
    rtol, atol = _check_tolerance("rtol", rtol), _check_tolerance("atol", atol)

    entry = _run_in_r({"names": names, "values": values, "source": source}, r_object, "function")
    args = [v for n, v in zip(names, values) if not n]
    kwargs = {n: v for n, v in zip(names, values) if n}
    py_error: BaseException | None = None
    try:
        py_output = py_function(*args, **kwargs)
    except Exception as e:
        py_error, py_output = e, None

    failures = []
    if "error" in entry:
        failures.append(_r_failure("function", entry["error"]))
    if py_error is not None:
        failures.append(f"the Python function failed (Python side):\n  {type(py_error).__name__}: {py_error}")
    if failures:
        result = {"ok": False, "message": "\n".join(failures), "problem": "failed", "r_output": None,
                  "py_output": py_output}
        raise ParityError(result["message"], result) from py_error
    result = compare_outputs(entry.get("result"), py_output, rtol=rtol, atol=atol)
    result.update(r_output=entry.get("result"), py_output=py_output)
    if not result["ok"]:
        raise ParityError(result["message"], result)
    return result


def _compare_call(r_ok: bool, r_value: Any, py_function: Callable[..., Any], args: Any, kwargs: Any,
                  rtol: float = RTOL, atol: float = ATOL) -> dict[str, Any]:
    """For R's ``expect_parity()``: call the Python function here, compare, and write the report.

    ``r_value`` is the R function's value (converted to Python by R) or, when ``r_ok`` is false, the
    R error's message. Returns ``{"ok", "message"}``; never raises for a failure of either side.
    """
    args = list(args or [])
    kwargs = dict(kwargs or {})
    try:
        py_output, py_failure = py_function(*args, **kwargs), None
    except Exception as e:
        py_output, py_failure = None, f"the Python function failed (Python side):\n  {type(e).__name__}: {e}"
    failures = []
    if not r_ok:
        failures.append(_r_failure("function", (str(r_value), "")))
    if py_failure:
        failures.append(py_failure)
    if failures:
        return {"ok": False, "message": "\n".join(failures)}
    result = compare_outputs(r_value, py_output, rtol=rtol, atol=atol)
    return {"ok": result["ok"], "message": result["message"]}


# --- assert_same_model ------------------------------------------------------------------------------------

_DIRECTIONS = ("r_to_py", "py_to_r")


def _resolve_r_model(r_model: Any) -> Any:
    import keras

    if isinstance(r_model, keras.Model):
        return r_model
    if isinstance(r_model, str) and not rsession.is_running() and "rpytools" in sys.modules:
        # Python runs inside R (reticulate's rpytools is loaded): rpy2 cannot start a second R here.
        raise bad_argument("r_model", r_model, "the model object when called from R (R source is "
                           "evaluated only where Python hosts R through rpy2)", error=TypeError)
    if isinstance(r_model, str):
        if not r_model.strip():
            raise bad_argument("r_model", r_model, "R source that evaluates to a Keras model")
        source, r_object = r_model, None
    else:
        try:
            import rpy2.rinterface as rinterface
        except ImportError:  # pragma: no cover
            rinterface = None
        if rinterface is None or not isinstance(r_model, rinterface.Sexp):
            raise bad_argument("r_model", r_model, "a Keras model built in R: R source that evaluates to one "
                               "(\"keras_model_custom(...)\"), the model object, or an R object from rpy2",
                               error=TypeError)
        source, r_object = None, r_model
    entry = _run_in_r({"names": [], "values": [], "source": source}, r_object, "value")
    if "error" in entry:
        raise ParityError(_r_failure("model code", entry["error"]))
    model = entry.get("result")
    if not isinstance(model, keras.Model):
        raise bad_argument("r_model", r_model,
                           f"R code whose value is a Keras model; it gave {describe(model)}", error=TypeError)
    return model


def _weight_labels(model: Any) -> list[str]:
    """A name for each of ``model.weights``: ``<attribute>/<variable>`` for layers set as ``self$d1``,
    else the variable's path without the model's own name (``dense_3/kernel``)."""
    import keras

    by_attribute: dict[int, str] = {}
    for attribute, value in vars(model).items():
        if isinstance(value, keras.layers.Layer) and not attribute.startswith("_"):
            for v in value.weights:
                by_attribute.setdefault(id(v), f"{attribute}/{v.name}")
    labels = []
    for v in model.weights:
        if id(v) in by_attribute:
            labels.append(by_attribute[id(v)])
            continue
        path = getattr(v, "path", v.name)
        prefix = f"{model.name}/"
        labels.append(path[len(prefix):] if path.startswith(prefix) else path)
    return labels


def _label(r_label: str, py_label: str) -> str:
    return r_label if r_label == py_label else f"{r_label} (Python {py_label})"


def _loss_function(loss: Any) -> Callable[[Any, Any], Any]:
    import keras

    if isinstance(loss, str):
        try:
            return keras.losses.get(loss)
        except (ValueError, TypeError) as e:
            raise bad_argument("loss", loss, "a Keras loss name (\"mse\", \"categorical_crossentropy\", ...) "
                               "or a function of (y_true, y_pred)") from e
    if callable(loss):
        return loss
    raise bad_argument("loss", loss, "a Keras loss name such as \"mse\" or a function of (y_true, y_pred)",
                       error=TypeError)


def _forward_and_gradients(model: Any, x: Any, y: Any, loss_fn: Callable[[Any, Any], Any],
                           training: bool) -> tuple[Any, Any, list[Any]]:
    import tensorflow as tf

    with tf.GradientTape() as tape:
        output = model(x, training=training)
        loss_value = loss_fn(y, output)
        # Keras' loss functions give one value per sample: the gradient is that of their mean.
        if len(getattr(loss_value, "shape", ())) > 0:
            loss_value = tf.reduce_mean(loss_value)
    gradients = tape.gradient(loss_value, model.trainable_weights)
    return output, loss_value, list(gradients)


def _layer_outputs(model: Any, x: Any, training: bool) -> list[tuple[Any, Any]]:
    """(layer, output) of every innermost layer in the order one forward pass calls them.

    Each layer's ``call`` is wrapped on the instance for the duration of the pass (Keras' ``__call__``
    looks ``self.call`` up), so R's forward function, which calls the layers through reticulate, is
    observed the same way as Python's.
    """
    calls: list[tuple[Any, Any]] = []
    patched = []

    def observed(layer: Any, original: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            output = original(*args, **kwargs)
            calls.append((layer, output))
            return output
        return call

    for layer in model._flatten_layers(include_self=False, recursive=True):
        if any(True for _ in layer._flatten_layers(include_self=False, recursive=False)):
            continue  # a layer made of layers: its innermost layers report
        object.__setattr__(layer, "call", observed(layer, layer.call))
        patched.append(layer)
    try:
        model(x, training=training)
    finally:
        for layer in patched:
            layer.__dict__.pop("call", None)
    return calls


def _first_differing_layer(r_model: Any, py_model: Any, x: Any, training: bool, rtol: float,
                           atol: float) -> dict[str, Any] | None:
    """The first layer, in call order, whose output differs while the layers before it agree.

    Every gradient differs once one layer does (back-propagation carries the difference to the
    layers before it, the forward pass to those after), so the gradients alone do not say which
    layer to look at; the layers' outputs in call order do. `None` when all agree or the two
    models do not call the same number of layers.
    """
    r_calls, py_calls = _layer_outputs(r_model, x, training), _layer_outputs(py_model, x, training)
    if len(r_calls) != len(py_calls):
        return None
    r_names = {id(v): k for k, v in vars(r_model).items() if not k.startswith("_")}
    py_names = {id(v): k for k, v in vars(py_model).items() if not k.startswith("_")}
    for i, ((r_layer, r_out), (py_layer, py_out)) in enumerate(zip(r_calls, py_calls)):
        compared = compare_outputs(r_out, py_out, rtol=rtol, atol=atol, name="output")
        if not compared["ok"]:
            name = _label(r_names.get(id(r_layer), r_layer.name), py_names.get(id(py_layer), py_layer.name))
            detail = compared["message"].removeprefix("R and Python differ at ").split(": ", 1)[-1]
            return {"name": name, "call": i + 1, "calls": len(r_calls), "message": detail}
    return None


def _shapes(model: Any, labels: list[str]) -> str:
    return ", ".join(f"{label} {_shape_text(tuple(v.shape))}" for label, v in zip(labels, model.weights))


def compare_same_model(r_model: Any, py_model: Any, x: Any, y: Any, loss: Any = "mse",
                       direction: str = "r_to_py", rtol: float = RTOL, atol: float = ATOL,
                       training: bool = False) -> dict[str, Any]:
    """Copy one model's weights into its twin, then compare forward outputs, loss and every gradient.

    Example:
        >>> res = compare_same_model(r_source, py_model, x, y, loss="mse")  # doctest: +SKIP
        >>> res["ok"], res["first_gradient"]  # doctest: +SKIP
        (False, 'd1/kernel')

    Args:
        r_model: The R model: R source that evaluates to a Keras model
            (``"keras_model_custom(function(self) ...)"``, evaluated with ``rkerasbridge`` attached),
            the model object (a ``keras.Model`` R built), or an R object from rpy2.
        py_model: The Python twin, a ``keras.Model``.
        x: The inputs both models are called on (built on them first).
        y: The targets for the loss.
        loss: A Keras loss name (``"mse"``) or a function ``loss(y_true, y_pred)``; a loss giving one
            value per sample is averaged. Defaults to `"mse"`.
        direction: ``"r_to_py"`` copies the R model's weights into the Python model (R is the
            reference being ported), ``"py_to_r"`` the other way. Defaults to `"r_to_py"`.
        rtol: Relative tolerance (numpy.isclose's rule). Defaults to `1e-6`.
        atol: Absolute tolerance. Defaults to `1e-8`.
        training: The ``training`` flag both models are called with. Defaults to `False`.

    Returns:
        ``{"ok", "message", "problem", "weights", "output", "loss", "gradients", "first_gradient",
        "first_layer"}``:
        ``weights`` lists ``{"name", "r_name", "py_name", "shape"}``; ``output`` and ``loss`` are
        :func:`compare_outputs` results; ``gradients`` has one ``{"name", "ok", "message",
        "comparison"}`` per trainable weight; ``first_gradient`` is the name of the first differing
        one (weights named ``<attribute>/<variable>``, ``d1/kernel``, when the layer is set as an
        attribute of a custom model, else ``<layer>/<variable>``); ``first_layer`` (when something
        differs) is ``{"name", "call", "calls", "message"}`` of the first innermost layer, in call
        order, whose output differs, or `None`; ``problem`` is `None`,
        ``"failed"`` (a forward pass raised), ``"weights"`` (counts or shapes differ, nothing else
        compared) or ``"differ"``.

    R equivalent: ``expect_same_model(r_model, py_model, x, y, loss)`` (testthat).
    """
    import keras

    if direction not in _DIRECTIONS:
        raise bad_argument("direction", direction, "\"r_to_py\" or \"py_to_r\"")
    if not isinstance(py_model, keras.Model):
        raise bad_argument("py_model", py_model, "a keras.Model", error=TypeError)
    rtol, atol = _check_tolerance("rtol", rtol), _check_tolerance("atol", atol)
    loss_fn = _loss_function(loss)
    r_model = _resolve_r_model(r_model)
    result: dict[str, Any] = {"ok": False, "message": "", "problem": None, "weights": [], "output": None,
                              "loss": None, "gradients": [], "first_gradient": None, "first_layer": None}

    # Build both on x (subclassed models create their weights on the first call).
    for side, model in (("R", r_model), ("Python", py_model)):
        try:
            model(x, training=training)
        except Exception as e:
            result.update(problem="failed", message=f"the {side} model failed on x ({side} side):\n  "
                                                     f"{type(e).__name__}: {str(e).strip()}")
            return result

    r_labels, py_labels = _weight_labels(r_model), _weight_labels(py_model)
    r_shapes = [tuple(v.shape) for v in r_model.weights]
    py_shapes = [tuple(v.shape) for v in py_model.weights]
    result["weights"] = [{"name": _label(a, b), "r_name": a, "py_name": b, "shape": list(s)}
                         for a, b, s in zip(r_labels, py_labels, r_shapes)]
    if len(r_shapes) != len(py_shapes):
        result.update(problem="weights", message=(
            f"the models have different numbers of weights: R {len(r_shapes)} "
            f"({_shapes(r_model, r_labels)}), Python {len(py_shapes)} ({_shapes(py_model, py_labels)})"))
        return result
    bad = [i for i, (a, b) in enumerate(zip(r_shapes, py_shapes)) if a != b]
    if bad:
        lines = [f"weight {i + 1} of {len(r_shapes)}: R {r_labels[i]} {_shape_text(r_shapes[i])}, Python "
                 f"{py_labels[i]} {_shape_text(py_shapes[i])}" for i in bad]
        result.update(problem="weights",
                      message="the models' weights differ in shape:\n  " + "\n  ".join(lines))
        return result

    source, target = (r_model, py_model) if direction == "r_to_py" else (py_model, r_model)
    for s, t in zip(source.weights, target.weights):
        t.assign(s.numpy())

    outputs = {}
    for side, model in (("R", r_model), ("Python", py_model)):
        try:
            outputs[side] = _forward_and_gradients(model, x, y, loss_fn, training)
        except Exception as e:
            result.update(problem="failed", message=(
                f"the {side} model's forward pass or gradient failed ({side} side):\n  "
                f"{type(e).__name__}: {str(e).strip()}"))
            return result
    (r_out, r_loss, r_grads), (py_out, py_loss, py_grads) = outputs["R"], outputs["Python"]
    result["output"] = compare_outputs(r_out, py_out, rtol=rtol, atol=atol, name="output")
    result["loss"] = compare_outputs(r_loss, py_loss, rtol=rtol, atol=atol, name="loss")

    r_trainable = {id(v): label for v, label in zip(r_model.weights, r_labels)}
    py_trainable = {id(v): label for v, label in zip(py_model.weights, py_labels)}
    r_names = [r_trainable.get(id(v), v.name) for v in r_model.trainable_weights]
    py_names = [py_trainable.get(id(v), v.name) for v in py_model.trainable_weights]
    for a, b, gr, gp in zip(r_names, py_names, r_grads, py_grads):
        name = _label(a, b)
        if gr is None or gp is None:
            ok = gr is None and gp is None
            message = "" if ok else (f"gradient of {name}: R {'None' if gr is None else 'a value'}, Python "
                                     f"{'None' if gp is None else 'a value'} (None: the weight does not "
                                     f"affect the loss)")
            result["gradients"].append({"name": name, "ok": ok, "message": message, "comparison": None})
            continue
        compared = compare_outputs(gr, gp, rtol=rtol, atol=atol, name=f"gradient of {name}")
        message = compared["message"].removeprefix("R and Python differ at ")
        result["gradients"].append({"name": name, "ok": compared["ok"], "message": message,
                                    "comparison": compared["comparison"]})

    differing = [g for g in result["gradients"] if not g["ok"]]
    if len(r_names) != len(py_names):
        differing.append({"name": "trainable weights", "ok": False, "comparison": None,
                          "message": f"R has {len(r_names)} trainable weights, Python {len(py_names)}"})
    result["first_gradient"] = differing[0]["name"] if differing else None
    if result["output"]["ok"] and result["loss"]["ok"] and not differing:
        result.update(ok=True, message="")
        return result
    try:
        result["first_layer"] = _first_differing_layer(r_model, py_model, x, training, rtol, atol)
    except Exception as e:  # a hint only: the comparison above stands without it
        result["first_layer"] = {"name": None, "message": f"layer outputs not compared: {e}"}
    copied = "R -> Python" if direction == "r_to_py" else "Python -> R"
    lines = [f"the R and Python models differ (weights copied {copied}; rtol {rtol:g}, atol {atol:g}):"]
    if not result["output"]["ok"]:
        lines.append("forward " + result["output"]["message"].removeprefix("R and Python differ at "))
    if not result["loss"]["ok"]:
        lines.append(result["loss"]["message"].removeprefix("R and Python differ at "))
    if differing:
        lines.append(f"first differing gradient: {differing[0]['name']}: "
                     + differing[0]["message"].split(": ", 1)[-1])
        lines.append(f"gradients that differ ({len(differing)} of {len(result['gradients'])}): "
                     + ", ".join(g["name"] for g in differing))
    layer = result["first_layer"]
    if layer and layer.get("name"):
        lines.append(f"first layer whose output differs (call {layer['call']} of {layer['calls']}, "
                     f"the layers called before it agree): {layer['name']}: {layer['message']}")
    result.update(problem="differ", message="\n  ".join(lines))
    return result


def assert_same_model(r_model: Any, py_model: Any, x: Any, y: Any, loss: Any = "mse",
                      direction: str = "r_to_py", rtol: float = RTOL, atol: float = ATOL,
                      training: bool = False) -> dict[str, Any]:
    """Fail unless an R model and its Python twin agree once they share weights.

    Copies the weights (``direction``), then compares forward outputs, the loss and the gradient of
    every trainable weight (:func:`compare_same_model`).

    Example:
        >>> assert_same_model('''keras_model_custom(function(self) {
        ...     self$d1 <- layer_dense(units = 4, activation = "relu")
        ...     function(x, mask = NULL, training = FALSE) self$d1(x)
        ... })''', py_model, x, y, loss="mse")  # doctest: +SKIP

    Args:
        r_model: R source that evaluates to a Keras model, the model object R built, or an R
            object from rpy2.
        py_model: The Python twin, a ``keras.Model``.
        x: The inputs.
        y: The targets.
        loss: A Keras loss name or a function ``loss(y_true, y_pred)``. Defaults to `"mse"`.
        direction: ``"r_to_py"`` or ``"py_to_r"``: whose weights are copied into the other.
            Defaults to `"r_to_py"`.
        rtol: Relative tolerance. Defaults to `1e-6`.
        atol: Absolute tolerance. Defaults to `1e-8`.
        training: The ``training`` flag of both calls. Defaults to `False`.

    Returns:
        :func:`compare_same_model`'s result (``ok`` true).

    Raises:
        ParityError: Weights that do not match in count or shape, a forward pass that fails, or
            outputs, loss or gradients that differ; the message names the first differing gradient
            by weight (``d1/kernel``) and reports the output and loss differences.

    R equivalent: ``expect_same_model(r_model, py_model, x, y, loss)`` (testthat).
    """
    __tracebackhide__ = True  # pytest shows the report, not this function's frames
    result = compare_same_model(r_model, py_model, x, y, loss=loss, direction=direction, rtol=rtol,
                                atol=atol, training=training)
    if not result["ok"]:
        raise ParityError(result["message"], result)
    return result


def _compare_same_model_report(r_model: Any, py_model: Any, x: Any, y: Any, loss: Any = "mse",
                               direction: str = "r_to_py", rtol: float = RTOL, atol: float = ATOL,
                               training: bool = False) -> dict[str, Any]:
    """For R's ``expect_same_model()``: :func:`compare_same_model`, reduced to ``{"ok", "message"}``."""
    try:
        result = compare_same_model(r_model, py_model, x, y, loss=loss, direction=direction, rtol=rtol,
                                    atol=atol, training=training)
    except ParityError as e:
        return {"ok": False, "message": str(e)}
    return {"ok": bool(result["ok"]), "message": result["message"]}
