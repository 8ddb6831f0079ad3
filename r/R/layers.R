#' Densely connected layer
#'
#' `layer_dense(units = 32)` returns the layer; `x %>% layer_dense(32)` applies a new layer to
#' a tensor; `model %>% layer_dense(32)` adds it to a sequential model.
#'
#' @param object What to compose the layer with (missing: return the layer).
#' @param units Output dimension, a positive integer.
#' @param activation Activation name or function. Defaults to `NULL` (linear).
#' @param use_bias Whether to add a bias vector. Defaults to `TRUE`.
#' @param kernel_initializer Defaults to `"glorot_uniform"`.
#' @param bias_initializer Defaults to `"zeros"`.
#' @param name Layer name. Defaults to `NULL`.
#' @param ... Further arguments for `keras.layers.Dense`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' layer <- layer_dense(units = 32, activation = "relu")
#' }
#' @export
layer_dense <- function(object, units, activation = NULL, use_bias = TRUE, kernel_initializer = "glorot_uniform",
                        bias_initializer = "zeros", name = NULL, ...) {
  bridge$layer_dense(if (missing(object)) NULL else object, units = if (missing(units)) NULL else units,
                     activation = activation, use_bias = use_bias, kernel_initializer = kernel_initializer,
                     bias_initializer = bias_initializer, name = name, ...)
}

#' Dropout layer
#'
#' @inheritParams layer_dense
#' @param rate Fraction of the inputs to drop while training, in \[0, 1).
#' @param noise_shape Shape of the binary dropout mask. Defaults to `NULL`.
#' @param seed Integer seed. Defaults to `NULL` (from the global seed).
#' @param ... Further arguments for `keras.layers.Dropout`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' layer <- layer_dropout(rate = 0.5)
#' }
#' @export
layer_dropout <- function(object, rate, noise_shape = NULL, seed = NULL, name = NULL, ...) {
  bridge$layer_dropout(if (missing(object)) NULL else object, rate = if (missing(rate)) NULL else rate,
                       noise_shape = noise_shape, seed = seed, name = name, ...)
}

# Call `fn`, a function of the Python bridge, with the arguments of the wrapper that calls this,
# all by name: an argument without a default that was not given goes as NULL (so Python names it
# in its error), defaults are evaluated as R would, and `...` is passed on. This keeps each
# wrapper one call whatever the number of R keras 2.x arguments it mirrors.
call_bridge <- function(fn) {
  env <- parent.frame()
  params <- formals(sys.function(sys.parent()))
  formal_names <- setdiff(names(params), "...")
  args <- list()
  for (name in formal_names) {
    given <- !eval(call("missing", as.name(name)), env)
    has_default <- !identical(params[[name]], quote(expr = ))
    args[name] <- list(if (given || has_default) get(name, envir = env) else NULL)
  }
  if ("..." %in% names(params)) args <- c(args, eval(quote(list(...)), env))
  do.call(fn, args)
}

#' Arguments shared by the layer functions
#'
#' @param object What to compose the layer with: missing returns the layer, a sequential model
#'   gets the layer added (and is returned), a tensor is passed through the layer.
#' @param input_shape Input shape without the batch dimension, e.g. `c(28, 28, 1)`; gives the
#'   first layer of a sequential model its input. Defaults to `NULL`.
#' @param batch_input_shape Input shape with the batch dimension first (`list(NULL, 32)`); only
#'   the shape after the batch dimension is used. Defaults to `NULL`.
#' @param batch_size Checked and ignored: Keras 3 inputs have no fixed batch size. Defaults to
#'   `NULL`.
#' @param dtype The layer's data type. Defaults to `NULL` (float32).
#' @param name The layer's name. Defaults to `NULL` (Keras picks one).
#' @param trainable Whether the layer's weights are trained. Defaults to `NULL` (`TRUE`).
#' @param weights Initial weights, a list of arrays as from [get_weights()]; needs `input_shape`.
#'   Defaults to `NULL`.
#' @param ... Further arguments for the Keras 3 layer.
#' @name layer_common_args
#' @keywords internal
NULL

