#' Digit strips for the image-captioning case study
#'
#' MS-COCO cannot be had offline, so the image-captioning case study captions strips of 3 to 5
#' real MNIST digits placed side by side ("seven two nine"). `caption_data()` builds training
#' and held-out strips from disjoint digit images (every `held_out_every`-th image is held out;
#' the 5,000 of [mnist_5k()] come sorted by class, so that is a fifth of each class), captions
#' them and encodes the captions. `digit_strips()` builds one set of strips. The R and Python
#' case studies call the same Python code, so they train on identical data.
#'
#' Digit `k` sits in the `k`-th 28-pixel slot, shifted by up to `jitter` pixels either way
#' (overlapping pixels keep the brighter one); with `spread = TRUE` the digits are spread out
#' with random gaps instead, a harder layout.
#'
#' @param images Digit images, an array (n, 28, 28) of pixels 0-255 (`mnist_5k()$x`).
#' @param labels Their digits, 0-9 (`mnist_5k()$y`).
#' @param n_train,n_test Training and held-out strips. Default to `3200` and `500`.
#' @param held_out_every One image in this many is held out. Defaults to `5`.
#' @param min_digits,max_digits Fewest and most digits in a strip. Default to `3` and `5`.
#' @param jitter Largest shift of a digit from its slot, in pixels. Defaults to `2`.
#' @param spread Random gaps instead of slots. Defaults to `FALSE`.
#' @param seed Seed of the strips (NumPy's generator; `caption_data()` uses `seed + 1` for the
#'   held-out strips). Defaults to `42`.
#' @returns `caption_data()`: a list with `train` and `test` (each as `digit_strips()` returns,
#'   plus `ids`, the encoded captions), `train_digits` and `test_digits` (`x`, `y`: the single
#'   images of each side), `index` (the vocabulary: the word of token id `i` is `index[i + 1]`),
#'   `vocab_size`, `max_length` (tokens per encoded caption), `start_id` and `end_id`.
#' @examples
#' \donttest{
#' digits <- mnist_5k()
#' data <- caption_data(images = digits$x, labels = digits$y, n_train = 64, n_test = 16)
#' data$train$captions[1]
#' dim(data$train$x)
#' }
#' @export
caption_data <- function(images, labels, n_train = 3200, n_test = 500, held_out_every = 5, min_digits = 3,
                         max_digits = 5, jitter = 2, spread = FALSE, seed = 42) {
  bridge$cases$captioning$caption_data(images = images, labels = array(labels), n_train = n_train, n_test = n_test,
                                 held_out_every = held_out_every, min_digits = min_digits,
                                 max_digits = max_digits, jitter = jitter, spread = spread, seed = seed)
}

#' @rdname caption_data
#' @param n Number of strips.
#' @param slots Strip width in digit widths. Defaults to `5`.
#' @returns `digit_strips()`: a list with `x` (strips, an integer array (n, 28, 28 * slots)),
#'   `digits`, `left` (each digit's leftmost pixel column, 0-based) and `image_ids` (0-based rows
#'   of `images`), matrices with -1 after the last digit, `n_digits` and `captions`.
#' @export
digit_strips <- function(images, labels, n, min_digits = 3, max_digits = 5, slots = 5, jitter = 2,
                         spread = FALSE, seed = 42) {
  bridge$cases$captioning$digit_strips(images = images, labels = array(labels), n = n, min_digits = min_digits,
                                 max_digits = max_digits, slots = slots, jitter = jitter, spread = spread,
                                 seed = seed)
}

#' Cut a window around every digit of some strips, for a digit classifier
#'
#' One 28 x 28 window per digit, shifted at random by up to `jitter` pixels, so that a
#' classifier trained on them sees digits as the captioner will: a little off-centre, with the
#' edges of their neighbours in view.
#'
#' @param strips Strips from [caption_data()] (`data$train`) or [digit_strips()].
#' @param jitter Largest shift, in pixels. Defaults to `3`.
#' @param seed Seed of the shifts. Defaults to `42`.
#' @returns A list: `x`, an integer array (windows, 28, 28) of pixels 0-255, and `y`, their digits.
#' @examples
#' \donttest{
#' digits <- mnist_5k()
#' data <- caption_data(images = digits$x, labels = digits$y, n_train = 64, n_test = 16)
#' windows <- digit_windows(data$train, jitter = 3)
#' dim(windows$x)
#' }
#' @export
digit_windows <- function(strips, jitter = 3, seed = 42) {
  bridge$cases$captioning$digit_windows(strips = strips, jitter = jitter, seed = seed)
}

#' Caption vocabulary, encoding and decoding
#'
#' `caption_vocabulary()` lists the words of some captions after `<pad>` (token id 0), sorted by
#' code point with `<end>` and `<start>` (so R and Python agree in any locale).
#' `encode_captions()` turns captions into rows of token ids, `<start> ... <end>` padded with 0.
#' `captions_to_text()` turns rows of ids back into words, up to the first `<end>`; a `<pad>` or
#' `<start>` a model predicted is written out, so such a caption never passes for a right one.
#' Token ids count from 0, as the model's outputs do: the word of id `i` is `index[i + 1]`.
#'
#' @param captions Captions, words separated by spaces, without markers.
#' @param index The vocabulary, from `caption_vocabulary()` (or `caption_data()$index`).
#' @param length Columns of the result. Defaults to `NULL` (the longest caption plus 2).
#' @param ids A matrix (or tensor) of token ids, one caption per row, without the leading
#'   `<start>` (as greedy decoding returns them).
#' @returns `caption_vocabulary()`: a character vector; `encode_captions()`: an integer matrix
#'   (fed to models as int32); `captions_to_text()`: a character vector.
#' @examples
#' \donttest{
#' index <- caption_vocabulary(c("seven two", "two one"))
#' ids <- encode_captions(c("two one"), index)
#' captions_to_text(ids[, -1, drop = FALSE], index)
#' }
#' @export
caption_vocabulary <- function(captions) {
  bridge$cases$captioning$caption_vocabulary(captions = as.list(as.character(captions)))
}

