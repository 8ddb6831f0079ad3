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

#' Resize or save an image array
#'
#' `image_array_resize()` zooms the array with a linear spline (SciPy's `ndimage.zoom`, order 1),
#' as R keras 2.2.4 did; a 4-d array holding one image keeps its first axis. `image_array_save()`
#' writes the array as an image file, the format taken from the extension unless `file_format`.
#'
#' @param img A 3-d image array (height, width, channels), e.g. from [image_to_array()].
#' @param height,width The new size in pixels.
#' @param data_format `"channels_last"` or `"channels_first"`. Defaults to `"channels_last"` for
#'   `image_array_resize()` and `NULL` (Keras's image data format) for `image_array_save()`.
#' @param path The image file to write.
#' @param file_format `"png"`, `"jpeg"`, ... Defaults to `NULL` (from the extension).
#' @param scale Rescale the values to 0-255 first. Defaults to `TRUE`.
#' @returns `image_array_resize()`: the resized array. `image_array_save()`: `img`, invisibly.
#' @examples
#' \donttest{
#' img <- array(runif(4 * 6 * 3), c(4, 6, 3))
#' dim(image_array_resize(img, height = 8, width = 12))
#' image_array_save(img, tempfile(fileext = ".png"))
#' }
#' @export
image_array_resize <- function(img, height, width, data_format = c("channels_last", "channels_first")) {
  bridge$image_array_resize(img, height, width,
                            data_format = first_choice(data_format, c("channels_last", "channels_first")))
}

#' @rdname image_array_resize
#' @export
image_array_save <- function(img, path, data_format = NULL, file_format = NULL, scale = TRUE) {
  bridge$image_array_save(img, path, data_format = data_format, file_format = file_format, scale = scale)
  invisible(img)
}

#' Generate batches of image data with real-time data augmentation
#'
#' Keras 2's `ImageDataGenerator`, which Keras 3 keeps (deprecated) as
#' `tf.keras.preprocessing.image.ImageDataGenerator`. Use it with [flow_images_from_data()],
#' [flow_images_from_directory()] or [flow_images_from_dataframe()]; `featurewise_*` and
#' `zca_whitening` need [fit_image_data_generator()] first.
#'
#' @param featurewise_center Subtract the data set's mean (per channel). Defaults to `FALSE`.
#' @param samplewise_center Subtract each image's mean. Defaults to `FALSE`.
#' @param featurewise_std_normalization Divide by the data set's standard deviation. Defaults to
#'   `FALSE`.
#' @param samplewise_std_normalization Divide each image by its standard deviation. Defaults to
#'   `FALSE`.
#' @param zca_whitening Apply ZCA whitening. Defaults to `FALSE`.
#' @param zca_epsilon Epsilon of ZCA whitening. Defaults to `1e-06`.
#' @param rotation_range Random rotations, in degrees. Defaults to `0`.
#' @param width_shift_range,height_shift_range Random shifts: a fraction of the size (< 1), pixels
#'   (>= 1) or a vector of allowed values. Default to `0`.
#' @param brightness_range `c(lower, upper)` brightness factors. Defaults to `NULL`.
#' @param shear_range Shear intensity (degrees). Defaults to `0`.
#' @param zoom_range `z` (zoom in `[1 - z, 1 + z]`) or `c(lower, upper)`. Defaults to `0`.
#' @param channel_shift_range Random channel shifts. Defaults to `0`.
#' @param fill_mode `"constant"`, `"nearest"`, `"reflect"` or `"wrap"`. Defaults to `"nearest"`.
#' @param cval Value for `fill_mode = "constant"`. Defaults to `0`.
#' @param horizontal_flip,vertical_flip Flip half the images. Default to `FALSE`.
#' @param rescale Multiply the data by this first. Defaults to `NULL` (no rescaling).
#' @param preprocessing_function A function of one image (3-d array) returning an image of the
#'   same shape, run on each image last. Defaults to `NULL`.
#' @param data_format `"channels_last"` or `"channels_first"`. Defaults to `NULL` (Keras's).
#' @param validation_split Fraction of the images for `subset = "validation"`. Defaults to `0`.
#' @returns An image data generator.
#' @examples
#' \donttest{
#' gen <- image_data_generator(rescale = 1 / 255, horizontal_flip = TRUE)
#' batch <- generator_next(flow_images_from_data(array(runif(4 * 8 * 8 * 3), c(4, 8, 8, 3)),
#'                                               generator = gen, batch_size = 2))
#' }
#' @export
image_data_generator <- function(featurewise_center = FALSE, samplewise_center = FALSE,
                                 featurewise_std_normalization = FALSE, samplewise_std_normalization = FALSE,
                                 zca_whitening = FALSE, zca_epsilon = 1e-6, rotation_range = 0, width_shift_range = 0,
                                 height_shift_range = 0, brightness_range = NULL, shear_range = 0, zoom_range = 0,
                                 channel_shift_range = 0, fill_mode = "nearest", cval = 0, horizontal_flip = FALSE,
                                 vertical_flip = FALSE, rescale = NULL, preprocessing_function = NULL,
                                 data_format = NULL, validation_split = 0) {
  call_bridge(bridge$image_data_generator)
}

