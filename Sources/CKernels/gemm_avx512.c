// The AVX-512F path of ckernels_sgemm: 16 floats a vector.
#include "ckernels.h"
#include "gemm_internal.h"

#if defined(__x86_64__)
#include <immintrin.h>

#define TARGET __attribute__((target("avx512f,avx2,fma")))
#define VEC __m512
#define W 16
// 32 registers: 8 rows × 3 vectors of accumulators (24), the 3 vectors of B' and a broadcast of
// A' (28). Measured in isolation (panels in L1), it sustains 90% of the measured FMA peak from 10
// steps of k up. A second shape of 6 rows × 4 vectors (29 registers), for C' 100 columns wide as
// 64 + 36 rather than 48 + 48 + 4, chosen per product by the estimate: 128 × 100 × 128 ran at
// 76–79% of the peak against 75–78%, and the input gradients it was estimated faster on
// (down C's columns, 100 rows) ×0.91–0.96; not kept. Unrolling the loop by 4 steps (each step's
// loads still fenced) spilled the accumulators along A''s rows: ×0.41–0.68. Reading A''s 8 rows
// from 8 base pointers and one index (no address arithmetic left in the loop, where the
// compiler computes each row's address every step): ×0.99–1.00, so not the limit either.
#define MR 8
#define NV 3
#define NAME(x) avx512_##x
#define MASK __mmask16
#define V_ZERO() _mm512_setzero_ps()
#define V_SET1(x) _mm512_set1_ps(x)
#define V_LOAD(p) _mm512_load_ps(p)
#define V_LOADU(p) _mm512_loadu_ps(p)
#define V_STORE(p, v) _mm512_store_ps(p, v)
#define V_STOREU(p, v) _mm512_storeu_ps(p, v)
#define V_MUL(x, y) _mm512_mul_ps(x, y)
#define V_FMA(x, y, z) _mm512_fmadd_ps(x, y, z)
#define V_MASK(lanes) ((__mmask16)((1u << (lanes)) - 1u))
#define V_MASKLOAD(p, m) _mm512_maskz_loadu_ps(m, p)
#define V_LOAD_LAST(p, m) _mm512_maskz_loadu_ps(m, p)
#define V_MASKSTORE(p, m, v) _mm512_mask_storeu_ps(p, m, v)

/// Eight vectors t[0..7] of 16 floats, the tile's rows i, written as C's rows r < rows (16 at
/// most), columns i < mr: each row of C gets t[0][r] … t[7][r], eight contiguous floats. An 8 × 16
/// transpose in registers: unpacks and in-lane shuffles gather each 128-bit lane's 4 × 4 block,
/// then 128-bit lane shuffles pair the halves. With β ≠ 0, c = fma(β, c, t) on each row, as the
/// vector store along rows does.
static inline __attribute__((always_inline)) TARGET void avx512_store_transposed(const __m512 t[8], int mr, int rows, float *c,
                                                                                 long ldc, float beta) {
    const __m512 t0 = _mm512_unpacklo_ps(t[0], t[1]), t1 = _mm512_unpackhi_ps(t[0], t[1]), t2 = _mm512_unpacklo_ps(t[2], t[3]),
                 t3 = _mm512_unpackhi_ps(t[2], t[3]), t4 = _mm512_unpacklo_ps(t[4], t[5]), t5 = _mm512_unpackhi_ps(t[4], t[5]),
                 t6 = _mm512_unpacklo_ps(t[6], t[7]), t7 = _mm512_unpackhi_ps(t[6], t[7]);
    // u[q] (q < 4): in each 128-bit lane L, column 4L + q of rows 0–3; u[q + 4]: of rows 4–7.
    const __m512 u[8] = {_mm512_shuffle_ps(t0, t2, 0x44), _mm512_shuffle_ps(t0, t2, 0xEE), _mm512_shuffle_ps(t1, t3, 0x44),
                         _mm512_shuffle_ps(t1, t3, 0xEE), _mm512_shuffle_ps(t4, t6, 0x44), _mm512_shuffle_ps(t4, t6, 0xEE),
                         _mm512_shuffle_ps(t5, t7, 0x44), _mm512_shuffle_ps(t5, t7, 0xEE)};
    const __m256i lanes = _mm256_cmpgt_epi32(_mm256_set1_epi32(mr), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
    const __m256 b = _mm256_set1_ps(beta);
    for (int q = 0; q < 4; q++) {
        const __m512 low = _mm512_shuffle_f32x4(u[q], u[q + 4], 0x44), high = _mm512_shuffle_f32x4(u[q], u[q + 4], 0xEE);
        // Lane order 0, 2, 1, 3: rows q and 4 + q in low, 8 + q and 12 + q in high.
        const __m512 pairs[2] = {_mm512_shuffle_f32x4(low, low, 0xD8), _mm512_shuffle_f32x4(high, high, 0xD8)};
        for (int h = 0; h < 4; h++) {
            const int r = 4 * h + q;
            if (r >= rows) continue;
            const __m512 pair = pairs[h / 2];
            __m256 row = h % 2 == 0 ? _mm512_castps512_ps256(pair)
                                    : _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(pair), 1));
            float *to = c + r * ldc;
            if (mr == 8) {
                if (beta != 0.0f) row = _mm256_fmadd_ps(b, _mm256_loadu_ps(to), row);
                _mm256_storeu_ps(to, row);
            } else {
                if (beta != 0.0f) row = _mm256_fmadd_ps(b, _mm256_maskload_ps(to, lanes), row);
                _mm256_maskstore_ps(to, lanes, row);
            }
        }
    }
}
#define V_STORE_TRANSPOSED(t, mr, rows, c, ldc, beta) avx512_store_transposed(t, mr, rows, c, ldc, beta)

