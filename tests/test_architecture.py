"""The tree shows the architecture (docs/architecture.md): layers import only downwards, no import circles,
and the R files and the tests of both languages are named after the layer and module they belong to."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "rkeras_bridge"
# bridge < tensorflow < tfdatasets < keras < cases < tools: R keras depended on R tensorflow and tfdatasets,
# never the other way round; case-study helpers use the surfaces; tools use everything.
LAYERS = ["bridge", "tensorflow", "tfdatasets", "keras", "cases", "tools"]
# Test files that test one idiom across modules rather than one module.
CROSS_CUTTING = {"architecture", "packaging", "surface", "bridge_bad_inputs"}


def _modules() -> dict[str, Path]:
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def _imports(module: str, path: Path) -> set[tuple[str, tuple[str, ...]]]:
    """(imported module, names) for every import in the file, those inside functions included."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            names = tuple(a.name for a in node.names)
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            elif node.module and node.module.startswith("rkeras_bridge"):
                target = node.module
            else:
                continue
            modules = _modules()
            # `from . import parity` imports a module; `from .parity import x` imports names of one
            submodules = [f"{target}.{n}" for n in names if f"{target}.{n}" in modules]
            found.update((s, ()) for s in submodules)
            if not submodules:
                found.add((target, names))
        elif isinstance(node, ast.Import):
            found.update((a.name, ()) for a in node.names if a.name.startswith("rkeras_bridge"))
    return found


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


GRAPH = {m: _imports(m, p) for m, p in _modules().items()}


def test_every_module_sits_in_a_layer():
    loose = sorted(m for m in GRAPH if m != "rkeras_bridge" and _layer(m) is None)
    assert not loose, f"modules outside bridge/tensorflow/tfdatasets/keras/cases/tools: {loose}"


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if _layer(m)))
def test_imports_go_only_downwards(module):
    rank = LAYERS.index(_layer(module))
    for target, names in GRAPH[module]:
        if target == "rkeras_bridge":
            assert names == ("__version__",), f"{module} imports {names} from the package root"
            continue
        layer = _layer(target)
        assert layer is not None, f"{module} imports {target}, which is in no layer"
        assert LAYERS.index(layer) <= rank, \
            f"{module} ({_layer(module)}) imports {target} ({layer}), a higher layer"


def test_no_import_circles():
    edges = {m: {t for t, _ in targets if t in GRAPH and t != m} for m, targets in GRAPH.items()}
    edges["rkeras_bridge"] = set()  # the root only re-exports, lazily, through importlib
    state: dict[str, int] = {}
    cycles = []

    def visit(m, stack):
        state[m] = 1
        for t in sorted(edges[m]):
            if state.get(t) == 1:
                cycles.append(stack[stack.index(t):] + [t])
            elif t not in state:
                visit(t, stack + [t])
        state[m] = 2

    for m in sorted(edges):
        if m not in state:
            visit(m, [m])
    assert not cycles, "import circles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_lazy_exports_name_real_modules():
    import rkeras_bridge

    for name, module in rkeras_bridge._EXPORTS.items():
        assert f"rkeras_bridge.{module}" in GRAPH, f"{name} is exported from missing module {module}"
    for old, new in rkeras_bridge._MOVED.items():
        assert f"rkeras_bridge.{new}" in GRAPH, f"rkeras_bridge.{old} points at missing module {new}"


def test_r_files_are_named_after_their_layer():
    prefixes = tuple(f"{layer}-" for layer in LAYERS)
    odd = sorted(p.name for p in (ROOT / "r" / "R").glob("*.R")
                 if p.name != "package.R" and not p.name.startswith(prefixes))
    assert not odd, f"r/R files without a layer prefix: {odd}"


def _test_subjects(names: list[str], sep: str) -> list[str]:
    """Test files whose name (less ``test_``) is neither a module ``<layer>_<module>`` nor cross-cutting."""
    modules = {m.split(".", 1)[1].replace(".", "_") for m in GRAPH if _layer(m)}
    # test_keras_layers covers the keras/layers_* family together
    modules |= {"keras_layers"}
    return sorted(n for n in names if n.replace(sep, "_") not in modules | CROSS_CUTTING)


def test_python_tests_mirror_modules():
    names = [p.stem[len("test_"):] for p in (ROOT / "tests").glob("test_*.py")]
    assert not _test_subjects(names, "_")


def test_r_tests_mirror_modules():
    names = [p.stem[len("test-"):] for p in (ROOT / "r" / "tests" / "testthat").glob("test-*.R")]
    # R-only modules of the bridge (reticulate versions) have R tests only
    r_only = {"bridge-reticulate-versions"}
    assert not _test_subjects([n for n in names if n not in r_only], "-")


def test_no_public_name_is_exported_by_two_modules():
    import re

    import rkeras_bridge

    owners: dict[str, list[str]] = {}
    for module, path in _modules().items():
        relative = module.removeprefix("rkeras_bridge.")
        public = _layer(module) in rkeras_bridge._SURFACE_LAYERS or relative in rkeras_bridge._TOOLS_SURFACE
        if not public or relative in rkeras_bridge._OVERLAY_MODULES:
            continue
        match = rkeras_bridge._ALL_PATTERN.search(path.read_text())
        for name in re.findall(r"[\"']([A-Za-z_][A-Za-z0-9_]*)[\"']", match.group(1)) if match else []:
            owners.setdefault(name, []).append(relative)
    twice = {name: where for name, where in owners.items() if len(where) > 1}
    assert not twice, f"names in the __all__ of two surface modules: {twice}"
    assert {name: where[0] for name, where in owners.items()}.items() <= rkeras_bridge._EXPORTS.items()
