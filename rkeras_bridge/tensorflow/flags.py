"""Command line arguments and configuration flags, as R tensorflow 1.13 (and the tfruns functions it
re-exported) read them: ``parse_arguments()``, ``parse_flags()``, ``flags()`` with ``flag_numeric()`` ...,
and ``run_dir()``.

Values are YAML, resolved as R's ``yaml`` package (YAML 1.1) resolves them: ``1000`` is an integer,
``0.01`` a double, ``yes``/``true`` logical, ``[1,2,3]`` a vector, ``1e-3`` a string (YAML 1.1 wants a
dot and a signed exponent: ``1.0e-3``). Configuration files are read as R's ``config`` package reads
them: a ``default`` section, and named sections that override it (``inherits:`` names another base).
The YAML reader here covers what such files hold (block and flow mappings and sequences, plain and
quoted scalars, comments); anchors, tags and multi-line scalars are refused with an error.
"""

from __future__ import annotations

import builtins
import math
import os
import re
import warnings
from collections.abc import Mapping, Sequence
from typing import Any

from ..bridge.errors import bad_argument

__all__ = ["parse_arguments", "parse_flags", "flags", "flag_numeric", "flag_integer", "flag_boolean",
           "flag_string", "run_dir"]


# --- YAML 1.1 scalars and documents, as R's yaml::yaml.load() reads them -------------------------

_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}
_FALSE = {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+][0-9]+)?")
_INFINITY = re.compile(r"[-+]?\.(?:inf|Inf|INF)")


class YamlError(ValueError):
    """A YAML text this reader cannot read (or that is not YAML)."""


def _scalar(text: str) -> Any:
    """A plain (unquoted) YAML 1.1 scalar resolved to None, bool, int, float or str."""
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if re.fullmatch(r"[-+]?(?:0|[1-9][0-9]*)", text):
        return int(text)
    if re.fullmatch(r"[-+]?0[0-7]+", text):  # YAML 1.1 octal: 017 is 15
        return (-1 if text[0] == "-" else 1) * int(text.lstrip("+-"), 8)
    if re.fullmatch(r"[-+]?0x[0-9a-fA-F]+", text):
        return (-1 if text[0] == "-" else 1) * int(text.lstrip("+-"), 16)
    if _FLOAT.fullmatch(text):
        return float(text)
    if _INFINITY.fullmatch(text):
        return -math.inf if text.startswith("-") else math.inf
    if text in (".nan", ".NaN", ".NAN"):
        return math.nan
    return text


def _unquote(text: str) -> str:
    if text[0] == "'":
        return text[1:-1].replace("''", "'")
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/", "0": "\0", "r": "\r"}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(1)), text[1:-1])


class _Flow:
    """A reader of one flow value: ``[a, b]``, ``{k: v}``, a quoted or a plain scalar."""

    def __init__(self, text: str):
        self.text, self.i = text, 0

    def _skip(self) -> None:
        while self.i < len(self.text) and self.text[self.i] in " \t":
            self.i += 1

    def value(self, inside: bool) -> Any:
        self._skip()
        if self.i >= len(self.text):
            return None
        c = self.text[self.i]
        if c == "[":
            self.i += 1
            items: list[Any] = []
            while True:
                self._skip()
                if self.text[self.i:self.i + 1] == "]":
                    self.i += 1
                    return items
                items.append(self.value(True))
                self._skip()
                if self.text[self.i:self.i + 1] == ",":
                    self.i += 1
                elif self.text[self.i:self.i + 1] != "]":
                    raise YamlError(f"expected ',' or ']' in {self.text!r}")
        if c == "{":
            self.i += 1
            mapping: dict[str, Any] = {}
            while True:
                self._skip()
                if self.text[self.i:self.i + 1] == "}":
                    self.i += 1
                    return mapping
                key = self.value(True)
                self._skip()
                if self.text[self.i:self.i + 1] != ":":
                    raise YamlError(f"expected ':' after a key in {self.text!r}")
                self.i += 1
                mapping[str(key)] = self.value(True)
                self._skip()
                if self.text[self.i:self.i + 1] == ",":
                    self.i += 1
                elif self.text[self.i:self.i + 1] != "}":
                    raise YamlError(f"expected ',' or '}}' in {self.text!r}")
        if c in "'\"":
            end = self.i + 1
            while end < len(self.text):
                if self.text[end] == c and not (c == '"' and self.text[end - 1] == "\\"):
                    if c == "'" and self.text[end + 1:end + 2] == "'":
                        end += 2
                        continue
                    break
                end += 1
            if end >= len(self.text):
                raise YamlError(f"unterminated quoted string in {self.text!r}")
            quoted = self.text[self.i:end + 1]
            self.i = end + 1
            return _unquote(quoted)
        stops = ",]}:" if inside else ""
        start = self.i
        while self.i < len(self.text):
            ch = self.text[self.i]
            if ch in stops and (ch != ":" or self.text[self.i + 1:self.i + 2] in ("", " ")):
                break
            self.i += 1
        return _scalar(self.text[start:self.i].strip())

    def whole(self) -> Any:
        result = self.value(False)
        self._skip()
        if self.i != len(self.text):
            raise YamlError(f"unexpected text after a value: {self.text[self.i:]!r}")
        return result


