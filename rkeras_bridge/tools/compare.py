"""Compare what an R run and its Python twin computed: one value element by element, or two run records."""

from __future__ import annotations

import difflib
import math
from typing import Any

import numpy as np

__all__ = ["TOLERANCE", "RTOL", "ATOL", "compare_values", "compare_runs", "compare_records", "step_ranges"]

TOLERANCE = 1e-6


def _flatten(value: Any, prefix: str = "") -> dict[str, float]:
    if isinstance(value, dict):
        out: dict[str, float] = {}
        for k, v in value.items():
            out.update(_flatten(v, f"{prefix}.{k}" if prefix else str(k)))
        return out
    if isinstance(value, list) and len(value) == 1:
        return _flatten(value[0], prefix)  # R has no scalars: c(x) and x are the same value
    if isinstance(value, list):
        out = {}
        for i, v in enumerate(value):
            out.update(_flatten(v, f"{prefix}[{i}]"))
        return out
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return {prefix: value}  # compared for equality
    return {prefix: float(value)}


def compare_runs(r: dict[str, Any], py: dict[str, Any], tolerance: float = TOLERANCE) -> dict[str, Any]:
    """Compare two run records: losses step by step and numeric metrics, by relative difference.

    Returns:
        ``{"steps", "max_abs", "max_rel", "ok", "problems"}``.
    """
    problems = []
    left, right = _flatten({"losses": r["losses"], "metrics": r["metrics"]}), \
        _flatten({"losses": py["losses"], "metrics": py["metrics"]})
    if set(left) != set(right):
        problems.append(f"different entries: only R {sorted(set(left) - set(right))[:5]}, "
                        f"only Python {sorted(set(right) - set(left))[:5]}")
    max_abs = max_rel = 0.0
    for key in sorted(set(left) & set(right)):
        a, b = left[key], right[key]
        if isinstance(a, float) and isinstance(b, float):
            if math.isnan(a) or math.isnan(b):
                if not (math.isnan(a) and math.isnan(b)):
                    problems.append(f"{key}: {a} vs {b}")
                continue
            diff = abs(a - b)
            scale = max(abs(a), abs(b))
            rel = diff / scale if scale > 0 else 0.0
            max_abs, max_rel = max(max_abs, diff), max(max_rel, rel)
            if rel > tolerance:
                problems.append(f"{key}: R {a!r} vs Python {b!r} (relative {rel:.2e})")
        elif a != b:
            problems.append(f"{key}: R {a!r} vs Python {b!r}")
    return {"steps": min(r["steps"], py["steps"]), "max_abs": max_abs, "max_rel": max_rel,
            "ok": not problems, "problems": problems}


# Defaults of the step-by-step comparison (``rkeras-bridge parity``, ``assert_parity``): numpy.isclose's
# rule, |r - py| <= atol + rtol * |py|. rtol matches TOLERANCE; atol lets values that should be 0 differ by
# float32 rounding of terms that cancel.
RTOL = 1e-6
ATOL = 1e-8


def _as_array(value: Any) -> np.ndarray:
    if hasattr(value, "numpy"):
        value = value.numpy()
    try:
        return np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        return np.asarray(value, dtype=object)


def _index(flat: int, shape: tuple[int, ...]) -> tuple[list[int], list[int]]:
    """(R's 1-based index, Python's 0-based index) of element ``flat`` of an array of ``shape``."""
    if not shape:
        return [], []
    py = [int(i) for i in np.unravel_index(flat, shape)]
    return [i + 1 for i in py], py


