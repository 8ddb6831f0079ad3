# R keras 2.x backend functions of neural networks: convolutions, pooling, padding, resizing,
# normalisation, dropout, losses, CTC and k_rnn. The work and the checks are in
# rkeras_bridge/keras/backend_nn.py. `data_format = NULL` means k_image_data_format().

#' Convolutions
#'
#' `k_conv1d()`, `k_conv2d()` and `k_conv3d()` convolve `x` with a kernel of TensorFlow's layout
#' `(spatial sizes..., in, out)`.
#'
#' @param x A tensor of rank 3, 4 or 5: `(batch, spatial axes..., channels)` (or channels first).
#' @param kernel The kernel.
#' @param strides One number per spatial axis (or one for all).
#' @param padding `"valid"` or `"same"` (and `"causal"` for `k_conv1d()`). Defaults to `"valid"`.
#' @param data_format `"channels_last"` or `"channels_first"`. Defaults to `NULL` (`k_image_data_format()`).
#' @param dilation_rate One number per spatial axis (or one for all).
#' @returns A tensor of the rank of `x`.
#' @examples
#' \donttest{
#' k_conv2d(k_ones(c(1, 3, 3, 1)), k_ones(c(2, 2, 1, 1)))  # 4 4 4 4
#' }
#' @export
k_conv1d <- function(x, kernel, strides = 1, padding = "valid", data_format = NULL, dilation_rate = 1) {
  bridge$k_conv1d(x, kernel, strides = strides, padding = padding, data_format = data_format,
                  dilation_rate = dilation_rate)
}

#' @rdname k_conv1d
#' @export
k_conv2d <- function(x, kernel, strides = c(1, 1), padding = "valid", data_format = NULL,
                     dilation_rate = c(1, 1)) {
  bridge$k_conv2d(x, kernel, strides = strides, padding = padding, data_format = data_format,
                  dilation_rate = dilation_rate)
}

#' @rdname k_conv1d
#' @export
k_conv3d <- function(x, kernel, strides = c(1, 1, 1), padding = "valid", data_format = NULL,
                     dilation_rate = c(1, 1, 1)) {
  bridge$k_conv3d(x, kernel, strides = strides, padding = padding, data_format = data_format,
                  dilation_rate = dilation_rate)
}

#' Transposed convolutions (deconvolutions)
#'
#' @param x A 4-d (`k_conv2d_transpose()`) or 5-d (`k_conv3d_transpose()`) tensor.
#' @param kernel A kernel `(spatial sizes..., out, in)`.
#' @param output_shape The output's shape, batch included, in `data_format`. In a list, the batch
#'   may be `NULL`: then it is the batch size of `x`.
#' @param strides One number per spatial axis.
#' @param padding `"valid"` or `"same"`. Defaults to `"valid"`.
#' @param data_format Defaults to `NULL` (`k_image_data_format()`).
#' @returns A tensor of shape `output_shape`.
#' @examples
#' \donttest{
#' k_conv2d_transpose(k_ones(c(1, 2, 2, 1)), k_ones(c(2, 2, 1, 1)), c(1, 3, 3, 1))
#' }
#' @export
k_conv2d_transpose <- function(x, kernel, output_shape, strides = c(1, 1), padding = "valid",
                               data_format = NULL) {
  bridge$k_conv2d_transpose(x, kernel, output_shape, strides = strides, padding = padding,
                            data_format = data_format)
}

#' @rdname k_conv2d_transpose
#' @export
k_conv3d_transpose <- function(x, kernel, output_shape, strides = c(1, 1, 1), padding = "valid",
                               data_format = NULL) {
  bridge$k_conv3d_transpose(x, kernel, output_shape, strides = strides, padding = padding,
                            data_format = data_format)
}