#' Fit an image data generator's statistics to sample data
#'
#' Needed for `featurewise_center`, `featurewise_std_normalization` and `zca_whitening`.
#'
#' @param object An image data generator; changed in place.
#' @param x A 4-d array of images (samples, height, width, channels) with 1, 3 or 4 channels.
#' @param augment Fit on randomly augmented copies. Defaults to `FALSE`.
#' @param rounds With `augment`, passes over the data. Defaults to `1`.
#' @param seed Seed of the augmentation. Defaults to `NULL`.
#' @returns `object`, invisibly.
#' @examples
#' \donttest{
#' gen <- image_data_generator(featurewise_center = TRUE)
#' fit_image_data_generator(gen, array(runif(4 * 8 * 8 * 3), c(4, 8, 8, 3)))
#' gen$mean
#' }
#' @export
fit_image_data_generator <- function(object, x, augment = FALSE, rounds = 1, seed = NULL) {
  invisible(bridge$fit_image_data_generator(object, x, augment = augment, rounds = rounds, seed = seed))
}

#' Generate batches of images from arrays, a folder or a data frame
#'
#' The iterators of Keras 2's `ImageDataGenerator`, looping for ever: each batch is `list(x, y)`
#' (`list(x, y, sample_weight)` with weights; `x` alone without labels). Give them to
#' [fit_generator()] and friends, or draw batches with [generator_next()].
#'
#' @param x A 4-d array of images (samples, height, width, channels).
#' @param y Labels, one per image. Defaults to `NULL`.
#' @param generator An image data generator. Defaults to `image_data_generator()` (no change).
#' @param batch_size Images per batch. Defaults to `32`.
#' @param shuffle Shuffle the images each epoch. Defaults to `TRUE`.
#' @param sample_weight Weights, one per image. Defaults to `NULL`.
#' @param seed Seed of the shuffle and augmentation. Defaults to `NULL`.
#' @param save_to_dir A folder where the augmented images are also saved. Defaults to `NULL`.
#' @param save_prefix File name prefix of the saved images. Defaults to `""`.
#' @param save_format `"png"` or `"jpeg"`. Defaults to `"png"`.
#' @param subset `"training"` or `"validation"` part (per the generator's `validation_split`).
#'   Defaults to `NULL`.
#' @param directory `flow_images_from_directory()`: a folder with one sub-folder of images per
#'   class. `flow_images_from_dataframe()`: the folder of the files named in `x_col`
#'   (`NULL`: paths as they are).
#' @param target_size `c(height, width)` every image is resized to. Defaults to `c(256, 256)`.
#' @param color_mode `"grayscale"`, `"rgb"` or `"rgba"`. Defaults to `"rgb"`.
#' @param classes Class names in label order. Defaults to `NULL` (all, sorted).
#' @param class_mode `"categorical"` (one-hot), `"binary"`, `"sparse"` (integers), `"input"`,
#'   `"other"` (data frames: the `y_col` values) or `NULL` (no labels). Defaults to `"categorical"`.
#' @param follow_links Follow symbolic links. Defaults to `FALSE`.
#' @param interpolation Resampling for `target_size`. Defaults to `"nearest"`.
#' @param dataframe A data frame with file names in `x_col` and labels in `y_col`.
#' @param x_col,y_col Columns of file names and of labels. Default to `"filename"` and `"class"`.
#' @param drop_duplicates Keep only the first row of each file name. Defaults to `TRUE`.
#' @returns An iterator of batches (also indexable, batch `i` at `[[i - 1]]` in Python).
#' @examples
#' \donttest{
#' x <- array(runif(10 * 8 * 8 * 3), c(10, 8, 8, 3))
#' batches <- flow_images_from_data(x, y = 0:9, batch_size = 4, shuffle = FALSE)
#' str(generator_next(batches))
#' }
#' @export
flow_images_from_data <- function(x, y = NULL, generator = image_data_generator(), batch_size = 32, shuffle = TRUE,
                                  sample_weight = NULL, seed = NULL, save_to_dir = NULL, save_prefix = "",
                                  save_format = "png", subset = NULL) {
  call_bridge(bridge$flow_images_from_data)
}

#' @rdname flow_images_from_data
#' @export
flow_images_from_directory <- function(directory, generator = image_data_generator(), target_size = c(256, 256),
                                       color_mode = "rgb", classes = NULL, class_mode = "categorical",
                                       batch_size = 32, shuffle = TRUE, seed = NULL, save_to_dir = NULL,
                                       save_prefix = "", save_format = "png", follow_links = FALSE, subset = NULL,
                                       interpolation = "nearest") {
  call_bridge(bridge$flow_images_from_directory)
}

#' @rdname flow_images_from_data
#' @export
flow_images_from_dataframe <- function(dataframe, directory = NULL, x_col = "filename", y_col = "class",
                                       generator = image_data_generator(), target_size = c(256, 256),
                                       color_mode = "rgb", classes = NULL, class_mode = "categorical",
                                       batch_size = 32, shuffle = TRUE, seed = NULL, save_to_dir = NULL,
                                       save_prefix = "", save_format = "png", subset = NULL,
                                       interpolation = "nearest", drop_duplicates = TRUE) {
  call_bridge(bridge$flow_images_from_dataframe)
}

#' Retrieve the next item of a generator
#'
#' @param generator A Python iterator, e.g. from [flow_images_from_data()] or
#'   [texts_to_sequences_generator()].
#' @param completed Returned once the generator is exhausted. Defaults to `NULL`.
#' @returns The next item, or `completed`.
#' @examples
#' \donttest{
#' tokenizer <- text_tokenizer() %>% fit_text_tokenizer("a b")
#' gen <- texts_to_sequences_generator(tokenizer, c("a", "b"))
#' generator_next(gen); generator_next(gen); generator_next(gen, completed = "done")
#' }
#' @export
generator_next <- function(generator, completed = NULL) {
  bridge$generator_next(generator, completed = completed)
}