#' Input tensor for a functional model
#'
#' @param shape Shape without the batch dimension, e.g. `c(784)` or `list(NULL, 32)` (`NULL`:
#'   unknown size).
#' @param batch_shape Shape with the batch dimension. Defaults to `NULL`.
#' @param name Name of the input. Defaults to `NULL`.
#' @param dtype Data type. Defaults to `NULL` (float32).
#' @param sparse Whether the input is sparse. Defaults to `FALSE`.
#' @param tensor An existing tensor to wrap. Defaults to `NULL`.
#' @returns A symbolic Keras tensor, to build layers on and pass to [keras_model()].
#' @examples
#' \donttest{
#' inputs <- layer_input(shape = c(784))
#' outputs <- inputs %>% layer_dense(units = 10, activation = "softmax")
#' model <- keras_model(inputs, outputs)
#' }
#' @export
layer_input <- function(shape = NULL, batch_shape = NULL, name = NULL, dtype = NULL, sparse = FALSE,
                        tensor = NULL) {
  call_bridge(bridge$layer_input)
}

#' Embedding layer: integer indices to dense vectors
#'
#' Keras 3 dropped `input_length`; as Keras 2 did, it becomes the layer's input shape
#' (`c(input_length)`, or `list(NULL)` when `NULL`), which only matters for the first layer of a
#' sequential model.
#'
#' @inheritParams layer_common_args
#' @param input_dim Size of the vocabulary (largest index + 1).
#' @param output_dim Dimension of the embedding.
#' @param embeddings_initializer Defaults to `"uniform"` (U(-0.05, 0.05)).
#' @param embeddings_regularizer,activity_regularizer,embeddings_constraint Defaults to `NULL`.
#' @param mask_zero Whether index 0 is padding to mask. Defaults to `FALSE`.
#' @param input_length Length of the input sequences. Defaults to `NULL`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' n_users <- 100
#' user_embedding <- layer_embedding(input_dim = n_users + 1, output_dim = 64)
#' }
#' @export
layer_embedding <- function(object, input_dim, output_dim, embeddings_initializer = "uniform",
                            embeddings_regularizer = NULL, activity_regularizer = NULL,
                            embeddings_constraint = NULL, mask_zero = FALSE, input_length = NULL,
                            batch_size = NULL, name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_embedding)
}