def _strip_comment(line: str) -> str:
    quote = None
    for i, c in enumerate(line):
        if quote:
            quote = None if c == quote else quote
        elif c in "'\"":
            quote = c
        elif c == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i].rstrip()
    return line.rstrip()


def _split_key(text: str) -> tuple[str, str] | None:
    """``key: value`` (or ``key:``) split at the first ``: ``; None when the line is no mapping entry."""
    if text[:1] in "[{\"'":
        return None
    match = re.match(r"([^:#]+?|\"[^\"]*\"|'[^']*'):(?:\s+(.*))?$", text)
    if not match:
        return None
    key = match.group(1).strip()
    return (_unquote(key) if key[:1] in "'\"" else key), (match.group(2) or "")


def _block(lines: list[tuple[int, str]], i: int, indent: int) -> tuple[Any, int]:
    """The block value whose lines start at ``lines[i]``, all indented by ``indent``."""
    if lines[i][1].startswith("- ") or lines[i][1] == "-":
        items = []
        while i < len(lines) and lines[i][0] == indent and (lines[i][1][:2] == "- " or lines[i][1] == "-"):
            rest = lines[i][1][2:].strip()
            if not rest:
                if i + 1 < len(lines) and lines[i + 1][0] > indent:
                    value, i = _block(lines, i + 1, lines[i + 1][0])
                else:
                    value, i = None, i + 1
            else:  # an item on the dash's line: continue it as a block indented past the dash
                lines[i] = (indent + 2, rest)
                value, i = _block(lines, i, indent + 2)
            items.append(value)
        return items, i
    if _split_key(lines[i][1]) is None:
        if i + 1 < len(lines) and lines[i + 1][0] > indent:
            raise YamlError(f"multi-line scalars are not supported: {lines[i][1]!r}")
        return _Flow(lines[i][1]).whole(), i + 1
    mapping: dict[str, Any] = {}
    while i < len(lines) and lines[i][0] == indent:
        entry = _split_key(lines[i][1])
        if entry is None:
            raise YamlError(f"expected 'key: value', got {lines[i][1]!r}")
        key, rest = entry
        if rest[:1] in ("&", "*", "!", "|", ">"):
            raise YamlError(f"anchors, aliases, tags and block scalars are not supported: {lines[i][1]!r}")
        if rest:
            mapping[key] = _Flow(rest).whole()
            i += 1
        elif i + 1 < len(lines) and (lines[i + 1][0] > indent or (
                lines[i + 1][0] == indent and lines[i + 1][1].startswith("- "))):
            mapping[key], i = _block(lines, i + 1, lines[i + 1][0])
        else:
            mapping[key] = None
            i += 1
    if i < len(lines) and lines[i][0] > indent:
        raise YamlError(f"bad indentation at {lines[i][1]!r}")
    return mapping, i


