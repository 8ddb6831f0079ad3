"""Choosing columns of a dataset by name, type or pattern, as tfdatasets' tidyselect helpers did.

``dataset_prepare(x = c(mpg, disp), y = cyl)``, ``feature_spec(ds, y ~ a + b)`` and the ``step_*()``
functions choose columns of a dataset with named elements. A selection is a sequence of terms; each is

* a column name (``"mpg"``; from R, the bare name ``mpg``),
* a 1-based column position (R's numbering, as tidyselect),
* a selector: :func:`has_type`, :func:`all_numeric`, :func:`all_nominal`, :func:`starts_with`,
  :func:`ends_with`, :func:`contains`, :func:`matches`, :func:`num_range`, :func:`one_of`,
  :func:`everything`,
* a list or tuple of terms (R ``c(a, d)``),
* an exclusion: ``{"-": term}`` (R ``-b``) or ``-selector``,
* a range ``{":": ["mpg", "disp"]}`` (R ``mpg:disp``).

Terms are applied in order, as tidyselect did: an included column joins the end of the selection
(once), an excluded one leaves it; a selection that starts with an exclusion starts from every
column. The R package turns R's unevaluated arguments into these terms; the rules live here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..bridge.errors import bad_argument

__all__ = [
    "has_type",
    "all_numeric",
    "all_nominal",
    "starts_with",
    "ends_with",
    "contains",
    "matches",
    "num_range",
    "one_of",
    "everything",
]

_NUMERIC_TYPES = ("float16", "float32", "float64", "int16", "int32", "int64", "half", "double")


class Selector:
    """A rule choosing columns from their names and types (``resolve``); ``-selector`` excludes them."""

    def __init__(self, description: str) -> None:
        self.description = description

    def resolve(self, names: Sequence[str], types: Sequence[str]) -> list[str]:  # pragma: no cover
        raise NotImplementedError

    def __neg__(self) -> dict[str, Any]:
        return {"-": self}

    def __repr__(self) -> str:
        return f"<selector {self.description}>"


class _TypeSelector(Selector):
    def __init__(self, description: str, wanted: Sequence[str]) -> None:
        super().__init__(description)
        self.wanted = [str(w) for w in wanted]

    def resolve(self, names: Sequence[str], types: Sequence[str]) -> list[str]:
        return [n for n, t in zip(names, types) if t in self.wanted]


class _NameSelector(Selector):
    def __init__(self, description: str, test: Any) -> None:
        super().__init__(description)
        self.test = test

    def resolve(self, names: Sequence[str], types: Sequence[str]) -> list[str]:
        return [n for n in names if self.test(n)]


def _strings(value: Any, name: str) -> list[str]:
    values = [value] if isinstance(value, str) else list(value) if isinstance(value, (list, tuple)) else None
    if not values or not all(isinstance(v, str) for v in values):
        raise bad_argument(name, value, "a string or a vector of strings")
    return values


def has_type(match: Any = "float32") -> Selector:
    """Columns whose dtype is one of ``match``.

    Example:
        >>> spec = step_numeric_column(feature_spec(ds, "y ~ ."), has_type("float32"))

    Args:
        match: A dtype name or a list of them (``"float32"``, ``"int32"``, ``"string"`` ...).
            Defaults to `"float32"`.

    Returns:
        A selector, for ``step_*()`` and ``dataset_prepare()``.

    Mirrors ``tfdatasets::has_type()``.
    """
    wanted = _strings(match, "match")
    return _TypeSelector(f"has_type({wanted})", wanted)


def all_numeric() -> Selector:
    """Columns of a numeric dtype (float16/32/64, int16/32/64).

    Example:
        >>> spec = step_numeric_column(spec, all_numeric())

    Returns:
        A selector. Mirrors ``tfdatasets::all_numeric()``.
    """
    return _TypeSelector("all_numeric()", _NUMERIC_TYPES)


def all_nominal() -> Selector:
    """Columns of dtype string (tfdatasets counted only strings as nominal).

    Example:
        >>> spec = step_categorical_column_with_vocabulary_list(spec, all_nominal())

    Returns:
        A selector. Mirrors ``tfdatasets::all_nominal()``.
    """
    return _TypeSelector("all_nominal()", ["string"])


def _case(text: str, ignore_case: Any) -> str:
    return text.lower() if ignore_case else text


def starts_with(match: Any, ignore_case: bool = True) -> Selector:
    """Columns whose name starts with ``match`` (any of them, for a vector).

    Example:
        >>> dataset_prepare(ds, x=starts_with("Sepal"), y="Species")

    Args:
        match: A string or a vector of strings.
        ignore_case: Compare case-insensitively. Defaults to `True`.

    Returns:
        A selector. Mirrors ``tidyselect::starts_with()`` (re-exported by tfdatasets).
    """
    prefixes = [_case(m, ignore_case) for m in _strings(match, "match")]
    return _NameSelector(f"starts_with({prefixes})",
                         lambda n: any(_case(n, ignore_case).startswith(p) for p in prefixes))


def ends_with(match: Any, ignore_case: bool = True) -> Selector:
    """Columns whose name ends with ``match``.

    Example:
        >>> dataset_prepare(ds, x=ends_with("Width"))

    Args:
        match: A string or a vector of strings.
        ignore_case: Compare case-insensitively. Defaults to `True`.

    Returns:
        A selector. Mirrors ``tidyselect::ends_with()`` (re-exported by tfdatasets).
    """
    suffixes = [_case(m, ignore_case) for m in _strings(match, "match")]
    return _NameSelector(f"ends_with({suffixes})",
                         lambda n: any(_case(n, ignore_case).endswith(s) for s in suffixes))


def contains(match: Any, ignore_case: bool = True) -> Selector:
    """Columns whose name contains ``match`` (a literal string, not a pattern).

    Example:
        >>> dataset_prepare(ds, x=contains("al"))

    Args:
        match: A string or a vector of strings.
        ignore_case: Compare case-insensitively. Defaults to `True`.

    Returns:
        A selector. Mirrors ``tidyselect::contains()`` (re-exported by tfdatasets).
    """
    parts = [_case(m, ignore_case) for m in _strings(match, "match")]
    return _NameSelector(f"contains({parts})", lambda n: any(p in _case(n, ignore_case) for p in parts))


def matches(match: Any, ignore_case: bool = True) -> Selector:
    """Columns whose name matches the regular expression ``match``.

    Example:
        >>> dataset_prepare(ds, x=matches("^(mpg|disp)$"))

    Args:
        match: A regular expression (or a vector of them).
        ignore_case: Match case-insensitively. Defaults to `True`.

    Returns:
        A selector. Mirrors ``tidyselect::matches()`` (re-exported by tfdatasets).
    """
    flags = re.IGNORECASE if ignore_case else 0
    try:
        patterns = [re.compile(m, flags) for m in _strings(match, "match")]
    except re.error as exc:
        raise bad_argument("match", match, f"a valid regular expression ({exc})") from exc
    return _NameSelector(f"matches({match!r})", lambda n: any(p.search(n) for p in patterns))


def num_range(prefix: str, range: Any, width: Any = None) -> Selector:  # noqa: A002 (tidyselect's name)
    """Columns named ``prefix`` followed by a number of ``range`` (``x1``, ``x2`` ... or ``x01`` ...).

    Example:
        >>> dataset_prepare(ds, x=num_range("x", [1, 2, 3]))

    Args:
        prefix: The names' common start.
        range: The numbers (an R vector such as ``1:3``).
        width: Pad the numbers with zeros to this width. Defaults to `None` (no padding).

    Returns:
        A selector. Mirrors ``tidyselect::num_range()`` (re-exported by tfdatasets).
    """
    numbers = [range] if isinstance(range, (int, float)) else list(range)
    if not numbers or any(float(v) != int(v) for v in numbers):
        raise bad_argument("range", range, "whole numbers, e.g. 1:3")
    pad = 0 if width is None else int(width)
    wanted = [f"{prefix}{int(v):0{pad}d}" for v in numbers]
    return _NameSelector(f"num_range({prefix!r}, {numbers})", lambda n: n in wanted)


def one_of(*args: Any) -> Selector:
    """The columns named in ``args`` (strings or vectors of strings), in that order.

    Example:
        >>> wanted = ["mpg", "disp"]
        >>> dataset_prepare(ds, x=one_of(wanted))

    Args:
        *args: Column names.

    Returns:
        A selector; a name that is not a column is an error when it is resolved.
        Mirrors ``tidyselect::one_of()`` (re-exported by tfdatasets).
    """
    wanted = [n for a in args for n in _strings(a, "...")]

    class _OneOf(Selector):
        def resolve(self, names: Sequence[str], types: Sequence[str]) -> list[str]:
            unknown = [w for w in wanted if w not in names]
            if unknown:
                raise bad_argument("one_of", unknown, f"names of columns ({', '.join(names)})")
            return list(wanted)

    return _OneOf(f"one_of({wanted})")


def everything() -> Selector:
    """Every column.

    Example:
        >>> spec = step_remove_column(spec, everything())

    Returns:
        A selector. Mirrors ``tidyselect::everything()`` (re-exported by tfdatasets).
    """
    return _NameSelector("everything()", lambda n: True)


def _resolve_term(term: Any, names: list[str], types: list[str], argument: str) -> tuple[list[str], bool]:
    """The columns ``term`` names, and whether it excludes them."""
    if isinstance(term, Mapping) and set(term) == {"-"}:
        chosen, excluded = _resolve_term(term["-"], names, types, argument)
        return chosen, not excluded
    if isinstance(term, Mapping) and set(term) == {":"}:
        ends = list(term[":"])
        if len(ends) != 2:
            raise bad_argument(argument, term, "a range of two columns, e.g. mpg:disp")
        first, last = (_resolve_term(e, names, types, argument)[0] for e in ends)
        if len(first) != 1 or len(last) != 1:
            raise bad_argument(argument, term, "a range between two single columns")
        i, j = names.index(first[0]), names.index(last[0])
        return (names[i:j + 1] if i <= j else names[j:i + 1][::-1]), False
    if isinstance(term, Selector):
        return term.resolve(names, types), False
    if isinstance(term, str):
        if term not in names:
            raise bad_argument(argument, term, f"names of columns ({', '.join(names)})")
        return [term], False
    if isinstance(term, bool) or term is None:
        raise bad_argument(argument, term, "column names, positions or selectors")
    if isinstance(term, (int, float)):
        position = int(term)
        if position != term or position == 0 or abs(position) > len(names):
            raise bad_argument(argument, term, f"a column position between 1 and {len(names)}")
        # R's negative positions exclude, as in x[-2]
        return [names[abs(position) - 1]], position < 0
    if isinstance(term, (list, tuple)):
        return select_columns(names, types, list(term), argument), False
    raise bad_argument(argument, term, "column names, positions, selectors (has_type(), all_numeric() ...) "
                       "or lists of them", TypeError)


def select_columns(names: Sequence[str], types: Sequence[str], terms: Any, argument: str = "x") -> list[str]:
    """The columns a selection chooses, in order (see the module's docstring for the terms).

    Example:
        >>> select_columns(["a", "b", "c"], ["string", "int32", "float32"], [all_numeric(), {"-": "b"}])
        ['c']

    Args:
        names: The columns' names.
        types: Their dtype names.
        terms: A term or a list of terms.
        argument: The argument's name for errors. Defaults to `"x"`.

    Returns:
        The chosen names, without duplicates.
    """
    names, types = [str(n) for n in names], [str(t) for t in types]
    terms = list(terms) if isinstance(terms, (list, tuple)) else [terms]
    chosen: list[str] = []
    for i, term in enumerate(terms):
        columns, exclude = _resolve_term(term, names, types, argument)
        if exclude:
            if i == 0:
                chosen = list(names)
            chosen = [c for c in chosen if c not in columns]
        else:
            chosen += [c for c in columns if c not in chosen]
    return chosen


_FORMULA_TERM = re.compile(r"`([^`]+)`|([A-Za-z.][A-Za-z0-9._]*)|(\S)")


def parse_formula(formula: str, names: Sequence[str] | None = None) -> tuple[str | None, list[str]]:
    """The response and the features of an R formula's text, such as ``"y ~ a + b"`` or ``"~ . - y"``.

    Example:
        >>> parse_formula("cyl ~ mpg + disp")
        ('cyl', ['mpg', 'disp'])

    Args:
        formula: The formula as R deparses it: terms joined by ``+`` (add) and ``-`` (remove);
            ``.`` is every column but the response; names may be backquoted.
        names: The dataset's columns (needed for ``.``). Defaults to `None`.

    Returns:
        ``(response or None, features)``.
    """
    text = str(formula)
    if text.count("~") != 1:
        raise bad_argument("x", formula, "a formula such as y ~ a + b (one `~`)")
    lhs, rhs = (part.strip() for part in text.split("~"))
    response = lhs.strip("`") or None
    if response is not None and not re.fullmatch(r"`[^`]+`|[A-Za-z.][A-Za-z0-9._]*", lhs):
        raise bad_argument("x", formula, "a formula whose response is one column name")
    features: list[str] = []
    sign = "+"
    for quoted, plain, other in _FORMULA_TERM.findall(rhs):
        if other in ("+", "-"):
            sign = other
            continue
        if other:
            raise bad_argument("x", formula, "a formula of column names joined by + and - (no functions or "
                               "interactions)")
        name = quoted or plain
        if name == ".":
            if names is None:
                raise bad_argument("x", formula, "a dataset with named columns for `.`")
            group = [n for n in names if n != response]
        else:
            group = [name]
        if sign == "+":
            features += [g for g in group if g not in features]
        else:
            features = [f for f in features if f not in group]
        sign = "+"
    if names is not None:
        unknown = [n for n in [*features, *([response] if response else [])] if n not in names]
        if unknown:
            raise bad_argument("x", formula, f"a formula of column names ({', '.join(names)}); unknown: "
                               f"{', '.join(unknown)}")
    return response, features
