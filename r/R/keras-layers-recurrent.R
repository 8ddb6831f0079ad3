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

#' Fully connected recurrent layer
#'
#' `h_t = activation(x_t %*% kernel + h_(t-1) %*% recurrent_kernel + bias)`.
#'
#' @inheritParams layer_gru
#' @param stateful Keep the state between batches (the first layer then needs a fixed batch size:
#'   `batch_size` or `batch_input_shape`). Defaults to `FALSE`.
#' @returns A layer, a model, or the output (a list of output and state with `return_state`).
#' @examples
#' \donttest{
#' model <- keras_model_sequential() %>% layer_simple_rnn(units = 8, input_shape = c(10, 4))
#' }
#' @export
layer_simple_rnn <- function(object, units, activation = "tanh", use_bias = TRUE, return_sequences = FALSE,
                             return_state = FALSE, go_backwards = FALSE, stateful = FALSE, unroll = FALSE,
                             kernel_initializer = "glorot_uniform", recurrent_initializer = "orthogonal",
                             bias_initializer = "zeros", kernel_regularizer = NULL, recurrent_regularizer = NULL,
                             bias_regularizer = NULL, activity_regularizer = NULL, kernel_constraint = NULL,
                             recurrent_constraint = NULL, bias_constraint = NULL, dropout = 0, recurrent_dropout = 0,
                             input_shape = NULL, batch_input_shape = NULL, batch_size = NULL, dtype = NULL,
                             name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_simple_rnn)
}

#' CuDNN LSTM layer, as an LSTM with the same math on any device
#'
#' Keras 3 has no CuDNNLSTM. It computed an LSTM with `activation = "tanh"`,
#' `recurrent_activation = "sigmoid"` and two bias vectors (input and recurrent) that are added;
#' this layer computes the same (with cuDNN on a GPU, through Keras 3's LSTM) and keeps the bias
#' as a (2, 4 * units) weight, CuDNNLSTM's 8 * units values, so weights and [count_params()]
#' carry over; [set_weights()] also takes CuDNNLSTM's vector.
#'
#' @inheritParams layer_cudnn_gru
#' @param unit_forget_bias Add 1 to the forget gate's (recurrent) bias at initialisation.
#'   Defaults to `TRUE`.
#' @param return_state Also return the last states (a list of output, h and c). Defaults to `FALSE`.
#' @returns A layer, a model, or the output, depending on `object`.
#' @examples
#' \donttest{
#' lstm <- layer_cudnn_lstm(units = 32, return_sequences = TRUE)
#' }
#' @export
layer_cudnn_lstm <- function(object, units, kernel_initializer = "glorot_uniform",
                             recurrent_initializer = "orthogonal", bias_initializer = "zeros",
                             unit_forget_bias = TRUE, kernel_regularizer = NULL, recurrent_regularizer = NULL,
                             bias_regularizer = NULL, activity_regularizer = NULL, kernel_constraint = NULL,
                             recurrent_constraint = NULL, bias_constraint = NULL, return_sequences = FALSE,
                             return_state = FALSE, stateful = FALSE, input_shape = NULL, batch_input_shape = NULL,
                             batch_size = NULL, dtype = NULL, name = NULL, trainable = NULL, weights = NULL, ...) {
  call_bridge(bridge$layer_cudnn_lstm)
}