def yaml_load(text: str) -> Any:
    """Read a YAML text as R's ``yaml::yaml.load()`` does (YAML 1.1 scalars); see the module docstring.

    Example:
        >>> yaml_load("a: 1\\nb: [x, yes]")
        {'a': 1, 'b': ['x', True]}

    Args:
        text: The YAML text.

    Returns:
        ``None``, a bool, int, float, str, list or dict.

    Raises:
        YamlError: for YAML this reader does not cover (anchors, tags, multi-line scalars) or bad YAML.
    """
    if not isinstance(text, str):
        raise bad_argument("text", text, "a string", TypeError)
    lines = []
    for raw in text.splitlines():
        if raw.strip() in ("---", "..."):
            continue
        if "\t" in raw[: len(raw) - len(raw.lstrip())]:
            raise YamlError("tabs are not allowed in YAML indentation")
        line = _strip_comment(raw)
        if line.strip():
            lines.append((len(line) - len(line.lstrip(" ")), line.strip()))
    if not lines:
        return None
    value, i = _block(lines, 0, lines[0][0])
    if i != len(lines):
        raise YamlError(f"unexpected text at {lines[i][1]!r}")
    return value


# --- Command line arguments ---------------------------------------------------------------------


def _arguments(arguments: Any, name: str = "arguments") -> list[str]:
    if arguments is None:
        import sys

        return list(sys.argv[1:])
    if isinstance(arguments, str):
        return [arguments]
    if not isinstance(arguments, Sequence) or not all(isinstance(a, str) for a in arguments):
        raise bad_argument(name, arguments, "a character vector of command line arguments")
    return list(arguments)


def parse_arguments(arguments: Any = None) -> dict[str, Any]:
    """Parse ``--key=value`` and ``--key value`` command line arguments, reading values as YAML.

    Example:
        >>> parse_arguments(["--alpha=beta", "--array", "[1,2,3]", "--nested-dashes=1000"])
        {'alpha': 'beta', 'array': [1, 2, 3], 'nested_dashes': 1000}

    Args:
        arguments: The arguments. Arguments without a leading ``--`` are skipped; dashes in keys
            become underscores; a later key overrides an earlier one. Defaults to `None` (this
            process's command line arguments: R's ``commandArgs(TRUE)``, Python's ``sys.argv[1:]``).

    Returns:
        A dict of key to value (YAML 1.1: ``1000`` an integer, ``yes`` ``True``, ``[1,2,3]`` a list
        that R receives as a vector).

    Raises:
        ValueError: a ``--key`` with no value after it.

    Mirrors ``tensorflow::parse_arguments()``.
    """
    arguments = _arguments(arguments)
    values: dict[str, Any] = {}
    i = 0
    while i < len(arguments):
        argument = arguments[i]
        i += 1
        if not argument.startswith("--"):
            continue
        if "=" in argument:
            key, value = argument[2:].split("=", 1)
        else:
            if i >= len(arguments):
                raise bad_argument("arguments", arguments, f"a value after {argument}")
            key, value = argument[2:], arguments[i]
            i += 1
        values[key.replace("-", "_")] = yaml_load(value)
    return values


# --- Configuration files (R's config package) ---------------------------------------------------


def _merge(base: Any, override: Any) -> Any:
    """``config::merge()``: the override's values replace the base's, mappings merged recursively."""
    if not isinstance(base, Mapping) or not isinstance(override, Mapping):
        return override
    merged = dict(base)
    for key, value in override.items():
        merged[key] = _merge(merged[key], value) if key in merged else value
    return merged


def _read_yaml_file(path: str) -> Any:
    with open(path, encoding="utf-8") as handle:
        return yaml_load(handle.read())


