"""rkeras_bridge.tensorflow.flags: parse_arguments(), parse_flags(), tfruns' flags(), and their YAML."""

import math
import os

import pytest

from rkeras_bridge import (flag_boolean, flag_integer, flag_numeric, flag_string, flags, parse_arguments,
                           parse_flags, run_dir)
from rkeras_bridge.tensorflow.flags import YamlError, yaml_load

# What R's yaml::yaml.load() gives for each text (YAML 1.1), checked in R 4.x with yaml 2.3.
YAML_SCALARS = [
    ("1000", 1000), ("+5", 5), ("017", 15), ("0x1F", 31), ("3.", 3.0), ("-.5", -0.5), ("1.5e+3", 1500.0),
    ("1e3", "1e3"), ("1e-3", "1e-3"), ("1.5e3", "1.5e3"), ("1_000", "1_000"),  # YAML 1.1: strings
    ("yes", True), ("y", True), ("on", True), ("True", True), ("n", False), ("OFF", False), ("tRue", "tRue"),
    ("~", None), ("null", None), ("", None), (".inf", math.inf), ("-.Inf", -math.inf),
    ("[1,2,3]", [1, 2, 3]), ("[1, a, true]", [1, "a", True]), ("{a: 1, b: [x]}", {"a": 1, "b": ["x"]}),
    ('"q"', "q"), ("'it''s'", "it's"), ('["a,b", c]', ["a,b", "c"]), ("a=b", "a=b"),
    ("2019-01-01", "2019-01-01"), ("1:20", "1:20"), ("http://x.org/a", "http://x.org/a"),
]


@pytest.mark.parametrize("text, expected", YAML_SCALARS)
def test_yaml_values_resolve_as_r_yaml_does(text, expected):
    assert yaml_load(text) == expected
    assert type(yaml_load(text)) is type(expected)


def test_yaml_documents():
    text = """
# a comment
default:
  string: "foo"   # trailing comment
  integer: 1
  nested:
    list: [1, 2]
    items:
      - x
      - y: 2
        z: 3
alternate:
  string: bar
"""
    assert yaml_load(text) == {
        "default": {"string": "foo", "integer": 1,
                    "nested": {"list": [1, 2], "items": ["x", {"y": 2, "z": 3}]}},
        "alternate": {"string": "bar"},
    }
    assert math.isnan(yaml_load(".nan"))
    for bad in ("a: &anchor 1", "a: |\n  text", "a: [1, 2"):
        with pytest.raises(YamlError):
            yaml_load(bad)


def test_parse_arguments_as_the_conformance_suite_expects():
    assert parse_arguments("--alpha=beta --gamma=delta".split()) == {"alpha": "beta", "gamma": "delta"}
    assert parse_arguments("--alpha beta --gamma delta".split()) == {"alpha": "beta", "gamma": "delta"}
    assert parse_arguments(["--nested=a=b"]) == {"nested": "a=b"}
    assert parse_arguments(["--array=[1,2,3]"]) == {"array": [1, 2, 3]}
    assert parse_arguments(["--number=1000"]) == {"number": 1000}
    assert parse_arguments(["--nested-dashes=1000"]) == {"nested_dashes": 1000}
    assert parse_arguments(["positional", "--a=1", "-b", "--a=2"]) == {"a": 2}
    with pytest.raises(ValueError, match="a value after --last"):
        parse_arguments(["--last"])
    with pytest.raises(ValueError, match="`arguments`"):
        parse_arguments([1, 2])


@pytest.fixture
def flags_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("R_CONFIG_ACTIVE", raising=False)
    path = tmp_path / "flags.yml"
    path.write_text("default:\n  rate: 0.1\n  epochs: 10\n  name: base\n"
                    "fast:\n  epochs: 2\n"
                    "fastest:\n  inherits: fast\n  rate: 0.5\n")
    return path


