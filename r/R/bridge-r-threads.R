# A mirrored strategy runs the step, and the model calls inside it, on a replica thread of its own,
# where reticulate >= 1.29 would not call an R function (it hands the call to R's main thread, which
# is waiting in strategy$run()). While a run is on, rkeras_bridge.bridge.r_threads enters R on the replica
# thread through src/replica.c, which evaluates replica_call(). See rkeras_bridge/bridge/r_threads.py.
replica_call <- function() {
  threads <- .state$r_threads
  job <- threads$replica_job()  # (R function capsule, args, kwargs, convert), unconverted
  part <- function(i) reticulate::py_get_item(job, i)
  fn <- reticulate::py_to_r(part(0L))
  unpack <- if (reticulate::py_to_r(part(3L))) reticulate::py_to_r else py_items
  tryCatch(
    threads$replica_done(do.call(fn, c(unpack(part(1L)), unpack(part(2L))))),
    error = function(e) {
      # a Python error keeps its class on the way back (python.builtin.ValueError stays one)
      exception <- if (inherits(e, "rkerasbridge_python_error")) e$python_exception
      threads$replica_failed(conditionMessage(e), class(e), exception)
    }
  )
  invisible(NULL)
}

# The items of a Python list or dict as an R list of references (an R function made with
# convert = FALSE gets its arguments unconverted).
py_items <- function(x) {
  if (inherits(x, "python.builtin.dict")) {
    keys <- reticulate::py_to_r(reticulate::import_builtins(convert = FALSE)$list(x))
    return(stats::setNames(lapply(keys, function(k) reticulate::py_get_item(x, k)), keys))
  }
  lapply(seq_len(reticulate::py_len(x)) - 1L, function(i) reticulate::py_get_item(x, i))
}

# At load: tell Python where the entry point is (and wrap reticulate's hand-off where it has one).
# rkeras_bridge.bridge.r_threads imports nothing heavy, so loading the bridge does not load TensorFlow.
use_replica_entry <- function() {
  .state$r_threads <- reticulate::import("rkeras_bridge.bridge.r_threads", convert = FALSE)
  .state$r_threads$use_r_entry(getLoadedDLLs()[["rkerasbridge"]][["path"]])
}
