"""Readers of real files (rkeras_bridge.tfdatasets.readers): the tests write small files and read them."""
import gzip
import sqlite3

import pytest
import tensorflow as tf

from rkeras_bridge import (
    csv_record_spec, dataset_batch, dataset_decode_delim, delim_record_spec, file_list_dataset,
    fixed_length_record_dataset, make_csv_dataset, next_batch, output_types, read_files, sql_dataset,
    sql_record_spec, sqlite_dataset, text_line_dataset, tfrecord_dataset, tsv_record_spec,
)

CARS = [("Mazda RX4", 21.0, 6, 160.0), ("Datsun 710", 22.8, 4, 108.0), ("Valiant", 18.1, 6, 225.0)]


def write_csv(path, rows=CARS, header='"model","mpg","cyl","disp"', sep=","):
    lines = [header.replace(",", sep)] + [sep.join([f'"{m}"', str(a), str(c), str(d)]) for m, a, c, d in rows]
    path.write_text("\n".join(lines) + "\n")
    return str(path)


def rows_of(ds):
    return list(ds.as_numpy_iterator())


def test_csv_spec_from_an_example_file_and_reading_it_back(tmp_path):
    f = write_csv(tmp_path / "cars.csv")
    spec = csv_record_spec(f)
    assert spec.names == ["model", "mpg", "cyl", "disp"]
    assert spec.types == ["character", "double", "integer", "double"] and spec.skip == 1
    ds = text_line_dataset(f, record_spec=spec)
    assert output_types(ds) == {"model": tf.string, "mpg": tf.float32, "cyl": tf.int32, "disp": tf.float32}
    got = rows_of(ds)
    read = [(r["model"].decode(), round(float(r["mpg"]), 4), int(r["cyl"]), float(r["disp"])) for r in got]
    assert read == CARS


def test_names_made_syntactic_and_defaults_fill_empty_fields(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("first col,2nd,first col\n1,,x\n2,3.5,\n")
    spec = csv_record_spec(str(path))
    assert spec.names == ["first.col", "X2nd", "first.col.1"]
    assert spec.types == ["integer", "double", "character"]
    rows = rows_of(text_line_dataset(str(path), record_spec=spec))
    assert [float(r["X2nd"]) for r in rows] == [0.0, 3.5] and rows[1]["first.col.1"] == b""
    spec = csv_record_spec(str(path), defaults=[-1, -9.0, "none"], skip=1, names=["a", "b", "c"])
    rows = rows_of(text_line_dataset(str(path), record_spec=spec))
    assert float(rows[0]["b"]) == -9.0 and rows[1]["c"] == b"none"


def test_explicit_types_abbreviations_and_no_example_file(tmp_path):
    f = write_csv(tmp_path / "cars.csv")
    spec = csv_record_spec(f, types="cddd")
    assert spec.types == ["character", "double", "double", "double"]
    assert output_types(text_line_dataset(f, record_spec=spec))["cyl"] == tf.float32
    # names and defaults given: the file is not read (it need not exist yet)
    spec = csv_record_spec(str(tmp_path / "later.csv"), names=["a", "b"], defaults=[0, 0.0])
    assert spec.types == ["integer", "double"] and spec.skip == 0
    spec = delim_record_spec(names=["a", "b"], types=["integer", "character"])
    assert spec.defaults == [0, ""]


@pytest.mark.parametrize("kwargs, match", [
    ({"names": ["a", "b"]}, "one name per column"),
    ({"types": ["integer", "double"]}, "one per column"),
    ({"types": "id"}, "one per column"),
    ({"defaults": [0, 0.0]}, "one per column"),
    ({"types": ["logical", "double", "double", "double"]}, "column types"),
    ({"types": ["witv"]}, "column types"),
])
def test_spec_mistakes_are_refused(tmp_path, kwargs, match):
    with pytest.raises(ValueError, match=match):
        csv_record_spec(write_csv(tmp_path / "cars.csv"), **kwargs)


def test_tsv_and_other_delimiters(tmp_path):
    f = write_csv(tmp_path / "cars.tsv", sep="\t")
    rows = rows_of(text_line_dataset(f, record_spec=tsv_record_spec(f)))
    assert [int(r["cyl"]) for r in rows] == [6, 4, 6]
    g = write_csv(tmp_path / "cars.txt", sep="|")
    decoded = dataset_decode_delim(text_line_dataset(g), delim_record_spec(g, delim="|"))
    assert [round(float(r["mpg"]), 1) for r in rows_of(decoded)] == [21.0, 22.8, 18.1]


def test_gzip_text_lines(tmp_path):
    path = tmp_path / "lines.txt.gz"
    with gzip.open(path, "wt") as f:
        f.write("alpha\nbeta\n")
    assert rows_of(text_line_dataset(str(path), compression_type="GZIP")) == [b"alpha", b"beta"]
    with pytest.raises(ValueError, match="compression_type"):
        text_line_dataset(str(path), compression_type="BZIP")


def test_tfrecord_round_trip(tmp_path):
    path = str(tmp_path / "data.tfrecords")
    options = tf.io.TFRecordOptions(compression_type="ZLIB")
    with tf.io.TFRecordWriter(path, options) as writer:
        for i in range(3):
            example = tf.train.Example(features=tf.train.Features(feature={
                "x": tf.train.Feature(float_list=tf.train.FloatList(value=[i * 1.5]))}))
            writer.write(example.SerializeToString())
    features = {"x": tf.io.FixedLenFeature([], tf.float32)}
    records = tfrecord_dataset(path, compression_type="ZLIB")
    ds = records.map(lambda r: tf.io.parse_single_example(r, features))
    assert [float(r["x"]) for r in rows_of(ds)] == [0.0, 1.5, 3.0]


def test_fixed_length_records(tmp_path):
    path = tmp_path / "records.bin"
    path.write_bytes(b"HDR" + bytes(range(12)) + b"FT")
    ds = fixed_length_record_dataset(str(path), record_bytes=4.0, header_bytes=3, footer_bytes=2)
    assert [list(r) for r in rows_of(ds)] == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]


