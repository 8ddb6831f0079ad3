# The worked example of docs/porting.md: a small custom model trained the 2018 way, recording what the
# parity tool compares with regression.py. Run both: rkeras-bridge parity regression.R regression.py
library(rkerasbridge)

# Sepal.Width from Sepal.Length, Petal.Length and Petal.Width: R's iris, rows 1-120
x <- tf$constant(as.matrix(iris[1:120, c(1, 3, 4)]), dtype = "float32")
y <- tf$constant(as.matrix(iris[1:120, 2, drop = FALSE]), dtype = "float32")

model <- keras_model_custom(name = "regression", function(self) {
  self$hidden <- layer_dense(units = 16, activation = "relu")
  self$out <- layer_dense(units = 1)
  function(x, mask = NULL, training = FALSE) self$out(self$hidden(x))
})
optimizer <- optimizer_sgd(lr = 0.01)

for (step in seq_len(parity_steps(20))) {
  with(tf$GradientTape() %as% tape, {
    loss <- tf$reduce_mean(tf$square(y - model(x)))
  })
  grads <- tape$gradient(loss, model$trainable_variables)
  optimizer$apply_gradients(purrr::transpose(list(grads, model$trainable_variables)))
  record("loss", loss)
  record("hidden_kernel_gradient", grads[[1]])
}
record("predictions", model(x[1:5, ]))