#' Depthwise and separable 2-d convolutions
#'
#' `k_depthwise_conv2d()` convolves each input channel with its own filters;
#' `k_separable_conv2d()` follows that with a 1x1 (pointwise) convolution.
#'
#' @param x A 4-d tensor.
#' @param depthwise_kernel A `(rows, cols, in, multiplier)` kernel.
#' @param pointwise_kernel A `(1, 1, in * multiplier, out)` kernel.
#' @param strides Defaults to `c(1, 1)`.
#' @param padding `"valid"` or `"same"`. Defaults to `"valid"`.
#' @param data_format Defaults to `NULL` (`k_image_data_format()`).
#' @param dilation_rate Defaults to `c(1, 1)`.
#' @returns A 4-d tensor.
#' @examples
#' \donttest{
#' k_depthwise_conv2d(k_ones(c(1, 2, 2, 2)), k_ones(c(2, 2, 2, 1)))  # 4 4
#' }
#' @export
k_depthwise_conv2d <- function(x, depthwise_kernel, strides = c(1, 1), padding = "valid",
                               data_format = NULL, dilation_rate = c(1, 1)) {
  bridge$k_depthwise_conv2d(x, depthwise_kernel, strides = strides, padding = padding,
                            data_format = data_format, dilation_rate = dilation_rate)
}

#' @rdname k_depthwise_conv2d
#' @export
k_separable_conv2d <- function(x, depthwise_kernel, pointwise_kernel, strides = c(1, 1),
                               padding = "valid", data_format = NULL, dilation_rate = c(1, 1)) {
  bridge$k_separable_conv2d(x, depthwise_kernel, pointwise_kernel, strides = strides, padding = padding,
                            data_format = data_format, dilation_rate = dilation_rate)
}

#' Locally-connected convolutions (unshared weights)
#'
#' Each output position has its own kernel; a window is flattened in the input's own layout.
#'
#' @param inputs A 3-d (`k_local_conv1d()`) or 4-d (`k_local_conv2d()`) tensor.
#' @param kernel `(output positions, window size * channels, filters)`.
#' @param kernel_size The window: one number, or `c(rows, cols)`.
#' @param strides The strides: one number, or `c(rows, cols)`.
#' @param output_shape `c(output_rows, output_cols)`.
#' @param data_format Defaults to `NULL` (`k_image_data_format()`).
#' @returns A tensor `(batch, output positions..., filters)` (or channels first).
#' @examples
#' \donttest{
#' k_local_conv1d(k_ones(c(1, 4, 1)), k_ones(c(2, 2, 1)), 2, 2)  # 2 2
#' }
#' @export
k_local_conv1d <- function(inputs, kernel, kernel_size, strides, data_format = NULL) {
  bridge$k_local_conv1d(inputs, kernel, kernel_size = kernel_size, strides = strides,
                        data_format = data_format)
}

#' @rdname k_local_conv1d
#' @export
k_local_conv2d <- function(inputs, kernel, kernel_size, strides, output_shape, data_format = NULL) {
  bridge$k_local_conv2d(inputs, kernel, kernel_size = kernel_size, strides = strides,
                        output_shape = output_shape, data_format = data_format)
}

#' Pooling
#'
#' @param x A 4-d (`k_pool2d()`) or 5-d (`k_pool3d()`) tensor.
#' @param pool_size One number per spatial axis.
#' @param strides One number per spatial axis.
#' @param padding `"valid"` or `"same"`. Defaults to `"valid"`.
#' @param data_format Defaults to `NULL` (`k_image_data_format()`).
#' @param pool_mode `"max"` or `"avg"`. Defaults to `"max"`.
#' @returns A tensor of the rank of `x`.
#' @examples
#' \donttest{
#' k_pool2d(k_reshape(k_arange(16, dtype = "float32"), c(1, 4, 4, 1)), c(2, 2), c(2, 2))  # 5 7 13 15
#' }
#' @export
k_pool2d <- function(x, pool_size, strides = c(1, 1), padding = "valid", data_format = NULL,
                     pool_mode = "max") {
  bridge$k_pool2d(x, pool_size = pool_size, strides = strides, padding = padding, data_format = data_format,
                  pool_mode = pool_mode)
}

#' @rdname k_pool2d
#' @export
k_pool3d <- function(x, pool_size, strides = c(1, 1, 1), padding = "valid", data_format = NULL,
                     pool_mode = "max") {
  bridge$k_pool3d(x, pool_size = pool_size, strides = strides, padding = padding, data_format = data_format,
                  pool_mode = pool_mode)
}

