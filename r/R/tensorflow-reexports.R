# reticulate functions R tensorflow 1.13 re-exported and R keras did not (R keras's are in
# keras-reexports.R and keras-package.R). Their Python twins are in rkeras_bridge/tensorflow/reexports.py.

#' @importFrom reticulate dict
#' @export
reticulate::dict

#' @importFrom reticulate np_array
#' @export
reticulate::np_array
