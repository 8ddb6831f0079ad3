x <- matrix(seq(0, 39) / 40, ncol = 2, byrow = TRUE)
y <- matrix(rowSums(x), ncol = 1)
tiny_dataset <- function(seed) tensor_slices_dataset(list(x, y)) %>% dataset_shuffle(20, seed = seed) %>% dataset_batch(5)

train_tiny <- function(args) {
  run <- training_run("tiny", epochs = 3, steps_per_epoch = 4, args = args)
  model <- keras_model_custom(name = "tiny", function(self) {
    self$dense <- layer_dense(units = 1)
    function(x, mask = NULL, training = FALSE) self$dense(x)
  })
  optimizer <- tf$train$GradientDescentOptimizer(0.1)
  invisible(model(x[1, , drop = FALSE]))
  train_step <- function(x, y) {
    with(tf$GradientTape() %as% tape, {
      loss <- tf$losses$mean_squared_error(y, model(x))
    })
    grads <- tape$gradient(loss, model$variables)
    optimizer$apply_gradients(purrr::transpose(list(grads, model$variables)))
    loss
  }
  dataset <- tiny_dataset(run$seed)
  run$protect(model = model, optimizer = optimizer)
  for (epoch in run$epochs(dataset)) {
    iter <- run$track(make_iterator_one_shot(dataset), epoch)
    until_out_of_range({
      batch <- iterator_get_next(iter)
      run$step(train_step, batch[[1]], batch[[2]])
    })
  }
  run
}

test_that("training_run parses the command line, seeds, and counts the epochs left", {
  run <- training_run("tiny", epochs = 3, steps_per_epoch = 4, args = c("--steps", "6", "--seed", "7"))
  expect_s3_class(run, "rkerasbridge_training_run")
  expect_equal(c(run$max_steps, run$seed, run$n_epochs, run$first_step), c(6, 7, 3, 1))
  expect_equal(run$epochs(), 1:2)
  expect_equal(training_run("tiny", epochs = 3, steps_per_epoch = 4, args = character(0))$epochs(), 1:3)
  later <- training_run("tiny", epochs = 3, args = character(0))
  expect_invisible(later$set_steps_per_epoch(4))  # where the epoch's size is known once the data are read
  expect_equal(c(later$steps_per_epoch, later$max_steps), c(4, 12))
  expect_output(print(run), "TrainingRun 'tiny' \\(r\\)")
})

test_that("run$step times, records and ends the epoch at --steps, with iterator_get_next and iter_next", {
  run <- training_run("tiny", epochs = 1, steps_per_epoch = 4, args = c("--steps", "3"))
  iter <- run$track(make_iterator_one_shot(tiny_dataset(1)), 1)
  n <- 0
  until_out_of_range({
    batch <- iterator_get_next(iter)
    value <- run$step(function(b) tf$reduce_sum(b), batch[[1]])
    n <- n + 1
  })
  expect_equal(n, 3)
  expect_s3_class(value, "tensorflow.python.framework.ops.EagerTensor")  # the step's own value, unconverted
  expect_length(run$losses$loss, 3)
  expect_true(all(run$seconds > 0))
  run <- training_run("tiny", epochs = 1, steps_per_epoch = 4, args = c("--steps", "2"))
  iter <- run$track(as_iterator(tiny_dataset(1)), 1)
  n <- 0
  while (!is.null(batch <- iter_next(iter))) {
    run$step(function(b) 1, batch)
    n <- n + 1
  }
  expect_equal(n, 2)
})

test_that("named losses are recorded by name; a vector loss is refused with a classed error", {
  run <- training_run("tiny", args = character(0))
  invisible(run$track(as_iterator(tiny_dataset(1)), 1))
  run$step(function() list(generator = tf$constant(1.5), discriminator = 0.5))
  run$step(function() list(generator = 1, discriminator = 0.25))
  expect_equal(run$losses, list(generator = c(1.5, 1), discriminator = c(0.5, 0.25)))
  expect_equal(run$epoch_mean("generator"), 1.25)
  expect_error(run$step(function() list(generator = c(1, 2), discriminator = 1)), class = "python.builtin.ValueError")
  expect_error(training_run("tiny", steps_per_epoch = NA_integer_, args = character(0)), "NA")
})

test_that("the R run and its resumed twin give the uninterrupted losses; finish writes the record", {
  reference <- train_tiny(c("--steps", "10"))$losses$loss
  dir <- tempfile()
  out <- file.path(dir, "tiny-r.json")
  first <- train_tiny(c("--steps", "6", "--out", out, "--checkpoint-every", "3"))
  expect_equal(first$losses$loss, reference[1:6], tolerance = 1e-6)
  resumed <- train_tiny(c("--steps", "10", "--out", out, "--checkpoint-every", "3", "--resume"))
  expect_equal(resumed$first_step, 7)
  expect_equal(resumed$losses$loss, reference[7:10], tolerance = 1e-6)
  record <- resumed$finish(metrics = list(answer = 42))
  saved <- jsonlite::fromJSON(out)
  expect_equal(saved$losses, reference[7:10], tolerance = 1e-6)
  expect_equal(saved$metrics$first_step, 7)
  expect_equal(saved$timings$mode, "eager")
  expect_equal(saved$versions$R, paste(R.version$major, R.version$minor, sep = "."))
})
