"""Compare two run records (an R run and its Python twin): losses step by step, then metrics."""

from __future__ import annotations

import math
from typing import Any

__all__ = ["TOLERANCE", "compare_runs"]

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
