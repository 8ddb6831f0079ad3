#' Image pairs for the pix2pix case study
#'
#' The facades data of the original pix2pix case study cannot be had offline, so it learns an
#' image-to-image task on crops of photos that ship with scikit-image and scikit-learn.
#' `photo_pairs()` cuts random square crops (sides `min_crop` to `max_crop` pixels, resized to
#' `size` x `size`) as targets and makes each input from its target: its grayscale for
#' `task = "gray"` (colourization) or a sketch-like edge map for `task = "edges"`. Training and
#' held-out crops come from different photos. `load_photo()` returns one of the photos. The R and
#' Python case studies call the same Python code, so they train on identical pairs.
#'
#' @param n_train,n_test Training and held-out crops, spread evenly over their photos. Default to
#'   `480` and `64`.
#' @param size Side of the pairs in pixels. Defaults to `64`.
#' @param task `"gray"` (grayscale to colour) or `"edges"` (edge map to colour). Defaults to `"gray"`.
#' @param min_crop,max_crop Smallest and largest crop side before resizing. Default to `64` and `128`.
#' @param train_photos Photos of the training crops. Defaults to
#'   `c("astronaut", "coffee", "rocket", "immunohistochemistry", "china")`.
#' @param test_photos Photos of the held-out crops, none of `train_photos`. Defaults to
#'   `c("chelsea", "flower")`.
#' @param seed Seed of the crops (NumPy's generator; the held-out crops use `seed + 1`). Defaults
#'   to `42`.
#' @returns `photo_pairs()`: a list with `train_input`, `train_target`, `test_input`,
#'   `test_target` (arrays (n, size, size, 3) scaled to \[-1, 1\]), `train_photo`, `test_photo`
#'   (0-based index of each crop's photo) and `train_photos`, `test_photos`.
#' @examples
#' \donttest{
#' data <- photo_pairs(n_train = 8, n_test = 4)
#' dim(data$train_input)
#' }
#' @export
photo_pairs <- function(n_train = 480, n_test = 64, size = 64, task = "gray", min_crop = 64, max_crop = 128,
                        train_photos = c("astronaut", "coffee", "rocket", "immunohistochemistry", "china"),
                        test_photos = c("chelsea", "flower"), seed = 42) {
  bridge$cases$image_pairs$photo_pairs(n_train = n_train, n_test = n_test, size = size, task = task,
                                 min_crop = min_crop, max_crop = max_crop,
                                 train_photos = as.list(as.character(train_photos)),
                                 test_photos = as.list(as.character(test_photos)), seed = seed)
}

#' @rdname photo_pairs
#' @param name A photo: `"astronaut"`, `"chelsea"`, `"coffee"`, `"rocket"`,
#'   `"immunohistochemistry"`, `"hubble_deep_field"`, `"retina"`, `"colorwheel"` (scikit-image) or
#'   `"china"`, `"flower"` (scikit-learn).
#' @returns `load_photo()`: an integer array (height, width, 3), pixels 0-255.
#' @export
load_photo <- function(name) {
  bridge$cases$image_pairs$load_photo(name = as.list(as.character(name)))
}

#' Read a folder of side-by-side image pairs (the facades layout)
#'
#' Each file (`.jpg`, `.jpeg` or `.png`, in sorted order) holds two images side by side: A on the
#' left half, B on the right. In the facades data A is the photo and B the label map, so the
#' default `"BtoA"`, as in the original case study, makes the right half the input and the left
#' half the target.
#'
#' @param path The folder.
#' @param direction `"BtoA"` (right half to left half) or `"AtoB"`. Defaults to `"BtoA"`.
#' @param size Resize each half to `size` x `size`. Defaults to `NULL` (keep; every file must then
#'   have the same size).
#' @returns A list: `input` and `target` (arrays (n, height, width, 3) scaled to \[-1, 1\]) and
#'   `files` (the file names, in order).
#' @examples
#' \donttest{
#' folder <- tempfile()
#' dir.create(folder)
#' png(file.path(folder, "pair1.png"), width = 128, height = 64)  # A (left) red, B (right) blue
#' par(mar = c(0, 0, 0, 0))
#' plot.new()
#' rect(0, 0, 0.5, 1, col = "red", border = NA)
#' rect(0.5, 0, 1, 1, col = "blue", border = NA)
#' invisible(dev.off())
#' pairs <- facades_pairs(folder)
#' dim(pairs$input)
#' }
#' @export
facades_pairs <- function(path, direction = "BtoA", size = NULL) {
  call_bridge(bridge$cases$image_pairs$facades_pairs)
}