#' Gated recurrent unit (GRU) layer
#'
#' Defaults are R keras 2.x's of 2018: `recurrent_activation = "hard_sigmoid"` (Keras 2's
#' `clip(0.2 * x + 0.5, 0, 1)`, which "hard_sigmoid" means in every layer of this package) and
#' `reset_after = FALSE`. Keras 3's defaults are `"sigmoid"` and `TRUE`.
#'
#' @inheritParams layer_common_args
#' @param units Dimension of the output.
#' @param activation Defaults to `"tanh"`.
#' @param recurrent_activation Activation of the gates. Defaults to `"hard_sigmoid"`.
#' @param use_bias Defaults to `TRUE`.
#' @param return_sequences Return the whole output sequence. Defaults to `FALSE`.
#' @param return_state Also return the last state (the call returns a list). Defaults to `FALSE`.
#' @param go_backwards Process the sequence backwards. Defaults to `FALSE`.
#' @param stateful Keep the state between batches. Defaults to `FALSE`.
#' @param unroll Unroll the loop. Defaults to `FALSE`.
#' @param reset_after Apply the reset gate after the matrix product (CuDNN variant).
#'   Defaults to `FALSE`.
#' @param kernel_initializer Defaults to `"glorot_uniform"`.
#' @param recurrent_initializer Defaults to `"orthogonal"`.
#' @param bias_initializer Defaults to `"zeros"`.
#' @param kernel_regularizer,recurrent_regularizer,bias_regularizer,activity_regularizer Defaults
#'   to `NULL`.
#' @param kernel_constraint,recurrent_constraint,bias_constraint Defaults to `NULL`.
#' @param dropout Dropout rate of the inputs, in \[0, 1). Defaults to `0`.
#' @param recurrent_dropout Dropout rate of the state, in \[0, 1). Defaults to `0`.
#' @returns A layer, a model, or the output (a list of output and state with `return_state`).
#' @examples
#' \donttest{
#' gru <- layer_gru(units = 256, return_sequences = TRUE, return_state = TRUE,
#'                  recurrent_initializer = "glorot_uniform")
#' result <- gru(k_zeros(c(2, 5, 3)))  # list(output, state)
#' }
#' @export
layer_gru <- function(object, units, activation = "tanh", recurrent_activation = "hard_sigmoid", use_bias = TRUE,
                      return_sequences = FALSE, return_state = FALSE, go_backwards = FALSE, stateful = FALSE,
                      unroll = FALSE, reset_after = FALSE, kernel_initializer = "glorot_uniform",
                      recurrent_initializer = "orthogonal", bias_initializer = "zeros", kernel_regularizer = NULL,
                      recurrent_regularizer = NULL, bias_regularizer = NULL, activity_regularizer = NULL,
                      kernel_constraint = NULL, recurrent_constraint = NULL, bias_constraint = NULL, dropout = 0,
                      recurrent_dropout = 0, input_shape = NULL, batch_input_shape = NULL, batch_size = NULL,
                      dtype = NULL, name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_gru)
}

#' CuDNN GRU layer, as a GRU with the same math on any device
#'
#' Keras 3 has no CuDNNGRU. It computed a GRU with `activation = "tanh"`,
#' `recurrent_activation = "sigmoid"` and `reset_after = TRUE`; this is Keras 3's GRU with those
#' settings, which uses cuDNN on a GPU. Its bias is a (2, 3 * units) matrix; [set_weights()] also
#' takes CuDNNGRU's vector of 6 * units.
#'
#' @inheritParams layer_gru
#' @returns A layer, a model, or the output, depending on `object`.
#' @examples
#' \donttest{
#' gru <- layer_cudnn_gru(units = 256, return_sequences = TRUE, return_state = TRUE)
#' }
#' @export
layer_cudnn_gru <- function(object, units, kernel_initializer = "glorot_uniform",
                            recurrent_initializer = "orthogonal", bias_initializer = "zeros",
                            kernel_regularizer = NULL, recurrent_regularizer = NULL, bias_regularizer = NULL,
                            activity_regularizer = NULL, kernel_constraint = NULL, recurrent_constraint = NULL,
                            bias_constraint = NULL, return_sequences = FALSE, return_state = FALSE,
                            stateful = FALSE, input_shape = NULL, batch_input_shape = NULL, batch_size = NULL,
                            dtype = NULL, name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_cudnn_gru)
}

#' Long short-term memory (LSTM) layer
#'
#' Defaults are R keras 2.x's of 2018 (`recurrent_activation = "hard_sigmoid"`, Keras 2's curve;
#' see [layer_gru()]).
#'
#' @inheritParams layer_gru
#' @param return_state Also return the last states (a list of output, h and c). Defaults to `FALSE`.
#' @param unit_forget_bias Add 1 to the forget gate's bias at initialisation. Defaults to `TRUE`.
#' @returns A layer, a model, or the output, depending on `object`.
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>% layer_lstm(units = 32, input_shape = c(10, 8))
#' }
#' @export
layer_lstm <- function(object, units, activation = "tanh", recurrent_activation = "hard_sigmoid", use_bias = TRUE,
                       return_sequences = FALSE, return_state = FALSE, go_backwards = FALSE, stateful = FALSE,
                       unroll = FALSE, kernel_initializer = "glorot_uniform", recurrent_initializer = "orthogonal",
                       bias_initializer = "zeros", unit_forget_bias = TRUE, kernel_regularizer = NULL,
                       recurrent_regularizer = NULL, bias_regularizer = NULL, activity_regularizer = NULL,
                       kernel_constraint = NULL, recurrent_constraint = NULL, bias_constraint = NULL, dropout = 0,
                       recurrent_dropout = 0, input_shape = NULL, batch_input_shape = NULL, batch_size = NULL,
                       dtype = NULL, name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_lstm)
}

