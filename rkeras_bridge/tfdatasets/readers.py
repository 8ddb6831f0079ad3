"""Datasets read from files and databases: text lines (with CSV/TSV record specs), TFRecord files,
fixed-length records, file lists, SQLite, and ``read_files()`` to read many files in parallel.

A record spec (:func:`csv_record_spec`, :func:`tsv_record_spec`, :func:`delim_record_spec`) holds the
columns' names, types and defaults. Left out, they are worked out from an example file as tfdatasets
did with R's ``read.csv()``: names from the header row (made syntactic, as ``make.names()``), each
column's type from its first 1000 values (integer, double, else character). ``text_line_dataset(file,
record_spec = spec)`` then decodes each line into a named list of scalars: ``"integer"`` columns are
``int32``, ``"double"`` ``float32``, ``"character"`` strings (the defaults' types, as in
``tf$io$decode_csv``).
"""

from __future__ import annotations

import csv
import glob
import os
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import tensorflow as tf

from ..bridge.conversion import as_flag, as_integer
from ..bridge.errors import bad_argument
from .datasets import _check_dataset, int_or_tensor, tensor_slices_dataset

__all__ = [
    "text_line_dataset",
    "tfrecord_dataset",
    "fixed_length_record_dataset",
    "file_list_dataset",
    "read_files",
    "delim_record_spec",
    "csv_record_spec",
    "tsv_record_spec",
    "sql_record_spec",
    "dataset_decode_delim",
    "make_csv_dataset",
    "sql_dataset",
    "sqlite_dataset",
]

_TYPES = ("integer", "double", "character")
_ABBREVIATIONS = {"i": "integer", "d": "double", "c": "character"}
_DEFAULTS: dict[str, Any] = {"integer": 0, "double": 0.0, "character": ""}
_PREVIEW_ROWS = 1000


class RecordSpec:
    """The names, types and defaults of a record's columns, and how to read them from text lines.

    Attributes:
        names: Column names.
        types: ``"integer"``, ``"double"`` or ``"character"`` per column (``tf$DType`` s for SQL).
        defaults: A default value per column, used where a field is empty; its type is the
            column's type.
        delim: The field delimiter (`None` for SQL).
        skip: Lines to skip at the start (the header included).
    """

    def __init__(self, names: list[str], types: list[Any], defaults: list[Any] | None, delim: str | None,
                 skip: int) -> None:
        self.names, self.types, self.defaults, self.delim, self.skip = names, types, defaults, delim, skip

    def __repr__(self) -> str:
        types = [getattr(t, "name", t) for t in self.types]
        return (f"<RecordSpec names={self.names} types={types} delim={self.delim!r} skip={self.skip}>")


def _make_names(header: list[str]) -> list[str]:
    """R's ``make.names(unique = TRUE)``, as ``read.csv()`` applies it to a header."""
    names = []
    for raw in header:
        name = re.sub(r"[^A-Za-z0-9._]", ".", raw)
        if not re.match(r"[A-Za-z]|\.(?![0-9])", name):
            name = "X" + name
        names.append(name)
    seen: dict[str, int] = {}
    unique = []
    for name in names:
        candidate = name
        while candidate in seen or (candidate != name and candidate in names):
            seen[name] = seen.get(name, 0) + 1
            candidate = f"{name}.{seen[name]}"
        seen.setdefault(candidate, 0)
        unique.append(candidate)
    return unique


_INTEGER = re.compile(r"[-+]?[0-9]+")
_NA = {"NA", ""}


def _column_type(values: list[str]) -> str:
    """What R's ``type.convert()`` (in ``read.csv()``) makes of a column: integer, double, else character."""
    present = [v.strip() for v in values if v.strip() not in _NA]
    if not present:
        return "character"  # R: logical NA; a type decode_csv cannot read, so the fields stay text
    if all(_INTEGER.fullmatch(v) and abs(int(v)) <= 2**31 - 1 for v in present):
        return "integer"
    try:
        [float(v) for v in present]
    except ValueError:
        return "character"
    return "double"