def compare_values(r: Any, py: Any, rtol: float = RTOL, atol: float = ATOL) -> dict[str, Any]:
    """Compare one value computed in R with its Python twin, element by element.

    Example:
        >>> res = compare_values([1.0, 2.0], [1.0, 2.5])
        >>> res["ok"], res["r_index"], res["r_value"], res["py_value"]
        (False, [2], 2.0, 2.5)

    Args:
        r: The R side's value (number, array, tensor, nested list of numbers).
        py: The Python side's value.
        rtol: Relative tolerance. Defaults to `1e-6`.
        atol: Absolute tolerance. Defaults to `1e-8`.

    Returns:
        ``{"ok", "problem", "shape", "max_abs", "max_rel", "r_index", "py_index", "r_value",
        "py_value", "abs_diff", "rel_diff"}``: ``problem`` is `None` or why the values cannot be compared or
        differ in kind (``"shape"``, ``"nan"``: NaN or Inf on one side only, ``"values"``); the index and
        the two values are those of the worst element (largest excess over the tolerance), ``r_index``
        1-based as R counts, ``py_index`` 0-based.
    """
    a, b = _as_array(r), _as_array(py)
    out: dict[str, Any] = {"ok": True, "problem": None, "shape": list(a.shape), "max_abs": 0.0,
                           "max_rel": 0.0, "r_index": None, "py_index": None, "r_value": None,
                           "py_value": None, "abs_diff": None, "rel_diff": None}
    if a.shape != b.shape and a.size == b.size == 1:
        a, b = a.reshape(()), b.reshape(())  # R has no scalars: c(x) and x are the same value
    if a.shape != b.shape:
        out.update(ok=False, problem="shape", shape=[list(a.shape), list(b.shape)])
        return out
    if a.dtype == object or b.dtype == object:
        if a.tolist() != b.tolist():
            out.update(ok=False, problem="values", r_value=a.tolist(), py_value=b.tolist())
        return out
    if a.size == 0:
        return out
    fa, fb = a.reshape(-1), b.reshape(-1)
    finite_a, finite_b = np.isfinite(fa), np.isfinite(fb)
    special = (finite_a != finite_b) | (~finite_a & ~finite_b & ~((fa == fb) | (np.isnan(fa) & np.isnan(fb))))
    with np.errstate(invalid="ignore", over="ignore"):
        diff = np.where(finite_a & finite_b, np.abs(fa - fb), 0.0)
        scale = np.maximum(np.abs(np.where(finite_a, fa, 0.0)), np.abs(np.where(finite_b, fb, 0.0)))
        rel = np.where(scale > 0, diff / np.where(scale > 0, scale, 1.0), 0.0)
        excess = diff - (atol + rtol * np.abs(np.where(finite_b, fb, 0.0)))
    out["max_abs"], out["max_rel"] = float(diff.max()), float(rel.max())
    if special.any():
        worst = int(np.argmax(special))
        out.update(ok=False, problem="nan")
    elif (excess > 0).any():
        worst = int(np.argmax(excess))
        out.update(ok=False, problem="values")
    else:
        worst = int(np.argmax(diff))
    out["r_index"], out["py_index"] = _index(worst, a.shape)
    out["r_value"], out["py_value"] = float(fa[worst]), float(fb[worst])
    out["abs_diff"], out["rel_diff"] = float(diff[worst]), float(rel[worst])
    return out


# ---- Recorded values (record(name, value)), every name at every step ------------------------------------

SEED_HINT = (
    "The very first value recorded already differs, so the two runs did not start from the same state. "
    "Likely causes: (1) a script seeds itself with another seed, or after it has created weights (the parity "
    "tool seeds both with --seed before the script starts; a script that seeds again should call "
    "set_random_seed(parity_seed(42))); (2) layers or variables are created in a different order, or one "
    "side draws an extra random number first (an initializer, a dropout mask, a shuffle); (3) the data are "
    "drawn with R's rnorm()/sample() on one side and NumPy on the other: different generators, so draw them "
    "with TensorFlow (tf$random$normal(), seeded) or read the same file; (4) dataset_shuffle() without a "
    "seed, or different data or preprocessing. Record the inputs and initial weights at step 1 to see which."
)


def _entries_by_name(entries: list[dict[str, Any]],
                     steps: int | None) -> dict[str, dict[int, tuple[int, Any]]]:
    """``{name: {step: (order, value)}}``; a step recorded twice keeps its last value and first position."""
    found: dict[str, dict[int, tuple[int, Any]]] = {}
    for order, entry in enumerate(entries):
        step = int(entry["step"])
        if steps is not None and step > steps:
            continue
        if "text" in entry:
            value: Any = str(entry["text"])
        else:
            value = np.asarray(entry["values"], dtype=np.float64).reshape(entry["shape"])
        by_step = found.setdefault(str(entry["name"]), {})
        by_step[step] = (by_step[step][0] if step in by_step else order, value)
    return found


def step_ranges(steps: Any) -> str:
    """``[1, 2, 3, 5]`` as ``"1-3, 5"`` (``"none"`` when empty)."""
    steps = sorted(steps)
    if not steps:
        return "none"
    parts, start, prev = [], steps[0], steps[0]
    for s in steps[1:] + [None]:
        if s is not None and s == prev + 1:
            prev = s
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if s is not None:
            start = prev = s
    return ", ".join(parts)


