# optimizer_* against the R keras 2.x update rules written out in R (float64 variables; learning
# rates exact in float32, since Keras keeps the learning rate in a float32 variable).

start <- c(1, -2, 0.5)
f32 <- function(x) as.vector(tf$constant(x, dtype = "float32")$numpy())  # the value float32 holds

run <- function(optimizer, steps = 4) {
  var <- tf$Variable(start, dtype = tf$float64)
  path <- list()
  for (i in seq_len(steps)) {
    with(tf$GradientTape() %as% tape, {
      loss <- tf$reduce_sum(var * var)
    })
    optimizer$apply_gradients(list(list(tape$gradient(loss, var), var)))
    path[[i]] <- as.vector(var$numpy())
  }
  path
}

test_that("optimizer_adam: defaults, the lr alias and the update rule", {
  opt <- optimizer_adam()
  expect_equal(opt$learning_rate$numpy(), 0.001, tolerance = 1e-6)
  expect_equal(opt$epsilon, 1e-7)
  expect_equal(c(opt$beta_1, opt$beta_2), c(0.9, 0.999))
  expect_equal(optimizer_adam(lr = 0.02)$learning_rate$numpy(), 0.02, tolerance = 1e-6)
  expect_equal(optimizer_adam(0.03)$learning_rate$numpy(), 0.03, tolerance = 1e-6)
  expect_equal(optimizer_adam(learning_rate = 0.04)$learning_rate$numpy(), 0.04, tolerance = 1e-6)
  expect_error(optimizer_adam(learning_rate = 0.1, lr = 0.2), class = "python.builtin.ValueError")
  x <- start; m <- 0; s <- 0
  path <- run(optimizer_adam(learning_rate = 0.125))
  for (t in seq_along(path)) {
    g <- 2 * x
    m <- 0.9 * m + 0.1 * g
    s <- 0.999 * s + 0.001 * g * g
    # Keras (like TF1) takes the beta powers through float32 even for a float64 variable
    x <- x - 0.125 * sqrt(1 - f32(0.999)^t) / (1 - f32(0.9)^t) * m / (sqrt(s) + 1e-7)
    expect_equal(path[[t]], x, tolerance = 1e-10)
  }
})

test_that("optimizer_sgd: momentum, Nesterov and Keras 2 decay", {
  for (nesterov in c(FALSE, TRUE)) {
    x <- start; vel <- 0
    path <- run(optimizer_sgd(learning_rate = 0.125, momentum = 0.5, nesterov = nesterov))
    for (t in seq_along(path)) {
      g <- 2 * x
      vel <- 0.5 * vel - 0.125 * g
      x <- x + if (nesterov) 0.5 * vel - 0.125 * g else vel
      expect_equal(path[[t]], x, tolerance = 1e-12)
    }
  }
  x <- start
  path <- run(optimizer_sgd(learning_rate = 0.125, decay = 1))
  for (t in seq_along(path)) {
    x <- x - 0.125 / (1 + (t - 1)) * 2 * x  # lr / (1 + decay * iterations before the update)
    expect_equal(path[[t]], x, tolerance = 1e-7)
  }
  expect_equal(optimizer_sgd()$momentum, 0)
  expect_error(optimizer_sgd(nesterov = "yes"), class = "python.builtin.ValueError")
})

test_that("optimizer_rmsprop keeps the Keras 2 rule, sqrt(a) + epsilon", {
  opt <- optimizer_rmsprop()
  expect_equal(c(opt$rho, opt$epsilon), c(0.9, 1e-7))
  x <- start; a <- 0
  path <- run(optimizer_rmsprop(learning_rate = 0.125))
  for (t in seq_along(path)) {
    g <- 2 * x
    a <- 0.9 * a + 0.1 * g * g
    x <- x - 0.125 * g / (sqrt(a) + 1e-7)
    expect_equal(path[[t]], x, tolerance = 1e-12)
  }
  expect_error(optimizer_rmsprop(momentum = 0.9), class = "python.builtin.TypeError")
  expect_error(optimizer_rmsprop(learning_rate = "fast"), class = "python.builtin.ValueError")
})

