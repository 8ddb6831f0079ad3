"""Packaging conventions: the distributions build, the code is lint-clean, the public API is typed."""

import inspect
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import rkeras_bridge

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def dists(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    # An isolated build: the build backend declared in pyproject.toml (setuptools>=68) is newer
    # than the virtual environment's own setuptools, so --no-isolation would refuse to run.
    command = [sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    wheels, sdists = list(out.glob("*.whl")), list(out.glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, sorted(p.name for p in out.iterdir())
    return wheels[0], sdists[0]


def test_wheel_holds_the_package(dists):
    wheel, _ = dists
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"rkeras_bridge/__init__.py", "rkeras_bridge/tensorflow/compat/__init__.py"} <= names
    assert not any(name.startswith(("tests/", "examples_py/")) for name in names)


def test_sdist_holds_pyproject(dists):
    _, sdist = dists
    with tarfile.open(sdist) as tar:
        names = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    assert {"pyproject.toml", "rkeras_bridge/__init__.py"} <= names


@pytest.mark.parametrize("constraints", ["constraints.txt", "constraints-numpy2.txt"])
def test_both_grounds_pins_meet_pyproject(constraints):
    """Each ground's pins are within what pyproject.toml asks (so -e '.[test,examples]' resolves on both)."""
    tomllib = pytest.importorskip("tomllib", reason="tomllib is standard library from Python 3.11 (pinned)")
    from packaging.requirements import Requirement

    from rkeras_bridge.tools.cli import _constraints

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = [Requirement(r) for r in project["dependencies"]]
    extras = project["optional-dependencies"]
    wanted += [Requirement(r) for extra in ("test", "examples") for r in extras[extra]]
    pins = _constraints(ROOT / constraints)
    for req in wanted:
        pin = pins.get(req.name.lower().replace("_", "-"), "")
        if pin.startswith("=="):
            assert req.specifier.contains(pin[2:]), f"{constraints}: {req.name}{pin} is outside {req}"


def test_ruff_clean():
    command = [sys.executable, "-m", "ruff", "check", "--no-cache", "rkeras_bridge", "tests", "examples_py"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def _public_functions():
    for name in rkeras_bridge.__all__:
        obj = getattr(rkeras_bridge, name)
        if inspect.isfunction(obj):
            yield name, obj


def test_public_functions_are_annotated():
    functions = dict(_public_functions())
    assert len(functions) > 100  # k_*, layer_*, dataset_*, ...: the surface, not a handful
    missing = {}
    for name, fn in functions.items():
        sig = inspect.signature(fn)
        gaps = [p.name for p in sig.parameters.values() if p.annotation is inspect.Parameter.empty]
        if sig.return_annotation is inspect.Signature.empty:
            gaps.append("return")
        if gaps:
            missing[name] = gaps
    assert not missing, missing
