"""Runs an R example inside this Python process, for the step benchmark (the twin of python_in_r.R).

``python bench/r_in_python.py examples_r/<case>.R ARGS...``: R is embedded here through rpy2
(:func:`rkeras_bridge.bridge.rsession.start_r`), the script's ``commandArgs(trailingOnly = TRUE)``
are ARGS, and reticulate binds to this interpreter, so the R code's Python runs in the ``python3``
program rather than in the ``libpython3.11.so`` that ``Rscript`` loads. R hosted here / Python is
then the R side's own share of a step's time, without the embedded interpreter's.
"""

import json
import sys

from rpy2.rinterface_lib import embedded

script, args = sys.argv[1], sys.argv[2:]
embedded.set_initoptions(("rpy2", "--quiet", "--no-save", "--args", *args))

from rkeras_bridge.bridge import rsession  # noqa: E402  (R must start with the options above)

rsession.start_r()
# A JSON string literal is an R string literal too (the same escapes).
rsession.r(f"invisible(source({json.dumps(script)}))", gc=False)  # in the working directory, as Rscript