#' Zero padding
#'
#' `k_temporal_padding()` pads the middle axis of a 3-d tensor, `k_spatial_2d_padding()` the rows
#' and columns of a 4-d one, `k_spatial_3d_padding()` the three spatial axes of a 5-d one.
#'
#' @param x A tensor of rank 3, 4 or 5.
#' @param padding `c(before, after)` for `k_temporal_padding()`; a list of one `list(before, after)`
#'   pair per spatial axis otherwise.
#' @param data_format Defaults to `NULL` (`k_image_data_format()`).
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_temporal_padding(k_ones(c(1, 2, 1)), c(1, 2))  # 0 1 1 0 0
#' }
#' @export
k_temporal_padding <- function(x, padding = c(1, 1)) {
  bridge$k_temporal_padding(x, padding = padding)
}

#' @rdname k_temporal_padding
#' @export
k_spatial_2d_padding <- function(x, padding = list(list(1, 1), list(1, 1)), data_format = NULL) {
  bridge$k_spatial_2d_padding(x, padding = padding, data_format = data_format)
}

#' @rdname k_temporal_padding
#' @export
k_spatial_3d_padding <- function(x, padding = list(list(1, 1), list(1, 1), list(1, 1)), data_format = NULL) {
  bridge$k_spatial_3d_padding(x, padding = padding, data_format = data_format)
}

#' Enlarge images or volumes by integer factors
#'
#' Nearest neighbour: each row (column, slice) is repeated `factor` times.
#'
#' @param x A 4-d (`k_resize_images()`) or 5-d (`k_resize_volumes()`) tensor.
#' @param depth_factor A positive integer.
#' @param height_factor A positive integer.
#' @param width_factor A positive integer.
#' @param data_format `"channels_last"` or `"channels_first"`.
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_resize_images(k_ones(c(1, 2, 2, 1)), 2, 2, "channels_last")  # shape (1, 4, 4, 1)
#' }
#' @export
k_resize_images <- function(x, height_factor, width_factor, data_format) {
  bridge$k_resize_images(x, height_factor = height_factor, width_factor = width_factor,
                         data_format = data_format)
}

#' @rdname k_resize_images
#' @export
k_resize_volumes <- function(x, depth_factor, height_factor, width_factor, data_format) {
  bridge$k_resize_volumes(x, depth_factor = depth_factor, height_factor = height_factor,
                          width_factor = width_factor, data_format = data_format)
}

#' Add a bias along the channels axis
#'
#' @param x Tensor or variable.
#' @param bias One value per channel, or a tensor of rank `length(dim(x)) - 1` (one sample's
#'   shape, channels last).
#' @param data_format Where the channels are. Defaults to `NULL` (`k_image_data_format()`).
#' @returns A tensor of the shape of `x`.
#' @examples
#' \donttest{
#' k_bias_add(k_zeros(c(2, 3)), k_constant(1:3))
#' }
#' @export
k_bias_add <- function(x, bias, data_format = NULL) {
  bridge$k_bias_add(x, bias, data_format = data_format)
}

#' Normalise a tensor with given statistics
#'
#' `(x - mean) / sqrt(var + epsilon) * gamma + beta`.
#'
#' @param x Tensor or variable.
#' @param mean The mean (a vector runs along `axis`).
#' @param var The variance.
#' @param beta The offset (`NULL` for none).
#' @param gamma The scale (`NULL` for none).
#' @param axis The axis the statistics' vectors run along (1-based; -1 is the last). Defaults to `-1`.
#' @param epsilon Added to the variance. Defaults to `0.001`.
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_batch_normalization(k_constant(rbind(c(1, 3))), 2, 1, 0, 1, epsilon = 0)  # -1 1
#' }
#' @export
k_batch_normalization <- function(x, mean, var, beta, gamma, axis = -1, epsilon = 0.001) {
  bridge$k_batch_normalization(x, mean, var, beta, gamma, axis = axis, epsilon = epsilon)
}

