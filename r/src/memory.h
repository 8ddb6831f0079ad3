/* R's collector and the tensors it is handed (memory.c). */
#ifndef RKB_MEMORY_H
#define RKB_MEMORY_H
int rkb_memory_take_pressure(void); /* with the GIL held: 0, or the level of collection Python asked for */
void rkb_memory_collect(int level); /* without the GIL: 1 a quick collection of R's garbage, 2 a full one */
void *rkb_unwrap(SEXP x);           /* fastcall.c: the PyObject a reticulate reference holds, or NULL */
#endif
