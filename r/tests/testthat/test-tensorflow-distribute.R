# Distributed training helpers (R wrappers of rkeras_bridge.tensorflow.distribute). The 2-worker runs on
# loopback, in R and Python, are in tests/test_tensorflow_distribute.py (pytest starts the worker processes).

test_that("free_ports() and loopback_workers() give distinct free ports", {
  ports <- free_ports(3)
  expect_type(ports, "integer")
  expect_length(unique(ports), 3)
  expect_true(all(ports >= 1024 & ports < 65536))
  workers <- loopback_workers(2)
  expect_type(workers, "character")
  expect_match(workers, "^127\\.0\\.0\\.1:[0-9]+$")
  expect_length(unique(workers), 2)
  expect_error(free_ports(0), "Invalid value for argument `n`.*Received: n=0", class = "python.builtin.ValueError")
})

test_that("worker_config() is the TF_CONFIG of one worker, counted from 0", {
  workers <- c("10.0.0.1:2000", "10.0.0.2:2000")
  config <- worker_config(workers, index = 1)
  expect_equal(config, list(cluster = list(worker = workers), task = list(type = "worker", index = 1L)))
  expect_equal(worker_config("127.0.0.1:2000", 0)$cluster$worker, "127.0.0.1:2000")  # a length-1 vector
  expect_error(worker_config(workers, 2), "`index`: expected a worker position from 0 to 1.*Received: index=2",
               class = "python.builtin.ValueError")
  expect_error(worker_config(workers, 0.5), "`index`.*whole number", class = "python.builtin.ValueError")
  expect_error(worker_config("localhost", 0), "`workers\\[1\\]`: expected a \"host:port\"",
               class = "python.builtin.ValueError")
  expect_error(worker_config(workers, NA), "NA", class = "python.builtin.ValueError")
})

test_that("set_worker_config() sets TF_CONFIG where TensorFlow reads it", {
  os <- reticulate::import("os", convert = TRUE)
  old <- os$environ$get("TF_CONFIG")
  on.exit(if (is.null(old)) os$environ$pop("TF_CONFIG", NULL) else os$environ$update(list(TF_CONFIG = old)))
  json <- set_worker_config(c("10.0.0.1:2000", "10.0.0.2:2000"), 1)
  expect_identical(os$environ$get("TF_CONFIG"), json)
  resolver <- tf$distribute$cluster_resolver$TFConfigClusterResolver()
  expect_equal(resolver$task_type, "worker")
  expect_equal(resolver$task_id, 1L)
})

test_that("multi_worker_mirrored_strategy() checks its arguments before starting anything", {
  expect_error(multi_worker_mirrored_strategy(workers = "127.0.0.1:2000"),
               "`index`: expected `workers` and `index` together", class = "python.builtin.ValueError")
  expect_error(multi_worker_mirrored_strategy(implementation = "mpi"), "`implementation`.*'mpi'",
               class = "python.builtin.ValueError")
})

test_that("strategy$run() runs an R step on TensorFlow's replica thread, and errors come back", {
  strategy <- mirrored_strategy()
  expect_true(inherits(strategy, "tensorflow.python.distribute.mirrored_strategy.MirroredStrategy"))
  limit <- Cstack_info()[["size"]]
  double_it <- function(x) x * 2
  result <- strategy$run(double_it, args = list(tf$constant(3)))
  expect_equal(as.numeric(strategy$reduce("SUM", result, axis = NULL)), 6)
  expect_identical(Cstack_info()[["size"]], limit)  # R's stack check is back on after the run
  expect_error(strategy$run(function(x) stop("boom in the step"), args = list(tf$constant(1))), "boom in the step")
  expect_identical(Cstack_info()[["size"]], limit)
  expect_error(strategy$run(3), "`fn`", class = "python.builtin.TypeError")
  # a Python error raised by R code on the replica thread comes back; where the bridge enters R
  # itself (reticulate >= 1.29) it keeps its class, reticulate 1.28 makes it a RuntimeError
  python_error <- function(x) bridge$bridge$conversion$as_integer(x, "n", minimum = 5L)
  expect_error(strategy$run(python_error, args = list(1)), "`n`: expected an integer >= 5",
               class = if (utils::packageVersion("reticulate") >= "1.29") "python.builtin.ValueError"
                       else "python.builtin.RuntimeError")
})