def _preview(example_file: str, delim: str, skip: int) -> tuple[list[str], list[list[str]]]:
    """The header and the first rows of a delimited file (as ``read.csv(nrows = 1000)``)."""
    if not isinstance(example_file, str):
        raise bad_argument("example_file", example_file, "the path of a delimited text file", TypeError)
    path = os.path.expanduser(example_file)
    if not os.path.isfile(path):
        raise bad_argument("example_file", example_file, "an existing file (the example of the records to "
                           "read; or give names and types, or names and defaults, to read no example)")
    with open(path, newline="", encoding="utf-8") as f:
        for _ in range(skip):
            f.readline()
        rows = []
        for row in csv.reader(f, delimiter=delim):
            rows.append(row)
            if len(rows) > _PREVIEW_ROWS:
                break
    if not rows:
        raise bad_argument("example_file", example_file, "a file with a header row (after `skip` lines)")
    return rows[0], [r for r in rows[1:] if r]


def _resolve_types(types: Any, defaults: Any, n: int | None) -> tuple[list[str], list[Any]]:
    """Types and defaults that agree, each completed from the other as tfdatasets did."""
    if types is None:
        values = defaults if isinstance(defaults, (list, tuple)) else [defaults]
        resolved = [_type_of(_unlist(v)) for v in values]
    else:
        listed = [types] if isinstance(types, str) else list(types)
        if not all(isinstance(t, str) for t in listed):
            raise bad_argument("types", types, 'a vector of "integer", "double" or "character" (or "i", "d", '
                               '"c"), or one string such as "ddi"')
        listed = [t.lower() for t in listed]
        if len(listed) == 1 and re.fullmatch(r"[idc]+", listed[0]):
            listed = list(listed[0])
        resolved = [_ABBREVIATIONS.get(t, t) for t in listed]
        wrong = [t for t in resolved if t not in _TYPES]
        if wrong:
            raise bad_argument("types", types, 'column types "integer", "double" and "character" (or the '
                               f'abbreviations "i", "d" and "c"); not {", ".join(map(repr, wrong))}')
    if n is not None and len(resolved) != n:
        given = ("types", types) if types is not None else ("defaults", defaults)
        raise bad_argument(*given, f"one per column ({n} columns)")
    if defaults is None:
        filled = [_DEFAULTS[t] for t in resolved]
    else:
        values = [_unlist(v) for v in (defaults if isinstance(defaults, (list, tuple)) else [defaults])]
        if len(values) != len(resolved):
            raise bad_argument("defaults", defaults, f"one default per column ({len(resolved)} columns)")
        filled = [_as_type(v, t) for v, t in zip(values, resolved)]
    return resolved, filled


def _type_of(value: Any) -> str:
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return "integer"
    return "double" if isinstance(value, (float, np.floating)) else "character"


def _unlist(value: Any) -> Any:
    # tfdatasets wrapped each default in list(); an R list(0) arrives as [0.0]
    if isinstance(value, (list, tuple)) and len(value) == 1:
        return value[0]
    return value


def _as_type(value: Any, column_type: str) -> Any:
    try:
        if column_type == "integer":
            return as_integer(value, "defaults")
        if column_type == "double":
            return float(value)
    except (TypeError, ValueError) as exc:
        raise bad_argument("defaults", value, f"a default of the column's type ({column_type})") from exc
    return str(value)


