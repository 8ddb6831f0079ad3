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

test_that("the other applications build without weights and say where ImageNet weights go", {
  model <- application_mobilenet(input_shape = c(32, 32, 3), alpha = 0.25, weights = NULL, classes = 10)
  expect_equal(model$output$shape, list(NULL, 10L))
  dense <- application_densenet(c(1, 1, 1, 1), weights = NULL, input_shape = c(32, 32, 3), classes = 3)
  expect_equal(dense$output$shape, list(NULL, 3L))
  nasnet <- application_nasnet(input_shape = c(32, 32, 3), penultimate_filters = 192L, num_blocks = 1L,
                               stem_block_filters = 8L, include_top = FALSE, pooling = "avg")
  expect_equal(nasnet$output$shape, list(NULL, 192L))
  home <- tempfile()
  with_keras_home(home, {
    for (case in list(list(application_xception, "xception_weights_tf_dim_ordering_tf_kernels.h5"),
                      list(application_resnet50, "resnet50_weights_tf_dim_ordering_tf_kernels.h5"),
                      list(application_densenet121, "densenet121_weights_tf_dim_ordering_tf_kernels.h5"),
                      list(application_mobilenet, "mobilenet_1_0_224_tf.h5"),
                      list(application_mobilenet_v2, "mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_224.h5"))) {
      err <- tryCatch(case[[1]](), error = function(e) e)
      expect_s3_class(err, "python.builtin.FileNotFoundError")
      expect_true(grepl(file.path(home, "models", case[[2]]), conditionMessage(err), fixed = TRUE))
    }
    expect_error(application_nasnetlarge(weights = "imagenet"), "NASNet-large.h5",
                 class = "python.builtin.FileNotFoundError")
  })
  expect_error(application_mobilenet_v2(depth_multiplier = 2, weights = NULL), "depth_multiplier",
               class = "python.builtin.ValueError")
  expect_error(application_densenet(c(1, 2, 3)), "blocks", class = "python.builtin.ValueError")
})

test_that("preprocessing and decoding of the applications", {
  x <- array(c(0, 127.5, 255), c(1, 1, 1, 3))
  for (fn in list(xception_preprocess_input, inception_v3_preprocess_input, inception_resnet_v2_preprocess_input,
                  mobilenet_preprocess_input, mobilenet_v2_preprocess_input, nasnet_preprocess_input)) {
    expect_equal(as.vector(fn(x)), c(-1, 0, 1))
  }
  expect_equal(as.vector(densenet_preprocess_input(x)),
               (c(0, 0.5, 1) - c(0.485, 0.456, 0.406)) / c(0.229, 0.224, 0.225), tolerance = 1e-6)
  home <- tempfile()
  with_keras_home(home, {
    dir.create(file.path(home, "models"), recursive = TRUE)
    index <- lapply(0:999, function(i) c(sprintf("n%08d", i), paste0("class_", i)))
    names(index) <- 0:999
    writeLines(jsonlite::toJSON(index), file.path(home, "models", "imagenet_class_index.json"))
    preds <- matrix(0, 2, 1000)
    preds[1, c(6, 8)] <- c(0.3, 0.7)
    preds[2, 1000] <- 1
    decoded <- imagenet_decode_predictions(preds, top = 2)
    expect_length(decoded, 2)
    expect_equal(decoded[[1]], data.frame(class_name = c("n00000007", "n00000005"),
                                          class_description = c("class_7", "class_5"), score = c(0.7, 0.3),
                                          stringsAsFactors = FALSE))
    expect_equal(mobilenet_decode_predictions(preds, top = 1)[[2]]$class_description, "class_999")
  })
})

test_that("mobilenet_load_model_hdf5() loads a saved MobileNet", {
  model <- application_mobilenet(input_shape = c(32, 32, 3), alpha = 0.25, weights = NULL, classes = 4)
  path <- tempfile(fileext = ".h5")
  save_model_hdf5(model, path)
  loaded <- mobilenet_load_model_hdf5(path)
  x <- array(runif(32 * 32 * 3), c(1, 32, 32, 3))
  expect_equal(predict(loaded, x), predict(model, x), tolerance = 1e-5)
})
