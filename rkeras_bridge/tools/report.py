"""A page per output directory: loss curves (R and Python overlaid), figures, and the runs' pictures.

``rkeras-bridge run CASE --out DIR`` and ``python -m rkeras_bridge.tools.parity --out DIR`` call
:func:`write_report`, which reads the run records (``<case>-r.json``, ``<case>-py.json``) and
the values the scripts recorded (``<name>-r.records.jsonl``, ``<name>-py.records.jsonl`` and the parity
tool's ``<name>-parity.json``: verdict, table and first divergence, a curve per recorded name) and
the PNGs the examples drew in ``DIR`` and writes ``DIR/index.html`` next to them (relative
links: the folder can be copied or zipped as it is). :func:`screenshot` renders the page in
headless Chromium (Debian's ``chromium``), which is how the tests check it displays.
"""

from __future__ import annotations

import html
import json
import math
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from ..bridge.errors import bad_argument
from .compare import compare_records, compare_runs

__all__ = ["plot_losses", "plot_records", "write_report", "screenshot"]

_LANG_NAMES = {"r": "R", "py": "Python"}
_STYLE = """
body { font-family: sans-serif; margin: 2em; color: #222; max-width: 1200px; }
h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 2em; }
table { border-collapse: collapse; margin: .5em 0 1em; font-size: .9em; }
td, th { border: 1px solid #ddd; padding: .25em .6em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
.pass { color: #1a7f37; font-weight: bold; } .fail { color: #cf222e; font-weight: bold; }
.figures { display: flex; flex-wrap: wrap; gap: 1em; } figure { margin: 0; }
figure img { max-width: 560px; max-height: 420px; border: 1px solid #eee; }
figcaption { font-size: .8em; color: #555; }
"""


def _series(losses: Any) -> dict[str, list[float]]:
    if isinstance(losses, dict):
        return {str(k): [float(v) for v in vals] for k, vals in losses.items()}
    return {"loss": [float(v) for v in losses or []]}


def plot_losses(records: dict[str, dict[str, Any]], path: Any, title: str = "") -> str | None:
    """Draw the per-step losses of one case study's runs, R solid and Python dashed, on one plot.

    Example:
        >>> plot_losses({"r": r_record, "py": py_record}, "out/dcgan-losses.png")  # doctest: +SKIP
        'out/dcgan-losses.png'

    Args:
        records: Run records by language (``"r"``, ``"py"``), as :func:`rkeras_bridge.tools.runs.write_run`
            writes them.
        path: Where to write the PNG.
        title: Plot title. Defaults to `""`.

    Returns:
        ``path``, or `None` when no run recorded a loss (nothing is drawn).
    """
    if not isinstance(records, dict) or not records:
        raise bad_argument("records", records,
                           'a dict of run records by language, e.g. {"r": ..., "py": ...}')
    order = sorted(records, key=lambda lang: (lang != "r", lang))  # R first: Python's dashes drawn on top
    curves = [(lang, name, values) for lang in order
              for name, values in _series(records[lang].get("losses")).items() if values]
    if not curves:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4))
    colours: dict[str, Any] = {}
    for lang, name, values in curves:
        colour = colours.setdefault(name, f"C{len(colours)}")
        steps = range(1, len(values) + 1)
        ax.plot(steps, values, color=colour, linestyle="-" if lang == "r" else "--",
                linewidth=1.8 if lang == "r" else 1.2, label=f"{name} ({_LANG_NAMES.get(lang, lang)})")
    ax.set_xlabel("step")
    ax.set_ylabel("loss")
    ax.set_title(title)
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100, bbox_inches="tight")
    plt.close(fig)
    return str(path)


def _format(value: Any) -> str:
    if isinstance(value, float):
        return "NaN" if math.isnan(value) else f"{value:.6g}"
    if isinstance(value, list):
        if len(value) > 8:
            numbers = [v for v in value if isinstance(v, (int, float)) and not isinstance(v, bool)]
            tail = f", last {numbers[-1]:.6g}" if len(numbers) == len(value) else ""
            return f"{len(value)} values{tail}"
        return ", ".join(_format(v) for v in value)
    return str(value)