#' Random jitter of image pairs
#'
#' The original's augmentation, the same for both images of a pair: resize up by `scale`
#' (nearest neighbours), crop back to the original size at a random place, mirror left-right with
#' probability 1/2. The case study calls it with `seed + epoch`, on training pairs only.
#'
#' @param input Input images (n, height, width, 3).
#' @param target Their targets, same shape.
#' @param seed Seed of the crops and flips.
#' @param scale Resize factor before cropping, at least 1. Defaults to `286 / 256`.
#' @param flip Mirror at random. Defaults to `TRUE`.
#' @returns A list: `input`, `target` (arrays of the same shape) and `offsets` (an integer matrix:
#'   top, left, flipped, one row per pair).
#' @examples
#' \donttest{
#' data <- photo_pairs(n_train = 4, n_test = 1)
#' jittered <- jitter_pairs(data$train_input, data$train_target, seed = 1)
#' jittered$offsets
#' }
#' @export
jitter_pairs <- function(input, target, seed, scale = 286 / 256, flip = TRUE) {
  call_bridge(bridge$cases$image_pairs$jitter_pairs)
}

#' L1 error of predicted images, and of two baselines
#'
#' `l1_error()`: the mean absolute difference over all pixels and channels. `l1_baselines()`:
#' the held-out L1 of two models that learn nothing: copy the input (`identity`), or paint the
#' per-pixel mean of the training targets (`train_mean`). Computed in Python, in double
#' precision, so R and Python report the same figures.
#'
#' @param prediction Predicted images (n, height, width, 3), an array or tensor.
#' @param target,test_target The target images, same shape.
#' @param train_target Training targets.
#' @param test_input Held-out inputs.
#' @returns `l1_error()`: a number (0 to 2 on \[-1, 1\] images); `l1_baselines()`: a list with
#'   `identity` and `train_mean`.
#' @examples
#' \donttest{
#' data <- photo_pairs(n_train = 8, n_test = 4)
#' l1_baselines(data$train_target, data$test_input, data$test_target)
#' l1_error(data$test_input, data$test_target)
#' }
#' @export
l1_error <- function(prediction, target) {
  call_bridge(bridge$cases$image_pairs$l1_error)
}

#' @rdname l1_error
#' @export
l1_baselines <- function(train_target, test_input, test_target) {
  call_bridge(bridge$cases$image_pairs$l1_baselines)
}

#' Save input, target and prediction side by side as a PNG
#'
#' One row per pair (the first `n`), three panels: input, target, prediction. Drawn by Python's
#' matplotlib, so both case studies save the same picture.
#'
#' @param input Input images (n, height, width, 3) scaled to \[-1, 1\].
#' @param target Their targets.
#' @param prediction The model's outputs (an array or tensor).
#' @param path The PNG file (its folder is created).
#' @param n Rows. Defaults to `4`.
#' @param title A title. Defaults to `NULL`.
#' @returns The path, invisibly.
#' @examples
#' \donttest{
#' data <- photo_pairs(n_train = 4, n_test = 4)
#' save_triptych(data$test_input, data$test_target, data$test_input, tempfile(fileext = ".png"))
#' }
#' @export
save_triptych <- function(input, target, prediction, path, n = 4, title = NULL) {
  invisible(call_bridge(bridge$cases$image_pairs$save_triptych))
}