#' Normalise a batch with its own mean and variance
#'
#' @param x Tensor or variable.
#' @param gamma The scale, shaped like the kept axes (`NULL` for none).
#' @param beta The offset, shaped like the kept axes (`NULL` for none).
#' @param reduction_axes The axes the statistics are computed over (1-based).
#' @param epsilon Added to the variance. Defaults to `0.001`.
#' @returns A list: the normalised tensor, the mean and the variance.
#' @examples
#' \donttest{
#' k_normalize_batch_in_training(k_constant(matrix(c(1, 3))), NULL, NULL, 1, epsilon = 0)
#' }
#' @export
k_normalize_batch_in_training <- function(x, gamma, beta, reduction_axes, epsilon = 0.001) {
  bridge$k_normalize_batch_in_training(x, gamma, beta, reduction_axes = reduction_axes, epsilon = epsilon)
}

#' Dropout
#'
#' Sets a fraction `level` of the entries to 0 and scales the others by `1 / (1 - level)`.
#'
#' @param x Tensor or variable.
#' @param level The fraction dropped, in `[0, 1)`.
#' @param noise_shape The shape of the keep/drop mask, broadcast over `x`. Defaults to `NULL`.
#' @param seed An integer: the same mask on every call. Defaults to `NULL`.
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_dropout(k_ones(10), 0.5, seed = 1)
#' }
#' @export
k_dropout <- function(x, level, noise_shape = NULL, seed = NULL) {
  bridge$k_dropout(x, level = level, noise_shape = noise_shape, seed = seed)
}

#' Crossentropies between targets and predictions
#'
#' `k_binary_crossentropy()` is element-wise; `k_categorical_crossentropy()` takes one-hot targets
#' and `k_sparse_categorical_crossentropy()` **0-based** class ids (as R keras 2.2.4 passed them),
#' both reducing the classes axis. Probabilities are clipped to `[k_epsilon(), 1 - k_epsilon()]`
#' (and scaled to sum to 1 for `k_categorical_crossentropy()`), as Keras 2.2.4 did.
#'
#' @param target The targets.
#' @param output The predictions: probabilities, or logits when `from_logits`.
#' @param from_logits Whether `output` holds logits. Defaults to `FALSE`.
#' @param axis The classes' axis (1-based; -1 is the last). Defaults to `-1`.
#' @returns A tensor.
#' @examples
#' \donttest{
#' k_binary_crossentropy(k_constant(1), k_constant(0.5))                 # log(2)
#' k_categorical_crossentropy(k_constant(c(0, 1)), k_constant(c(0.5, 0.5)))  # log(2)
#' k_sparse_categorical_crossentropy(k_constant(1, dtype = "int32", shape = 1),
#'                                   k_constant(rbind(c(0.5, 0.5))))    # log(2)
#' }
#' @export
k_binary_crossentropy <- function(target, output, from_logits = FALSE) {
  bridge$k_binary_crossentropy(target, output, from_logits = from_logits)
}

#' @rdname k_binary_crossentropy
#' @export
k_categorical_crossentropy <- function(target, output, from_logits = FALSE, axis = -1) {
  bridge$k_categorical_crossentropy(target, output, from_logits = from_logits, axis = axis)
}

#' @rdname k_binary_crossentropy
#' @export
k_sparse_categorical_crossentropy <- function(target, output, from_logits = FALSE, axis = -1) {
  bridge$k_sparse_categorical_crossentropy(target, output, from_logits = from_logits, axis = axis)
}

#' Whether targets are among the top `k` predictions
#'
#' @param predictions A `(batch, classes)` tensor.
#' @param targets A `(batch)` vector of **0-based** class ids.
#' @param k How many of the top predictions count.
#' @returns A `(batch)` logical tensor.
#' @examples
#' \donttest{
#' k_in_top_k(k_constant(rbind(c(0.1, 0.9), c(0.8, 0.2))), k_constant(c(1, 1), dtype = "int32"), 1)
#' }
#' @export
k_in_top_k <- function(predictions, targets, k) {
  bridge$k_in_top_k(predictions, targets, k = k)
}