def _metrics_table(records: dict[str, dict[str, Any]]) -> str:
    langs = [lang for lang in ("r", "py") if lang in records]
    rows = []
    for section, suffix in (("metrics", ""), ("timings", " (timing)")):
        names: list[str] = []
        for lang in langs:
            names += [k for k in records[lang].get(section, {}) if k not in names]
        for name in names:
            cells = "".join(f"<td>{html.escape(_format(records[lang].get(section, {}).get(name, '')))}</td>"
                            for lang in langs)
            rows.append(f"<tr><th>{html.escape(name + suffix)}</th>{cells}</tr>")
    if not rows:
        return ""
    head = "".join(f"<th>{_LANG_NAMES[lang]}</th>" for lang in langs)
    return f"<table><tr><th>figure</th>{head}</tr>{''.join(rows)}</table>"


def _read_records(path: Path) -> list[dict[str, Any]]:
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue  # a line cut short by a crash
        if isinstance(entry, dict) and {"name", "step"} <= set(entry):
            entries.append(entry)
    return entries


def _curve(entry: dict[str, Any]) -> float:
    """One number per recorded value for the plot: the value itself, or the L2 norm of an array."""
    if "text" in entry:
        return math.nan
    values = [float(v) for v in entry["values"]]
    if len(values) == 1:
        return values[0]
    return math.sqrt(sum(v * v for v in values))


def plot_records(records: dict[str, list[dict[str, Any]]], folder: Path, pair: str,
                 limit: int = 24) -> list[str]:
    """Draw each recorded name of a pair with more than one step, R solid and Python dashed, one PNG per name.

    Scalars are drawn as they are; arrays as their L2 norm (‖name‖). Returns the PNG file names.
    """
    series: dict[str, dict[str, dict[int, float]]] = {}
    shapes: dict[str, bool] = {}
    for lang in ("r", "py"):
        for entry in records.get(lang, []):
            name = str(entry["name"])
            series.setdefault(name, {}).setdefault(lang, {})[int(entry["step"])] = _curve(entry)
            shapes[name] = shapes.get(name, False) or len(entry.get("values", [0])) > 1
    names = [n for n, by in series.items() if max(len(v) for v in by.values()) > 1][:limit]
    if not names:
        return []
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    files = []
    for i, name in enumerate(names):
        fig, ax = plt.subplots(figsize=(5.5, 3.2))
        for lang in ("r", "py"):
            points = sorted(series[name].get(lang, {}).items())
            if points:
                ax.plot([p[0] for p in points], [p[1] for p in points], color="C0" if lang == "r" else "C1",
                        linestyle="-" if lang == "r" else "--", linewidth=1.8 if lang == "r" else 1.2,
                        label=_LANG_NAMES[lang])
        label = f"‖{name}‖ (L2 norm)" if shapes[name] else name
        ax.set_xlabel("step")
        ax.set_ylabel(label)
        ax.set_title(f"{pair}: {label}", fontsize=9)
        ax.legend(fontsize=8)
        ax.grid(alpha=0.3)
        file = f"{pair}-curve-{i + 1:02d}.png"
        fig.savefig(folder / file, dpi=90, bbox_inches="tight")
        plt.close(fig)
        files.append(file)
    return files


