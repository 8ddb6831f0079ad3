/* The cache of `$` on TensorFlow's and the bridge's modules (`$.rkerasbridge.module`, in
 * r/R/bridge-conversion.R): `tf$constant` answers the function it found the first time. The
 * lookup runs before every module function call of an eager step, so it is one .Call here
 * instead of attr() and `[[` in R. */
#define R_NO_REMAP
#include <R.h>
#include <Rinternals.h>

static SEXP sym_cache = NULL;

/* .Call(rkb_module_cached, module, name): the value kept for `name` in the module's cache (its
 * "rkb_cache" attribute, an environment), or NULL when none is kept. */
SEXP rkb_module_cached(SEXP module, SEXP name) {
  if (sym_cache == NULL) sym_cache = Rf_install("rkb_cache");
  SEXP cache = Rf_getAttrib(module, sym_cache);
  if (TYPEOF(cache) != ENVSXP || TYPEOF(name) != STRSXP || XLENGTH(name) != 1 || STRING_ELT(name, 0) == NA_STRING)
    return R_NilValue;
  SEXP value = Rf_findVarInFrame(cache, Rf_installTrChar(STRING_ELT(name, 0)));
  return value == R_UnboundValue ? R_NilValue : value;
}
