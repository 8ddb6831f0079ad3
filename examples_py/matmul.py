# Case study: the article's first eager example, `tf$matmul(matrix(1:8, 2, 4), matrix(1:8, 4, 2))`,
# which prints its value at once instead of building a graph.
# Changed from the original: nothing in the computation. The Python twin builds the two matrices
# with `matrix()`, which fills column by column like R's, so both print [[50, 114], [60, 140]].
import sys

from rkeras_bridge import matrix, tf
from rkeras_bridge.tools.runs import case_args, write_run

# ---- Arguments -------------------------------------------------------------------------------
args = case_args(sys.argv[1:])

# ---- Data: R matrices are column-major ------------------------------------------------------
m1 = matrix(range(1, 9), nrow=2, ncol=4)
m2 = matrix(range(1, 9), nrow=4, ncol=2)

# ---- Eager computation: the value is there at once ------------------------------------------
result = tf.matmul(m1, m2)
print(result)

# ---- Record ----------------------------------------------------------------------------------
write_run(args, "matmul", "py", losses=[], metrics={"result": result, "dtype": result.dtype.name})
