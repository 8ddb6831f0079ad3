/* The fast path of a call from R into Python (see r/R/bridge-fastcall.R and docs/performance.md).
 *
 * Why this exists: a small op from R through reticulate::py_call() spends most of its time outside
 * Python -- converting each argument through r_to_py(), and wrapping every returned tensor in a new
 * R reference whose class names reticulate computes in Python (inspect.getmro) and filters in R, on
 * every call. rkb_fast_call() does the common case of a call (Python objects and plain R scalars in,
 * a tensor, None or anything else out) in one .Call:
 *
 *  - arguments: a reticulate reference passes as its PyObject; an R scalar (double, integer,
 *    logical, string, without attributes and not NA) becomes the Python scalar reticulate would
 *    make; NULL becomes None; an unnamed plain list of those a Python list. Anything else (vectors,
 *    named lists, NA, R functions, ...) answers `fallback`, and the R side takes reticulate's path,
 *    which keeps NA refusal and every conversion rule in one place;
 *  - the call: rkeras_bridge.bridge.conversion.call(fn, *args, **kwargs), the Python function every
 *    call from R goes through (it remembers exceptions for the classed R condition and serves R
 *    functions called on TensorFlow's threads), so nothing about calls is duplicated here;
 *  - the result: None is NULL; a bool, float or int the R logical, double or integer reticulate
 *    makes of it (an int beyond R's integers a double, where reticulate casts it: 2**31 -> NA,
 *    2**40 -> 0); an object of a Python type that R has taught us (tensors, variables,
 *    tapes: rkb_learn_class() records the class vector reticulate gave one, per Python type) is
 *    wrapped here in a reference of the layout reticulate itself makes (an environment holding
 *    `pyobj`, an external pointer, and `convert`; the class attribute), a Python list or tuple
 *    of them an R list; anything else is appended to a Python list that R empties through reticulate
 *    (`stashed`), so reticulate wraps it as usual. A Python exception answers `error`
 *    (conversion.call has remembered it). rkb_fast_getattr() does the same for `x$name`, where
 *    methods and layers (callables) are wrapped too and made R functions by py_callable_as_r().
 *
 * The layout is the same in reticulate 1.28 and 1.46; R checks it on live objects before turning
 * this path on (fast_path_check()), and keeps reticulate's path otherwise.
 *
 * Python's C API is not linked: its functions are looked up at run time among the symbols already
 * loaded (reticulate loads libpython with RTLD_GLOBAL; a Python that hosts R has them in its own
 * executable), so the package installs wherever reticulate finds its Python. Every call into
 * Python holds the GIL (PyGILState_Ensure): reticulate >= 1.29 may release it between calls, and
 * R's finalizers (ours included) can run on a thread that does not hold it.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* RTLD_DEFAULT */
#endif
#define R_NO_REMAP
#include <R.h>
#include <Rinternals.h>
#include <R_ext/Rdynload.h>
#include <dlfcn.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "memory.h"

typedef void PyObject; /* opaque: only Python's functions touch its fields */
typedef int PyGILState_STATE;
typedef ptrdiff_t Py_ssize_t_; /* Python's Py_ssize_t: a signed integer of a pointer's width */