def _records_section(pair: str, folder: Path,
                     records: dict[str, list[dict[str, Any]]]) -> tuple[str, list[str]]:
    """The verdict and table of a pair's recorded values (``<pair>-parity.json`` when the tool wrote one)."""
    summary_path = folder / f"{pair}-parity.json"
    summary: dict[str, Any] = {}
    if summary_path.exists():
        try:
            summary = json.loads(summary_path.read_text(encoding="utf-8"))
        except ValueError:
            summary = {}
    if not summary.get("rows") and not summary.get("failures"):
        summary = compare_records(records.get("r", []), records.get("py", []))
        summary.setdefault("failures", [])
    verdict = "pass" if summary.get("ok") else "fail"
    tolerance = f"rtol {summary.get('rtol', 1e-6):g}, atol {summary.get('atol', 1e-8):g}"
    parts = [f"<p>Parity R vs Python of the recorded values: "
             f"<span class='{verdict}'>{verdict.upper()}</span> ({tolerance}).</p>"]
    for message in summary.get("failures", []) + summary.get("problems", []):
        parts.append(f"<pre class='fail'>{html.escape(message)}</pre>")
    first = summary.get("first")
    if first:
        where = ""
        if first.get("r_index"):
            where = (f", worst element R [{', '.join(map(str, first['r_index']))}] / Python "
                     f"[{', '.join(map(str, first['py_index']))}]")
        values = (f"R {_format(first.get('r_value'))}, Python {_format(first.get('py_value'))} "
                  f"({first.get('problem')})")
        parts.append(f"<p class='fail'>First divergence: <code>{html.escape(str(first['name']))}</code> at "
                     f"step {first['step']}{html.escape(where)}: {html.escape(values)}.</p>")
    if summary.get("hint"):
        parts.append(f"<p>{html.escape(summary['hint'])}</p>")
    rows = "".join(
        f"<tr><td>{html.escape(str(row['name']))}</td><td>{row['r_steps']}</td><td>{row['py_steps']}</td>"
        f"<td>{row['max_abs']:.3g}</td><td>{row['max_rel']:.3g}</td>"
        f"<td class='{'pass' if row['verdict'] == 'PASS' else 'fail'}'>{html.escape(row['verdict'])}"
        "</td></tr>"
        for row in summary.get("rows", []))
    if rows:
        parts.append("<table><tr><th>recorded name</th><th>steps R</th><th>steps Python</th><th>max |Δ|</th>"
                     f"<th>max relative Δ</th><th>verdict</th></tr>{rows}</table>")
    return "\n".join(parts), plot_records(records, folder, pair)


