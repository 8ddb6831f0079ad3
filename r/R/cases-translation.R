#' Load, preprocess, index and split sentence pairs for the translation case study
#'
#' Reads a tab-separated file of sentence pairs (the Tatoeba Challenge layout
#' `eng<TAB>spa<TAB>source<TAB>target` or manythings.org's `spa.txt` layout
#' `source<TAB>target[<TAB>attribution]`), keeps pairs of at most `max_words` words, lower-cases,
#' strips accents, spaces out `? . ! , ¿`, drops other characters, adds `<start>`/`<end>`, builds
#' one vocabulary per language (`<pad>` = 0, then the sorted words) and splits 80/20 with a seeded
#' permutation. The Python case study calls the same code, so both train on identical data.
#'
#' @param path The file. Nothing is downloaded.
#' @param max_words Keep pairs whose sentences both have at most this many words. Defaults to `8`.
#' @param valid_fraction Share of pairs held out. Defaults to `0.2`.
#' @param seed Seed of the split. Defaults to `42`.
#' @param reverse Translate from the second column to the first. Defaults to `FALSE`.
#' @returns A list with integer matrices `source_train`, `target_train`, `source_valid`,
#'   `target_valid` (one padded sentence per row), `source_index`/`target_index` (the word of each
#'   index, `<pad>` first), the preprocessed sentences `source_text_train` etc., `start_id` and
#'   `n_pairs`.
#' @examples
#' \donttest{
#' pairs <- tempfile(fileext = ".txt")
#' writeLines(c("Go.\tVe.", "Hello!\t¡Hola!", "Thank you.\tGracias."), pairs)
#' data <- translation_data(path = pairs, valid_fraction = 0.34)
#' data$target_index
#' }
#' @export
translation_data <- function(path, max_words = 8L, valid_fraction = 0.2, seed = 42L, reverse = FALSE) {
  call_bridge(bridge$cases$translation$translation_data)
}

#' Turn rows of word indices back into sentences
#'
#' @param ids A matrix or tensor of word indices, one sentence per row (stops at `<end>`).
#' @param index The word of each index (`data$target_index` of [translation_data()]).
#' @param keep_tokens Keep `<start>`/`<end>` in the text. Defaults to `FALSE`.
#' @returns A character vector, one sentence per row.
#' @examples
#' \donttest{
#' sequences_to_text(matrix(c(3L, 2L, 1L, 0L), nrow = 1), c("<pad>", "<end>", "hola", "<start>"))
#' }
#' @export
sequences_to_text <- function(ids, index, keep_tokens = FALSE) {
  call_bridge(bridge$cases$translation$sequences_to_text)
}

#' Corpus BLEU of translations (sacrebleu)
#'
#' Computed by Python's `sacrebleu` (sentences compared as given, split on spaces), so the R and
#' Python case studies report the same number.
#'
#' @param hypotheses The system's sentences.
#' @param references One reference sentence per hypothesis.
#' @returns BLEU, 0 to 100.
#' @examples
#' \donttest{
#' corpus_bleu(c("el gato negro ."), c("el gato negro ."))
#' }
#' @export
corpus_bleu <- function(hypotheses, references) {
  bridge$cases$translation$corpus_bleu(hypotheses = as.list(hypotheses), references = as.list(references))
}

#' Corpus chrF of translations (sacrebleu)
#'
#' Character n-gram F-score, a second opinion next to BLEU: on a small test set it credits partly
#' right words where BLEU's 4-gram matches are rare. Computed by Python's `sacrebleu`.
#'
#' @inheritParams corpus_bleu
#' @returns chrF, 0 to 100.
#' @examples
#' \donttest{
#' corpus_chrf(c("el gato negro ."), c("el gato negra ."))
#' }
#' @export
corpus_chrf <- function(hypotheses, references) {
  bridge$cases$translation$corpus_chrf(hypotheses = as.list(hypotheses), references = as.list(references))
}

#' BLEU of two trivial translators (copy the source; the most frequent target sentence)
#'
#' @param data What [translation_data()] returned.
#' @returns A list with the BLEU of `copy_source` and `most_frequent_target`, and the chrF of each
#'   (`copy_source_chrf`, `most_frequent_target_chrf`).
#' @examples
#' \donttest{
#' pairs <- tempfile(fileext = ".txt")
#' writeLines(c("Go.\tVe.", "Hello!\t¡Hola!", "Thank you.\tGracias.", "Go.\tVete."), pairs)
#' bleu_baselines(translation_data(path = pairs, valid_fraction = 0.5))
#' }
#' @export
bleu_baselines <- function(data) {
  bridge$cases$translation$bleu_baselines(data = data)
}