#' @rdname caption_vocabulary
#' @export
encode_captions <- function(captions, index, length = NULL) {
  bridge$cases$captioning$encode_captions(captions = as.list(as.character(captions)),
                                    index = as.list(as.character(index)), length = length)
}

#' @rdname caption_vocabulary
#' @export
captions_to_text <- function(ids, index) {
  bridge$cases$captioning$captions_to_text(ids = ids, index = as.list(as.character(index)))
}

#' A frozen feature extractor for digit strips
#'
#' Turns strips into a CNN feature map flattened to `L` locations x `D` channels, computed once,
#' as the original case study cached Inception V3 features. `spec` picks the network:
#' `"cnn"` (`cnn`, a model trained in the example, on pixels / 255), `"vgg16"`
#' ([application_vgg16()] filled by [vgg16_weights_from_hed()], up to `block4_pool`: 2 x 9
#' locations of 512 channels) or `"inception_v3:<path>"` ([application_inception_v3()] with the
#' weights file at `path`; nothing is downloaded).
#'
#' @param spec `"cnn"`, `"vgg16"` or `"inception_v3:<path of a weights file>"`. Defaults to
#'   `"cnn"`.
#' @param cnn With `"cnn"`: a Keras model from images (n, 28, width, 1) to a feature map
#'   (n, rows, columns, channels). Defaults to `NULL`.
#' @param strip_shape `c(height, width)` of the strips. Defaults to `c(28, 140)`.
#' @param batch_size Strips per forward pass. Defaults to `100`.
#' @returns A Python object: `extractor$extract(strips)` gives a float32 tensor (n, L, D);
#'   `extractor$geometry` places the `L` locations on the strip (for [attention_placement()] and
#'   [attention_maps()]); `extractor$n_locations`, `extractor$depth`.
#' @examples
#' \donttest{
#' digits <- mnist_5k()
#' strips <- digit_strips(images = digits$x, labels = digits$y, n = 2)
#' extractor <- caption_feature_extractor("vgg16")
#' dim(extractor$extract(strips$x))
#' }
#' @export
caption_feature_extractor <- function(spec = "cnn", cnn = NULL, strip_shape = c(28, 140), batch_size = 100) {
  bridge$cases$captioning$caption_feature_extractor(spec = spec, cnn = cnn, strip_shape = as.list(strip_shape),
                                              batch_size = batch_size)
}

#' How well strips were captioned, and where the attention looked
#'
#' `caption_accuracy()`: the share of captions predicted exactly, and of reference words
#' predicted at their place. `attention_placement()`: word `t` of a generated caption names
#' digit `t` of the strip; it is a hit when the location with the largest attention weight has
#' its centre over that digit; words past the strip's last digit are misses, words after `<end>`
#' are not counted. `attention_maps()` spreads one strip's attention weights over its pixels, one
#' map per generated word, for pictures.
#'
#' @param predicted Predicted captions ([captions_to_text()]).
#' @param reference The true captions, same order.
#' @param attention Attention weights: (strips, steps, L) or (strips, steps, L, 1) for
#'   `attention_placement()`, one strip's (words, L) or (words, L, 1) for `attention_maps()`.
#' @param predicted_ids The generated token ids (strips, steps).
#' @param left Each digit's leftmost column, -1 after the last (`data$test$left`).
#' @param geometry `extractor$geometry` of the features attended over.
#' @param end_id The id of `<end>` (`data$end_id`).
#' @param digit_width Width of a digit in pixels. Defaults to `28`.
#' @returns `caption_accuracy()`: `list(exact, words)`; `attention_placement()`:
#'   `list(rate, hits, words)`; `attention_maps()`: an array (words, strip height, strip width).
#' @examples
#' \donttest{
#' caption_accuracy(c("one two", "one six"), c("one two", "one two"))
#' geometry <- list(grid = c(1, 5), strip_shape = c(28, 140), x_first = 14, x_step = 28)
#' attention <- array(0, c(1, 2, 5))  # 1 strip, 2 generated words, 5 locations
#' attention[1, 1, 1] <- 1  # word 1 looks at the first digit: a hit
#' attention[1, 2, 3] <- 1  # word 2 looks at the third slot, not the second digit: a miss
#' attention_placement(attention, predicted_ids = matrix(c(5L, 6L), 1), left = matrix(c(0L, 28L, -1L), 1),
#'                     geometry = geometry, end_id = 1)
#' dim(attention_maps(attention[1, , ], geometry))
#' }
#' @export
caption_accuracy <- function(predicted, reference) {
  bridge$cases$captioning$caption_accuracy(predicted = as.list(as.character(predicted)),
                                     reference = as.list(as.character(reference)))
}

#' @rdname caption_accuracy
#' @export
attention_placement <- function(attention, predicted_ids, left, geometry, end_id, digit_width = 28) {
  bridge$cases$captioning$attention_placement(attention = attention, predicted_ids = predicted_ids, left = left,
                                        geometry = geometry, end_id = end_id, digit_width = digit_width)
}

#' @rdname caption_accuracy
#' @export
attention_maps <- function(attention, geometry) {
  bridge$cases$captioning$attention_maps(attention = attention, geometry = geometry)
}