def delim_record_spec(example_file: Any = None, delim: str = ",", skip: Any = 0, names: Any = None,
                      types: Any = None, defaults: Any = None) -> RecordSpec:
    """How to read records from a delimited text file: column names, types and defaults.

    Example:
        >>> spec = delim_record_spec("mtcars.txt", delim="|")
        >>> spec = delim_record_spec(names=["a", "b"], types="di")     # no example file needed

    Args:
        example_file: A file with example records. Read (its first 1000 rows after ``skip``)
            only for what is not given: names from its header row, types from its values.
            Defaults to `None`.
        delim: The field delimiter. Defaults to `","`.
        skip: Lines to skip first. When the names come from the header, the header is skipped
            too; when ``names`` are given and the file has a header, pass ``skip = 1``.
            Defaults to `0`.
        names: Column names. Defaults to `None` (the header row of ``example_file``).
        types: ``"integer"``, ``"double"``, ``"character"`` per column, or one string of
            ``i``/``d``/``c`` (``"dididddiiii"``). Defaults to `None` (from ``defaults``, else
            from the example file's values).
        defaults: A default value per column (its type gives the column's type when ``types`` is
            not given). Defaults to `None` (0, 0.0 or "").

    Returns:
        A :class:`RecordSpec` for :func:`text_line_dataset` and :func:`dataset_decode_delim`.

    Mirrors ``tfdatasets::delim_record_spec()``.
    """
    if not isinstance(delim, str) or len(delim) != 1:
        raise bad_argument("delim", delim, "one character")
    skip = as_integer(skip, "skip", minimum=0)
    if names is not None:
        names = [names] if isinstance(names, str) else list(names)
        if not names or not all(isinstance(n, str) for n in names):
            raise bad_argument("names", names, "a vector of column names")
    n_columns = len(names) if names is not None else None
    if names is None or (types is None and defaults is None):
        if example_file is None:
            raise bad_argument("example_file", example_file, "an example file, unless names and types (or "
                               "defaults) are given")
        header, rows = _preview(example_file, delim, skip)
        if names is None:
            names = _make_names(header)
            skip += 1
        elif len(names) != len(header):
            raise bad_argument("names", names, f"one name per column (the file has {len(header)} columns)")
        n_columns = len(header)
        if types is None and defaults is None:
            # R's read.csv() read `names`-given files with a header too: the first row set no types
            types = [_column_type([r[i] if i < len(r) else "" for r in rows]) for i in range(len(header))]
    resolved, filled = _resolve_types(types, defaults, n_columns)
    return RecordSpec(list(names), resolved, filled, delim, skip)


def csv_record_spec(example_file: Any = None, skip: Any = 0, names: Any = None, types: Any = None,
                    defaults: Any = None) -> RecordSpec:
    """:func:`delim_record_spec` for comma separated values.

    Example:
        >>> spec = csv_record_spec("mtcars.csv")
        >>> ds = text_line_dataset("mtcars.csv", record_spec=spec)

    Args:
        example_file: A CSV file with example records. Defaults to `None`.
        skip: Lines to skip first. Defaults to `0`.
        names: Column names. Defaults to `None` (from the header row).
        types: Column types. Defaults to `None` (from the example's values).
        defaults: Default values. Defaults to `None`.

    Returns:
        A :class:`RecordSpec`. Mirrors ``tfdatasets::csv_record_spec()``.
    """
    return delim_record_spec(example_file, ",", skip, names, types, defaults)


def tsv_record_spec(example_file: Any = None, skip: Any = 0, names: Any = None, types: Any = None,
                    defaults: Any = None) -> RecordSpec:
    """:func:`delim_record_spec` for tab separated values.

    Example:
        >>> spec = tsv_record_spec("mtcars.tsv")

    Args:
        example_file: A TSV file with example records. Defaults to `None`.
        skip: Lines to skip first. Defaults to `0`.
        names: Column names. Defaults to `None` (from the header row).
        types: Column types. Defaults to `None` (from the example's values).
        defaults: Default values. Defaults to `None`.

    Returns:
        A :class:`RecordSpec`. Mirrors ``tfdatasets::tsv_record_spec()``.
    """
    return delim_record_spec(example_file, "\t", skip, names, types, defaults)


def sql_record_spec(names: Any, types: Any) -> RecordSpec:
    """The names and ``tf$DType`` s of the columns a SQL query returns, for :func:`sqlite_dataset`.

    Example:
        >>> spec = sql_record_spec(["mpg", "cyl"], [tf.float64, tf.int32])

    Args:
        names: Column names, in the query's order.
        types: One ``tf$DType`` (or dtype name) per column: ``tf$float64``, ``tf$int32``,
            ``tf$int64``, ``tf$string`` ...

    Returns:
        A :class:`RecordSpec`. Mirrors ``tfdatasets::sql_record_spec()``.
    """
    listed = [names] if isinstance(names, str) else list(names or [])
    if not listed or not all(isinstance(n, str) for n in listed):
        raise bad_argument("names", names, "a vector of column names")
    kinds = list(types) if isinstance(types, (list, tuple)) else [types]
    try:
        dtypes = [tf.as_dtype(t) for t in kinds]
    except TypeError as exc:
        raise bad_argument("types", types, "a list of tf$DType (tf$float64, tf$int32, tf$string ...)",
                           TypeError) from exc
    if len(dtypes) != len(listed):
        raise bad_argument("types", types, f"one dtype per name ({len(listed)} names)")
    return RecordSpec(listed, dtypes, None, None, 0)


