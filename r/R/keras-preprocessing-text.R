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
#' Texts add to the vocabulary; a list of sequences of word indices (as from
#' [texts_to_sequences()]) only adds to the document counts that `mode = "tfidf"` uses (Keras 2's
#' `fit_on_sequences()`).
#'
#' @param object A tokenizer from `text_tokenizer()`; it is changed in place.
#' @param x A character vector of texts, or a list of integer vectors.
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

# R keras 2.x's `mode = c("binary", ...)`: the untouched default means its first choice.
first_choice <- function(value, choices) if (identical(value, choices)) choices[[1]] else value

#' Transform texts into sequences of word indices, one text at a time
#'
#' @param tokenizer A tokenizer fitted with `fit_text_tokenizer()`.
#' @param texts A character vector of texts.
#' @returns A Python generator yielding one sequence (integer vector) per text; iterate it with
#'   `iterate()` or `generator_next()`.
#' @examples
#' \donttest{
#' tokenizer <- text_tokenizer() %>% fit_text_tokenizer(c("The cat sat.", "A dog sat."))
#' iterate(texts_to_sequences_generator(tokenizer, c("the cat", "a dog")))
#' }
#' @export
texts_to_sequences_generator <- function(tokenizer, texts) {
  bridge$texts_to_sequences_generator(tokenizer, texts)
}

#' Convert texts, or sequences of word indices, to a matrix
#'
#' One row per text, one column per word index (the first column, index 0, stays 0); the width is
#' the tokenizer's `num_words`, else its number of words + 1. `"binary"`: 1 where the word occurs;
#' `"count"`: its count; `"freq"`: count / words in the text; `"tfidf"`: `(1 + log(count)) *
#' log(1 + texts / (1 + texts with the word))`.
#'
#' @param tokenizer A fitted tokenizer.
#' @param texts A character vector of texts.
#' @param sequences A list of integer vectors.
#' @param mode One of `"binary"`, `"count"`, `"tfidf"`, `"freq"`. Defaults to `"binary"`.
#' @returns A numeric matrix.
#' @examples
#' \donttest{
#' tokenizer <- text_tokenizer() %>% fit_text_tokenizer(c("a b b", "b c"))
#' texts_to_matrix(tokenizer, c("b b c"), mode = "count")
#' sequences_to_matrix(tokenizer, list(c(1, 1, 3)), mode = "binary")
#' }
#' @export
texts_to_matrix <- function(tokenizer, texts, mode = c("binary", "count", "tfidf", "freq")) {
  bridge$texts_to_matrix(tokenizer, texts, mode = first_choice(mode, c("binary", "count", "tfidf", "freq")))
}

#' @rdname texts_to_matrix
#' @export
sequences_to_matrix <- function(tokenizer, sequences, mode = c("binary", "count", "tfidf", "freq")) {
  bridge$sequences_to_matrix(tokenizer, sequences,
                             mode = first_choice(mode, c("binary", "count", "tfidf", "freq")))
}

#' Save a text tokenizer to a file, and load it
#'
#' The file holds the JSON of Keras 2's `Tokenizer.to_json()` (R keras 2.2.4 pickled the tokenizer;
#' `load_text_tokenizer()` reads such files too, admitting nothing but a tokenizer).
#'
#' @param object A tokenizer from `text_tokenizer()`.
#' @param filename The file to write or read.
#' @returns `save_text_tokenizer()`: `object`, invisibly. `load_text_tokenizer()`: the tokenizer.
#' @examples
#' \donttest{
#' tokenizer <- text_tokenizer() %>% fit_text_tokenizer(c("The cat sat.", "The dog sat."))
#' path <- tempfile()
#' save_text_tokenizer(tokenizer, path)
#' texts_to_sequences(load_text_tokenizer(path), "the dog")
#' }
#' @export
save_text_tokenizer <- function(object, filename) {
  invisible(bridge$save_text_tokenizer(object, filename))
}

#' @rdname save_text_tokenizer
#' @export
load_text_tokenizer <- function(filename) {
  bridge$load_text_tokenizer(filename)
}

#' Split a text into words, or hash its words into indices
#'
#' `text_to_word_sequence()` lower-cases the text, replaces the `filters` characters by `split` and
#' splits on it. `text_hashing_trick()` maps each word to `hash(word) %% (n - 1) + 1`;
#' `text_one_hot()` is `text_hashing_trick()` with Python's `hash()`, which changes between
#' sessions (use `hash_function = "md5"` for stable indices). Different words may share an index.
#'
#' @param text One string.
#' @param n Size of the hashing space (an integer >= 2).
#' @param hash_function `NULL` (Python's `hash()`), `"md5"`, or a function of a word returning an
#'   integer. Defaults to `NULL`.
#' @param filters Characters removed. Defaults to punctuation, tab and newline.
#' @param lower Convert to lower case. Defaults to `TRUE`.
#' @param split Word separator. Defaults to `" "`.
#' @returns `text_to_word_sequence()`: a character vector. The others: an integer vector of indices
#'   in `1:(n - 1)`.
#' @examples
#' \donttest{
#' text_to_word_sequence("The cat, the hat.")
#' text_hashing_trick("The cat sat on the mat.", 5, hash_function = "md5")
#' length(text_one_hot("The cat sat on the mat.", 5))
#' }
#' @export
text_to_word_sequence <- function(text, filters = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n", lower = TRUE,
                                  split = " ") {
  as.character(bridge$text_to_word_sequence(text, filters = filters, lower = lower, split = split))
}

#' @rdname text_to_word_sequence
#' @export
text_one_hot <- function(text, n, filters = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n", lower = TRUE,
                         split = " ") {
  as.integer(bridge$text_one_hot(text, n, filters = filters, lower = lower, split = split))
}

#' @rdname text_to_word_sequence
#' @export
text_hashing_trick <- function(text, n, hash_function = NULL, filters = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n",
                               lower = TRUE, split = " ") {
  as.integer(bridge$text_hashing_trick(text, n, hash_function = hash_function, filters = filters, lower = lower,
                                       split = split))
}
