"""Selections of columns (rkeras_bridge.tfdatasets.selectors): tidyselect's rules, resolved in Python."""
import pytest

from rkeras_bridge import (
    all_nominal, all_numeric, contains, ends_with, everything, has_type, matches, num_range, one_of,
    starts_with,
)
from rkeras_bridge.tfdatasets.selectors import parse_formula, select_columns

NAMES = ["a", "b", "c", "d", "x1", "x2", "x10"]
TYPES = ["string", "int32", "float32", "string", "float64", "float64", "int64"]


def pick(*terms):
    return select_columns(NAMES, TYPES, list(terms))


def test_names_positions_groups_and_ranges_keep_the_order_given():
    assert pick("c", "a") == ["c", "a"]
    assert pick(["d", "a"], "d") == ["d", "a"]       # c(d, a), d: once
    assert pick(2, 1) == ["b", "a"]                   # R positions are 1-based
    assert pick({":": ["b", "d"]}) == ["b", "c", "d"]
    assert pick({":": ["d", "b"]}) == ["d", "c", "b"]


def test_exclusions_start_from_everything_when_first():
    assert pick({"-": "b"}) == [n for n in NAMES if n != "b"]
    assert pick(all_numeric(), {"-": "b"}) == ["c", "x1", "x2", "x10"]
    assert pick(all_numeric(), -has_type("float64")) == ["b", "c", "x10"]
    assert pick(-2) == [n for n in NAMES if n != "b"]  # x[-2]


def test_type_selectors():
    assert pick(has_type("float32")) == ["c"]
    assert pick(has_type(["int32", "int64"])) == ["b", "x10"]
    assert pick(all_nominal()) == ["a", "d"]
    assert pick(everything()) == NAMES


def test_name_selectors():
    assert pick(starts_with("X")) == ["x1", "x2", "x10"]
    assert pick(starts_with("X", ignore_case=False)) == []
    assert pick(ends_with("0")) == ["x10"]
    assert pick(contains("1")) == ["x1", "x10"]
    assert pick(matches("^x[12]$")) == ["x1", "x2"]
    assert pick(num_range("x", [1, 10])) == ["x1", "x10"]
    assert pick(one_of(["d", "a"])) == ["d", "a"]


@pytest.mark.parametrize("term, match", [
    ("zz", "names of columns"),
    (0, "position"),
    (9, "position"),
    (one_of("zz"), "one_of"),
    (object(), "selectors"),
    ({":": ["a"]}, "range"),
])
def test_bad_terms_name_the_argument(term, match):
    with pytest.raises((ValueError, TypeError), match=match):
        select_columns(NAMES, TYPES, [term], "x")


def test_matches_refuses_a_bad_pattern():
    with pytest.raises(ValueError, match="regular expression"):
        matches("(")


def test_formulas():
    assert parse_formula("cyl ~ mpg + disp") == ("cyl", ["mpg", "disp"])
    assert parse_formula("y ~ .", ["a", "y", "b"]) == ("y", ["a", "b"])
    assert parse_formula("y ~ . - b", ["a", "y", "b"]) == ("y", ["a"])
    assert parse_formula("~ `odd name` + a") == (None, ["odd name", "a"])
    with pytest.raises(ValueError, match="unknown: q"):
        parse_formula("y ~ q", ["y", "a"])
    with pytest.raises(ValueError, match="no functions"):
        parse_formula("y ~ log(a)")
    with pytest.raises(ValueError, match="one `~`"):
        parse_formula("a + b")