def _config_section(sections: Any, config: str, file: str) -> dict[str, Any]:
    """``config::get(config, file)``: the ``default`` section with ``config``'s (and its bases') on top."""
    if sections is None:
        return {}
    if not isinstance(sections, Mapping):
        raise bad_argument("file", file, "a YAML file of named sections (default: ..., and others)")

    def resolve(name: str, seen: tuple[str, ...]) -> dict[str, Any]:
        if name in seen:
            loop = " -> ".join(seen + (name,))
            raise bad_argument("file", file, f"sections whose inherits: do not loop ({loop})")
        section = sections.get(name) or {}
        if not isinstance(section, Mapping):
            raise bad_argument("config", name, f"the name of a section of {file}, which holds named values")
        section = dict(section)
        parents = section.pop("inherits", None)
        base: dict[str, Any] = {} if name == "default" else resolve("default", seen + (name,))
        for parent in [parents] if isinstance(parents, str) else (parents or []):
            base = _merge(base, resolve(parent, seen + (name,)))
        return _merge(base, section)

    return resolve(config, ())


def _config_name(config: Any) -> str:
    if config is None:
        return os.environ.get("R_CONFIG_ACTIVE", "default")
    if not isinstance(config, str) or not config:
        raise bad_argument("config", config, "the name of a configuration, such as \"default\"")
    return config


def _file_to_read(file: Any, default: str) -> str | None:
    """The configuration file to read: ``None`` means ``default`` if it exists; a given path that does
    not exist is warned about, as R tensorflow did; ``False`` means no file."""
    if file is None:
        return default if os.path.exists(default) else None
    if file is False:
        return None
    if not isinstance(file, (str, os.PathLike)):
        raise bad_argument("file", file, "the path of a YAML file")
    if not os.path.exists(file):
        warnings.warn(f"configuration file '{os.fspath(file)}' does not exist", stacklevel=3)
        return None
    return os.fspath(file)


def parse_flags(config: Any = None, file: Any = None, arguments: Any = None) -> dict[str, Any]:
    """Read an application's flags: a ``flags.yml`` configuration, then command line arguments on top.

    Example:
        >>> parse_flags("alternate", file="flags.yml", arguments=["--foo=1"])  # doctest: +SKIP
        {'string': 'bar', 'integer': 1, 'foo': 1}

    Args:
        config: The configuration (section) to read. Defaults to `None` (the ``R_CONFIG_ACTIVE``
            environment variable, else ``"default"``).
        file: The YAML file. Defaults to `None` (``flags.yml`` when it exists); a path that does
            not exist gives a warning and no values from a file; `False` reads none.
        arguments: Command line arguments (see :func:`parse_arguments`). Defaults to `None` (this
            process's own).

    Returns:
        A dict of flag names to values.

    Mirrors ``tensorflow::parse_flags()``. TF1's argparse ``tf$app$flags`` are absl flags in
    TensorFlow 2 and are not consulted: command line arguments are read by :func:`parse_arguments`.
    """
    name = _config_name(config)
    path = _file_to_read(file, "flags.yml")
    values = _config_section(_read_yaml_file(path), name, path) if path else {}
    return _merge(values, parse_arguments(arguments))


# --- tfruns' flags() ----------------------------------------------------------------------------

_FLAG_TYPES = ("numeric", "integer", "boolean", "string")


def _r_number_text(value: float) -> str:
    """A double as R's ``as.character()`` writes it (15 significant digits)."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Inf" if value > 0 else "-Inf"
    return format(value, ".15g")


def _coerce(value: Any, kind: str) -> Any:
    """R's ``as.double()``/``as.integer()``/``as.logical()``/``as.character()`` of one value; None for NA."""
    if isinstance(value, (list, builtins.tuple)):
        return [_coerce(v, kind) for v in value]
    if value is None:
        return None
    if kind == "string":
        if isinstance(value, bool):
            return "TRUE" if value else "FALSE"
        return _r_number_text(value) if isinstance(value, float) else str(value)
    if kind == "boolean":
        if isinstance(value, str):
            return {"TRUE": True, "true": True, "True": True, "T": True,
                    "FALSE": False, "false": False, "False": False, "F": False}.get(value)
        return None if isinstance(value, float) and math.isnan(value) else bool(value)
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            return None
    number = float(value)
    if kind == "numeric":
        return number
    if not math.isfinite(number) or abs(number) >= 2**31:
        return None
    return int(number)  # as.integer() truncates toward zero