def _check_spec(spec: Any, name: str = "record_spec") -> RecordSpec:
    if not isinstance(spec, RecordSpec):
        raise bad_argument(name, spec, "a record spec from csv_record_spec(), tsv_record_spec() or "
                           "delim_record_spec()", TypeError)
    return spec


def dataset_decode_delim(dataset: tf.data.Dataset, record_spec: RecordSpec,
                         parallel_records: Any = None) -> tf.data.Dataset:
    """Decode a dataset of delimited text lines into named lists of columns.

    Example:
        >>> ds = dataset_decode_delim(text_line_dataset("mtcars.csv"), csv_record_spec("mtcars.csv"))

    Args:
        dataset: A dataset of text lines (strings).
        record_spec: A spec from :func:`csv_record_spec` and friends; its ``skip`` lines are
            skipped first.
        parallel_records: Lines to decode in parallel. Defaults to `None` (one at a time).

    Returns:
        A ``tf.data.Dataset`` whose elements are dicts ``{name: scalar}``.

    Mirrors ``tfdatasets::dataset_decode_delim()``.
    """
    spec = _check_spec(record_spec)
    if spec.defaults is None:
        raise bad_argument("record_spec", spec, "a spec for delimited text (sql_record_spec() is for "
                           "sql_dataset())")
    dataset = _check_dataset(dataset)
    if dataset.element_spec != tf.TensorSpec([], tf.string):
        raise bad_argument("dataset", dataset, "a dataset of text lines (scalar strings)", TypeError)
    defaults = [[d] for d in spec.defaults]
    names = list(spec.names)

    def decode(line: Any) -> dict[str, Any]:
        return dict(zip(names, tf.io.decode_csv(line, record_defaults=defaults, field_delim=spec.delim)))

    parallel = as_integer(parallel_records, "parallel_records", minimum=-1, allow_none=True)
    return dataset.skip(spec.skip).map(decode, num_parallel_calls=parallel)


def _filenames(filenames: Any) -> Any:
    if tf.is_tensor(filenames) or isinstance(filenames, tf.data.Dataset):
        return filenames
    listed = [filenames] if isinstance(filenames, str) else filenames
    if not isinstance(listed, (list, tuple)) or not listed or not all(isinstance(f, str) for f in listed):
        raise bad_argument("filenames", filenames, "a file name or a vector of them (or a string tensor)",
                           TypeError)
    return [os.path.expanduser(f) for f in listed]


def _compression(compression_type: Any) -> str:
    value = "" if compression_type is None else compression_type
    if value not in ("", "ZLIB", "GZIP"):
        raise bad_argument("compression_type", compression_type, '"ZLIB", "GZIP" or NULL/None (none)')
    return value


def text_line_dataset(filenames: Any, compression_type: Any = None, record_spec: Any = None,
                      parallel_records: Any = None) -> tf.data.Dataset:
    """A dataset of the lines of one or more text files (without their line endings).

    Example:
        >>> ds = text_line_dataset("mtcars.csv", record_spec=csv_record_spec("mtcars.csv"))

    Args:
        filenames: A file name, a vector of them, or a string tensor (e.g. inside
            ``read_files()``). Files are opened when the dataset is read.
        compression_type: ``"GZIP"``, ``"ZLIB"``, or `None` (none). Defaults to `None`.
        record_spec: Decode each line with this record spec (see :func:`csv_record_spec`),
            giving named lists of columns. Defaults to `None` (elements are the lines).
        parallel_records: With ``record_spec``: lines to decode in parallel. Defaults to `None`.

    Returns:
        A ``tf.data.Dataset``. Mirrors ``tfdatasets::text_line_dataset()``.
    """
    dataset = tf.data.TextLineDataset(_filenames(filenames), compression_type=_compression(compression_type))
    if record_spec is not None:
        dataset = dataset_decode_delim(dataset, record_spec, parallel_records)
    return dataset


