#' Record specs: how to read delimited text and SQL rows
#'
#' A record spec holds the columns' names, types and defaults. What is not given is worked out
#' from `example_file` as tfdatasets did with `read.csv()`: names from its header row (made
#' syntactic, as `make.names()`), each column's type from its first 1000 values (`"integer"`,
#' `"double"`, else `"character"`). Read with [text_line_dataset()]`(file, record_spec = spec)`,
#' `"integer"` columns are `int32`, `"double"` `float32` and `"character"` strings.
#' `sql_record_spec()` names and types (`tf$DType`s) the columns of a SQL query for
#' [sqlite_dataset()].
#'
#' @param example_file A file with example records, read only for what is not given.
#' @param delim The field delimiter. Defaults to `","`.
#' @param skip Lines to skip first. When the names come from the header, the header is skipped
#'   too; when `names` are given and the file has a header, use `skip = 1`. Defaults to `0`.
#' @param names Column names. Defaults to `NULL` (the example file's header row).
#' @param types Column types: `"integer"`, `"double"`, `"character"` per column, or one string of
#'   `i`/`d`/`c` (`"dididddiiii"`); for `sql_record_spec()`, `tf$DType`s. Defaults to `NULL`
#'   (from `defaults`, else from the example file).
#' @param defaults A default per column, used for empty fields; its type sets the column's type
#'   when `types` is not given. Defaults to `NULL` (0, 0 or `""`).
#' @returns A record spec (a Python object with `$names`, `$types`, `$defaults`, `$delim`,
#'   `$skip`).
#' @examples
#' \donttest{
#' f <- tempfile(fileext = ".csv"); write.csv(mtcars, f, row.names = FALSE)
#' spec <- csv_record_spec(f)
#' spec$types
#' spec2 <- csv_record_spec(f, names = names(mtcars), types = "ddddddddddd", skip = 1)
#' sql_spec <- sql_record_spec(c("mpg", "cyl"), list(tf$float64, tf$int32))
#' }
#' @export
delim_record_spec <- function(example_file, delim = ",", skip = 0, names = NULL, types = NULL, defaults = NULL) {
  bridge$delim_record_spec(if (missing(example_file)) NULL else example_file, delim = delim, skip = skip,
                           names = names, types = types, defaults = defaults)
}

#' @rdname delim_record_spec
#' @export
csv_record_spec <- function(example_file, skip = 0, names = NULL, types = NULL, defaults = NULL) {
  bridge$csv_record_spec(if (missing(example_file)) NULL else example_file, skip = skip, names = names,
                         types = types, defaults = defaults)
}

#' @rdname delim_record_spec
#' @export
tsv_record_spec <- function(example_file, skip = 0, names = NULL, types = NULL, defaults = NULL) {
  bridge$tsv_record_spec(if (missing(example_file)) NULL else example_file, skip = skip, names = names,
                         types = types, defaults = defaults)
}

#' @rdname delim_record_spec
#' @export
sql_record_spec <- function(names, types) {
  bridge$sql_record_spec(names, as.list(types))
}

#' Datasets of text lines, TFRecord records and fixed-length records
#'
#' `text_line_dataset()` reads the lines of text files; with a `record_spec` (see
#' [csv_record_spec()]) each line is decoded into a named list of columns, as
#' `dataset_decode_delim()` does to a dataset of lines. `tfrecord_dataset()` reads the records of
#' TFRecord files (decode them with [dataset_map()] and `tf$io$parse_single_example()`);
#' `fixed_length_record_dataset()` reads records of `record_bytes` bytes from binary files.
#' Files are opened when the dataset is read.
#'
#' @param filenames A file name, a vector of them, or a string tensor (as inside [read_files()]).
#' @param compression_type `"GZIP"`, `"ZLIB"`, or `NULL` (none). Defaults to `NULL`.
#' @param record_spec A record spec for delimited text. Defaults to `NULL` (the lines).
#' @param parallel_records Lines decoded in parallel. Defaults to `NULL`.
#' @param dataset A dataset of text lines.
#' @param buffer_size Bytes of read buffer. Defaults to `NULL`.
#' @param num_parallel_reads Files read in parallel. Defaults to `NULL`.
#' @param record_bytes Bytes per record.
#' @param header_bytes,footer_bytes Bytes to skip at the start / ignore at the end of each file.
#'   Default to `NULL` (0).
#' @returns A `tf.data.Dataset`.
#' @examples
#' \donttest{
#' f <- tempfile(fileext = ".csv"); write.csv(mtcars, f, row.names = FALSE)
#' cars <- text_line_dataset(f, record_spec = csv_record_spec(f)) %>% dataset_batch(8)
#' lines <- text_line_dataset(f)
#' }
#' @export
text_line_dataset <- function(filenames, compression_type = NULL, record_spec = NULL, parallel_records = NULL) {
  bridge$text_line_dataset(filenames, compression_type = compression_type, record_spec = record_spec,
                           parallel_records = parallel_records)
}