static struct {
  int ready;
  PyGILState_STATE (*GILState_Ensure)(void);
  void (*GILState_Release)(PyGILState_STATE);
  int (*IsInitialized)(void);
  int (*IsFinalizing)(void); /* _Py_IsFinalizing (3.11, 3.12) or Py_IsFinalizing (3.13); may be NULL */
  void (*IncRef)(PyObject *);
  void (*DecRef)(PyObject *);
  PyObject *(*Tuple_New)(Py_ssize_t_);
  int (*Tuple_SetItem)(PyObject *, Py_ssize_t_, PyObject *);
  PyObject *(*Dict_New)(void);
  int (*Dict_SetItemString)(PyObject *, const char *, PyObject *);
  PyObject *(*Float_FromDouble)(double);
  PyObject *(*Long_FromLong)(long);
  PyObject *(*Bool_FromLong)(long);
  PyObject *(*Unicode_FromString)(const char *);
  PyObject *(*Object_Call)(PyObject *, PyObject *, PyObject *);
  PyObject *(*Object_Type)(PyObject *);
  int (*List_Append)(PyObject *, PyObject *);
  PyObject *(*List_New)(Py_ssize_t_);
  int (*List_SetItem)(PyObject *, Py_ssize_t_, PyObject *);
  PyObject *(*Object_GetAttrString)(PyObject *, const char *);
  PyObject *(*Err_Occurred)(void);
  int (*Callable_Check)(PyObject *);
  Py_ssize_t_ (*List_Size)(PyObject *);
  PyObject *(*List_GetItem)(PyObject *, Py_ssize_t_);
  PyObject *List_Type;
  Py_ssize_t_ (*Tuple_Size)(PyObject *);
  PyObject *(*Tuple_GetItem)(PyObject *, Py_ssize_t_);
  PyObject *Tuple_Type;
  PyObject *Bool_Type, *Float_Type, *Long_Type, *True;
  double (*Float_AsDouble)(PyObject *);
  long (*Long_AsLongAndOverflow)(PyObject *, int *);
  double (*Long_AsDouble)(PyObject *);
  void (*Err_Clear)(void);
  PyObject *None;
  PyObject *call;    /* rkeras_bridge.bridge.conversion.call (a reference we own) */
  PyObject *stash;   /* conversion._FAST_RESULTS, a list (a reference we own) */
} py;

/* Python types whose R class vector is known, and that vector (preserved): tensors, variables, the
 * tape, methods, and each layer class `$` has met (a model's layers). Once full, new types simply
 * take reticulate's path; the search is linear, which for this size costs nothing next to a call. */
#define MAX_TYPES 64
static PyObject *known_types[MAX_TYPES];
static SEXP known_classes[MAX_TYPES];
static int known_simple[MAX_TYPES]; /* reticulate 1.46 marks callables `simple = FALSE` in the env */
static int known_callable[MAX_TYPES]; /* R makes a function of these: only `$` answers them wrapped */
static int n_known = 0;

static SEXP make_function = NULL; /* py_callable_as_r(), R's function for a callable reference */
static SEXP sym_pyobj, sym_convert, sym_simple, sym_py_object, sym_fallback, sym_error, sym_stashed;

static void *find_symbol(const char *name) { return dlsym(RTLD_DEFAULT, name); }

static int python_alive(void) {
  return py.ready && py.IsInitialized() && !(py.IsFinalizing && py.IsFinalizing());
}

/* The PyObject a reticulate reference holds (borrowed), or NULL if `x` is not one of the layout
 * checked at load: an environment (or, for a callable, an R function whose `py_object` attribute
 * is that environment) holding `pyobj`, a non-null external pointer. */
static PyObject *unwrap(SEXP x) {
  if (TYPEOF(x) == CLOSXP) x = Rf_getAttrib(x, sym_py_object);
  if (TYPEOF(x) != ENVSXP || !OBJECT(x)) return NULL;
  SEXP ptr = Rf_findVarInFrame(x, sym_pyobj);
  if (TYPEOF(ptr) != EXTPTRSXP) return NULL;
  return (PyObject *) R_ExternalPtrAddr(ptr);
}

/* unwrap() for memory.c, which reads the same layout (memory.h). */
void *rkb_unwrap(SEXP x) { return unwrap(x); }

static PyObject *argument(SEXP x);

/* An unnamed R list as the Python list reticulate makes of it, or NULL (no Python error set) if
 * an element is one for R's path, or if Python failed (its error set). */
static PyObject *list_argument(SEXP x) {
  R_xlen_t n = XLENGTH(x);
  PyObject *list = py.List_New(n);
  if (list == NULL) return NULL;
  for (R_xlen_t i = 0; i < n; i++) {
    PyObject *item = argument(VECTOR_ELT(x, i));
    if (item == NULL) {
      py.DecRef(list);
      return NULL;
    }
    py.List_SetItem(list, i, item); /* steals item */
  }
  return list;
}

/* Whether a reference (checked by unwrap()) has convert = TRUE: the layout checked at load keeps
 * the flag as `convert` in the reference's environment. */
