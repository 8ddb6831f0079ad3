"""Hold the conformance counts to floors that only rise (``make conformance``).

``../shared/conformance/run`` runs the original R packages' testthat suites against rkerasbridge and
prints, per suite, ``<suite>: Pass rate over scored tests: P / N = X%``. This reads that output and
compares each suite's passed count with its floor in ``tests/conformance-floors.txt``: below a floor
is a regression and fails; above it, ``--raise`` writes the new count as the floor (never lower).

    python -m rkeras_bridge.tools.conformance out/conformance/summary.txt            # check
    python -m rkeras_bridge.tools.conformance out/conformance/summary.txt --raise    # check, then raise
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

__all__ = ["parse_counts", "read_floors", "check", "raise_floors", "main"]

FLOORS = Path(__file__).resolve().parents[2] / "tests" / "conformance-floors.txt"
_LINE = re.compile(r"^(?P<suite>[\w.-]+): Pass rate over scored tests: (?P<p>\d+) / (?P<n>\d+)", re.M)


def parse_counts(text: str) -> dict[str, tuple[int, int]]:
    """``{suite: (passed, scored)}`` from the output of ``../shared/conformance/run``.

    Example:
        >>> parse_counts("keras: Pass rate over scored tests: 27 / 214 = 12.6%")
        {'keras': (27, 214)}
    """
    return {m["suite"]: (int(m["p"]), int(m["n"])) for m in _LINE.finditer(text)}


def read_floors(path: Path = FLOORS) -> dict[str, int]:
    """``{suite: floor}`` from lines ``<suite> <passed>`` (``#`` starts a comment)."""
    floors = {}
    for number, line in enumerate(Path(path).read_text().splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) != 2 or not parts[1].isdigit():
            raise ValueError(f"{path}:{number}: expected '<suite> <passed tests>'. Received: {line!r}")
        floors[parts[0]] = int(parts[1])
    return floors


def check(counts: dict[str, tuple[int, int]], floors: dict[str, int]) -> list[str]:
    """The problems: a suite below its floor, or a suite with a floor that did not run."""
    problems = []
    for suite, floor in sorted(floors.items()):
        if suite not in counts:
            problems.append(f"{suite}: no result (the suite did not run or its summary is missing)")
        elif counts[suite][0] < floor:
            problems.append(f"{suite}: {counts[suite][0]} passed, below the floor of {floor}: a regression")
    return problems


def raise_floors(counts: dict[str, tuple[int, int]], floors: dict[str, int],
                 path: Path = FLOORS) -> dict[str, int]:
    """Write ``max(floor, passed)`` for every suite that ran; return the new floors."""
    new = dict(floors)
    for suite, (passed, _) in counts.items():
        new[suite] = max(floors.get(suite, 0), passed)
    lines = Path(path).read_text().splitlines() if Path(path).exists() else []
    header = [line for line in lines if line.startswith("#")]
    Path(path).write_text("\n".join(header + [f"{s} {n}" for s, n in sorted(new.items())]) + "\n")
    return new


def main(argv: list[str] | None = None) -> int:
    """Command line: check a conformance summary against the floors (exit 1 on a regression)."""
    parser = argparse.ArgumentParser(prog="python -m rkeras_bridge.tools.conformance", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("summary", help="the output of ../shared/conformance/run")
    parser.add_argument("--floors", default=str(FLOORS), help="the floors file (default: %(default)s)")
    parser.add_argument("--raise", dest="raise_", action="store_true", help="raise the floors to the counts")
    args = parser.parse_args(argv)
    counts = parse_counts(Path(args.summary).read_text())
    floors = read_floors(Path(args.floors))
    for suite, (passed, scored) in sorted(counts.items()):
        floor = floors.get(suite)
        hint = ", raise it with --raise" if floor is not None and passed > floor else ""
        note = "" if floor is None else f" (floor {floor}{hint})"
        print(f"conformance {suite}: {passed} / {scored} = {100 * passed / max(scored, 1):.1f}%{note}")
    problems = check(counts, floors)
    for problem in problems:
        print(f"conformance REGRESSION {problem}", file=sys.stderr)
    if args.raise_ and not problems:
        raise_floors(counts, floors, Path(args.floors))
        print(f"floors raised in {args.floors}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