def _flag(name: Any, kind: str, default: Any, description: Any) -> dict[str, Any]:
    if not isinstance(name, str) or not name:
        raise bad_argument("name", name, "a flag name (a string)")
    if description is not None and not isinstance(description, str):
        raise bad_argument("description", description, "a string or NULL")
    value = _coerce(default, kind)
    if value is None or isinstance(value, list):
        raise bad_argument("default", default, f"one value convertible to {kind}")
    return {"name": name, "type": kind, "default": value, "description": description}


def flag_numeric(name: Any, default: Any, description: Any = None) -> dict[str, Any]:
    """Define a numeric (double) flag for :func:`flags`.

    Example:
        >>> flag_numeric("learning_rate", 0.01, "Initial learning rate.")["default"]
        0.01

    Args:
        name: The flag's name.
        default: Its default value, converted as R's ``as.double()`` does.
        description: Help text. Defaults to `None`.

    Returns:
        The flag definition: a dict with ``name``, ``type``, ``default`` and ``description``.

    Mirrors ``tfruns::flag_numeric()``, re-exported by R tensorflow 1.13.
    """
    return _flag(name, "numeric", default, description)


def flag_integer(name: Any, default: Any, description: Any = None) -> dict[str, Any]:
    """Define an integer flag for :func:`flags` (values are truncated, as R's ``as.integer()`` does).

    Example:
        >>> flag_integer("max_steps", 5000)["default"]
        5000

    Args:
        name: The flag's name.
        default: Its default value.
        description: Help text. Defaults to `None`.

    Returns:
        The flag definition.

    Mirrors ``tfruns::flag_integer()``.
    """
    return _flag(name, "integer", default, description)


def flag_boolean(name: Any, default: Any, description: Any = None) -> dict[str, Any]:
    """Define a logical flag for :func:`flags` (``"true"``, ``"T"``, numbers: as R's ``as.logical()``).

    Example:
        >>> flag_boolean("fake_data", False)["default"]
        False

    Args:
        name: The flag's name.
        default: Its default value.
        description: Help text. Defaults to `None`.

    Returns:
        The flag definition.

    Mirrors ``tfruns::flag_boolean()``.
    """
    return _flag(name, "boolean", default, description)


def flag_string(name: Any, default: Any, description: Any = None) -> dict[str, Any]:
    """Define a string flag for :func:`flags`.

    Example:
        >>> flag_string("data_dir", "MNIST-data")["default"]
        'MNIST-data'

    Args:
        name: The flag's name.
        default: Its default value (numbers are written as R writes them).
        description: Help text. Defaults to `None`.

    Returns:
        The flag definition.

    Mirrors ``tfruns::flag_string()``.
    """
    return _flag(name, "string", default, description)


class Flags(dict):
    """The values of the flags, by name, with their ``types``, ``defaults`` and ``descriptions``."""

    types: list[str]
    defaults: list[Any]
    descriptions: list[str | None]

    def to_dict(self) -> dict[str, Any]:
        """The values as a plain dict (what R receives as a named list)."""
        return dict(self)

    def usage(self) -> str:
        """The ``--help`` text: one line per flag with its description and value."""
        if not self:
            return ""
        width = max(len(n) for n in self) + 4
        lines = ["", "Options:"]
        for (name, value), description in zip(self.items(), self.descriptions):
            text = (f"{description} " if description else "") + f"({_coerce(value, 'string')})"
            lines.append(f"{('  --' + name.replace('_', '-')).ljust(width)}    {text}")
        return "\n".join(lines + [""])


