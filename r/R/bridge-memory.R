# R's collector and the tensor memory its references hold: the counting and the threshold live in
# rkeras_bridge/bridge/memory.py, the check after each call and the collection in r/src/memory.c.

# Once the bridge is loaded: hand the C code memory.PRESSURE (the list Python appends to when the
# tensors handed to R pass the threshold) and apply options(rkerasbridge.tensor_gc_mb =).
memory_setup <- function() {
  memory <- reticulate::import("rkeras_bridge.bridge.memory", convert = FALSE)
  mb <- getOption("rkerasbridge.tensor_gc_mb")
  if (!is.null(mb)) {
    # A bad option must not stop the package from loading: say so, keep the default.
    tryCatch(reticulate::py_call(.state$call_split, reticulate::py_get_attr(memory, "tensor_gc_threshold"),
                                 list(mb), NULL),
             error = function(e) warning("options(rkerasbridge.tensor_gc_mb =) ignored: ", conditionMessage(e),
                                         call. = FALSE))
  }
  .state$collects <- isTRUE(tryCatch(.Call(rkb_memory_init, reticulate::py_get_attr(memory, "PRESSURE")),
                                     error = function(e) FALSE))
  invisible(.state$collects)
}

#' Collect R's garbage after every so many MiB of tensors handed to R
#'
#' R sees a tensor as a small reference, so its garbage collector, which runs when R's own heap
#' grows, would let the tensors of dropped references pile up in Python's memory (an eager
#' training loop from R held hundreds of MiB more than its Python twin). The bridge counts the bytes
#' of the eager tensors each call hands R and, past this threshold, runs a quick collection
#' (`gc(full = FALSE)`, a few milliseconds) right after the call, and every 8th time a full one
#' (`gc()`, ~0.2 s), which frees the references that were still alive at a quick one. Variables are
#' not counted (their model holds them), nor are arrays converted to R (R's collector sees those).
#' A smaller threshold keeps the peak lower at the price of more collections.
#'
#' @param mb The new threshold in MiB, a number >= 0 (`0` turns the policy off), or `NULL` to only
#'   read it. Defaults to `NULL`. `options(rkerasbridge.tensor_gc_mb = )` sets it when the bridge
#'   loads; the default is 64 MiB.
#' @returns The threshold in MiB before the call (invisibly when `mb` is given).
#' @examples
#' \donttest{
#' old <- tensor_gc_threshold(16)  # collect after every 16 MiB of tensors
#' tensor_gc_threshold(old)
#' }
#' @seealso `rkeras_bridge.bridge.memory.tensor_gc_threshold()` in Python.
#' @export
tensor_gc_threshold <- function(mb = NULL) {
  before <- bridge$tensor_gc_threshold(mb)
  if (is.null(mb)) before else invisible(before)
}