#' Connectionist temporal classification (CTC)
#'
#' `k_ctc_batch_cost()` is the CTC loss of each sample; `k_ctc_decode()` decodes a softmax output by
#' best path or beam search; `k_ctc_label_dense_to_sparse()` turns padded labels into a sparse
#' tensor. Labels are 0-based class ids; the blank is the last class.
#'
#' @param y_true `(samples, max_string_length)` labels.
#' @param y_pred `(samples, time_steps, classes)` softmax outputs.
#' @param input_length The length of each sequence of `y_pred`: `(samples, 1)` for
#'   `k_ctc_batch_cost()`, `(samples)` for `k_ctc_decode()`.
#' @param label_length `(samples, 1)` the length of each label.
#' @param greedy Best path when `TRUE`, else beam search. Defaults to `TRUE`.
#' @param beam_width The beam's width. Defaults to `100`.
#' @param top_paths How many paths beam search returns. Defaults to `1`.
#' @param labels A `(batch, max_length)` integer tensor.
#' @param label_lengths A `(batch)` vector of lengths.
#' @returns `k_ctc_batch_cost()`: a `(samples, 1)` tensor. `k_ctc_decode()`: a list of a list of
#'   decoded `(samples, length)` tensors (padded with -1) and the log probabilities.
#'   `k_ctc_label_dense_to_sparse()`: a sparse tensor.
#' @examples
#' \donttest{
#' y_pred <- k_softmax(k_random_normal(c(1, 4, 3), seed = 1))
#' k_ctc_batch_cost(k_constant(rbind(c(0, 1))), y_pred, k_constant(rbind(4)), k_constant(rbind(2)))
#' }
#' @export
k_ctc_batch_cost <- function(y_true, y_pred, input_length, label_length) {
  bridge$k_ctc_batch_cost(y_true, y_pred, input_length, label_length)
}

#' @rdname k_ctc_batch_cost
#' @export
k_ctc_decode <- function(y_pred, input_length, greedy = TRUE, beam_width = 100L, top_paths = 1) {
  bridge$k_ctc_decode(y_pred, input_length, greedy = greedy, beam_width = beam_width, top_paths = top_paths)
}

#' @rdname k_ctc_batch_cost
#' @export
k_ctc_label_dense_to_sparse <- function(labels, label_lengths) {
  bridge$k_ctc_label_dense_to_sparse(labels, label_lengths)
}

#' Iterate a step function over the time axis of a tensor
#'
#' `step_function(input, states)` gets one time step `(samples, ...)` and the list of states
#' (followed by `constants`) and returns `list(output, new_states)`. The loop runs step by step, so
#' the step is an ordinary R function.
#'
#' @param step_function The step, as described.
#' @param inputs A `(samples, time, ...)` tensor.
#' @param initial_states A list of `(samples, ...)` tensors.
#' @param go_backwards Iterate from the last step to the first. Defaults to `FALSE`.
#' @param mask A `(samples, time)` logical tensor: masked steps carry the previous output and
#'   states over. Defaults to `NULL`.
#' @param constants A list of tensors passed to every step after the states. Defaults to `NULL`.
#' @param unroll Accepted for compatibility (the loop is always unrolled). Defaults to `FALSE`.
#' @param input_length Accepted for compatibility. Defaults to `NULL`.
#' @returns A list: the last output, all outputs `(samples, time, ...)`, and the new states.
#' @examples
#' \donttest{
#' step <- function(x, states) { s <- x + states[[1]]; list(s, list(s)) }
#' k_rnn(step, k_ones(c(1, 3, 1)), list(k_zeros(c(1, 1))))[[2]]  # 1 2 3
#' }
#' @export
k_rnn <- function(step_function, inputs, initial_states, go_backwards = FALSE, mask = NULL, constants = NULL,
                  unroll = FALSE, input_length = NULL) {
  bridge$k_rnn(step_function, inputs, initial_states, go_backwards = go_backwards, mask = mask,
               constants = constants, unroll = unroll, input_length = input_length)
}