def flags(*flag_defs: Any, config: Any = None, file: Any = None, arguments: Any = None) -> Flags:
    """Declare a run's flags and read their values: defaults, then ``flags.yml``, then the command line.

    Example:
        >>> FLAGS = flags(flag_numeric("learning_rate", 0.01), flag_integer("max_steps", 5000),
        ...               arguments=["--learning-rate=0.02"])
        >>> FLAGS["learning_rate"], FLAGS["max_steps"]
        (0.02, 5000)

    Args:
        *flag_defs: Flag definitions (:func:`flag_numeric` ...), or one list of them.
        config: The configuration (section) of the file to read. Defaults to `None`
            (``R_CONFIG_ACTIVE``, else ``"default"``).
        file: The YAML file: a profile file (sections of values) or plain ``name: value`` lines.
            Defaults to `None` (``flags.yml`` when it exists); a path that does not exist gives a warning;
            `False` reads none.
        arguments: Command line arguments (``--name=value``, ``--name value``; dashes in names become
            underscores; ``--help`` prints the flags and exits). Defaults to `None` (this process's own).

    Returns:
        A :class:`Flags` dict of name to value, each converted to its flag's type.

    Raises:
        ValueError: a flag defined twice, a value given for an undeclared flag, a value that does not
            convert to its flag's type, a list where one value is needed.
        SystemExit: after printing the flags, when ``arguments`` hold ``--help``.

    Mirrors ``tfruns::flags()``, re-exported by R tensorflow 1.13 (there is no ``training_run()``
    here: values come from the file and the command line only).
    """
    if len(flag_defs) == 1 and isinstance(flag_defs[0], (list, builtins.tuple)):
        flag_defs = builtins.tuple(flag_defs[0])
    result = Flags()
    result.types, result.defaults, result.descriptions = [], [], []
    for i, flag in enumerate(flag_defs, start=1):
        if not isinstance(flag, Mapping) or flag.get("type") not in _FLAG_TYPES:
            raise bad_argument(f"..{i}", flag, "a flag definition made by flag_numeric(), flag_integer(), "
                                               "flag_boolean() or flag_string()")
        if flag["name"] in result:
            raise bad_argument(f"..{i}", flag["name"], f"a new flag name: a flag named '{flag['name']}' has "
                                                       "already been defined")
        result[flag["name"]] = flag["default"]
        result.types.append(flag["type"])
        result.defaults.append(flag["default"])
        result.descriptions.append(flag.get("description"))
    arguments = _arguments(arguments)
    if "--help" in arguments:
        print(result.usage())
        raise SystemExit(0)
    if not flag_defs:
        return result
    name = _config_name(config)
    path = _file_to_read(file, "flags.yml")
    values: Any = dict(result)
    if path:
        content = _read_yaml_file(path) or {}
        if not isinstance(content, Mapping):
            raise bad_argument("file", path, "a YAML file of flag values (name: value) or of sections")
        if all(isinstance(v, Mapping) for v in content.values()):  # a profile file: sections of values
            sections = dict(content)
            sections["default"] = _merge(values, sections.get("default") or {})
            values = _config_section(sections, name, path)
        else:
            values = _merge(values, content)
    values = _merge(values, parse_arguments(arguments))
    undeclared = [n for n in values if n not in result]
    if undeclared:
        expected = ("values for declared flags only. The following flags were provided but not declared: "
                    + ", ".join(undeclared))
        raise bad_argument("arguments", undeclared, expected)
    for flag_name, kind in zip(list(result), result.types):
        raw = values[flag_name]
        value = _coerce(raw, kind)
        if isinstance(value, list):
            raise bad_argument(flag_name, raw, "one value (only scalar flag values are supported)")
        if value is None:
            raise bad_argument(flag_name, raw, f"a value convertible to {kind}: unable to convert flag "
                                               f"'{flag_name}' with value '{raw}' to type {kind}")
        result[flag_name] = value
    return result


def run_dir() -> str:
    """The directory of the current training run: the working directory, as no tfruns run is active here.

    Example:
        >>> run_dir() == os.getcwd()
        True

    Returns:
        The absolute path of the working directory.

    Mirrors ``tfruns::run_dir()``, re-exported by R tensorflow 1.13, which outside a ``training_run()``
    (tfruns is not part of this package) returns the working directory.
    """
    return os.getcwd()
