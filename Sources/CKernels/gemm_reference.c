// ckernels_sgemm_reference: the order of arithmetic every path of ckernels_sgemm follows, written
// as plainly as it reads (ckernels.h), one element at a time. The tests hold every path to its
// bits; the tool falls back on it when a product's packing buffer cannot be allocated: it needs no
// memory, and gives the same bits, only slower.
#include "ckernels.h"

void ckernels_sgemm_reference(int transpose_a, int transpose_b, long m, long n, long k, float alpha, const float *a, long lda,
                              const float *b, long ldb, float beta, float *c, long ldc) {
    for (long i = 0; i < m; i++) {
        for (long j = 0; j < n; j++) {
            float *out = c + i * ldc + j;
            if (alpha == 0.0f || k <= 0) {
                // Nothing multiplied: C ← β·C (zeros for β = 0, whatever C held).
                *out = beta == 0.0f ? 0.0f : beta * *out;
                continue;
            }
            float acc = 0.0f;
            for (long p = 0; p < k; p++) {
                const float x = transpose_a ? a[p * lda + i] : a[i * lda + p];
                const float y = transpose_b ? b[j * ldb + p] : b[p * ldb + j];
                acc = __builtin_fmaf(x, y, acc);
            }
            const float t = alpha * acc;
            *out = beta == 0.0f ? t : __builtin_fmaf(beta, *out, t);
        }
    }
}
