// OpenBLAS: CBLAS for the matrix products (cblas.h also declares openblas_set_num_threads),
// and the LAPACK routines the tool needs: Householder QR for the orthogonal initializer, a
// tridiagonal eigensolver for the mean-field theory, an SVD for the Jacobian spectrum. Debian's
// OpenBLAS carries LAPACK inside libopenblas, so the Fortran entry points are declared here
// rather than pulling in LAPACKE.
#include <cblas.h>

// A = QR of an m×n column-major matrix: R in the upper triangle, Householder vectors below, tau.
void sgeqrf_(const int *m, const int *n, float *a, const int *lda, float *tau,
             float *work, const int *lwork, int *info);
// Forms the first n columns of Q from sgeqrf_'s output, in place.
void sorgqr_(const int *m, const int *n, const int *k, float *a, const int *lda,
             const float *tau, float *work, const int *lwork, int *info);

// Eigenvalues and eigenvectors of a symmetric tridiagonal matrix (double): the Golub–Welsch
// route to the Gauss–Hermite nodes and weights of the mean-field theory.
void dstev_(const char *jobz, const int *n, double *d, double *e, double *z, const int *ldz,
            double *work, int *info);

// The singular values (and, unasked here, vectors) of an m×n column-major matrix by divide and
// conquer: the Jacobian spectrum's diagnostic. A is overwritten.
void dgesdd_(const char *jobz, const int *m, const int *n, double *a, const int *lda, double *s,
             double *u, const int *ldu, double *vt, const int *ldvt, double *work, const int *lwork,
             int *iwork, int *info);
