#' Project rows on their first principal components (signs fixed)
#'
#' Computed in Python for both languages, so R and Python case studies draw the same picture.
#'
#' @param x A matrix, one row per item.
#' @param n Number of components. Defaults to `2`.
#' @returns A matrix with `n` columns.
#' @examples
#' \donttest{
#' principal_components(matrix(rnorm(40), 10), 2)
#' }
#' @export
principal_components <- function(x, n = 2L) {
  bridge$cases$plots$principal_components(x, n)
}

#' Tile images into one grid image
#'
#' @param images An array of images `(n, h, w)` or `(n, h, w, 1)`.
#' @param nrow Rows of the grid. Defaults to `5`.
#' @returns A matrix (the tiled image).
#' @examples
#' \donttest{
#' image_grid(array(runif(25 * 28 * 28), c(25, 28, 28)))
#' }
#' @export
image_grid <- function(images, nrow = 5L) {
  bridge$cases$plots$image_grid(images, nrow)
}