#' 2-d convolution layer
#'
#' Images are `channels_last` (batch, rows, cols, channels) unless `data_format` says otherwise.
#'
#' @inheritParams layer_common_args
#' @param filters Number of output channels.
#' @param kernel_size One integer or two (height, width).
#' @param strides One integer or two. Defaults to `c(1L, 1L)`.
#' @param padding `"valid"` or `"same"`. Defaults to `"valid"`.
#' @param data_format `"channels_last"` or `"channels_first"`. Defaults to `NULL` (channels last).
#' @param dilation_rate One integer or two. Defaults to `c(1L, 1L)`.
#' @param activation Defaults to `NULL` (linear).
#' @param use_bias Defaults to `TRUE`.
#' @param kernel_initializer Defaults to `"glorot_uniform"`.
#' @param bias_initializer Defaults to `"zeros"`.
#' @param kernel_regularizer,bias_regularizer,activity_regularizer Defaults to `NULL`.
#' @param kernel_constraint,bias_constraint Defaults to `NULL`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' conv1 <- layer_conv_2d(filters = 64, kernel_size = c(5, 5), strides = c(2, 2), padding = "same",
#'                        kernel_initializer = initializer_random_normal(0, 0.02))
#' }
#' @export
layer_conv_2d <- function(object, filters, kernel_size, strides = c(1L, 1L), padding = "valid", data_format = NULL,
                          dilation_rate = c(1L, 1L), activation = NULL, use_bias = TRUE,
                          kernel_initializer = "glorot_uniform", bias_initializer = "zeros",
                          kernel_regularizer = NULL, bias_regularizer = NULL, activity_regularizer = NULL,
                          kernel_constraint = NULL, bias_constraint = NULL, input_shape = NULL,
                          batch_input_shape = NULL, batch_size = NULL, dtype = NULL, name = NULL, trainable = NULL,
                          weights = NULL, ...) {
  call_bridge(bridge$layer_conv_2d)
}

#' Transposed 2-d convolution layer
#'
#' @inheritParams layer_conv_2d
#' @param output_padding Extra size along height and width, one integer or two, each less than
#'   the stride. Defaults to `NULL` (inferred).
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' conv2 <- layer_conv_2d_transpose(filters = 32, kernel_size = c(5, 5), strides = c(2, 2),
#'                                  padding = "same", use_bias = FALSE)
#' }
#' @export
layer_conv_2d_transpose <- function(object, filters, kernel_size, strides = c(1, 1), padding = "valid",
                                    output_padding = NULL, data_format = NULL, dilation_rate = c(1, 1),
                                    activation = NULL, use_bias = TRUE, kernel_initializer = "glorot_uniform",
                                    bias_initializer = "zeros", kernel_regularizer = NULL, bias_regularizer = NULL,
                                    activity_regularizer = NULL, kernel_constraint = NULL, bias_constraint = NULL,
                                    input_shape = NULL, batch_input_shape = NULL, batch_size = NULL, dtype = NULL,
                                    name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_conv_2d_transpose)
}