def tfrecord_dataset(filenames: Any, compression_type: Any = None, buffer_size: Any = None,
                     num_parallel_reads: Any = None) -> tf.data.Dataset:
    """A dataset of the records (serialized strings) of one or more TFRecord files.

    Example:
        >>> features = {"x": tf.io.FixedLenFeature([], tf.float32)}
        >>> ds = dataset_map(tfrecord_dataset("train.tfrecords"),
        ...                  lambda r: tf.io.parse_single_example(r, features))

    Args:
        filenames: A file name, a vector of them, or a string tensor.
        compression_type: ``"GZIP"``, ``"ZLIB"``, or `None` (none). Defaults to `None`.
        buffer_size: Bytes of read buffer. Defaults to `None` (TensorFlow's default).
        num_parallel_reads: Files to read in parallel. Defaults to `None` (one after the other).

    Returns:
        A ``tf.data.Dataset`` of scalar strings; decode them with ``dataset_map()`` and
        ``tf$io$parse_single_example()``. Mirrors ``tfdatasets::tfrecord_dataset()``.
    """
    return tf.data.TFRecordDataset(
        _filenames(filenames), compression_type=_compression(compression_type),
        buffer_size=as_integer(buffer_size, "buffer_size", minimum=1, allow_none=True),
        num_parallel_reads=as_integer(num_parallel_reads, "num_parallel_reads", minimum=1, allow_none=True))


def fixed_length_record_dataset(filenames: Any, record_bytes: Any, header_bytes: Any = None,
                                footer_bytes: Any = None, buffer_size: Any = None) -> tf.data.Dataset:
    """A dataset of fixed-length byte records read from one or more binary files.

    Example:
        >>> ds = fixed_length_record_dataset("images.bin", record_bytes=28 * 28 + 1)

    Args:
        filenames: A file name, a vector of them, or a string tensor.
        record_bytes: Bytes per record.
        header_bytes: Bytes to skip at the start of each file. Defaults to `None` (0).
        footer_bytes: Bytes to ignore at the end of each file. Defaults to `None` (0).
        buffer_size: Bytes of read buffer. Defaults to `None`.

    Returns:
        A ``tf.data.Dataset`` of scalar strings of ``record_bytes`` bytes.
        Mirrors ``tfdatasets::fixed_length_record_dataset()``.
    """
    return tf.data.FixedLengthRecordDataset(
        _filenames(filenames), int_or_tensor(record_bytes, "record_bytes", minimum=1),
        header_bytes=int_or_tensor(header_bytes, "header_bytes", minimum=0, allow_none=True),
        footer_bytes=int_or_tensor(footer_bytes, "footer_bytes", minimum=0, allow_none=True),
        buffer_size=int_or_tensor(buffer_size, "buffer_size", minimum=1, allow_none=True))


def file_list_dataset(file_pattern: Any, shuffle: Any = None, seed: Any = None) -> tf.data.Dataset:
    """A dataset of the names of the files matching a glob pattern (such as ``"data/*.csv"``).

    Example:
        >>> files = file_list_dataset("data/mtcars-*.csv", shuffle=False)

    Args:
        file_pattern: A glob pattern, or a vector of them.
        shuffle: Shuffle the names. Defaults to `None` (yes, TensorFlow's default, which
            tfdatasets 1.13 kept).
        seed: Integer seed for the shuffle. Defaults to `None`.

    Returns:
        A ``tf.data.Dataset`` of file names (scalar strings). A pattern that matches nothing is
        an error. Mirrors ``tfdatasets::file_list_dataset()``.
    """
    patterns = _filenames(file_pattern)
    if isinstance(patterns, list) and not any(glob.glob(p) for p in patterns):
        raise bad_argument("file_pattern", file_pattern, "a pattern that matches at least one file")
    shuffled = None if shuffle is None else as_flag(shuffle, "shuffle")
    return tf.data.Dataset.list_files(patterns, shuffle=shuffled,
                                      seed=as_integer(seed, "seed", allow_none=True))


def _is_pattern(name: str) -> bool:
    return any(c in name for c in "*?[")