static int converts(SEXP x) {
  SEXP env = TYPEOF(x) == CLOSXP ? Rf_getAttrib(x, sym_py_object) : x;
  SEXP convert = Rf_findVarInFrame(env, sym_convert);
  return TYPEOF(convert) == LGLSXP && XLENGTH(convert) == 1 && LOGICAL(convert)[0] == TRUE;
}

/* A new Python reference for an R argument, or NULL (with no Python error set) when R's own path
 * must convert it. Mirrors reticulate's r_to_py() only for the scalars it turns into Python
 * scalars; NA is left to R (refuse_na() raises the bridge's classed error). */
static PyObject *argument(SEXP x) {
  if (x == R_NilValue) {
    py.IncRef(py.None);
    return py.None;
  }
  PyObject *obj = unwrap(x);
  if (obj) {
    py.IncRef(obj);
    return obj;
  }
  switch (TYPEOF(x)) { /* the type first: XLENGTH() is for vectors only */
  case REALSXP: case INTSXP: case LGLSXP: case STRSXP:
    if (ATTRIB(x) != R_NilValue || XLENGTH(x) != 1) return NULL;
    break;
  case VECSXP: /* an unnamed plain list (purrr::transpose()'s pairs, lists of variables): a Python list */
    return ATTRIB(x) == R_NilValue ? list_argument(x) : NULL;
  default:
    return NULL;
  }
  switch (TYPEOF(x)) {
  case REALSXP:
    return R_IsNA(REAL(x)[0]) ? NULL : py.Float_FromDouble(REAL(x)[0]);
  case INTSXP:
    return INTEGER(x)[0] == NA_INTEGER ? NULL : py.Long_FromLong(INTEGER(x)[0]);
  case LGLSXP:
    return LOGICAL(x)[0] == NA_LOGICAL ? NULL : py.Bool_FromLong(LOGICAL(x)[0]);
  case STRSXP:
    return STRING_ELT(x, 0) == NA_STRING ? NULL : py.Unicode_FromString(Rf_translateCharUTF8(STRING_ELT(x, 0)));
  default:
    return NULL;
  }
}

/* R's finalizer of the references made here: drop the Python reference with the GIL held (and not
 * at all once Python is shutting down, as reticulate does). */
static void finalize(SEXP ptr) {
  PyObject *obj = (PyObject *) R_ExternalPtrAddr(ptr);
  if (obj == NULL || !python_alive()) return;
  PyGILState_STATE gil = py.GILState_Ensure();
  py.DecRef(obj);
  py.GILState_Release(gil);
  R_ClearExternalPtr(ptr);
}

/* Whether reticulate marks the references it makes for the items of a list `simple = FALSE` (1.46:
 * a cache that says "not convertible", set by rkb_fast_init() from a list reticulate converted). */
static int items_not_simple = 0;

/* A reference of reticulate's layout for `obj` (stolen) of known type `k`, convert = TRUE; `item`:
 * for an item of a list or tuple. */
static SEXP wrap(PyObject *obj, int k, int item) {
  SEXP ptr = PROTECT(R_MakeExternalPtr(obj, R_NilValue, R_NilValue));
  R_RegisterCFinalizer(ptr, finalize);
  SEXP env = PROTECT(R_NewEnv(R_EmptyEnv, FALSE, 0));
  Rf_defineVar(sym_pyobj, ptr, env);
  Rf_defineVar(sym_convert, Rf_ScalarLogical(TRUE), env);
  if (known_simple[k] || (item && items_not_simple)) Rf_defineVar(sym_simple, Rf_ScalarLogical(FALSE), env);
  Rf_setAttrib(env, R_ClassSymbol, known_classes[k]);
  UNPROTECT(2);
  return env;
}

/* The index of obj's type among the known ones, or -1. */
/* obj's type, borrowed: a type outlives its instance; only its address is compared. */
static PyObject *type_of(PyObject *obj) {
  PyObject *type = py.Object_Type(obj);
  py.DecRef(type);
  return type;
}

static int known_index(PyObject *type) {
  for (int i = 0; i < n_known; i++)
    if (known_types[i] == type) return i;
  return -1;
}

static int known_type(PyObject *obj) { return known_index(type_of(obj)); }

