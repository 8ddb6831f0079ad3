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