def write_report(out_dir: Any, title: str | None = None) -> str:
    """Write ``index.html`` for the runs in ``out_dir``: parity verdicts, figures, loss curves, pictures.

    Example:
        >>> write_report("out/dcgan")  # doctest: +SKIP
        'out/dcgan/index.html'

    Args:
        out_dir: A directory holding run records (``<case>-<lang>.json``) and PNGs.
        title: Page title. Defaults to `None` ("rkeras_bridge runs in <dir>").

    Returns:
        The path of ``index.html``.

    R equivalent: ``run_case_study()`` writes it; the page is plain HTML with relative links.
    """
    if not isinstance(out_dir, (str, os.PathLike)) or not Path(out_dir).is_dir():
        raise bad_argument("out_dir", out_dir,
                           "an existing directory with run records (<case>-r.json, <case>-py.json)")
    folder = Path(out_dir)
    cases: dict[str, dict[str, dict[str, Any]]] = {}
    for path in sorted(folder.glob("*-*.json")):
        stem, _, lang = path.stem.rpartition("-")
        if lang not in _LANG_NAMES:
            continue
        try:
            record = json.loads(path.read_text())
        except (OSError, ValueError):
            continue  # not a run record (or one being written): leave it off the page
        if isinstance(record, dict) and "losses" in record:
            cases.setdefault(str(record.get("case", stem)), {})[lang] = record
    recorded: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for path in sorted(folder.glob("*-*.records.jsonl")):
        stem, _, lang = path.name.removesuffix(".records.jsonl").rpartition("-")
        if lang in _LANG_NAMES:
            recorded.setdefault(stem, {})[lang] = _read_records(path)
    pictures = sorted(p.name for p in folder.glob("*.png") if "-curve-" not in p.name)
    title = title or f"rkeras_bridge runs in {folder.resolve().name}"
    parts = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>",
             f"<style>{_STYLE}</style></head><body><h1>{html.escape(title)}</h1>"]
    if not cases and not recorded:
        parts.append("<p>No run records here yet.</p>")
    for case in sorted(set(cases) | set(recorded)):
        records = cases.get(case, {})
        parts.append(f"<h2 id='{html.escape(case)}'>{html.escape(case)}</h2>")
        curves: list[str] = []
        if case in recorded:  # the parity tool's comparison of what record() wrote
            section, curves = _records_section(case, folder, recorded[case])
            parts.append(section)
        elif "r" in records and "py" in records:
            result = compare_runs(records["r"], records["py"])
            verdict = "pass" if result["ok"] else "fail"
            parts.append(f"<p>Parity R vs Python: <span class='{verdict}'>{verdict.upper()}</span> over "
                         f"{result['steps']} steps; max |Δ| {result['max_abs']:.3g}, max relative Δ "
                         f"{result['max_rel']:.3g}.</p>")
            for problem in result["problems"][:5]:
                parts.append(f"<p class='fail'>{html.escape(problem)}</p>")
        if records:
            seeds = ", ".join(f"{_LANG_NAMES[k]}: seed {v.get('seed')}, {v.get('steps')} steps"
                              for k, v in sorted(records.items()))
            parts.append(f"<p>{html.escape(seeds)}</p>")
            parts.append(_metrics_table(records))
        figures = [(name, "per step (R solid, Python dashed)") for name in curves]
        loss_png = None if curves else plot_losses(records, folder / f"{case}-losses.png",
                                                   title=f"{case}: loss per step") if records else None
        if loss_png:
            figures.append((Path(loss_png).name, "loss per step (R solid, Python dashed)"))
        figures += [(name, name) for name in pictures
                    if name.startswith(case) and name != f"{case}-losses.png"]
        parts.append("<div class='figures'>" + "".join(
            f"<figure><img src='{html.escape(name)}' alt='{html.escape(caption)}'>"
            f"<figcaption>{html.escape(caption)}</figcaption></figure>"
            for name, caption in figures) + "</div>")
    parts.append("</body></html>")
    index = folder / "index.html"
    tmp = index.with_suffix(".html.tmp")
    tmp.write_text("\n".join(parts), encoding="utf-8")
    tmp.replace(index)
    return str(index)


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise FileNotFoundError("Headless Chromium is needed to render the report: install Debian's `chromium` "
                            "package (apt-get install chromium; `make setup` does).")


def screenshot(html_path: Any, png_path: Any, width: int = 1280, height: int = 2400,
               timeout: float = 120) -> str:
    """Render a page in headless Chromium and save a PNG screenshot of it.

    Example:
        >>> screenshot("out/dcgan/index.html", "out/dcgan/index.png")  # doctest: +SKIP
        'out/dcgan/index.png'

    Args:
        html_path: The page (a local file).
        png_path: Where to write the screenshot.
        width: Window width in pixels. Defaults to `1280`.
        height: Window height in pixels. Defaults to `2400`.
        timeout: Seconds to wait for Chromium. Defaults to `120`.

    Returns:
        ``png_path``.
    """
    page = Path(html_path)
    if not page.is_file():
        raise bad_argument("html_path", html_path, "an existing HTML file", FileNotFoundError)
    png = Path(png_path).resolve()
    png.parent.mkdir(parents=True, exist_ok=True)
    cmd = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           "--disable-background-networking", "--disable-extensions", "--no-first-run", "--hide-scrollbars",
           f"--window-size={int(width)},{int(height)}", f"--screenshot={png}", page.resolve().as_uri()]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0 or not png.exists():
        raise RuntimeError(f"Chromium could not render {page}: exit {proc.returncode}: {proc.stderr[-500:]}")
    return str(png)