/* A Python list or tuple whose items are all of known, non-callable types (tape$gradient()'s
 * gradients, model$variables, a dataset element (x, y) from iterator_get_next()): its items, each
 * with a new reference, in a malloc()ed array the caller wraps and frees once the GIL is released
 * (reticulate makes the same unnamed R list of references of either). */
typedef struct {
  PyObject **items;
  int *types;
  Py_ssize_t_ n;
} known_list;

static int take_known_list(PyObject *obj, PyObject *type, known_list *out) {
  int is_list = type == py.List_Type;
  if (!is_list && type != py.Tuple_Type) return 0;
  Py_ssize_t_ n = is_list ? py.List_Size(obj) : py.Tuple_Size(obj);
  if (n < 1) return 0; /* empty: reticulate's own answer */
  int *types = malloc(n * sizeof(int));
  PyObject **items = malloc(n * sizeof(PyObject *));
  if (types == NULL || items == NULL) {
    free(types);
    free(items);
    return 0;
  }
  for (Py_ssize_t_ i = 0; i < n; i++) {
    items[i] = is_list ? py.List_GetItem(obj, i) : py.Tuple_GetItem(obj, i); /* borrowed */
    types[i] = known_type(items[i]);
    if (types[i] < 0 || known_callable[types[i]]) {
      free(types);
      free(items);
      return 0;
    }
  }
  for (Py_ssize_t_ i = 0; i < n; i++) py.IncRef(items[i]);
  out->items = items;
  out->types = types;
  out->n = n;
  return 1;
}

/* The R list of references for a known_list (without the GIL); frees it. */
static SEXP wrap_list(known_list *list) {
  SEXP out = PROTECT(Rf_allocVector(VECSXP, list->n));
  for (Py_ssize_t_ i = 0; i < list->n; i++) SET_VECTOR_ELT(out, i, wrap(list->items[i], list->types[i], 1));
  free(list->items);
  free(list->types);
  list->n = 0;
  UNPROTECT(1);
  return out;
}

/* A Python bool, float or int as an R scalar (logical, double, integer), read with the GIL held
 * and made into an R value once it is released. */
typedef struct {
  SEXPTYPE type; /* NILSXP: not a scalar */
  double real;
  int integer;
} scalar;

/* Whether `obj` is exactly a bool, float or int, which R gets as a logical, double or integer (an
 * int beyond R's integers as a double); fills `out`. Subclasses (numpy.float64, enums) are left to
 * reticulate. */
static int take_scalar(PyObject *obj, PyObject *type, scalar *out) {
  if (type == py.Bool_Type) {
    out->type = LGLSXP;
    out->integer = obj == py.True;
  } else if (type == py.Float_Type) {
    out->type = REALSXP;
    out->real = py.Float_AsDouble(obj);
  } else if (type == py.Long_Type) {
    int overflow = 0;
    long value = py.Long_AsLongAndOverflow(obj, &overflow);
    if (!overflow && value > -2147483647L - 1L && value <= 2147483647L) { /* INT_MIN is R's NA */
      out->type = INTSXP;
      out->integer = (int) value;
    } else {
      /* Beyond R's integers reticulate casts (2**31 -> NA, 2**40 -> 0); a double is the number,
       * exact up to 2**53, as R itself holds large whole numbers. */
      double real = overflow ? py.Long_AsDouble(obj) : (double) value;
      if (real == -1.0 && py.Err_Occurred()) { /* beyond a double: infinite, as R reads 1e400 */
        py.Err_Clear();
        real = overflow > 0 ? R_PosInf : R_NegInf;
      }
      out->type = REALSXP;
      out->real = real;
    }
  } else {
    return 0;
  }
  return 1;
}

static SEXP scalar_for_r(const scalar *value) {
  if (value->type == LGLSXP) return Rf_ScalarLogical(value->integer);
  if (value->type == REALSXP) return Rf_ScalarReal(value->real);
  return Rf_ScalarInteger(value->integer);
}

