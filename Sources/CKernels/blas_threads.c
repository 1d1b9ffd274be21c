#include "ckernels.h"

// OpenBLAS's thread count is one setting for the whole process, and its threaded products split
// the work differently and so round differently from its single-threaded ones: the same network
// measured by `inspect` (threads left at the library's default) and by a run (one thread) gave
// other numbers, and a test process got whichever count its other tests had last set. The tool's
// parallelism is its own (one run per core, a partner core splitting by features), so OpenBLAS
// runs single-threaded in every process that links this library, from before main, whatever
// OPENBLAS_NUM_THREADS says. The dynamic loader runs libopenblas's own initializer first: it is
// a dependency of this image.
extern void openblas_set_num_threads(int count);
extern int openblas_get_num_threads(void);

__attribute__((constructor)) static void ckernels_single_threaded_blas(void) { openblas_set_num_threads(1); }

int ckernels_blas_threads(void) { return openblas_get_num_threads(); }
