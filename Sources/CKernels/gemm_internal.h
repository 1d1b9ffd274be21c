#ifndef CKERNELS_GEMM_INTERNAL_H
#define CKERNELS_GEMM_INTERNAL_H

// What the GEMM driver (gemm.c, with the portable path) and its vector paths (gemm_avx2.c,
// gemm_avx512.c, both from gemm_vector.h) share. See ckernels.h for the product every path computes and the order of its
// arithmetic.
//
// The driver works on one canonical problem, C' (M, N) = A' (M, K) · B' (K, N), every operand
// given by a pointer and two element strides, so that transposes and the choice of which of C's
// dimensions the vectors run along are only strides:
//   - A' is the broadcast operand: a micro-tile takes MR of its rows, one element at a time;
//   - B' is the vector operand: a micro-tile takes NR of its columns, in vectors;
//   - C'[i][j] is at c + i·rsc + j·csc.
// C' is C itself (rsc = ldc, csc = 1) when the vectors run along C's rows, or Cᵀ (rsc = 1,
// csc = ldc) when they run down its columns; A' and B' are then op(B)ᵀ and op(A)ᵀ. Each element's
// sum is the same either way (a·b = b·a exactly), so the choice changes speed, never bits.

/// One micro-tile's inputs besides its operands: where its accumulators start and where they go.
/// The kernel computes acc[i][j] = fma(A'[i][p], B'[p][j], acc[i][j]) for p = 0, 1, …, kc−1
/// in that order, from acc = 0 (first) or from `partial` (the raw accumulators an earlier K-block
/// left), then either stores the raw accumulators back to `partial` (not last) or writes C:
///   c = α·acc                  when β = 0 (C is not read),
///   c = fma(β, c, α·acc)       otherwise,
/// α·acc rounded to float first. Only rows i < mr and columns j < nr of the tile are C's.
typedef struct {
    float *c;
    long rsc, csc;
    float alpha, beta;
    // MR·NR floats, row-major: the tile's raw accumulators between K-blocks; with one K-block, room
    // for a tile that is written to C element by element (always given).
    float *partial;
    int first, last;
} ck_gemm_tile;

/// One path's micro-kernel and packing.
typedef struct {
    int mr, nr;
    /// Packs `count` (≤ w) lines of kc elements into dst[p·w + x] = src[x·sw + p·sk], the lines
    /// after `count` zero up to the end of the vector holding the last one: a panel of B' (w = NR,
    /// lines = columns).
    void (*pack)(float *restrict dst, int w, long count, long kc, const float *restrict src, long sw, long sk);
    /// One micro-tile from mr rows of A' and nr columns of B', B'[p][j] = b[p·bs + j] (a packed
    /// panel, bs = NR, or B' in place). A' is read in place: A'[i][p] is a[i·as + p] when `rows`,
    /// else a[p·as + i].
    void (*tile)(long kc, const float *restrict a, long as, int rows, const float *restrict b, long bs, int mr, int nr,
                 const ck_gemm_tile *io);
    /// Floats per vector.
    int lanes;
    /// Whether the tile masks the lanes of B' past nr (then B' can be read in place whatever nr).
    int masks_b;
    /// Blocking (see gemm.c): columns of B' packed at once, rows of A' per sweep of B''s panels,
    /// and the longest K-block.
    long nc, mc, kc;
    /// Cycles per element of writing a tile down C's columns (transposed), for the choice of
    /// which way the vectors run.
    double transposed_store;
} ck_gemm_kernel;

extern const ck_gemm_kernel ck_gemm_portable;
#if defined(__x86_64__)
extern const ck_gemm_kernel ck_gemm_avx2;
extern const ck_gemm_kernel ck_gemm_avx512;
#endif

/// The scalar packing every path can use (and the portable one does).
void ck_gemm_pack_scalar(float *restrict dst, int w, long count, long kc, const float *restrict src, long sw, long sk);

/// Writes rows i < mr, columns j < nr of a tile of raw accumulators acc[i·nr_stride + j] to C as
/// the tile's rule says, one element at a time (fmaf): the portable path's store, and the other
/// paths' where C's layout does not suit their vectors. The same operations as the vector stores,
/// so the same bits. (An external function: inlined into a vector kernel, it would keep that
/// kernel's accumulators alive in its loop, where they do not fit in registers.)
void ck_gemm_finish_scalar(const float *acc, int nr_stride, int mr, int nr, const ck_gemm_tile *io);

#endif
