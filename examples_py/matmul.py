# Case study: the article's first eager example, `tf$matmul(matrix(1:8, 2, 4), matrix(1:8, 4, 2))`,
# which prints its value at once instead of building a graph.
# Changed from the original: nothing in the computation. The Python twin builds the two matrices
# with `matrix()`, which fills column by column like R's, so both print [[50, 114], [60, 140]].
from rkeras_bridge import matrix, tf
from rkeras_bridge.tools.training import training_run

run = training_run("matmul")  # --out: the run record; --seed (nothing here is random)

# ---- Data: R matrices are column-major ------------------------------------------------------
m1 = matrix(range(1, 9), nrow=2, ncol=4)
m2 = matrix(range(1, 9), nrow=4, ncol=2)

# ---- Eager computation: the value is there at once ------------------------------------------
result = tf.matmul(m1, m2)
print(result)

run.finish(metrics={"result": result, "dtype": result.dtype.name})
