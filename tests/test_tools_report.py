"""The per-directory report: loss curves (R and Python overlaid), figures, pictures; rendered by Chromium."""
import shutil

import numpy as np
import pytest
from PIL import Image

from rkeras_bridge.cases.plots import save_image_grid
from rkeras_bridge.tools.report import plot_losses, screenshot, write_report
from rkeras_bridge.tools.runs import write_run


def make_runs(folder, python_shift=0.0):
    losses = {"generator": [2.0, 1.5, 1.2, 1.0], "discriminator": [1.0, 0.9, 0.95, 0.8]}
    shifted = {k: [v + python_shift for v in vals] for k, vals in losses.items()}
    metrics = {"accuracy": 0.91, "samples": ["uno <dos>", "tres"]}
    write_run({"seed": 1, "out": str(folder / "toy-r.json")}, "toy", "r", losses, metrics,
              timings={"seconds_per_step": 0.2})
    write_run({"seed": 1, "out": str(folder / "toy-py.json")}, "toy", "py", shifted, metrics,
              timings={"seconds_per_step": 0.1})
    save_image_grid(np.random.default_rng(0).random((4, 8, 8)), str(folder / "toy_py_epoch01.png"), nrow=2)


def test_write_report_shows_verdict_figures_curves_and_pictures(tmp_path):
    make_runs(tmp_path)
    (tmp_path / "notes.json").write_text("{}")  # not a run record: ignored
    page = write_report(tmp_path)
    text = open(page, encoding="utf-8").read()
    assert "class='pass'>PASS" in text and "over 4 steps" in text
    assert "accuracy" in text and "0.91" in text and "seconds_per_step (timing)" in text
    assert "uno &lt;dos&gt;, tres" in text  # escaped, not raw HTML
    assert "src='toy-losses.png'" in text and "src='toy_py_epoch01.png'" in text
    assert (tmp_path / "toy-losses.png").exists()


def test_write_report_flags_a_disagreement_and_handles_an_empty_folder(tmp_path):
    make_runs(tmp_path, python_shift=0.5)
    text = open(write_report(tmp_path), encoding="utf-8").read()
    assert "class='fail'>FAIL" in text and "generator" in text
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "No run records here yet" in open(write_report(empty), encoding="utf-8").read()
    with pytest.raises(ValueError, match="`out_dir`"):
        write_report(tmp_path / "missing")


def test_plot_losses(tmp_path):
    assert plot_losses({"r": {"losses": []}}, tmp_path / "none.png") is None
    runs = {"r": {"losses": [3, 2, 1]}, "py": {"losses": [3, 2, 1]}}
    path = plot_losses(runs, tmp_path / "l.png", title="t")
    assert Image.open(path).size[0] > 300
    with pytest.raises(ValueError, match="`records`"):
        plot_losses({}, tmp_path / "x.png")


def test_report_renders_in_headless_chromium(tmp_path):
    assert shutil.which("chromium"), "Debian's chromium is needed (`make setup` installs it)"
    make_runs(tmp_path)
    shot = screenshot(write_report(tmp_path), tmp_path / "shot.png", width=1000, height=1200)
    pixels = np.asarray(Image.open(shot).convert("RGB"), dtype=np.int32)
    assert pixels.shape[:2] == (1200, 1000)
    # the page drew something: text, table borders, the loss plot and the digit grid (not a blank page)
    assert (pixels.sum(axis=2) < 600).mean() > 0.01
    # the loss curves' matplotlib blue (C0 = #1f77b4) is on screen: the <img> of the plot loaded
    blue = np.all(np.abs(pixels - np.array([0x1f, 0x77, 0xb4])) < 30, axis=2)
    assert blue.sum() > 200