#' Batch normalization layer
#'
#' `axis` is passed on unchanged, as in R keras 2.x: `-1` is the last axis and `1` the first
#' after the batch axis (unlike the 1-based axes of the `k_*` functions). Call the layer with
#' `training = TRUE` to normalise with (and update the moving averages from) the batch.
#'
#' @inheritParams layer_common_args
#' @param axis The features axis. Defaults to `-1L`.
#' @param momentum Momentum of the moving averages. Defaults to `0.99`.
#' @param epsilon Added to the variance. Defaults to `0.001`.
#' @param center Learn an offset `beta`. Defaults to `TRUE`.
#' @param scale Learn a factor `gamma`. Defaults to `TRUE`.
#' @param beta_initializer Defaults to `"zeros"`.
#' @param gamma_initializer Defaults to `"ones"`.
#' @param moving_mean_initializer Defaults to `"zeros"`.
#' @param moving_variance_initializer Defaults to `"ones"`.
#' @param beta_regularizer,gamma_regularizer,beta_constraint,gamma_constraint Defaults to `NULL`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' batchnorm1 <- layer_batch_normalization()
#' k_random_normal(c(8, 4)) %>% batchnorm1(training = TRUE)
#' }
#' @export
layer_batch_normalization <- function(object, axis = -1L, momentum = 0.99, epsilon = 0.001, center = TRUE,
                                      scale = TRUE, beta_initializer = "zeros", gamma_initializer = "ones",
                                      moving_mean_initializer = "zeros", moving_variance_initializer = "ones",
                                      beta_regularizer = NULL, gamma_regularizer = NULL, beta_constraint = NULL,
                                      gamma_constraint = NULL, input_shape = NULL, batch_input_shape = NULL,
                                      batch_size = NULL, dtype = NULL, name = NULL, trainable = NULL,
                                      weights = NULL, ...) {
  call_bridge(bridge$layer_batch_normalization)
}

#' Activation layer
#'
#' @inheritParams layer_common_args
#' @param activation Activation name (`"relu"`, `"tanh"`, ...; `"hard_sigmoid"` is Keras 2's) or
#'   function.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' x <- layer_input(shape = c(4))
#' x %>% layer_activation("relu")
#' }
#' @export
layer_activation <- function(object, activation, input_shape = NULL, batch_input_shape = NULL, batch_size = NULL,
                             dtype = NULL, name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_activation)
}

#' Leaky ReLU activation layer
#'
#' @inheritParams layer_common_args
#' @param alpha Slope for negative inputs (Keras 3's `negative_slope`). Defaults to `0.3`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' leaky_relu1 <- layer_activation_leaky_relu()
#' }
#' @export
layer_activation_leaky_relu <- function(object, alpha = 0.3, input_shape = NULL, batch_input_shape = NULL,
                                        batch_size = NULL, dtype = NULL, name = NULL, trainable = NULL,
                                        weights = NULL, ...) {
  call_bridge(bridge$layer_activation_leaky_relu)
}

#' Flatten layer
#'
#' @inheritParams layer_common_args
#' @param data_format Defaults to `NULL` (channels last; decides the order of the values).
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>% layer_dense(units = 4, input_shape = c(3, 2))
#' model %>% layer_flatten()
#' }
#' @export
layer_flatten <- function(object, data_format = NULL, input_shape = NULL, dtype = NULL, name = NULL,
                          trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_flatten)
}

#' Reshape layer
#'
#' @inheritParams layer_common_args
#' @param target_shape The new shape without the batch dimension, e.g. `c(7, 7, 64)`; one entry
#'   may be `-1`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' x <- layer_input(shape = c(3136))
#' x %>% layer_reshape(target_shape = c(7, 7, 64))
#' }
#' @export
layer_reshape <- function(object, target_shape, input_shape = NULL, batch_input_shape = NULL, batch_size = NULL,
                          dtype = NULL, name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_reshape)
}

#' Zero-padding layer for images
#'
#' @inheritParams layer_common_args
#' @param padding One integer (all sides), two (rows, columns; each on both sides), or
#'   `list(c(top, bottom), c(left, right))`. Defaults to `c(1L, 1L)`.
#' @param data_format Defaults to `NULL` (channels last).
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' x <- layer_input(shape = c(28, 28, 1))
#' x %>% layer_zero_padding_2d()
#' }
#' @export
layer_zero_padding_2d <- function(object, padding = c(1L, 1L), data_format = NULL, input_shape = NULL,
                                  batch_input_shape = NULL, batch_size = NULL, dtype = NULL, name = NULL,
                                  trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_zero_padding_2d)
}