/* What R gets for a Python result (a reference we own, consumed here): NULL for None; for a known
 * type `*k` is set and the caller wraps it once the GIL is released (a list or tuple of known types
 * fills `list`, a bool, float or int fills `value`); otherwise it is appended to the stash for
 * reticulate (`stashed`). Returns sym_error if Python failed. Callables are wrapped only when
 * `callables` (R makes their function). */
static SEXP result_for_r(PyObject *result, int *k, int callables, known_list *list, scalar *value) {
  *k = -1;
  list->n = 0;
  value->type = NILSXP;
  if (result == py.None) {
    py.DecRef(result);
    return R_NilValue;
  }
  PyObject *type = type_of(result);
  if ((*k = known_index(type)) >= 0 && (callables || !known_callable[*k])) return R_NilValue;
  *k = -1;
  if (take_scalar(result, type, value) || take_known_list(result, type, list)) {
    py.DecRef(result);
    return R_NilValue;
  }
  int failed = py.List_Append(py.stash, result);
  py.DecRef(result);
  return failed ? sym_error : sym_stashed;
}

/* .Call(rkb_fast_call, fn, args): see the top of this file. `args` is list(...) of the R call;
 * names mark keyword arguments. Only for callables with convert = TRUE (read here, at call time, as
 * py_convert_flag() would: reticulate may change it while it builds a wrapper). */
SEXP rkb_fast_call(SEXP fn, SEXP args) {
  if (!python_alive() || py.call == NULL) return sym_fallback;
  PyObject *f = unwrap(fn);
  if (f == NULL || !converts(fn)) return sym_fallback; /* convert = FALSE: R's path keeps the flag */
  R_xlen_t n = XLENGTH(args);
  SEXP names = Rf_getAttrib(args, R_NamesSymbol);
  PyGILState_STATE gil = py.GILState_Ensure();
  R_xlen_t n_pos = 0;
  for (R_xlen_t i = 0; i < n; i++)
    if (names == R_NilValue || CHAR(STRING_ELT(names, i))[0] == '\0') n_pos++;
  PyObject *pos = py.Tuple_New(n_pos + 1), *kw = NULL, *result = NULL;
  SEXP answer = sym_fallback;
  int k = -1, collect = 0;
  known_list list = {NULL, NULL, 0};
  scalar value = {NILSXP, 0, 0};
  if (pos == NULL) goto python_error;
  py.IncRef(f);
  py.Tuple_SetItem(pos, 0, f);
  for (R_xlen_t i = 0, slot = 1; i < n; i++) {
    PyObject *value = argument(VECTOR_ELT(args, i));
    if (value == NULL) { /* R's path converts it, or Python failed to allocate */
      if (py.Err_Occurred()) goto python_error;
      goto done;
    }
    if (names == R_NilValue || CHAR(STRING_ELT(names, i))[0] == '\0') {
      py.Tuple_SetItem(pos, slot++, value); /* steals value */
    } else {
      if (kw == NULL && (kw = py.Dict_New()) == NULL) {
        py.DecRef(value);
        goto python_error;
      }
      /* (Rf_translateCharUTF8() could only fail on a name R cannot re-encode) */
      int failed = py.Dict_SetItemString(kw, Rf_translateCharUTF8(STRING_ELT(names, i)), value);
      py.DecRef(value);
      if (failed) goto python_error;
    }
  }
  result = py.Object_Call(py.call, pos, kw);
  if (result == NULL) goto python_error;
  answer = result_for_r(result, &k, 0, &list, &value); /* a callable result becomes reticulate's R function */
  if (answer == sym_error) goto python_error;
  goto done;
python_error:
  py.Err_Clear(); /* conversion.call remembered the exception for R's python_condition() */
  answer = sym_error;
done:
  if (pos) py.DecRef(pos);
  if (kw) py.DecRef(kw);
  collect = rkb_memory_take_pressure(); /* the tensors handed to R passed the threshold (memory.c) */
  py.GILState_Release(gil);
  /* R allocates (and may run its garbage collector, or fail) only here, without the GIL: our
   * finalizers take it themselves, and an R error cannot leave it held. */
  if (k >= 0) answer = wrap(result, k, 0); /* steals result */
  else if (list.n) answer = wrap_list(&list);
  else if (value.type != NILSXP) answer = scalar_for_r(&value);
  if (collect) {
    PROTECT(answer);
    rkb_memory_collect(collect);
    UNPROTECT(1);
  }
  return answer;
}