def test_parse_flags_reads_sections_and_arguments(flags_file, monkeypatch):
    assert parse_flags(arguments=[]) == {"rate": 0.1, "epochs": 10, "name": "base"}
    assert parse_flags("fast", arguments=[]) == {"rate": 0.1, "epochs": 2, "name": "base"}
    assert parse_flags("fastest", arguments=["--name=x"]) == {"rate": 0.5, "epochs": 2, "name": "x"}
    monkeypatch.setenv("R_CONFIG_ACTIVE", "fast")
    assert parse_flags(arguments=["--extra", "[1, 2]"])["extra"] == [1, 2]
    assert parse_flags(arguments=[])["epochs"] == 2
    assert parse_flags(file=False, arguments=["--a=1"]) == {"a": 1}
    with pytest.warns(UserWarning, match="configuration file 'nope.yml' does not exist"):
        assert parse_flags(file="nope.yml", arguments=[]) == {}


def test_flag_definitions():
    assert flag_numeric("lr", 1) == {"name": "lr", "type": "numeric", "default": 1.0, "description": None}
    assert flag_integer("steps", 5000.0)["default"] == 5000
    assert flag_integer("steps", 2.7)["default"] == 2  # as.integer() truncates
    assert flag_boolean("fake", 0)["default"] is False
    assert flag_string("rate", 0.01)["default"] == "0.01"
    assert flag_string("on", True)["default"] == "TRUE"
    with pytest.raises(ValueError, match="`default`"):
        flag_integer("steps", "many")
    with pytest.raises(ValueError, match="`name`"):
        flag_numeric("", 1)


def _defs():
    return (flag_numeric("learning_rate", 0.01, "Initial learning rate."),
            flag_integer("max_steps", 5000, "Number of steps."),
            flag_string("data_dir", "MNIST-data"),
            flag_boolean("fake_data", False))


def test_flags_defaults_file_and_command_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("R_CONFIG_ACTIVE", raising=False)
    f = flags(*_defs(), arguments=[])
    assert f == {"learning_rate": 0.01, "max_steps": 5000, "data_dir": "MNIST-data", "fake_data": False}
    assert f.types == ["numeric", "integer", "string", "boolean"]
    assert f.descriptions == ["Initial learning rate.", "Number of steps.", None, None]
    (tmp_path / "flags.yml").write_text("max_steps: 100\nfake_data: yes\n")  # plain values
    f = flags(*_defs(), arguments=["--learning-rate", "0.5", "--data_dir=7"])
    assert f == {"learning_rate": 0.5, "max_steps": 100, "data_dir": "7", "fake_data": True}
    (tmp_path / "flags.yml").write_text("default:\n  max_steps: 10\nlong:\n  max_steps: 1e+4\n")  # sections
    assert flags(list(_defs()), arguments=[])["max_steps"] == 10
    assert flags(list(_defs()), config="long", arguments=[])["max_steps"] == 10000
    assert flags(arguments=["--anything=1"]) == {}  # no flags: nothing is read


@pytest.mark.parametrize(
    "arguments, match",
    [(["--unknown=1"], "provided but not declared: unknown"),
     (["--max_steps=many"], "unable to convert flag 'max_steps' with value 'many' to type integer"),
     (["--fake_data=maybe"], "type boolean"),
     (["--max_steps=[1, 2]"], "only scalar flag values")],
)
def test_flags_errors(arguments, match, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValueError, match=re_escape(match)):
        flags(*_defs(), arguments=arguments)


def re_escape(text):
    import re

    return re.escape(text)


def test_flags_defined_twice_and_help(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValueError, match="already been defined"):
        flags(flag_numeric("a", 1), flag_integer("a", 2), arguments=[])
    with pytest.raises(SystemExit):
        flags(*_defs(), arguments=["--help"])
    out = capsys.readouterr().out
    assert "--learning-rate" in out and "Initial learning rate. (0.01)" in out and "(MNIST-data)" in out


def test_run_dir_is_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run_dir() == os.getcwd() == str(tmp_path)