#' Lambda layer: a function of the inputs as a layer
#'
#' @inheritParams layer_common_args
#' @param f The function, `f(x)` (a list of tensors arrives as a list). It gets `mask` and
#'   `training` too if it names them.
#' @param output_shape Output shape without the batch dimension, or a function of the input
#'   shape. Defaults to `NULL` (inferred when needed).
#' @param mask A mask or a function `(inputs, mask)`. Defaults to `NULL`.
#' @param arguments Named list of extra arguments for `f`. Defaults to `NULL`.
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' dot <- layer_lambda(f = function(x) k_batch_dot(x[[1]], x[[2]], axes = 2))
#' }
#' @export
layer_lambda <- function(object, f, output_shape = NULL, mask = NULL, arguments = NULL, input_shape = NULL,
                         batch_input_shape = NULL, batch_size = NULL, dtype = NULL, name = NULL, trainable = NULL,
                         weights = NULL, ...) {
  # py_func() gives Python the function's own formals, so Keras can see `mask`/`training`.
  if (!missing(f) && is.function(f) && !inherits(f, "python.builtin.object")) {
    f <- tryCatch(reticulate::py_func(f), error = function(e) f)
  }
  call_bridge(bridge$layer_lambda)
}

#' Concatenate a list of tensors
#'
#' @inheritParams layer_common_args
#' @param inputs A list of tensors; missing returns the layer.
#' @param axis Passed on unchanged, as in R keras 2.x (`-1`: the last axis). Defaults to `-1`.
#' @returns The concatenated tensor, or the layer.
#' @examples
#' \donttest{
#' x1 <- layer_input(shape = c(2)); x2 <- layer_input(shape = c(3))
#' layer_concatenate(list(x1, x2))
#' }
#' @export
layer_concatenate <- function(inputs, axis = -1, batch_size = NULL, dtype = NULL, name = NULL, trainable = NULL,
                              weights = NULL, ...) {
  call_bridge(bridge$layer_concatenate)
}

#' Dot product of two tensors
#'
#' @inheritParams layer_concatenate
#' @param inputs A list of two tensors; missing returns the layer.
#' @param axes One axis or one per input, passed on unchanged as in R keras 2.x (`1` is the first
#'   axis after the batch axis).
#' @param normalize L2-normalise first (cosine similarity). Defaults to `FALSE`.
#' @returns A (batch, 1) tensor of dot products, or the layer.
#' @examples
#' \donttest{
#' user_embedding <- layer_input(shape = c(8)); movie_embedding <- layer_input(shape = c(8))
#' layer_dot(list(user_embedding, movie_embedding), axes = 1)
#' }
#' @export
layer_dot <- function(inputs, axes, normalize = FALSE, batch_size = NULL, dtype = NULL, name = NULL,
                      trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_dot)
}

#' Max pooling layer for images
#'
#' @inheritParams layer_common_args
#' @param pool_size One integer or two. Defaults to `c(2L, 2L)`.
#' @param strides One integer or two. Defaults to `NULL` (`pool_size`).
#' @param padding `"valid"` or `"same"`. Defaults to `"valid"`.
#' @param data_format Defaults to `NULL` (channels last).
#' @returns A layer, a model, or a tensor, depending on `object`.
#' @examples
#' \donttest{
#' x <- layer_input(shape = c(28, 28, 1))
#' x %>% layer_max_pooling_2d(pool_size = c(2, 2))
#' }
#' @export
layer_max_pooling_2d <- function(object, pool_size = c(2L, 2L), strides = NULL, padding = "valid",
                                 data_format = NULL, batch_size = NULL, name = NULL, trainable = NULL,
                                 weights = NULL, ...) {
  call_bridge(bridge$layer_max_pooling_2d)
}
