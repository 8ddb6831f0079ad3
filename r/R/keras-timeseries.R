# R keras 2.2.4's timeseries_generator() (its R/timeseries.R); the generator is
# rkeras_bridge/keras/timeseries.py, a Keras PyDataset drawn by index by fit_generator().

#' Batches of windows over a time series
#'
#' Batch `k` holds the windows of `length` steps (every `sampling_rate`-th) ending before the rows
#' `start_index + length + k * batch_size * stride`, ... of `data`, with the targets of those rows.
#' Rows count from 0, as in Keras.
#'
#' @param data A vector, matrix or array with time along its first axis.
#' @param targets Targets with as many rows as `data`.
#' @param length Length of each window's history, in steps.
#' @param sampling_rate Take every `sampling_rate`-th step. Defaults to `1`.
#' @param stride Steps between consecutive windows. Defaults to `1`.
#' @param start_index,end_index First and last rows (0-based) windows may use. Defaults to `0` and
#'   `NULL` (the last row).
#' @param shuffle Draw each batch's rows at random. Defaults to `FALSE`.
#' @param reverse Windows in reverse time order. Defaults to `FALSE`.
#' @param batch_size Windows per batch. Defaults to `128`.
#' @returns A generator for [fit_generator()] and friends (a Keras `PyDataset`: `length()` batches).
#' @examples
#' \donttest{
#' gen <- timeseries_generator(1:20, 1:20, length = 3, batch_size = 4)
#' length(gen)
#' }
#' @export
timeseries_generator <- function(data, targets, length, sampling_rate = 1, stride = 1, start_index = 0,
                                 end_index = NULL, shuffle = FALSE, reverse = FALSE, batch_size = 128) {
  call_bridge(bridge$timeseries_generator)
}