/// The transposing pack's step with 16 steps of k at once: 8 lines of 16 elements, src + x·sw + p,
/// to dst + p·w + x (x < 8, p < 16), the same shuffles as above; one 64-byte load a line instead of
/// two 32-byte ones, and 32 shuffles per 128 floats instead of 48.
static inline __attribute__((always_inline)) TARGET void avx512_transpose8x16(float *restrict dst, long w, const float *restrict src,
                                                                             long sw) {
    const __m512 r0 = _mm512_loadu_ps(src), r1 = _mm512_loadu_ps(src + sw), r2 = _mm512_loadu_ps(src + 2 * sw),
                 r3 = _mm512_loadu_ps(src + 3 * sw), r4 = _mm512_loadu_ps(src + 4 * sw), r5 = _mm512_loadu_ps(src + 5 * sw),
                 r6 = _mm512_loadu_ps(src + 6 * sw), r7 = _mm512_loadu_ps(src + 7 * sw);
    const __m512 t0 = _mm512_unpacklo_ps(r0, r1), t1 = _mm512_unpackhi_ps(r0, r1), t2 = _mm512_unpacklo_ps(r2, r3),
                 t3 = _mm512_unpackhi_ps(r2, r3), t4 = _mm512_unpacklo_ps(r4, r5), t5 = _mm512_unpackhi_ps(r4, r5),
                 t6 = _mm512_unpacklo_ps(r6, r7), t7 = _mm512_unpackhi_ps(r6, r7);
    const __m512 u[8] = {_mm512_shuffle_ps(t0, t2, 0x44), _mm512_shuffle_ps(t0, t2, 0xEE), _mm512_shuffle_ps(t1, t3, 0x44),
                         _mm512_shuffle_ps(t1, t3, 0xEE), _mm512_shuffle_ps(t4, t6, 0x44), _mm512_shuffle_ps(t4, t6, 0xEE),
                         _mm512_shuffle_ps(t5, t7, 0x44), _mm512_shuffle_ps(t5, t7, 0xEE)};
    for (int q = 0; q < 4; q++) {
        const __m512 low = _mm512_shuffle_f32x4(u[q], u[q + 4], 0x44), high = _mm512_shuffle_f32x4(u[q], u[q + 4], 0xEE);
        const __m512 pairs[2] = {_mm512_shuffle_f32x4(low, low, 0xD8), _mm512_shuffle_f32x4(high, high, 0xD8)};
        for (int h = 0; h < 4; h++) {
            const __m512 pair = pairs[h / 2];
            const __m256 row = h % 2 == 0 ? _mm512_castps512_ps256(pair) : _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(pair), 1));
            _mm256_storeu_ps(dst + (4 * h + q) * w, row);
        }
    }
}
#define V_TRANSPOSE_8X16(dst, w, src, sw) avx512_transpose8x16(dst, w, src, sw)

#include "gemm_vector.h"
#undef NAME
#undef MR
#undef NV

// Blocking, from measurements of the training's products (lesson, deep tanh) alternated in one
// process: the K-block's length changed nothing between 128 and 784 (±1%), 96 was 15% slower
// (k = 100 then takes two blocks of 50), so 256, which keeps a panel of B' (256 × 48 floats,
// 48 KB) near the L1 cache; the rows of A' per sweep changed nothing from 96 to all of them, so
// 192, which keeps their K-block (192 KB) in L2 for larger matrices; 768 columns of B' per block
// (768 KB packed at most, in L2).
const ck_gemm_kernel ck_gemm_avx512 = {.mr = 8, .nr = 3 * W, .pack = avx512_pack, .tile = avx512_tile, .lanes = W, .masks_b = 1,
                                       .nc = 768, .mc = 192, .kc = 256, .transposed_store = 0.31};
#endif
