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