def _compare_one(r: Any, py: Any, rtol: float, atol: float) -> dict[str, Any]:
    if isinstance(r, str) or isinstance(py, str):  # text (a case study's samples): equal or not
        same = isinstance(r, str) and isinstance(py, str) and r == py
        return {"ok": same, "problem": None if same else "text", "shape": [], "max_abs": 0.0, "max_rel": 0.0,
                "r_index": None, "py_index": None, "r_value": r if isinstance(r, str) else r.tolist(),
                "py_value": py if isinstance(py, str) else py.tolist(), "abs_diff": None, "rel_diff": None}
    return compare_values(r, py, rtol=rtol, atol=atol)


def compare_records(r: list[dict[str, Any]], py: list[dict[str, Any]], rtol: float = RTOL, atol: float = ATOL,
                    steps: int | None = None) -> dict[str, Any]:
    """Compare what an R script and its Python twin recorded, every name at every step.

    Example:
        >>> r = [{"name": "loss", "step": 1, "shape": [], "values": [0.5]}]
        >>> py = [{"name": "loss", "step": 1, "shape": [], "values": [0.75]}]
        >>> res = compare_records(r, py)
        >>> res["ok"], res["first"]["name"], res["first"]["step"]
        (False, 'loss', 1)

    Args:
        r: The R side's entries, in recording order, as :func:`rkeras_bridge.tools.records.record` wrote
            them (``{"name", "step", "shape", "values"}``, or ``{"name", "step", "text"}``).
        py: The Python side's entries.
        rtol: Relative tolerance (:func:`compare_values`). Defaults to `1e-6`.
        atol: Absolute tolerance. Defaults to `1e-8`.
        steps: Compare only steps up to this one. Defaults to `None` (all).

    Returns:
        ``{"ok", "rows", "first", "hint", "problems", "max_abs", "max_rel", "steps"}``: ``rows`` has one
        dict per name (``name``, ``r_steps``, ``py_steps``, ``compared``, ``differing``, ``max_abs``,
        ``max_rel``, ``verdict``); ``first`` is the first divergence in step order (then R's recording
        order): :func:`compare_values`'s result plus ``name`` and ``step``, or `None`; ``hint`` says what
        to check when that is the very first value recorded; ``problems`` lists names recorded on one
        side only and names whose steps differ; ``steps`` is the last step compared.
    """
    left, right = _entries_by_name(r, steps), _entries_by_name(py, steps)
    names = list(left) + [n for n in right if n not in left]
    rows, divergences, problems = [], [], []
    compared_orders: list[int] = []
    for name in names:
        a, b = left.get(name, {}), right.get(name, {})
        row = {"name": name, "r_steps": len(a), "py_steps": len(b), "compared": 0, "differing": 0,
               "max_abs": 0.0, "max_rel": 0.0, "verdict": "PASS"}
        if not a or not b:
            row["verdict"] = "only R" if a else "only Python"
        elif set(a) != set(b):
            row["verdict"] = "steps differ"
            problems.append(f"`{name}`: R recorded steps {step_ranges(a)}, Python steps {step_ranges(b)}")
        for step in sorted(set(a) & set(b)):
            (order, va), (py_order, vb) = a[step], b[step]
            res = _compare_one(va, vb, rtol, atol)
            row["compared"] += 1
            compared_orders.append(order)
            row["max_abs"] = max(row["max_abs"], res["max_abs"])
            row["max_rel"] = max(row["max_rel"], res["max_rel"])
            if not res["ok"]:
                row["differing"] += 1
                divergences.append({**res, "name": name, "step": step, "order": order, "py_order": py_order})
        if row["differing"] and row["verdict"] == "PASS":
            row["verdict"] = "FAIL"
        rows.append(row)
    only_r = [n for n in names if n in left and n not in right]
    only_py = [n for n in names if n in right and n not in left]
    if only_r or only_py:
        message = f"names recorded on one side only: R {only_r}, Python {only_py}"
        lowered = {m.lower(): m for m in only_py}  # "loss" and "Loss" are the likeliest slip
        close = [f"R `{n}` / Python `{lowered[m[0]]}`" for n in only_r
                 for m in [difflib.get_close_matches(n.lower(), list(lowered), n=1, cutoff=0.6)] if m]
        problems.insert(0, message + (f" (similar: {', '.join(close)})" if close else ""))
    first = min(divergences, key=lambda d: (d["step"], d["order"])) if divergences else None
    hint = None
    if first is not None and first["step"] == 1 and first["order"] == min(compared_orders):
        hint = SEED_HINT
    return {"ok": not divergences and not problems and bool(rows), "rows": rows, "first": first, "hint": hint,
            "problems": problems, "max_abs": max((row["max_abs"] for row in rows), default=0.0),
            "max_rel": max((row["max_rel"] for row in rows), default=0.0),
            "steps": max((s for side in (left, right) for by in side.values() for s in by), default=0)}
