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

/* No .Call entry points: Python finds rkb_call_r_here in this library by name. */
void R_init_rkerasbridge(DllInfo *dll) {
  R_registerRoutines(dll, NULL, NULL, NULL, NULL);
  R_useDynamicSymbols(dll, FALSE);
}
