write_pairs <- function() {
  path <- tempfile(fileext = ".tsv")
  writeLines(enc2utf8(c("eng\tspa\tGo.\tVe.", "eng\tspa\tHello!\t\u00a1Hola!", "eng\tspa\tThank you.\tGracias.",
                        "eng\tspa\tWhere is the boy?\t\u00bfD\u00f3nde est\u00e1 el ni\u00f1o?",
                        "eng\tspa\tTom is here.\tTom est\u00e1 aqu\u00ed.", "eng\tspa\tRun!\t\u00a1Corre!")),
             path, useBytes = TRUE)
  path
}

test_that("translation_data() gives R integer matrices, character indices and the Python split", {
  path <- write_pairs()
  data <- translation_data(path = path, valid_fraction = 1 / 3, seed = 3)
  expect_true(is.integer(data$source_train) && is.matrix(data$source_train))
  expect_equal(nrow(data$source_train) + nrow(data$source_valid), 6L)
  expect_type(data$target_index, "character")
  expect_equal(data$target_index[1], "<pad>")
  expect_equal(data$target_index[data$start_id + 1], "<start>")  # indices are 0-based, as in the tensors
  # each row spells its preprocessed sentence (index i is word i + 1 of the R vector)
  words <- strsplit(data$target_text_train[1], " ")[[1]]
  expect_equal(data$target_index[data$target_train[1, seq_along(words)] + 1L], words)
  expect_true(all(data$target_train[1, -seq_along(words)] == 0L))
  expect_true("donde" %in% data$target_index)  # accents stripped: "D\u00f3nde" -> "donde"
  py <- reticulate::import("rkeras_bridge.cases.translation")$translation_data(path, valid_fraction = 1 / 3, seed = 3L)
  expect_equal(data$source_text_valid, as.character(py$source_text_valid))
})

test_that("sequences_to_text(), corpus_bleu() and bleu_baselines() work from R", {
  index <- c("<pad>", "<end>", "hola", "<start>", "mundo")
  expect_equal(sequences_to_text(matrix(c(3L, 2L, 4L, 1L, 2L), nrow = 1), index), "hola mundo")
  expect_equal(sequences_to_text(rbind(c(2, 1, 0), c(4, 4, 1)), index, keep_tokens = TRUE),
               c("hola <end>", "mundo mundo <end>"))
  expect_equal(corpus_bleu("el gato negro .", "el gato negro ."), 100)
  expect_equal(corpus_bleu(c("el gato", "un perro grande ."), c("el gato", "un perro grande .")), 100)
  baselines <- bleu_baselines(translation_data(path = write_pairs(), valid_fraction = 0.5))
  expect_named(baselines, c("copy_source", "most_frequent_target", "copy_source_chrf", "most_frequent_target_chrf"))
  expect_equal(corpus_chrf("el gato negro .", "el gato negro ."), 100)
})

test_that("bad input to the translation helpers is a classed error naming the argument", {
  err <- tryCatch(translation_data(path = file.path(tempdir(), "missing.tsv")), error = identity)
  expect_s3_class(err, "python.builtin.FileNotFoundError")
  expect_match(conditionMessage(err), "missing.tsv", fixed = TRUE)
  err <- tryCatch(translation_data(path = write_pairs(), max_words = NA_integer_), error = identity)
  expect_s3_class(err, "python.builtin.ValueError")
  expect_match(conditionMessage(err), "max_words", fixed = TRUE)
  err <- tryCatch(translation_data(path = write_pairs(), max_words = 2.5), error = identity)
  expect_s3_class(err, "python.builtin.ValueError")
  err <- tryCatch(sequences_to_text(matrix(9L), c("<pad>", "<end>")), error = identity)
  expect_s3_class(err, "python.builtin.ValueError")
  expect_match(conditionMessage(err), "`ids`", fixed = TRUE)
  err <- tryCatch(corpus_bleu(c("a", "b"), "a"), error = identity)
  expect_s3_class(err, "python.builtin.ValueError")
  expect_match(conditionMessage(err), "`references`", fixed = TRUE)
})