test_that("optimizers train a Keras model through compile() and fit()", {
  keras <- reticulate::import("keras")
  x <- matrix(seq(-1, 1, length.out = 32))
  y <- 3 * x + 1
  for (make in list(optimizer_adam, optimizer_sgd, optimizer_rmsprop, optimizer_adagrad, optimizer_adadelta,
                    optimizer_adamax, optimizer_nadam)) {
    set_random_seed(1)
    model <- keras$Sequential(list(keras$Input(shape = list(1L)), keras$layers$Dense(1L)))
    model$compile(optimizer = make(learning_rate = 0.05), loss = "mse")
    history <- model$fit(x, y, epochs = 15L, batch_size = 8L, verbose = 0L)
    losses <- unlist(history$history$loss)
    expect_lt(losses[length(losses)], losses[1])
  }
})

test_that("optimizer_adagrad keeps the Keras 2 rule: from zeros, sqrt(a) + epsilon", {
  opt <- optimizer_adagrad()
  expect_equal(opt$learning_rate$numpy(), 0.01, tolerance = 1e-6)
  x <- start; a <- 0
  path <- run(optimizer_adagrad(lr = 0.5))
  for (t in seq_along(path)) {
    g <- 2 * x
    a <- a + g * g
    x <- x - 0.5 * g / (sqrt(a) + 1e-7)
    expect_equal(path[[t]], x, tolerance = 1e-12)
  }
  expect_error(optimizer_adagrad(initial_accumulator_value = 0.1), class = "python.builtin.TypeError")
})

test_that("optimizer_adadelta: Keras 2's default lr = 1 and its rule", {
  opt <- optimizer_adadelta()
  expect_equal(c(opt$learning_rate$numpy(), opt$rho, opt$epsilon), c(1, 0.95, 1e-7))
  x <- start; a <- 0; d <- 0
  path <- run(optimizer_adadelta())
  for (t in seq_along(path)) {
    g <- 2 * x
    a <- 0.95 * a + 0.05 * g * g
    u <- g * sqrt(d + 1e-7) / sqrt(a + 1e-7)
    x <- x - u
    d <- 0.95 * d + 0.05 * u * u
    expect_equal(path[[t]], x, tolerance = 1e-12)
  }
})

test_that("optimizer_adamax: infinity-norm Adam", {
  expect_equal(optimizer_adamax()$learning_rate$numpy(), 0.002, tolerance = 1e-6)
  x <- start; m <- 0; u <- 0
  path <- run(optimizer_adamax(lr = 0.25))
  for (t in seq_along(path)) {
    g <- 2 * x
    m <- 0.9 * m + 0.1 * g
    u <- pmax(0.999 * u, abs(g))
    x <- x - 0.25 / (1 - 0.9^t) * m / (u + 1e-7)
    expect_equal(path[[t]], x, tolerance = 1e-6)
  }
})

test_that("optimizer_nadam keeps Keras 2's schedule_decay", {
  opt <- optimizer_nadam()
  expect_equal(c(opt$learning_rate$numpy(), opt$schedule_decay), c(0.002, 0.004), tolerance = 1e-6)
  for (schedule_decay in c(0.004, 0.5)) {
    x <- start; m <- 0; v <- 0; m_schedule <- 1
    path <- run(optimizer_nadam(lr = 0.125, schedule_decay = schedule_decay), steps = 5)
    for (t in seq_along(path)) {
      g <- 2 * x
      mu_t <- 0.9 * (1 - 0.5 * 0.96^(t * schedule_decay))
      mu_t1 <- 0.9 * (1 - 0.5 * 0.96^((t + 1) * schedule_decay))
      m_schedule_new <- m_schedule * mu_t
      m_schedule_next <- m_schedule_new * mu_t1
      m_schedule <- m_schedule_new
      m <- 0.9 * m + 0.1 * g
      v <- 0.999 * v + 0.001 * g * g
      m_bar <- (1 - mu_t) * g / (1 - m_schedule_new) + mu_t1 * m / (1 - m_schedule_next)
      x <- x - 0.125 * m_bar / (sqrt(v / (1 - 0.999^t)) + 1e-7)
      expect_equal(path[[t]], x, tolerance = 1e-6)
    }
  }
  expect_error(optimizer_nadam(schedule_decay = -1), class = "python.builtin.ValueError")
})

test_that("clipnorm and clipvalue clip each gradient", {
  g <- 2 * start
  expect_equal(run(optimizer_sgd(lr = 1, clipnorm = 1), steps = 1)[[1]], start - g / sqrt(21), tolerance = 1e-6)
  expect_equal(run(optimizer_sgd(lr = 1, clipvalue = 1.5), steps = 1)[[1]], start - pmin(pmax(g, -1.5), 1.5),
               tolerance = 1e-6)
  expect_error(optimizer_adamax(clipnorm = NA), class = "python.builtin.ValueError")
})
