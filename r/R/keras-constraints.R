# R keras 2.x weight constraints; rkeras_bridge/keras/constraints.py builds the Keras 3 constraints.

#' Weight constraints
#'
#' Give one as `kernel_constraint` or `bias_constraint` (any `*_constraint`) of a layer: after
#' each optimizer step the weight becomes `constraint(weight)`. `axis` is passed on unchanged, as
#' R keras 2.x did: `0` is the first axis of the weight (each column of a dense kernel is one
#' unit's incoming weights); `c(0, 1, 2)` the first three axes of a 2-d convolution kernel.
#'
#' A custom constraint is an R function of the weight `w` returning the constrained weight
#' (written with `k_*` functions), or an object of an R6 class that inherits from
#' [KerasConstraint] and implements `call(w)`.
#'
#' @param max_value The largest norm of `constraint_maxnorm()`, or of `constraint_minmaxnorm()`.
#'   Defaults to `2` and `1`.
#' @param axis The axis (or axes) along which norms are taken, 0-based. Defaults to `0`.
#' @param min_value The least norm of `constraint_minmaxnorm()`. Defaults to `0`.
#' @param rate How strictly `constraint_minmaxnorm()` enforces its bounds, in `[0, 1]`: the norm
#'   becomes `rate * clip(norm, min_value, max_value) + (1 - rate) * norm`. Defaults to `1`.
#' @returns A Keras constraint.
#' @examples
#' \donttest{
#' layer_dense(units = 32, kernel_constraint = constraint_maxnorm(3),
#'             bias_constraint = constraint_nonneg())
#' nonneg_constraint <- function(w) w * k_cast(k_greater_equal(w, 0), k_floatx())
#' layer_dense(units = 32, kernel_constraint = nonneg_constraint)
#' }
#' @export
constraint_maxnorm <- function(max_value = 2, axis = 0) {
  bridge$constraint_maxnorm(max_value = max_value, axis = axis)
}

#' @rdname constraint_maxnorm
#' @export
constraint_nonneg <- function() {
  bridge$constraint_nonneg()
}

#' @rdname constraint_maxnorm
#' @export
constraint_unitnorm <- function(axis = 0) {
  bridge$constraint_unitnorm(axis = axis)
}

#' @rdname constraint_maxnorm
#' @export
constraint_minmaxnorm <- function(min_value = 0, max_value = 1, rate = 1, axis = 0) {
  bridge$constraint_minmaxnorm(min_value = min_value, max_value = max_value, rate = rate, axis = axis)
}

#' Base class for custom constraints
#'
#' Inherit from it with [R6::R6Class()] and implement `call(w)`, which returns the constrained
#' weight; an object of the class can then be given as `kernel_constraint` (any `*_constraint`)
#' of a layer. `get_config()` may return the constraint's configuration (a named list).
#'
#' @examples
#' \donttest{
#' CustomNonNegConstraint <- R6::R6Class("CustomNonNegConstraint",
#'   inherit = KerasConstraint,
#'   public = list(call = function(w) w * k_cast(k_greater_equal(w, 0), k_floatx()))
#' )
#' layer_dense(units = 32, kernel_constraint = CustomNonNegConstraint$new())
#' }
#' @export
KerasConstraint <- R6::R6Class("KerasConstraint",
  public = list(
    #' @description The constrained weight; a subclass implements it (with `k_*` functions).
    #' @param w The weight, a tensor.
    call = function(w) {
      stop("Keras custom constraints must implement the call function")
    },
    #' @description The constraint's configuration; empty unless a subclass overrides it.
    get_config = function() {
      reticulate::dict()
    }
  )
)

# A KerasConstraint object reaches Python (a layer's *_constraint) as the Python KerasConstraint with
# the object's call and get_config methods, as R keras 2.x's as_constraint() made of it.
#' @rawNamespace S3method(r_to_py, KerasConstraint)
r_to_py.KerasConstraint <- function(x, convert = FALSE) {
  # A class that does not define call() hands Python none, whose KerasConstraint then raises its classed
  # NotImplementedError: an R error raised inside an R function that Python called reaches R again as
  # "(Unknown exception occurred)" on reticulate 1.46, without its message.
  call <- if (identical(body(x$call), body(KerasConstraint$public_methods$call))) NULL else x$call
  bridge$KerasConstraint(call = call, get_config = x$get_config)
}