def read_files(files: Any, reader: Callable[..., Any], *args: Any, parallel_files: Any = 1,
               parallel_interleave: Any = 1, num_shards: Any = None, shard_index: Any = None,
               **kwargs: Any) -> tf.data.Dataset:
    """Read many files into one dataset: ``reader(file, ...)`` per file, interleaved.

    Example:
        >>> spec = csv_record_spec("data/mtcars-1.csv")
        >>> ds = read_files("data/mtcars-*.csv", text_line_dataset, record_spec=spec, parallel_files=4)

    Args:
        files: A glob pattern, a vector of file names, a string tensor, or a dataset of names.
        reader: A function of a file name (a string tensor) returning a dataset, such as
            :func:`text_line_dataset` or :func:`tfrecord_dataset`.
        *args: More arguments for ``reader``.
        parallel_files: Files read at a time (their records interleave). Defaults to `1`.
        parallel_interleave: Consecutive records taken from each file in turn. Defaults to `1`.
        num_shards: Read only one of this many shards of the files. Defaults to `None` (all).
        shard_index: Which shard, 0-based. Defaults to `None`.
        **kwargs: More named arguments for ``reader`` (e.g. ``record_spec``).

    Returns:
        A ``tf.data.Dataset``. Mirrors ``tfdatasets::read_files()``.
    """
    if not callable(reader):
        raise bad_argument("reader", reader, "a function of a file name that returns a dataset", TypeError)
    if isinstance(files, tf.data.Dataset):
        names = files
    elif tf.is_tensor(files):
        names = tf.data.Dataset.from_tensor_slices(files)
    elif isinstance(files, str) and _is_pattern(files):
        names = file_list_dataset(files)
    else:
        listed = _filenames(files)
        names = tensor_slices_dataset(np.array(listed))
    if num_shards is not None:
        shards = as_integer(num_shards, "num_shards", minimum=1)
        index = as_integer(shard_index, "shard_index", minimum=0)
        if index >= shards:
            raise bad_argument("shard_index", shard_index, f"a shard from 0 to {shards - 1} (0-based)")
        names = names.shard(shards, index)

    def read(file: Any) -> tf.data.Dataset:
        dataset = reader(file, *args, **kwargs)
        if not isinstance(dataset, tf.data.Dataset):
            raise bad_argument("reader", reader, "a function that returns a dataset", TypeError)
        return dataset

    return names.interleave(read, cycle_length=as_integer(parallel_files, "parallel_files", minimum=1),
                            block_length=as_integer(parallel_interleave, "parallel_interleave", minimum=1))


def make_csv_dataset(file_pattern: Any, batch_size: Any, column_names: Any = None,
                     column_defaults: Any = None,
                     label_name: Any = None, select_columns: Any = None, field_delim: str = ",",
                     use_quote_delim: bool = True, na_value: str = "", header: bool = True,
                     num_epochs: Any = None, shuffle: bool = True, shuffle_buffer_size: Any = 10000,
                     shuffle_seed: Any = None, prefetch_buffer_size: Any = 1, num_parallel_reads: Any = 1,
                     num_parallel_parser_calls: Any = 2, sloppy: bool = False,
                     num_rows_for_inference: Any = 100) -> tf.data.Dataset:
    """Read CSV files into a dataset of batches of ``(features, label)`` (or of features).

    Example:
        >>> ds = make_csv_dataset("data/mtcars-*.csv", batch_size=10, label_name="mpg", num_epochs=1)

    Args:
        file_pattern: A glob pattern or a vector of file names.
        batch_size: Rows per batch.
        column_names: Column names. Defaults to `None` (the header row).
        column_defaults: A default (or dtype) per column. Defaults to `None` (inferred from the
            first ``num_rows_for_inference`` rows).
        label_name: The label column, returned apart from the features. Defaults to `None`.
        select_columns: Names or 0-based indices of the columns to read. Defaults to `None` (all).
        field_delim: Field delimiter. Defaults to `","`.
        use_quote_delim: Treat double quotes as quoting. Defaults to `True`.
        na_value: A string read as missing. Defaults to `""`.
        header: The files start with a header row. Defaults to `True`.
        num_epochs: Passes over the data. Defaults to `None` (forever).
        shuffle: Shuffle the rows. Defaults to `True`.
        shuffle_buffer_size: Shuffle buffer. Defaults to `10000`.
        shuffle_seed: Shuffle seed. Defaults to `None`.
        prefetch_buffer_size: Batches to prefetch. Defaults to `1`.
        num_parallel_reads: Files read in parallel. Defaults to `1`.
        num_parallel_parser_calls: Ignored (TensorFlow >= 1.11 chooses). Defaults to `2`.
        sloppy: Allow a non-deterministic order for speed. Defaults to `False`.
        num_rows_for_inference: Rows read to infer types. Defaults to `100`.

    Returns:
        A ``tf.data.Dataset``. Mirrors ``tfdatasets::make_csv_dataset()``
        (``tf.data.experimental.make_csv_dataset``).
    """
    del num_parallel_parser_calls  # tfdatasets passed it only to TensorFlow < 1.11
    patterns = _filenames(file_pattern)
    names = [column_names] if isinstance(column_names, str) else column_names
    selected = [select_columns] if isinstance(select_columns, (str, int, float)) else select_columns
    if selected is not None:
        selected = [s if isinstance(s, str) else as_integer(s, "select_columns", minimum=0) for s in selected]
    defaults = column_defaults
    if isinstance(defaults, (list, tuple)):
        defaults = [_unlist(d) for d in defaults]
    return tf.data.experimental.make_csv_dataset(
        patterns, as_integer(batch_size, "batch_size", minimum=1), column_names=names,
        column_defaults=defaults,
        label_name=label_name, select_columns=selected, field_delim=field_delim,
        use_quote_delim=as_flag(use_quote_delim, "use_quote_delim"), na_value=na_value,
        header=as_flag(header, "header"), num_epochs=as_integer(num_epochs, "num_epochs", minimum=1,
                                                                 allow_none=True),
        shuffle=as_flag(shuffle, "shuffle"),
        shuffle_buffer_size=as_integer(shuffle_buffer_size, "shuffle_buffer_size", minimum=1),
        shuffle_seed=as_integer(shuffle_seed, "shuffle_seed", allow_none=True),
        prefetch_buffer_size=as_integer(prefetch_buffer_size, "prefetch_buffer_size", minimum=1),
        num_parallel_reads=as_integer(num_parallel_reads, "num_parallel_reads", minimum=1),
        sloppy=as_flag(sloppy, "sloppy"),
        num_rows_for_inference=as_integer(num_rows_for_inference, "num_rows_for_inference", minimum=0))