#' @rdname text_line_dataset
#' @export
dataset_decode_delim <- function(dataset, record_spec, parallel_records = NULL) {
  bridge$dataset_decode_delim(dataset, record_spec, parallel_records = parallel_records)
}

#' @rdname text_line_dataset
#' @export
tfrecord_dataset <- function(filenames, compression_type = NULL, buffer_size = NULL, num_parallel_reads = NULL) {
  bridge$tfrecord_dataset(filenames, compression_type = compression_type, buffer_size = buffer_size,
                          num_parallel_reads = num_parallel_reads)
}

#' @rdname text_line_dataset
#' @export
fixed_length_record_dataset <- function(filenames, record_bytes, header_bytes = NULL, footer_bytes = NULL,
                                        buffer_size = NULL) {
  bridge$fixed_length_record_dataset(filenames, record_bytes, header_bytes = header_bytes,
                                     footer_bytes = footer_bytes, buffer_size = buffer_size)
}

#' Datasets of file names, and many files read in parallel
#'
#' `file_list_dataset()` gives the names of the files matching a glob pattern (shuffled, as
#' TensorFlow's default was, unless `shuffle = FALSE`). `read_files()` reads files with a reader
#' such as [text_line_dataset()] and interleaves their records, `parallel_files` files at a time.
#'
#' @param file_pattern A glob pattern such as `"data/*.csv"`, or a vector of them.
#' @param shuffle Shuffle the names. Defaults to `NULL` (yes).
#' @param seed Integer seed for the shuffle. Defaults to `NULL`.
#' @param files A glob pattern, a vector of file names, a string tensor or a dataset of names.
#' @param reader A function of a file name returning a dataset, e.g. [text_line_dataset()].
#' @param ... More arguments for `reader` (e.g. `record_spec = `).
#' @param parallel_files Files read at a time. Defaults to `1`.
#' @param parallel_interleave Consecutive records taken from each file in turn. Defaults to `1`.
#' @param num_shards Read only one of this many shards of the files. Defaults to `NULL` (all).
#' @param shard_index Which shard, 0-based. Defaults to `NULL`.
#' @returns A `tf.data.Dataset`.
#' @examples
#' \donttest{
#' dir <- tempfile(); dir.create(dir)
#' for (i in 1:3) write.csv(mtcars[i * 10 + 1:5, ], file.path(dir, paste0("part-", i, ".csv")), row.names = FALSE)
#' spec <- csv_record_spec(file.path(dir, "part-1.csv"))
#' ds <- read_files(file.path(dir, "part-*.csv"), text_line_dataset, record_spec = spec, parallel_files = 2)
#' names <- file_list_dataset(file.path(dir, "*.csv"), shuffle = FALSE)
#' }
#' @export
file_list_dataset <- function(file_pattern, shuffle = NULL, seed = NULL) {
  bridge$file_list_dataset(file_pattern, shuffle = shuffle, seed = seed)
}

#' @rdname file_list_dataset
#' @export
read_files <- function(files, reader, ..., parallel_files = 1, parallel_interleave = 1, num_shards = NULL,
                       shard_index = NULL) {
  bridge$read_files(files, reader, ..., parallel_files = parallel_files, parallel_interleave = parallel_interleave,
                    num_shards = num_shards, shard_index = shard_index)
}

