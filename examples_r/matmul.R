# Case study: the article's first eager example, `tf$matmul(matrix(1:8, 2, 4), matrix(1:8, 4, 2))`,
# which prints its value at once instead of building a graph.
# Changed from the original: `library(rkerasbridge)` instead of `library(tensorflow)`; nothing in
# the computation. R integers stay int32, so the result is int32 [[50, 114], [60, 140]].
library(rkerasbridge)

run <- training_run("matmul")  # --out: the run record; --seed (nothing here is random)

# ---- Data: R matrices are column-major ------------------------------------------------------
m1 <- matrix(1:8, nrow = 2, ncol = 4)
m2 <- matrix(1:8, nrow = 4, ncol = 2)

# ---- Eager computation: the value is there at once ------------------------------------------
result <- tf$matmul(m1, m2)
print(result)

run$finish(metrics = list(result = result, dtype = result$dtype$name))
