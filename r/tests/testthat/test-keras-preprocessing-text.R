texts <- c("The cat sat on the mat.", "The dog sat!", "A dog, a cat; the END")

test_that("fit_text_tokenizer() indexes words from 1, most frequent first", {
  tokenizer <- text_tokenizer()
  fitted <- fit_text_tokenizer(tokenizer, texts)
  expect_identical(fitted, tokenizer)
  expect_equal(unlist(tokenizer$word_index),
               c(the = 1L, cat = 2L, sat = 3L, dog = 4L, a = 5L, on = 6L, mat = 7L, end = 8L))
  expect_equal(tokenizer$word_counts$the, 4L)
  expect_equal(tokenizer$document_count, 3L)
  piped <- text_tokenizer(num_words = 4) %>% fit_text_tokenizer(texts)
  expect_equal(texts_to_sequences(piped, c("the dog sat on a cat", "unknown")), list(c(1L, 3L, 2L), integer(0)))
})

test_that("one text is one text; oov_token takes index 1", {
  tokenizer <- text_tokenizer(oov_token = "<OOV>") %>% fit_text_tokenizer("b a b")
  expect_equal(unlist(tokenizer$word_index), c("<OOV>" = 1L, b = 2L, a = 3L))
  expect_equal(texts_to_sequences(tokenizer, "a zebra b"), list(c(3L, 1L, 2L)))
  chars <- text_tokenizer(char_level = TRUE) %>% fit_text_tokenizer("abA")
  expect_equal(texts_to_sequences(chars, "ba"), list(c(2L, 1L)))
})

test_that("pad_sequences() pads and truncates into an integer matrix", {
  padded <- pad_sequences(list(c(1, 2, 3), 4), maxlen = 2)
  expect_equal(padded, matrix(c(2L, 0L, 3L, 4L), nrow = 2))
  post <- pad_sequences(list(1:3, 4L, integer(0)), padding = "post", truncating = "post", maxlen = 2, value = 9)
  expect_equal(post, matrix(c(1L, 4L, 9L, 2L, 9L, 9L), nrow = 3))
  expect_equal(dim(pad_sequences(texts_to_sequences(text_tokenizer() %>% fit_text_tokenizer(texts), texts))),
               c(3L, 6L))
})

test_that("bad input gives classed errors naming the argument", {
  expect_error(text_tokenizer(num_words = 2.5), class = "python.builtin.ValueError")
  expect_error(fit_text_tokenizer("tok", "a"), class = "python.builtin.TypeError")
  expect_error(pad_sequences(list(1:2), padding = "middle"), class = "python.builtin.ValueError")
  expect_error(pad_sequences(list(c(1, 2.5))), class = "python.builtin.ValueError")
  expect_error(pad_sequences(list(c(1L, NA))), class = "python.builtin.ValueError")
})

docs <- c("The cat sat on the mat.", "The dog sat on the log.", "Dogs and cats living together.")

test_that("texts_to_matrix() gives binary, count, freq and tfidf rows", {
  tokenizer <- text_tokenizer() %>% fit_text_tokenizer(docs)
  index <- unlist(tokenizer$word_index)
  count <- texts_to_matrix(tokenizer, "the cat the zebra", mode = "count")
  expected <- numeric(13)
  expected[index[["the"]] + 1] <- 2
  expected[index[["cat"]] + 1] <- 1
  expect_equal(dim(count), c(1L, 13L))
  expect_equal(count[1, ], expected)
  expect_equal(texts_to_matrix(tokenizer, "the cat the zebra")[1, ], as.numeric(expected > 0))  # binary
  expect_equal(texts_to_matrix(tokenizer, "the cat the zebra", mode = "freq")[1, ], expected / 3)
  tfidf <- texts_to_matrix(tokenizer, "the cat the", mode = "tfidf")[1, ]
  expect_equal(tfidf[index[["the"]] + 1], (1 + log(2)) * log(1 + 3 / (1 + 2)))
  expect_equal(tfidf[index[["cat"]] + 1], log(1 + 3 / (1 + 1)))
  capped <- text_tokenizer(num_words = 4) %>% fit_text_tokenizer(docs)
  expect_equal(sequences_to_matrix(capped, list(c(1, 3, 3, 7)), mode = "count"), matrix(c(0, 1, 0, 2), 1))
})

test_that("the conformance flow: generator, fitting sequences, save and load", {
  tokenizer <- text_tokenizer(num_words = 10) %>% fit_text_tokenizer(docs)
  sequences <- iterate(texts_to_sequences_generator(tokenizer, docs))
  expect_equal(lapply(sequences, as.integer), texts_to_sequences(tokenizer, docs))
  tokenizer %>% fit_text_tokenizer(sequences)
  expect_equal(tokenizer$document_count, 6L)
  path <- tempfile()
  expect_identical(save_text_tokenizer(tokenizer, path), tokenizer)
  loaded <- load_text_tokenizer(path)
  expect_equal(loaded$word_index, tokenizer$word_index)
  for (mode in c("binary", "count", "tfidf", "freq")) {
    expect_equal(texts_to_matrix(loaded, docs, mode), texts_to_matrix(tokenizer, docs, mode))
  }
  gen <- texts_to_sequences_generator(tokenizer, "the cat")
  expect_equal(as.integer(generator_next(gen)), texts_to_sequences(tokenizer, "the cat")[[1]])
  expect_equal(generator_next(gen, completed = "done"), "done")
})

test_that("word sequences and hashed indices agree with Python's hash and MD5", {
  expect_equal(text_to_word_sequence("The cat, the HAT."), c("the", "cat", "the", "hat"))
  words <- c("the", "cat", "sat", "on", "the", "mat")
  md5 <- reticulate::py_run_string("
def md5_index(w, n):
    import hashlib
    return int(hashlib.md5(w.encode()).hexdigest(), 16) % (n - 1) + 1
def py_hash_index(w, n):
    return hash(w) % (n - 1) + 1
", local = TRUE)
  text <- "The cat sat on the mat."
  expect_equal(text_hashing_trick(text, 5, hash_function = "md5"),
               vapply(words, function(w) as.integer(md5$md5_index(w, 5L)), 1L, USE.NAMES = FALSE))
  expect_equal(text_one_hot(text, 5),
               vapply(words, function(w) as.integer(md5$py_hash_index(w, 5L)), 1L, USE.NAMES = FALSE))
  expect_equal(text_hashing_trick(text, 5, hash_function = function(w) nchar(w)), nchar(words) %% 4L + 1L)
  expect_identical(text_to_word_sequence("..."), character(0))
})

test_that("bad input to the new text functions is a classed error naming the argument", {
  tokenizer <- text_tokenizer() %>% fit_text_tokenizer(docs)
  expect_error(texts_to_matrix(tokenizer, docs, mode = "tf"), "mode", class = "python.builtin.ValueError")
  expect_error(sequences_to_matrix(text_tokenizer(), list(1)), "tokenizer", class = "python.builtin.ValueError")
  expect_error(load_text_tokenizer(tempfile()), "filename", class = "python.builtin.FileNotFoundError")
  expect_error(text_one_hot("a b", 1), "`n`", class = "python.builtin.ValueError")
  expect_error(text_hashing_trick("a b", 5, hash_function = "sha1"), "hash_function",
               class = "python.builtin.ValueError")
  expect_error(text_one_hot("a b", NA), "NA")
})