def test_file_lists_and_read_files_in_parallel_with_shards(tmp_path):
    for i in range(4):
        write_csv(tmp_path / f"part-{i}.csv", rows=[(f"car{i}", 10.0 + i, i, 100.0)])
    files = file_list_dataset(str(tmp_path / "part-*.csv"), shuffle=False)
    names = sorted(n.decode() for n in rows_of(files))
    assert [n.rsplit("/", 1)[1] for n in names] == [f"part-{i}.csv" for i in range(4)]
    with pytest.raises(ValueError, match="matches"):
        file_list_dataset(str(tmp_path / "none-*.csv"))
    spec = csv_record_spec(str(tmp_path / "part-0.csv"))
    pattern = str(tmp_path / "part-*.csv")
    everything = read_files(pattern, text_line_dataset, record_spec=spec, parallel_files=4)
    assert sorted(int(r["cyl"]) for r in rows_of(everything)) == [0, 1, 2, 3]
    listed = [str(tmp_path / f"part-{i}.csv") for i in range(4)]
    shard = read_files(listed, text_line_dataset, record_spec=spec, num_shards=2, shard_index=1)
    assert [int(r["cyl"]) for r in rows_of(shard)] == [1, 3]
    batch = next_batch(dataset_batch(read_files(listed, text_line_dataset, record_spec=spec), 10))
    assert batch["mpg"].shape == (4,)
    with pytest.raises(TypeError, match="reader"):
        read_files(listed, "text_line_dataset")


def test_make_csv_dataset(tmp_path):
    write_csv(tmp_path / "a.csv")
    ds = make_csv_dataset(str(tmp_path / "*.csv"), batch_size=3, label_name="cyl", num_epochs=1,
                          shuffle=False)
    features, label = next(iter(ds))
    assert label.numpy().tolist() == [6, 4, 6] and sorted(features) == ["disp", "model", "mpg"]


def test_sqlite_dataset(tmp_path):
    db = str(tmp_path / "cars.sqlite3")
    with sqlite3.connect(db) as con:
        con.execute("create table cars (model text, mpg real, cyl integer)")
        con.executemany("insert into cars values (?, ?, ?)", [(m, a, c) for m, a, c, _ in CARS])
    spec = sql_record_spec(["model", "mpg", "cyl"], [tf.string, tf.float64, tf.int32])
    rows = rows_of(sqlite_dataset(db, "select model, mpg, cyl from cars order by mpg", spec))
    assert [(r["model"].decode(), r["mpg"], int(r["cyl"])) for r in rows] == [
        ("Valiant", 18.1, 6), ("Mazda RX4", 21.0, 6), ("Datsun 710", 22.8, 4)]
    cyl = sql_dataset("sqlite", db, "select cyl from cars", sql_record_spec("cyl", tf.int64))
    assert output_types(cyl) == {"cyl": tf.int64}
    with pytest.raises(ValueError, match="one dtype per name"):
        sql_record_spec(["a", "b"], [tf.int32])
    with pytest.raises(ValueError, match="filename"):
        sqlite_dataset(str(tmp_path / "missing.sqlite3"), "select 1", spec)
    with pytest.raises(ValueError, match="sqlite"):
        sql_dataset("postgres", db, "select 1", spec)
    with pytest.raises(ValueError, match="record_spec"):
        text_line_dataset(str(tmp_path / "x.csv"), record_spec=spec)