/* .Call(rkb_fast_getattr, x, name): `x$name` for a reference with convert = TRUE: the attribute's
 * value as rkb_fast_call() answers a result (a known type wrapped here, NULL for None, `stashed`).
 * A missing attribute or other Python error answers `fallback`, so reticulate raises its own
 * error. */
SEXP rkb_fast_getattr(SEXP x, SEXP name) {
  if (!python_alive() || TYPEOF(name) != STRSXP || XLENGTH(name) != 1) return sym_fallback;
  PyObject *obj = unwrap(x);
  if (obj == NULL) return sym_fallback;
  if (!converts(x)) return sym_fallback;
  const char *attr = Rf_translateCharUTF8(STRING_ELT(name, 0));
  PyGILState_STATE gil = py.GILState_Ensure();
  PyObject *value = py.Object_GetAttrString(obj, attr);
  SEXP answer = sym_fallback;
  int k = -1;
  known_list list = {NULL, NULL, 0};
  scalar number = {NILSXP, 0, 0};
  if (value == NULL) {
    py.Err_Clear();
  } else {
    answer = result_for_r(value, &k, 1, &list, &number); /* R makes the function of a callable */
    if (answer == sym_error) {
      py.Err_Clear();
      answer = sym_fallback; /* not stashed: reticulate's `$` looks it up again */
    }
  }
  py.GILState_Release(gil);
  if (list.n) return wrap_list(&list);
  if (number.type != NILSXP) return scalar_for_r(&number);
  if (k < 0) return answer;
  SEXP ref = wrap(value, k, 0); /* steals value */
  if (!known_callable[k]) return ref;
  PROTECT(ref);
  SEXP call = PROTECT(Rf_lang2(make_function, ref));
  SEXP fn = Rf_eval(call, R_GlobalEnv);
  UNPROTECT(2);
  return fn;
}

/* .Call(rkb_fast_init, call, stash, maker, item_marks): look Python's functions up and keep
 * conversion.call, the stash list, R's maker of functions for callables (`$` on a layer or a
 * method) and whether reticulate marks list items `simple = FALSE`. Returns TRUE when the fast
 * path can run. */
SEXP rkb_fast_init(SEXP call, SEXP stash, SEXP maker, SEXP item_marks) {
  py.ready = 0;
  if (TYPEOF(maker) != CLOSXP || TYPEOF(item_marks) != LGLSXP || XLENGTH(item_marks) != 1)
    return Rf_ScalarLogical(FALSE);
  items_not_simple = LOGICAL(item_marks)[0] == TRUE;
  if (make_function) R_ReleaseObject(make_function);
  R_PreserveObject(make_function = maker);
#define FIND(field, name) if ((*(void **) &py.field = find_symbol(name)) == NULL) return Rf_ScalarLogical(FALSE)
  FIND(GILState_Ensure, "PyGILState_Ensure");
  FIND(GILState_Release, "PyGILState_Release");
  FIND(IsInitialized, "Py_IsInitialized");
  FIND(IncRef, "Py_IncRef");
  FIND(DecRef, "Py_DecRef");
  FIND(Tuple_New, "PyTuple_New");
  FIND(Tuple_SetItem, "PyTuple_SetItem");
  FIND(Dict_New, "PyDict_New");
  FIND(Dict_SetItemString, "PyDict_SetItemString");
  FIND(Float_FromDouble, "PyFloat_FromDouble");
  FIND(Long_FromLong, "PyLong_FromLong");
  FIND(Bool_FromLong, "PyBool_FromLong");
  FIND(Unicode_FromString, "PyUnicode_FromString");
  FIND(Object_Call, "PyObject_Call");
  FIND(Object_Type, "PyObject_Type");
  FIND(List_Append, "PyList_Append");
  FIND(List_New, "PyList_New");
  FIND(List_SetItem, "PyList_SetItem");
  FIND(Object_GetAttrString, "PyObject_GetAttrString");
  FIND(Err_Occurred, "PyErr_Occurred");
  FIND(Callable_Check, "PyCallable_Check");
  FIND(List_Size, "PyList_Size");
  FIND(List_GetItem, "PyList_GetItem");
  FIND(List_Type, "PyList_Type");
  FIND(Tuple_Size, "PyTuple_Size");
  FIND(Tuple_GetItem, "PyTuple_GetItem");
  FIND(Tuple_Type, "PyTuple_Type");
  FIND(Bool_Type, "PyBool_Type");
  FIND(Float_Type, "PyFloat_Type");
  FIND(Long_Type, "PyLong_Type");
  FIND(True, "_Py_TrueStruct");
  FIND(Float_AsDouble, "PyFloat_AsDouble");
  FIND(Long_AsLongAndOverflow, "PyLong_AsLongAndOverflow");
  FIND(Long_AsDouble, "PyLong_AsDouble");
  FIND(Err_Clear, "PyErr_Clear");
  FIND(None, "_Py_NoneStruct");
#undef FIND
  *(void **) &py.IsFinalizing = find_symbol("Py_IsFinalizing");
  if (py.IsFinalizing == NULL) *(void **) &py.IsFinalizing = find_symbol("_Py_IsFinalizing");
  PyObject *c = unwrap(call), *s = unwrap(stash);
  if (c == NULL || s == NULL || !py.IsInitialized()) return Rf_ScalarLogical(FALSE);
  PyGILState_STATE gil = py.GILState_Ensure();
  py.IncRef(c);
  py.IncRef(s);
  if (py.call) py.DecRef(py.call);
  if (py.stash) py.DecRef(py.stash);
  py.call = c;
  py.stash = s;
  py.GILState_Release(gil);
  py.ready = 1;
  return Rf_ScalarLogical(TRUE);
}