test_that("a model made in with(strategy$scope(), ...) trains with strategy$run() as without a strategy", {
  build <- function(self) {
    self$dense <- layer_dense(units = 1, kernel_initializer = "ones")
    function(x, mask = NULL, training = FALSE) self$dense(x)
  }
  x <- matrix(seq(0.1, 1.2, by = 0.1), 4, 3); y <- matrix(c(1, 2, 3, 4), 4, 1)
  train <- function(strategy) {
    with(strategy$scope(), {
      model <- keras_model_custom(build)
      invisible(model(x))
      optimizer <- tf$train$AdamOptimizer(learning_rate = 0.1)
    })
    step <- function(x, y) {
      with(tf$GradientTape() %as% tape, {
        per_example <- tf$losses$mean_squared_error(y, model(x), reduction = tf$losses$Reduction$NONE)
        loss <- tf$nn$compute_average_loss(per_example, global_batch_size = 4L)
      })
      gradients <- tape$gradient(loss, model$variables)
      optimizer$apply_gradients(purrr::transpose(list(gradients, model$variables)))
      loss
    }
    losses <- numeric(0)
    iter <- as_iterator(distributed_dataset(strategy, tensor_slices_dataset(list(x, y)) %>% dataset_batch(4)
                                            %>% dataset_repeat(3)))
    while (!is.null(batch <- iter_next(iter))) {
      loss <- strategy$run(step, args = list(batch[[1]], batch[[2]]))
      losses <- c(losses, strategy$reduce("SUM", loss, axis = NULL)$numpy())
    }
    list(losses = losses, variable = model$variables[[1]])
  }
  mirrored <- train(mirrored_strategy())
  plain <- train(tf$distribute$get_strategy())
  expect_length(mirrored$losses, 3)
  expect_equal(mirrored$losses, plain$losses, tolerance = 1e-6)
  expect_match(class(mirrored$variable$value)[1], "MirroredVariable")  # the Keras variable holds a mirrored one
})

test_that("worker_args(), worker_strategy() and write_worker_run() serve worker scripts", {
  args <- worker_args(c("--workers", "127.0.0.1:2000,127.0.0.1:2001", "--index", "1", "--steps", "3"))
  expect_equal(args$workers, c("127.0.0.1:2000", "127.0.0.1:2001"))
  expect_equal(args$index, 1L)
  expect_equal(args$strategy, "multi_worker")
  single <- worker_args(character(0))
  expect_null(single$workers)
  expect_equal(single$strategy, "default")
  strategy <- worker_strategy(single)
  expect_equal(strategy$num_replicas_in_sync, 1L)
  out <- tempfile(fileext = ".json")
  write_worker_run(out, "dcgan", list(generator = c(0.7, 0.6), discriminator = 1.3), single, strategy)
  record <- jsonlite::fromJSON(out)
  expect_equal(record$lang, "r")
  expect_equal(record$losses$generator, c(0.7, 0.6))
  expect_equal(record$losses$discriminator, 1.3)
  expect_error(worker_args(c("--workers", "127.0.0.1:1", "--index", "1")), "`index`",
               class = "python.builtin.ValueError")
})

test_that("tf$distribute$MirroredStrategy() is the bridge's: an R step runs and the global step counts once", {
  set_random_seed(7)
  strategy <- tf$distribute$MirroredStrategy()
  expect_s3_class(strategy, "rkeras_bridge.tensorflow.distribute.MirroredStrategy")
  with(strategy$scope(), {
    model <- keras_model_custom(function(self) {
      self$d <- layer_dense(units = 1)
      function(x, mask = NULL) self$d(x)
    })
    optimizer <- tf$train$AdamOptimizer(0.01)
  })
  x <- tf$constant(matrix(c(1, 2, 3, 4), 2), dtype = "float32")
  y <- tf$constant(matrix(c(1, 0), 2), dtype = "float32")
  step <- function(x, y) {
    with(tf$GradientTape() %as% tape, {
      loss <- tf$reduce_mean(tf$square(model(x) - y))
    })
    grads <- tape$gradient(loss, model$variables)
    optimizer$apply_gradients(purrr::transpose(list(grads, model$variables)),
                              global_step = tf$train$get_or_create_global_step())
    loss
  }
  before <- tf$train$get_or_create_global_step()$numpy()
  losses <- vapply(1:3, function(i) {
    as.numeric(strategy$reduce("SUM", strategy$run(step, args = list(x, y)), axis = NULL))
  }, numeric(1))
  expect_lt(losses[3], losses[1])  # small steps downhill
  expect_equal(tf$train$get_or_create_global_step()$numpy() - before, 3)
})
