read_h5 <- function(path, key) {
  helper <- reticulate::py_run_string("
def read_h5(path, key):
    import h5py, numpy as np
    with h5py.File(path, 'r') as f:
        return np.asarray(f[key])
", local = TRUE)
  helper$read_h5(path, key)
}

test_that("weights = path loads a saved .weights.h5 (VGG16 and Inception V3)", {
  source <- application_vgg16(include_top = FALSE, weights = NULL, input_shape = c(32, 32, 3))
  path <- tempfile(fileext = ".weights.h5")
  source$save_weights(path)
  loaded <- application_vgg16(include_top = FALSE, weights = path, input_shape = c(32, 32, 3))
  expect_equal(loaded$get_layer("block1_conv1")$get_weights()[[1]],
               source$get_layer("block1_conv1")$get_weights()[[1]])
  expect_equal(loaded$get_layer("block5_conv3")$get_weights()[[2]],
               source$get_layer("block5_conv3")$get_weights()[[2]])
  inception <- application_inception_v3(include_top = FALSE, weights = NULL, input_shape = c(75, 75, 3),
                                        pooling = "avg")
  path2 <- tempfile(fileext = ".weights.h5")
  inception$save_weights(path2)
  loaded2 <- application_inception_v3(include_top = FALSE, weights = path2, input_shape = c(75, 75, 3),
                                      pooling = "avg")
  # Layer names are numbered per session (conv2d_94, ...): compare the first convolution by position.
  expect_equal(loaded2$layers[[2]]$get_weights()[[1]], inception$layers[[2]]$get_weights()[[1]])
  expect_equal(loaded2$output$shape, list(NULL, 2048L))
})

test_that("weights = 'imagenet' without the cached file is a FileNotFoundError that says where", {
  home <- tempfile()
  with_keras_home(home, {
    err <- tryCatch(application_vgg19(), error = function(e) e)
    expect_s3_class(err, "python.builtin.FileNotFoundError")
    expect_true(grepl(file.path(home, "models", "vgg19_weights_tf_dim_ordering_tf_kernels.h5"),
                      conditionMessage(err), fixed = TRUE))
  })
  expect_error(application_vgg16(classes = 10), class = "python.builtin.ValueError")
  expect_error(application_vgg16(weights = tempfile()), class = "python.builtin.FileNotFoundError")
  expect_error(application_vgg16(include_top = FALSE, weights = NULL, pooling = "mean"),
               class = "python.builtin.ValueError")
})

test_that("vgg16_weights_from_hed() copies the HED VGG16 convolution weights", {
  model <- application_vgg16(include_top = FALSE, weights = NULL, input_shape = c(32, 32, 3))
  result <- vgg16_weights_from_hed(model)
  expect_equal(result$name, model$name)  # the same model, changed in place (checked below)
  h5 <- reticulate::import("rkeras_bridge.keras.applications")$hed_weights_path()
  expect_equal(model$get_layer("block1_conv1")$get_weights()[[1]], read_h5(h5, "block1/layers/conv2d/vars/0"))
  expect_equal(model$get_layer("block3_conv2")$get_weights()[[2]], read_h5(h5, "block3/layers/conv2d_1/vars/1"))
  expect_error(vgg16_weights_from_hed("vgg"), class = "python.builtin.TypeError")
})