/* .Call(rkb_fast_disable): every fast call answers `fallback` from now on (R's path), until
 * rkb_fast_init() is called again: checked_caller() tries the fast path without asking R first. */
SEXP rkb_fast_disable(void) {
  py.ready = 0;
  return R_NilValue;
}

/* .Call(rkb_learn_class, ref): remember the class vector reticulate gave `ref` for its Python type,
 * so later results of that type are wrapped here. R only calls this for tensors and variables. */
SEXP rkb_learn_class(SEXP ref) {
  PyObject *obj = unwrap(ref);
  if (!py.ready || obj == NULL || n_known >= MAX_TYPES) return Rf_ScalarLogical(FALSE);
  if (TYPEOF(ref) == CLOSXP) ref = Rf_getAttrib(ref, sym_py_object); /* a callable: its reference */
  PyGILState_STATE gil = py.GILState_Ensure();
  int known = known_type(obj);
  PyObject *type = py.Object_Type(obj);
  py.DecRef(type); /* kept alive below by the reference we take */
  if (known < 0) {
    py.IncRef(type);
    known_types[n_known] = type;
    known_simple[n_known] = Rf_findVarInFrame(ref, sym_simple) != R_UnboundValue;
    known_callable[n_known] = py.Callable_Check(obj);
    known_classes[n_known] = Rf_duplicate(Rf_getAttrib(ref, R_ClassSymbol));
    R_PreserveObject(known_classes[n_known]);
    MARK_NOT_MUTABLE(known_classes[n_known]); /* shared by every reference wrap() makes */
    n_known++;
  }
  py.GILState_Release(gil);
  return Rf_ScalarLogical(TRUE);
}

/* .Call(rkb_object_address, ref): the address of the PyObject a reference holds (as a double,
 * exact below 2^53), for R's check that unwrap() agrees with Python's id(). */
SEXP rkb_object_address(SEXP ref) {
  PyObject *obj = unwrap(ref);
  return Rf_ScalarReal(obj ? (double) (unsigned long) obj : -1.0);
}

void rkb_fast_init_symbols(void) {
  sym_pyobj = Rf_install("pyobj");
  sym_convert = Rf_install("convert");
  sym_simple = Rf_install("simple");
  sym_py_object = Rf_install("py_object");
  sym_fallback = Rf_install("fallback");
  sym_error = Rf_install("error");
  sym_stashed = Rf_install("stashed");
}