def sql_dataset(driver_name: str, data_source_name: str, query: str, record_spec: Any) -> tf.data.Dataset:
    """A dataset of the rows a SQL query returns, each a named list of its columns.

    Example:
        >>> spec = sql_record_spec(["mpg", "cyl"], [tf.float64, tf.int32])
        >>> ds = sql_dataset("sqlite", "cars.sqlite3", "select mpg, cyl from mtcars", spec)

    Args:
        driver_name: The database kind; TensorFlow supports ``"sqlite"``.
        data_source_name: The database (for SQLite, the file).
        query: The SQL query; it runs when the dataset is read.
        record_spec: A :func:`sql_record_spec` naming and typing the query's columns.

    Returns:
        A ``tf.data.Dataset`` of dicts ``{name: scalar}`` (``tf.data.experimental.SqlDataset``).
        Mirrors ``tfdatasets::sql_dataset()``.
    """
    spec = _check_spec(record_spec)
    if spec.defaults is not None:
        raise bad_argument("record_spec", record_spec, "a sql_record_spec() (names and tf$DTypes)")
    if driver_name != "sqlite":
        raise bad_argument("driver_name", driver_name, '"sqlite" (the only driver TensorFlow has)')
    for name, value in (("data_source_name", data_source_name), ("query", query)):
        if not isinstance(value, str) or not value:
            raise bad_argument(name, value, "a string", TypeError)
    rows = tf.data.experimental.SqlDataset(driver_name, data_source_name, query, tuple(spec.types))
    names = list(spec.names)
    return rows.map(lambda *columns: dict(zip(names, columns)))


def sqlite_dataset(filename: str, query: str, record_spec: Any) -> tf.data.Dataset:
    """:func:`sql_dataset` on a SQLite database file.

    Example:
        >>> spec = sql_record_spec(["mpg", "cyl"], [tf.float64, tf.int32])
        >>> ds = sqlite_dataset("cars.sqlite3", "select mpg, cyl from mtcars", spec)

    Args:
        filename: The SQLite file (``~`` is expanded).
        query: The SQL query.
        record_spec: A :func:`sql_record_spec`.

    Returns:
        A ``tf.data.Dataset`` of dicts. Mirrors ``tfdatasets::sqlite_dataset()``.
    """
    if not isinstance(filename, str) or not os.path.isfile(os.path.expanduser(filename)):
        raise bad_argument("filename", filename, "an existing SQLite database file")
    return sql_dataset("sqlite", os.path.expanduser(filename), query, record_spec)

