#' Load an image file
#'
#' @param path Path to the image file.
#' @param grayscale Load as one grey channel instead of RGB. Defaults to `FALSE`.
#' @param target_size `c(height, width)` to resize to. Defaults to `NULL` (keep the size).
#' @param interpolation Resampling used by `target_size`: `"nearest"`, `"bilinear"`,
#'   `"bicubic"`, `"hamming"`, `"box"` or `"lanczos"`. Defaults to `"nearest"`.
#' @returns A PIL image (a Python object); convert it with `image_to_array()`.
#' @examples
#' \donttest{
#' path <- tempfile(fileext = ".png")
#' png(path, width = 320, height = 240); plot(1:10); invisible(dev.off())
#' img <- image_load(path, target_size = c(224, 224))
#' x <- image_to_array(img)
#' }
#' @export
image_load <- function(path, grayscale = FALSE, target_size = NULL, interpolation = "nearest") {
  bridge$image_load(path, grayscale = grayscale, target_size = target_size, interpolation = interpolation)
}

#' Convert an image to an array
#'
#' @param img A PIL image, e.g. from `image_load()`.
#' @param data_format `"channels_last"` (height, width, channels) or `"channels_first"`.
#'   Defaults to `"channels_last"`.
#' @returns A 3-d numeric array of pixel values 0-255.
#' @examples
#' \donttest{
#' path <- tempfile(fileext = ".png")
#' png(path, width = 320, height = 240); plot(1:10); invisible(dev.off())
#' x <- image_to_array(image_load(path))
#' dim(x)
#' }
#' @export
image_to_array <- function(img, data_format = "channels_last") {
  bridge$image_to_array(img, data_format = data_format)
}

#' Preprocess images for ImageNet models
#'
#' @param x A 3-d (one image) or 4-d (a batch) array or tensor of RGB pixel values 0-255.
#' @param data_format `"channels_last"` or `"channels_first"`. Defaults to `NULL` (Keras's
#'   image data format, normally channels last).
#' @param mode `"caffe"`: RGB to BGR, then subtract the ImageNet channel means (VGG16, VGG19,
#'   ResNet50); `"tf"`: scale to -1..1 (Inception V3); `"torch"`: scale to 0..1, then
#'   standardise each channel. Defaults to `"caffe"`, as in R keras 2.x.
#' @returns A numeric array (a tensor for tensor input).
#' @examples
#' \donttest{
#' path <- tempfile(fileext = ".png")
#' png(path, width = 320, height = 240); plot(1:10); invisible(dev.off())
#' x <- image_to_array(image_load(path, target_size = c(224, 224)))
#' x <- imagenet_preprocess_input(array(x, dim = c(1, dim(x))))
#' }
#' @export
imagenet_preprocess_input <- function(x, data_format = NULL, mode = "caffe") {
  bridge$imagenet_preprocess_input(x, data_format = data_format, mode = mode)
}
