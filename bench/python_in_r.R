# Runs a Python example inside R's process, through reticulate (no rkerasbridge), for the step
# benchmark: `Rscript bench/python_in_r.R PYTHON examples_py/<case>.py ARGS...`. It measures what
# Python code costs when it runs in the interpreter R embeds (Debian's libpython3.11.so) rather than
# in the python3 program, so the R step's extra time can be split into the embedding's share and
# the R side's own.
argv <- commandArgs(trailingOnly = TRUE)
Sys.setenv(RETICULATE_PYTHON = argv[[1]])
library(reticulate)
py_run_string("import site, sys\nfor p in [p for p in sys.path if p.endswith('site-packages')]: site.addsitedir(p)")
sys <- import("sys")
sys$argv <- as.list(argv[-1])
invisible(import("runpy")$run_path(argv[[2]], run_name = "__main__"))
