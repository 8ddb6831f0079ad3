/* R on TensorFlow's replica threads.
 *
 * TensorFlow's mirrored strategies call the per-replica step on a helper thread of their own.
 * reticulate 1.28 calls an R function from any thread where it is; reticulate >= 1.29 hands a
 * call from another thread to R's main thread and waits for it, and R's main thread is the one
 * waiting inside strategy$run(), so the step never runs. The step must also run on the replica
 * thread, where TensorFlow keeps the replica's context (merge_call() looks up that thread).
 *
 * rkb_call_r_here() is the bridge's own way in: rkeras_bridge.bridge.r_threads calls it through ctypes
 * on the replica thread, in place of reticulate's hand-off, with R's main thread blocked in
 * strategy$run() (so R is never entered twice at once) and R's C stack check off for the run. It
 * evaluates rkerasbridge:::replica_call(), which takes the R function and its arguments from
 * Python, runs it and hands its value or error back; no R error can jump out of here.
 */
#define R_NO_REMAP
#include <R.h>
#include <Rinternals.h>
#include <R_ext/Rdynload.h>

int rkb_call_r_here(void) {
  int failed = 0;
  SEXP name = PROTECT(Rf_mkString("rkerasbridge"));
  SEXP ns = PROTECT(R_FindNamespace(name));
  SEXP call = PROTECT(Rf_lang1(Rf_install("replica_call")));
  R_tryEvalSilent(call, ns, &failed);
  UNPROTECT(3);
  return failed;
}

/* The .Call entry points are the fast path's (fastcall.c) and the collector's (memory.c); Python
 * finds rkb_call_r_here in this library by name (dlsym), which R's registration does not affect. */
SEXP rkb_fast_call(SEXP fn, SEXP args);
SEXP rkb_fast_init(SEXP call, SEXP stash, SEXP maker, SEXP item_marks);
SEXP rkb_fast_disable(void);
SEXP rkb_module_cached(SEXP module, SEXP name);
SEXP rkb_learn_class(SEXP ref);
SEXP rkb_fast_getattr(SEXP x, SEXP name);
SEXP rkb_object_address(SEXP ref);
void rkb_fast_init_symbols(void);
SEXP rkb_memory_init(SEXP pressure);
SEXP rkb_collect_if_pressed(void);

static const R_CallMethodDef call_methods[] = {
  {"rkb_fast_call", (DL_FUNC) &rkb_fast_call, 2},
  {"rkb_fast_init", (DL_FUNC) &rkb_fast_init, 4},
  {"rkb_fast_disable", (DL_FUNC) &rkb_fast_disable, 0},
  {"rkb_module_cached", (DL_FUNC) &rkb_module_cached, 2},
  {"rkb_learn_class", (DL_FUNC) &rkb_learn_class, 1},
  {"rkb_fast_getattr", (DL_FUNC) &rkb_fast_getattr, 2},
  {"rkb_object_address", (DL_FUNC) &rkb_object_address, 1},
  {"rkb_memory_init", (DL_FUNC) &rkb_memory_init, 1},
  {"rkb_collect_if_pressed", (DL_FUNC) &rkb_collect_if_pressed, 0},
  {NULL, NULL, 0}
};

void R_init_rkerasbridge(DllInfo *dll) {
  R_registerRoutines(dll, NULL, call_methods, NULL, NULL);
  R_useDynamicSymbols(dll, FALSE);
  rkb_fast_init_symbols();
}