#' Read CSV files into batches of features and labels
#'
#' TensorFlow's `make_csv_dataset()`: each element is a batch, a named list of columns, or
#' `list(features, label)` with `label_name`.
#'
#' @param file_pattern A glob pattern or vector of file names.
#' @param batch_size Rows per batch.
#' @param column_names Column names. Defaults to `NULL` (the header).
#' @param column_defaults A default (or type) per column. Defaults to `NULL` (inferred).
#' @param label_name The label column. Defaults to `NULL`.
#' @param select_columns Names or 0-based indices of the columns to read. Defaults to `NULL`.
#' @param field_delim Field delimiter. Defaults to `","`.
#' @param use_quote_delim Double quotes quote fields. Defaults to `TRUE`.
#' @param na_value A string read as missing. Defaults to `""`.
#' @param header The files have a header row. Defaults to `TRUE`.
#' @param num_epochs Passes over the data. Defaults to `NULL` (forever).
#' @param shuffle Shuffle rows. Defaults to `TRUE`.
#' @param shuffle_buffer_size Shuffle buffer. Defaults to `10000`.
#' @param shuffle_seed Shuffle seed. Defaults to `NULL`.
#' @param prefetch_buffer_size Batches prefetched. Defaults to `1`.
#' @param num_parallel_reads Files read in parallel. Defaults to `1`.
#' @param num_parallel_parser_calls Not used (TensorFlow >= 1.11). Defaults to `2`.
#' @param sloppy Allow a non-deterministic order. Defaults to `FALSE`.
#' @param num_rows_for_inference Rows read to infer types. Defaults to `100`.
#' @returns A `tf.data.Dataset`.
#' @examples
#' \donttest{
#' f <- tempfile(fileext = ".csv"); write.csv(mtcars, f, row.names = FALSE)
#' ds <- make_csv_dataset(f, batch_size = 10, label_name = "mpg", num_epochs = 1)
#' }
#' @export
make_csv_dataset <- function(file_pattern, batch_size, column_names = NULL, column_defaults = NULL,
                             label_name = NULL, select_columns = NULL, field_delim = ",", use_quote_delim = TRUE,
                             na_value = "", header = TRUE, num_epochs = NULL, shuffle = TRUE,
                             shuffle_buffer_size = 10000, shuffle_seed = NULL, prefetch_buffer_size = 1,
                             num_parallel_reads = 1, num_parallel_parser_calls = 2, sloppy = FALSE,
                             num_rows_for_inference = 100) {
  call_bridge(bridge$make_csv_dataset)
}

#' Datasets of the rows of a SQL query
#'
#' Each row is a named list of its columns, named and typed by a [sql_record_spec()]. The query
#' runs when the dataset is read (TensorFlow's `SqlDataset`, whose only driver is SQLite).
#'
#' @param driver_name The database kind: `"sqlite"`.
#' @param data_source_name The database (for SQLite, the file).
#' @param filename A SQLite database file.
#' @param query The SQL query.
#' @param record_spec A [sql_record_spec()] for the query's columns.
#' @returns A `tf.data.Dataset`.
#' @examples
#' \donttest{
#' db <- tempfile(fileext = ".sqlite3")
#' con <- reticulate::import("sqlite3")$connect(db)
#' con$execute("create table cars (mpg real, cyl integer)")
#' con$execute("insert into cars values (21.0, 6), (22.8, 4)"); con$commit(); con$close()
#' spec <- sql_record_spec(c("mpg", "cyl"), list(tf$float64, tf$int32))
#' ds <- sqlite_dataset(db, "select mpg, cyl from cars", spec)
#' }
#' @export
sql_dataset <- function(driver_name, data_source_name, query, record_spec) {
  bridge$sql_dataset(driver_name, data_source_name, query, record_spec)
}

#' @rdname sql_dataset
#' @export
sqlite_dataset <- function(filename, query, record_spec) {
  bridge$sqlite_dataset(filename, query, record_spec)
}
