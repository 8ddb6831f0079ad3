test_that("parse_arguments() reads --key=value and --key value as YAML", {
  args <- strsplit("--alpha=beta --gamma delta --array=[1,2,3] --number=1000 --nested-dashes=a=b --on=yes", " ")[[1]]
  expect_identical(parse_arguments(args),
                   list(alpha = "beta", gamma = "delta", array = 1:3, number = 1000L, nested_dashes = "a=b",
                        on = TRUE))
  expect_identical(parse_arguments(c("--rate=1e-3", "--rate2=1.0e-3"))$rate, "1e-3")  # YAML 1.1, as R's yaml
  expect_equal(parse_arguments(c("--rate=1.0e-3"))$rate, 0.001)
  expect_error(parse_arguments("--last"), "a value after", class = "python.builtin.ValueError")
})

test_that("parse_flags() reads a section of flags.yml and the command line", {
  dir <- tempfile()
  dir.create(dir)
  old <- setwd(dir)
  on.exit(setwd(old), add = TRUE)
  writeLines(c("default:", "  rate: 0.1", "  epochs: 10", "fast:", "  epochs: 2"), "flags.yml")
  expect_identical(parse_flags(arguments = character()), list(rate = 0.1, epochs = 10L))
  expect_identical(parse_flags("fast", arguments = "--rate=0.5"), list(rate = 0.5, epochs = 2L))
  expect_warning(flags_read <- parse_flags(file = "nope.yml", arguments = character()), "does not exist")
  expect_length(flags_read, 0)
})

test_that("flags() declares, reads and converts flags", {
  dir <- tempfile()
  dir.create(dir)
  old <- setwd(dir)
  on.exit(setwd(old), add = TRUE)
  defs <- list(flag_numeric("learning_rate", 0.01, "Initial learning rate."),
               flag_integer("max_steps", 5000),
               flag_string("data_dir", "MNIST-data"),
               flag_boolean("fake_data", FALSE))
  expect_s3_class(defs[[1]], "tfruns_flag")
  f <- flags(defs, arguments = character())
  expect_s3_class(f, "tfruns_flags")
  expect_identical(unclass(f)[1:4], list(learning_rate = 0.01, max_steps = 5000L, data_dir = "MNIST-data",
                                         fake_data = FALSE))
  expect_identical(attr(f, "types"), c("numeric", "integer", "string", "boolean"))
  writeLines(c("max_steps: 100", "fake_data: yes"), "flags.yml")
  f <- do.call(flags, c(defs, list(arguments = c("--learning-rate", "0.5"))))
  expect_identical(f$learning_rate, 0.5)
  expect_identical(f$max_steps, 100L)
  expect_true(f$fake_data)
  expect_output(print(f), "learning_rate")
  expect_error(flags(defs, arguments = "--unknown=1"), "not declared: unknown", class = "python.builtin.ValueError")
  expect_error(flags(defs, arguments = "--max_steps=many"), "to type integer", class = "python.builtin.ValueError")
})

test_that("run_dir() is the working directory outside a training run", {
  expect_identical(normalizePath(run_dir()), normalizePath(getwd()))
})
