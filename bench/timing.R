# The timing rule of bench/ops.R and bench/ops_reticulate.R (bench/ops.py has it in Python): each
# op runs in blocks of at least `block_s` seconds, and the median per-call time of the blocks is
# reported, in microseconds. Arguments: BLOCKS BLOCK_S (defaults 5 and 0.2).
argv <- commandArgs(trailingOnly = TRUE)
blocks <- if (length(argv) >= 1) as.integer(argv[[1]]) else 5L
block_s <- if (length(argv) >= 2) as.numeric(argv[[2]]) else 0.2
now <- function() as.numeric(Sys.time())  # microsecond resolution; proc.time() has milliseconds

per_call_us <- function(f) {
  f()
  f()  # warm: first calls trace, build or allocate
  n <- 0L
  started <- now()
  while (now() - started < block_s / 4) {
    f()
    n <- n + 1L
  }
  n <- max(n * 4L, 1L)
  times <- numeric(blocks)
  for (k in seq_len(blocks)) {
    started <- now()
    for (i in seq_len(n)) f()
    times[[k]] <- (now() - started) / n * 1e6
  }
  stats::median(times)
}
