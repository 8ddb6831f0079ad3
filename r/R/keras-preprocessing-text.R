#' Text tokenization utility
#'
#' A tokenizer with the semantics of the Keras 2 `Tokenizer` (which Keras 3 removed): fitting it
#' gives words indices from 1, most frequent first; `num_words` caps the indices that
#' `texts_to_sequences()` keeps. Its fields `word_index`, `index_word`, `word_counts`,
#' `word_docs` and `document_count` can be read with `$`.
#'
#' @param num_words Keep only indices below `num_words` (the `num_words - 1` most frequent
#'   words) when converting texts. Defaults to `NULL` (all words).
#' @param filters Characters removed from the texts. Defaults to punctuation, tab and newline.
#' @param lower Convert the texts to lower case. Defaults to `TRUE`.
#' @param split Word separator. Defaults to `" "`.
#' @param char_level Make every character a token. Defaults to `FALSE`.
#' @param oov_token If given, it gets index 1 and replaces unknown words in
#'   `texts_to_sequences()`. Defaults to `NULL` (unknown words are dropped).
#' @returns A tokenizer (Python class `rkeras_bridge.keras.preprocessing_text.Tokenizer`).
#' @examples
#' \donttest{
#' texts <- c("The cat sat on the mat.", "The dog ate my homework.")
#' tokenizer <- text_tokenizer(num_words = 10000) %>% fit_text_tokenizer(texts)
#' sequences <- texts_to_sequences(tokenizer, texts)
#' }
#' @export
text_tokenizer <- function(num_words = NULL, filters = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n", lower = TRUE,
                           split = " ", char_level = FALSE, oov_token = NULL) {
  bridge$text_tokenizer(num_words = num_words, filters = filters, lower = lower, split = split,
                        char_level = char_level, oov_token = oov_token)
}

#' Update a tokenizer's vocabulary from texts
#'
#' @param object A tokenizer from `text_tokenizer()`; it is changed in place.
#' @param x A character vector of texts.
#' @returns `object`, invisibly.
#' @examples
#' \donttest{
#' tokenizer <- text_tokenizer() %>% fit_text_tokenizer(c("The cat sat.", "The dog sat."))
#' tokenizer$word_index
#' }
#' @export
fit_text_tokenizer <- function(object, x) {
  invisible(bridge$fit_text_tokenizer(object, x))
}

#' Transform texts into sequences of word indices
#'
#' @param tokenizer A tokenizer fitted with `fit_text_tokenizer()`.
#' @param texts A character vector of texts.
#' @returns A list with one integer vector per text.
#' @examples
#' \donttest{
#' tokenizer <- text_tokenizer() %>% fit_text_tokenizer(c("The cat sat.", "A dog sat."))
#' texts_to_sequences(tokenizer, c("the cat", "a dog"))
#' }
#' @export
texts_to_sequences <- function(tokenizer, texts) {
  # An empty Python list arrives as list(): make every sequence an integer vector.
  lapply(bridge$texts_to_sequences(tokenizer, texts), as.integer)
}

#' Pad sequences to the same length
#'
#' @param sequences A list of integer vectors.
#' @param maxlen Length of the rows. Defaults to `NULL` (the longest sequence).
#' @param dtype Type of the result. Defaults to `"int32"`.
#' @param padding `"pre"` or `"post"`: where to add `value`s. Defaults to `"pre"`.
#' @param truncating `"pre"` or `"post"`: where to cut longer sequences. Defaults to `"pre"`.
#' @param value The padding value. Defaults to `0`.
#' @returns A matrix with one row per sequence and `maxlen` columns.
#' @examples
#' \donttest{
#' pad_sequences(list(c(1, 2, 3), 4), maxlen = 2)
#' }
#' @export
pad_sequences <- function(sequences, maxlen = NULL, dtype = "int32", padding = "pre", truncating = "pre",
                          value = 0) {
  bridge$pad_sequences(sequences, maxlen = maxlen, dtype = dtype, padding = padding,
                       truncating = truncating, value = value)
}
