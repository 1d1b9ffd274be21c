// The AVX2 and FMA3 path of ckernels_sgemm: 8 floats a vector.
#include "ckernels.h"
#include "gemm_internal.h"

#if defined(__x86_64__)
#include <immintrin.h>

#define TARGET __attribute__((target("avx2,fma")))
#define NAME(x) avx2_##x
#define VEC __m256
#define W 8
// Sixteen 256-bit registers: 6 rows × 2 vectors of accumulators, the 2 vectors of B' and one
// broadcast of A' fill 15 of them. Measured against 5 × 2 and 4 × 3 on the training's products
// (alternating with OpenBLAS's Haswell kernels): 6 × 2 was the fastest, by 4% and by 30%.
#define MR 6
#define NV 2
#define MASK __m256i
#define V_ZERO() _mm256_setzero_ps()
#define V_SET1(x) _mm256_set1_ps(x)
#define V_LOAD(p) _mm256_load_ps(p)
#define V_LOADU(p) _mm256_loadu_ps(p)
#define V_STORE(p, v) _mm256_store_ps(p, v)
#define V_STOREU(p, v) _mm256_storeu_ps(p, v)
#define V_MUL(x, y) _mm256_mul_ps(x, y)
#define V_FMA(x, y, z) _mm256_fmadd_ps(x, y, z)
#define V_MASK(lanes) _mm256_cmpgt_epi32(_mm256_set1_epi32(lanes), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7))
#define V_MASKLOAD(p, m) _mm256_maskload_ps(p, m)
#define V_LOAD_LAST(p, m) _mm256_loadu_ps(p)
#define V_MASKSTORE(p, m, v) _mm256_maskstore_ps(p, m, v)

#include "gemm_vector.h"

// The AVX-512 path's blocking (see gemm_avx512.c; not measured apart, no AVX2-only machine being at
// hand); C written down its columns goes element by element (about 2 cycles each).
const ck_gemm_kernel ck_gemm_avx2 = {.mr = MR, .nr = NV * W, .pack = avx2_pack, .tile = avx2_tile, .lanes = W, .masks_b = 0,
                                     .nc = 768, .mc = 192, .kc = 256, .transposed_store = 2.0};
#endif
