# R keras 2.2.4's word2vec helpers (its R/preprocessing.R); the work is in
# rkeras_bridge/keras/preprocessing_sequence.py. pad_sequences() is in keras-preprocessing-text.R.

#' Word2vec's rank-based sampling table
#'
#' Entry `i` (for the word of frequency rank `i - 1`, as word indices count from 0) is the
#' probability of keeping that word in [skipgrams()]: `min(1, sqrt(f / sampling_factor) / (f /
#' sampling_factor))` with Zipf frequencies `f`.
#'
#' @param size Number of word indices.
#' @param sampling_factor The word2vec sampling factor. Defaults to `1e-05`.
#' @returns A numeric vector of length `size`.
#' @examples
#' \donttest{
#' make_sampling_table(size = 10)
#' }
#' @export
make_sampling_table <- function(size, sampling_factor = 1e-05) {
  as.vector(bridge$make_sampling_table(size, sampling_factor = sampling_factor))
}

#' Generate skip-gram word pairs
#'
#' Each non-zero word is paired with the non-zero words within `window_size` of it (label 1); then
#' `negative_samples` times as many pairs of a word and a random index in `1:(vocabulary_size - 1)`
#' are added (label 0). Randomness comes from Python's `random` module, as in R keras 2.2.4
#' (seeded by [use_session_with_seed()]).
#'
#' @param sequence An integer vector of word indices (0 is not a word).
#' @param vocabulary_size The largest word index + 1.
#' @param window_size Half the window. Defaults to `4`.
#' @param negative_samples Random pairs per neighbour pair (>= 0). Defaults to `1`.
#' @param shuffle Shuffle the pairs. Defaults to `TRUE`.
#' @param categorical Labels as `c(0, 1)` / `c(1, 0)` instead of 1 / 0. Defaults to `FALSE`.
#' @param sampling_table A vector of length `vocabulary_size` (see [make_sampling_table()]).
#'   Defaults to `NULL`.
#' @param seed Seed of the shuffle. Defaults to `NULL`.
#' @returns `list(couples, labels)`: `couples` a list of integer pairs, `labels` the labels.
#' @examples
#' \donttest{
#' skipgrams(1:3, vocabulary_size = 4, negative_samples = 0, shuffle = FALSE)
#' }
#' @export
skipgrams <- function(sequence, vocabulary_size, window_size = 4, negative_samples = 1, shuffle = TRUE,
                      categorical = FALSE, sampling_table = NULL, seed = NULL) {
  call_bridge(bridge$skipgrams)
}
