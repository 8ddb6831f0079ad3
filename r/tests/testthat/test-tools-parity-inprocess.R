x <- matrix(c(-1, 2, -3, 4, 0.5, -0.25), nrow = 2)

test_that("expect_parity() passes when an R function and its Python twin agree", {
  twice_relu <- reticulate::py_eval("lambda x: __import__('numpy').maximum(x, 0) * 2")
  expect_success(expect_parity(function(x) pmax(x, 0) * 2, twice_relu, list(x)))
  # A tensor from R's side and an array from Python's compare by value; named inputs go by name.
  expect_success(expect_parity(function(x, k) tf$nn$relu(x) * k,
                               reticulate::py_eval("lambda x, k: __import__('numpy').maximum(x, 0) * k"),
                               list(x = x, k = 3)))
  out <- expect_parity(function(x) x + 1, reticulate::py_eval("lambda x: x + 1"), list(x))
  expect_equal(out, x + 1)
})

test_that("expect_parity() fails with the worst element's index as R and Python count and both values", {
  thrice <- reticulate::py_eval("lambda x: x * 3")
  expect_failure(expect_parity(function(x) x * 2, thrice, list(x)),
                 "element R [2, 2] / Python [1, 1] differs: R 8, Python 12", fixed = TRUE)
  expect_failure(expect_parity(function(x) x * 2, thrice, list(x)), "abs diff 4, rel diff 0.333", fixed = TRUE)
  # Within the tolerance it passes.
  expect_success(expect_parity(function(x) x * 2, reticulate::py_eval("lambda x: x * 2 + 1e-9"), list(x),
                               atol = 1e-6))
})

test_that("expect_parity() reports shapes, NaN on one side, structure and a failing side", {
  expect_failure(expect_parity(function(x) x, reticulate::py_eval("lambda x: x.T"), list(x)),
                 "shapes differ: R (2, 3), Python (3, 2)", fixed = TRUE)
  expect_failure(expect_parity(function(x) suppressWarnings(log(x)),
                               reticulate::py_eval("lambda x: __import__('numpy').log(abs(x))"), list(c(1, -2))),
                 "NaN or Inf on one side only at element R [2] / Python [1]: R NaN", fixed = TRUE)
  expect_failure(expect_parity(function(x) list(a = x, b = list(x, 1)),
                               reticulate::py_eval("lambda x: {'a': x, 'b': [x * 2, 1.0]}"), list(x)),
                 "output$b[[1]] (Python output['b'][0])", fixed = TRUE)
  expect_failure(expect_parity(function(x) stop("the R code broke"), reticulate::py_eval("lambda x: x"), list(x)),
                 "the R function failed \\(R side\\).*the R code broke")
  expect_failure(expect_parity(function(x) x, reticulate::py_eval("lambda x: 1 / 0"), list(x)),
                 "the Python function failed \\(Python side\\).*ZeroDivisionError")
})

test_that("expect_parity() refuses bad arguments by name", {
  py_id <- reticulate::py_eval("lambda x: x")
  expect_error(expect_parity("x", py_id, list(x)), "argument `r_fn`", class = "rkerasbridge_bad_argument")
  expect_error(expect_parity(function(x) x, function(x) x, list(x)), "argument `py_fn`", class = "rkerasbridge_bad_argument")
  expect_error(expect_parity(function(x) x, py_id, x), "argument `inputs`", class = "rkerasbridge_bad_argument")
})

test_that("expect_same_model() compares an R custom model with its Python twin, gradient by gradient", {
  make <- function(first) {
    keras_model_custom(function(self) {
      self$d1 <- layer_dense(units = 4, activation = first)
      self$d2 <- layer_dense(units = 2)
      function(x, mask = NULL, training = FALSE) self$d2(self$d1(x))
    })
  }
  # The Python twin is built in Python (here through the same package, from R).
  py_twin <- function(first) reticulate::py_run_string(sprintf("
from rkeras_bridge import keras_model_custom
def build(self):
    from rkeras_bridge import layer_dense  # py_run_string(local = TRUE): functions see no local names
    self.d1 = layer_dense(units=4, activation='%s')
    self.d2 = layer_dense(units=2)
    return lambda x, mask=None, training=False: self.d2(self.d1(x))
model = keras_model_custom(build)
", first), local = TRUE, convert = FALSE)$model
  set.seed(1)
  inputs <- matrix(rnorm(24), nrow = 8)
  targets <- matrix(rnorm(16), nrow = 8)
  expect_success(expect_same_model(make("relu"), py_twin("relu"), inputs, targets, loss = "mse"))
  expect_failure(expect_same_model(make("relu"), py_twin("tanh"), inputs, targets, loss = "mse"),
                 "first differing gradient: d1/kernel", fixed = TRUE)
  expect_error(expect_same_model("keras_model_custom(...)", py_twin("relu"), inputs, targets),
               "argument `r_model`", class = "rkerasbridge_bad_argument")
})
