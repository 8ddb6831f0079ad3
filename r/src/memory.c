/* R's collector and the tensor memory its references hold (rkeras_bridge/bridge/memory.py says why).
 *
 * Python counts the bytes of the tensors each call hands R and, past a threshold, appends to a list,
 * `memory.PRESSURE`, the level of collection it asks for. After a call from R, the fast path
 * (fastcall.c, with the GIL still held) or R's own path (rkb_collect_if_pressed()) reads it here; if it
 * is not empty, it is emptied and, once the call's result is wrapped and protected, R runs
 * gc(full = FALSE) (level 1: the young generations, 2-11 ms with TensorFlow loaded) or gc(full = TRUE)
 * (level 2, ~0.2 s): the references R dropped are freed and their finalizers drop the tensors. Python's
 * functions are looked up like fastcall.c's (never linked), separately, so the policy holds with the
 * fast path off.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* RTLD_DEFAULT */
#endif
#define R_NO_REMAP
#include <R.h>
#include <Rinternals.h>
#include <dlfcn.h>
#include <stddef.h>
#include "memory.h"

typedef void PyObject;
typedef int PyGILState_STATE;
typedef ptrdiff_t Py_ssize_t_;

static struct {
  int ready;
  PyGILState_STATE (*GILState_Ensure)(void);
  void (*GILState_Release)(PyGILState_STATE);
  int (*IsInitialized)(void);
  void (*IncRef)(PyObject *);
  Py_ssize_t_ (*List_Size)(PyObject *);
  PyObject *(*List_GetItem)(PyObject *, Py_ssize_t_);
  long (*Long_AsLong)(PyObject *);
  int (*List_SetSlice)(PyObject *, Py_ssize_t_, Py_ssize_t_, PyObject *);
  void (*Err_Clear)(void);
  PyObject *pressure; /* memory.PRESSURE (a reference we own, never dropped: the module lives on) */
} mem;

static SEXP collect_call[2] = {NULL, NULL}; /* gc(FALSE, FALSE, full = FALSE / TRUE), preserved */

/* .Call(rkb_memory_init, pressure): keep memory.PRESSURE (a reticulate reference). Returns TRUE when
 * the policy can run. */
SEXP rkb_memory_init(SEXP pressure) {
  mem.ready = 0;
#define FIND(field, name) if ((*(void **) &mem.field = dlsym(RTLD_DEFAULT, name)) == NULL) return Rf_ScalarLogical(FALSE)
  FIND(GILState_Ensure, "PyGILState_Ensure");
  FIND(GILState_Release, "PyGILState_Release");
  FIND(IsInitialized, "Py_IsInitialized");
  FIND(IncRef, "Py_IncRef");
  FIND(List_Size, "PyList_Size");
  FIND(List_SetSlice, "PyList_SetSlice");
  FIND(List_GetItem, "PyList_GetItem");
  FIND(Long_AsLong, "PyLong_AsLong");
  FIND(Err_Clear, "PyErr_Clear");
#undef FIND
  PyObject *list = rkb_unwrap(pressure);
  if (list == NULL || !mem.IsInitialized()) return Rf_ScalarLogical(FALSE);
  PyGILState_STATE gil = mem.GILState_Ensure();
  Py_ssize_t_ n = mem.List_Size(list); /* -1 (and an error set) if it is not a list */
  if (n >= 0) mem.IncRef(list);
  else mem.Err_Clear();
  mem.GILState_Release(gil);
  if (n < 0) return Rf_ScalarLogical(FALSE);
  mem.pressure = list;
  for (int full = 0; full < 2; full++) {
    if (collect_call[full] != NULL) continue;
    collect_call[full] = Rf_lang4(Rf_install("gc"), Rf_ScalarLogical(FALSE), Rf_ScalarLogical(FALSE),
                                  Rf_ScalarLogical(full));
    R_PreserveObject(collect_call[full]);
  }
  mem.ready = 1;
  return Rf_ScalarLogical(TRUE);
}

int rkb_memory_take_pressure(void) {
  if (!mem.ready) return 0;
  Py_ssize_t_ n = mem.List_Size(mem.pressure);
  if (n <= 0) return 0;
  int level = 1;
  for (Py_ssize_t_ i = 0; i < n; i++) /* the levels Python asked for: 1 quick, 2 full */
    if (mem.Long_AsLong(mem.List_GetItem(mem.pressure, i)) >= 2) level = 2;
  mem.List_SetSlice(mem.pressure, 0, n, NULL);
  mem.Err_Clear(); /* none expected: memory.py appends only ints; a Python error must not leak to R's call */
  return level;
}

void rkb_memory_collect(int level) {
  int failed = 0;
  /* an R error (none expected) must not jump out */
  R_tryEvalSilent(collect_call[level >= 2], R_BaseEnv, &failed);
}

/* .Call(rkb_collect_if_pressed): R's own path of a call asks after reticulate's call. Returns
 * TRUE when it collected. */
SEXP rkb_collect_if_pressed(void) {
  if (!mem.ready || !mem.IsInitialized()) return Rf_ScalarLogical(FALSE);
  PyGILState_STATE gil = mem.GILState_Ensure();
  int pressed = rkb_memory_take_pressure();
  mem.GILState_Release(gil);
  if (pressed) rkb_memory_collect(pressed);
  return Rf_ScalarLogical(pressed > 0);
}
