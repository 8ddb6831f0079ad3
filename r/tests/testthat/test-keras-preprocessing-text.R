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
