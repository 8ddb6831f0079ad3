# The 2018 recommender post's custom layer, as written there (k_gather is tf$gather here).
SimpleEmbedding <- R6::R6Class(
  "SimpleEmbedding",
  inherit = KerasLayer,
  public = list(
    output_dim = NULL,
    emb_input_dim = NULL,
    embeddings = NULL,
    initialize = function(emb_input_dim, output_dim) {
      self$emb_input_dim <- emb_input_dim
      self$output_dim <- output_dim
    },
    build = function(input_shape) {
      self$embeddings <- self$add_weight(
        name = "embeddings",
        shape = list(self$emb_input_dim, self$output_dim),
        initializer = initializer_random_uniform(),
        trainable = TRUE
      )
    },
    call = function(x, mask = NULL) {
      x <- tf$cast(x, "int32")
      tf$gather(self$embeddings, x)
    },
    compute_output_shape = function(input_shape) {
      list(self$output_dim)
    }
  )
)

layer_simple_embedding <- function(object, emb_input_dim, output_dim, name = NULL, trainable = TRUE) {
  create_layer(SimpleEmbedding, object, list(emb_input_dim = as.integer(emb_input_dim),
                                             output_dim = as.integer(output_dim), name = name,
                                             trainable = trainable))
}

# y = x %*% w + b with w from build()'s input shape; records what call() receives.
Affine <- R6::R6Class("Affine", inherit = KerasLayer, public = list(
  units = NULL, w = NULL, b = NULL, seen = list(),
  initialize = function(units) self$units <- units,
  build = function(input_shape) {
    self$w <- self$add_weight(name = "w", shape = c(input_shape[[length(input_shape)]], self$units),
                              initializer = "ones")
    self$b <- self$add_weight(name = "b", shape = list(self$units), initializer = initializer_zeros())
  },
  call = function(x, mask = NULL, training = NULL) {
    self$seen[[length(self$seen) + 1]] <- list(training = training)
    tf$matmul(x, self$w) + self$b
  },
  compute_output_shape = function(input_shape) list(input_shape[[1]], self$units)
))

test_that("layer_simple_embedding gives the rows of its weight matrix", {
  layer <- layer_simple_embedding(emb_input_dim = 4, output_dim = 2, name = "emb")
  expect_equal(layer$name, "emb")
  layer$build(list(NULL))
  table <- matrix(as.numeric(1:8), 4, 2)
  set_weights(layer, list(table))
  expect_equal(layer(array(c(3L, 0L, 3L)))$numpy(), table[c(4, 1, 4), ])
  expect_equal(layer$weights[[1]]$path, "emb/embeddings")
})

test_that("an R6 layer computes a hand-checked output, gets training, composes in pipes", {
  x <- matrix(c(1, 2, 3, 4, 5, 6), 2, 3)
  layer <- create_layer(Affine, args = list(units = 2))
  expect_equal(layer(x)$numpy(), matrix(rowSums(x), 2, 2))
  set_weights(layer, list(matrix(c(1, 0, 0, 0, 1, 0), 3, 2), c(10, 20)))
  expect_equal(layer(x, training = TRUE)$numpy(), cbind(x[, 1] + 10, x[, 2] + 20))
  expect_s3_class(layer, "rkeras_bridge.keras.custom_layer.DelegatingLayer")
  out <- x %>% create_layer(Affine, ., list(units = 1))
  expect_equal(out$numpy(), matrix(rowSums(x)))
  inputs <- layer_input(shape = 3)
  expect_equal(create_layer(Affine, inputs, list(units = 5))$shape, list(NULL, 5L))
})

test_that("training reaches call(); an R6 layer trains in a sequential model and checkpoints", {
  seen <- NULL
  Probe <- R6::R6Class("Probe", inherit = KerasLayer, public = list(
    call = function(x, mask = NULL, training = NULL) {
      seen <<- training
      x
    }
  ))
  probe <- create_layer(Probe)
  probe(matrix(1, 1, 1), training = TRUE)
  expect_true(seen)

  set_random_seed(3)
  model <- keras_model_sequential() %>% create_layer(Affine, ., list(units = 1, input_shape = 2))
  model %>% compile(optimizer = tf$keras$optimizers$SGD(0.05), loss = "mse")
  x <- matrix(runif(64), 32, 2)
  y <- x %*% c(2, -1) + 1
  history <- model %>% fit(x, y, epochs = 5, verbose = 0)
  expect_lt(history$metrics$loss[5], history$metrics$loss[1])
  prefix <- tempfile()
  save_model_weights_tf(model, prefix)
  fresh <- keras_model_sequential() %>% create_layer(Affine, ., list(units = 1, input_shape = 2))
  load_model_weights_tf(fresh, prefix)
  expect_equal(get_weights(fresh), get_weights(model))
})

test_that("bad shapes and classes are classed errors", {
  Bad <- R6::R6Class("Bad", inherit = KerasLayer, public = list(
    build = function(input_shape) self$add_weight(name = "w", shape = list(2.5)),
    call = function(x, mask = NULL) x
  ))
  expect_error(create_layer(Bad)(matrix(1, 1, 2)), class = "python.builtin.ValueError")
  expect_error(create_layer(42), class = "python.builtin.TypeError")
  expect_error(create_layer(Affine, args = list(2)), class = "python.builtin.TypeError")
  expect_error(KerasLayer$new()$add_weight(name = "w", shape = list(1L)), "build")
})

test_that("KerasLayer$add_loss: a loss in call() belongs to the call, one in build() stays", {
  PenalisedDot <- R6::R6Class("PenalisedDot", inherit = KerasLayer, public = list(
    kernel = NULL,
    build = function(input_shape) {
      self$kernel <- self$add_weight(name = "kernel", shape = list(input_shape[[2]], 2L),
                                     initializer = initializer_ones())
      self$add_loss(k_sum(self$kernel))
    },
    call = function(x, mask = NULL) {
      self$add_loss(list(k_constant(5)))
      k_dot(x, self$kernel)
    }
  ))
  layer <- create_layer(PenalisedDot)
  x <- matrix(1, 2, 3)
  expect_equal(layer(x)$numpy(), matrix(3, 2, 2))
  layer(x)
  expect_equal(sort(vapply(layer$losses, function(l) as.numeric(l$numpy()), 0)), c(5, 6))
})
