// The micro-kernel and packing of one vector path, written once for all: gemm_avx2.c and
// gemm_avx512.c define the vector type, its operations and the tile's size, then include this (once
// per tile size, with another NAME).
//
// Expects: VEC (the vector type), W (floats per vector), MR (rows of A' a tile broadcasts), NV
// (vectors of B' a tile loads; NR = NV·W columns), TARGET (the function attribute naming the
// instruction set), NAME(x) (a path-prefixed name), and the operations V_ZERO(), V_SET1(x),
// V_LOAD(p) (aligned), V_LOADU(p), V_STORE(p, v) (aligned), V_STOREU(p, v), V_MUL(x, y),
// V_FMA(x, y, z) (= x·y + z, one rounding), MASK, V_MASK(lanes) (the first `lanes` lanes),
// V_MASKLOAD(p, m) (masked lanes read as 0 and never touched), V_MASKSTORE(p, m, v), V_LOAD_LAST(p,
// m) (B''s last vector: masked where the path can); optionally V_STORE_TRANSPOSED(t, mr, rows, c,
// ldc, beta), which writes 8 vectors t[i] (i < mr ≤ 8) as the first mr columns of min(rows, W)
// rows of C at c (row stride ldc), with β (then MR is a multiple of 8); and V_TRANSPOSE_8X16(dst,
// w, src, sw), which writes 8 lines of 16 elements (src + x·sw + p) to dst + p·w + x.

#define NR (NV * W)

/// The micro-tile for mr rows and nv vectors, both constants once inlined into a case of the
/// dispatcher below, so the loops unroll and the accumulators live in registers. Vectors run
/// across the tile's columns; each lane's accumulator takes one product per step of p, in order.
static inline __attribute__((always_inline)) TARGET void NAME(body)(long kc, const float *restrict a, long as, const float *restrict b,
                                                                    long bs, const int mr, const int nv, const int rows, int nr,
                                                                    const ck_gemm_tile *io) {
    // B'[p][j] is b[p·bs + j]: a packed panel (bs = NR) or B' in place. The last vector's lanes
    // past nr are not read where the path can mask them (V_LOAD_LAST); elsewhere the driver
    // only gives whole vectors in place.
    const MASK last = V_MASK(nr - (nv - 1) * W);
    (void)last;
    VEC acc[MR][NV];
    if (io->first) {
        #pragma clang loop unroll(full)
        for (int i = 0; i < MR; i++) {
            #pragma clang loop unroll(full)
            for (int v = 0; v < NV; v++) acc[i][v] = V_ZERO();
        }
    } else {
        #pragma clang loop unroll(full)
        for (int i = 0; i < MR; i++) {
            #pragma clang loop unroll(full)
            for (int v = 0; v < NV; v++) {
                if (i < mr && v < nv) acc[i][v] = V_LOAD(io->partial + i * NR + v * W);
            }
        }
    }
    // A'[i][p] is ap[i·is] with ap = a + p·ks, A' read in place: along its rows, ks = 1 and
    // is = as (rows at stride as, all indexed from one pointer); down its columns (contiguous
    // along i), ks = as and is = 1.
    const long ks = rows ? 1 : as, is = rows ? as : 1;
#define NAME_STEP(p, ap)                                                                       \
    do {                                                                                       \
        /* Each step's loads stay in their step: scheduled all ahead of the FMAs, they would    \
           need more registers than there are (and spill). Costs no instruction. */             \
        __asm__ volatile("" ::: "memory");                                                     \
        VEC bv[NV];                                                                            \
        _Pragma("clang loop unroll(full)") for (int v = 0; v < NV; v++) {                      \
            if (v + 1 < nv) bv[v] = V_LOADU(b + (p) * bs + v * W);                             \
            else if (v + 1 == nv) bv[v] = V_LOAD_LAST(b + (p) * bs + v * W, last);              \
        }                                                                                      \
        _Pragma("clang loop unroll(full)") for (int i = 0; i < MR; i++) {                      \
            if (i < mr) {                                                                      \
                const VEC ai = V_SET1((ap)[i * is]);                                           \
                _Pragma("clang loop unroll(full)") for (int v = 0; v < NV; v++) {              \
                    if (v < nv) acc[i][v] = V_FMA(ai, bv[v], acc[i][v]);                       \
                }                                                                              \
            }                                                                                  \
        }                                                                                      \
    } while (0)
    long p = 0;
    const float *ap = a;
    // One step per turn of the loop: unrolled, the compiler schedules the steps' loads together
    // and runs out of registers (measured: 45% of peak instead of 90% with A' read from rows).
#pragma clang loop unroll(disable)
    for (; p < kc; p++, ap += ks) NAME_STEP(p, ap);
#undef NAME_STEP
    if (io->last && io->csc == 1) {
        const VEC alpha = V_SET1(io->alpha), beta = V_SET1(io->beta);
        const int read_c = io->beta != 0.0f, scale = io->alpha != 1.0f;
        // Read once: the stores below are floats, which could be io's α and β as far as the
        // compiler knows, so it would read io again after each.
        float *const c = io->c;
        const long rsc = io->rsc;
        #pragma clang loop unroll(full)
        for (int i = 0; i < MR; i++) {
            if (i >= mr) continue;
            float *out = c + i * rsc;
            #pragma clang loop unroll(full)
            for (int v = 0; v < NV; v++) {
                if (v >= nv) continue;
                const int lanes = nr - v * W;
                // α·acc; with α = 1 that is acc itself, bit for bit.
                VEC t = scale ? V_MUL(alpha, acc[i][v]) : acc[i][v];
                if (lanes >= W) {
                    if (read_c) t = V_FMA(beta, V_LOADU(out + v * W), t);
                    V_STOREU(out + v * W, t);
                } else {
                    const MASK m = V_MASK(lanes);
                    if (read_c) t = V_FMA(beta, V_MASKLOAD(out + v * W, m), t);
                    V_MASKSTORE(out + v * W, m, t);
                }
            }
        }
        return;
    }
#ifdef V_STORE_TRANSPOSED
    if (io->last && io->rsc == 1) {
        // C' runs down C's columns: the tile's rows are C's columns, transposed in registers, 8
        // rows at a time.
        const VEC alpha = V_SET1(io->alpha);
        const int scale = io->alpha != 1.0f;
        float *const c = io->c;
        const long csc = io->csc;
        const float beta = io->beta;
        #pragma clang loop unroll(full)
        for (int v = 0; v < NV; v++) {
            if (v >= nv) continue;
            #pragma clang loop unroll(full)
            for (int g = 0; g < MR; g += 8) {  // one group: tiles of more than 8 rows would take more
                if (g >= mr) continue;
                VEC t[8];
                #pragma clang loop unroll(full)
                for (int i = 0; i < 8; i++) t[i] = g + i < mr ? (scale ? V_MUL(alpha, acc[g + i][v]) : acc[g + i][v]) : V_ZERO();
                V_STORE_TRANSPOSED(t, mr - g < 8 ? mr - g : 8, nr - v * W, c + g + v * W * csc, csc, beta);
            }
        }
        return;
    }
#endif
    // Not the last K-block: the raw accumulators wait in `partial`. The last, with C' running
    // down C's columns: each row of the tile is a column of C, strided; element by element from
    // `partial`, which then only holds the tile. (Not a local array: the compiler would give the
    // accumulators that array's memory instead of registers.)
    #pragma clang loop unroll(full)
    for (int i = 0; i < MR; i++) {
        #pragma clang loop unroll(full)
        for (int v = 0; v < NV; v++) {
            if (i < mr && v < nv) V_STORE(io->partial + i * NR + v * W, acc[i][v]);
        }
    }
    if (io->last) ck_gemm_finish_scalar(io->partial, NR, mr, nr, io);
}

// One function per tile shape and way of reading A' (each small enough for the compiler to keep
// its accumulators in registers, which it does not do across one function holding them all), and
// a table of them by rows and vectors.
#define NAME_SHAPE(i, v)                                                                                              \
    static __attribute__((noinline)) TARGET void NAME(rows_##i##_##v)(long kc, const float *restrict a, long as,       \
                                                                      const float *restrict b, long bs, int nr,       \
                                                                      const ck_gemm_tile *io) {                       \
        NAME(body)(kc, a, as, b, bs, i, v, 1, nr, io);                                                                \
    }                                                                                                                 \
    static __attribute__((noinline)) TARGET void NAME(panel_##i##_##v)(long kc, const float *restrict a, long as,      \
                                                                       const float *restrict b, long bs, int nr,      \
                                                                       const ck_gemm_tile *io) {                      \
        NAME(body)(kc, a, as, b, bs, i, v, 0, nr, io);                                                                \
    }
#if NV == 1
#define NAME_SHAPES(i) NAME_SHAPE(i, 1)
#define NAME_ENTRY(kind, i) {NAME(kind##_##i##_1)},
#elif NV == 2
#define NAME_SHAPES(i) NAME_SHAPE(i, 1) NAME_SHAPE(i, 2)
#define NAME_ENTRY(kind, i) {NAME(kind##_##i##_1), NAME(kind##_##i##_2)},
#elif NV == 3
#define NAME_SHAPES(i) NAME_SHAPE(i, 1) NAME_SHAPE(i, 2) NAME_SHAPE(i, 3)
#define NAME_ENTRY(kind, i) {NAME(kind##_##i##_1), NAME(kind##_##i##_2), NAME(kind##_##i##_3)},
#else
#error "tiles of 1 to 3 vectors"
#endif
#if MR < 1 || MR > 8
#error "tiles of 1 to 8 rows"
#endif
NAME_SHAPES(1)
#if MR >= 2
NAME_SHAPES(2)
#endif
#if MR >= 3
NAME_SHAPES(3)
#endif
#if MR >= 4
NAME_SHAPES(4)
#endif
#if MR >= 5
NAME_SHAPES(5)
#endif
#if MR >= 6
NAME_SHAPES(6)
#endif
#if MR >= 7
NAME_SHAPES(7)
#endif
#if MR >= 8
NAME_SHAPES(8)
#endif

typedef void (*NAME(shape))(long, const float *restrict, long, const float *restrict, long, int, const ck_gemm_tile *);
#define NAME_TABLE(kind)                                                                                              \
    static const NAME(shape) NAME(by_##kind)[MR][NV] = {NAME_ENTRY(kind, 1) NAME_ENTRY_2(kind) NAME_ENTRY_3(kind)             \
                                                        NAME_ENTRY_4(kind) NAME_ENTRY_5(kind) NAME_ENTRY_6(kind)            \
                                                        NAME_ENTRY_7(kind) NAME_ENTRY_8(kind)};
#if MR >= 2
#define NAME_ENTRY_2(kind) NAME_ENTRY(kind, 2)
#else
#define NAME_ENTRY_2(kind)
#endif
#if MR >= 3
#define NAME_ENTRY_3(kind) NAME_ENTRY(kind, 3)
#else
#define NAME_ENTRY_3(kind)
#endif
#if MR >= 4
#define NAME_ENTRY_4(kind) NAME_ENTRY(kind, 4)
#else
#define NAME_ENTRY_4(kind)
#endif
#if MR >= 5
#define NAME_ENTRY_5(kind) NAME_ENTRY(kind, 5)
#else
#define NAME_ENTRY_5(kind)
#endif
#if MR >= 6
#define NAME_ENTRY_6(kind) NAME_ENTRY(kind, 6)
#else
#define NAME_ENTRY_6(kind)
#endif
#if MR >= 7
#define NAME_ENTRY_7(kind) NAME_ENTRY(kind, 7)
#else
#define NAME_ENTRY_7(kind)
#endif
#if MR >= 8
#define NAME_ENTRY_8(kind) NAME_ENTRY(kind, 8)
#else
#define NAME_ENTRY_8(kind)
#endif
NAME_TABLE(rows)
NAME_TABLE(panel)
#undef NAME_ENTRY_2
#undef NAME_ENTRY_3
#undef NAME_ENTRY_4
#undef NAME_ENTRY_5
#undef NAME_ENTRY_6
#undef NAME_ENTRY_7
#undef NAME_ENTRY_8
#undef NAME_TABLE
#undef NAME_ENTRY
#undef NAME_SHAPES
#undef NAME_SHAPE

static void NAME(tile)(long kc, const float *restrict a, long as, int rows, const float *restrict b, long bs, int mr, int nr,
                       const ck_gemm_tile *io) {
    const int nv = (nr + W - 1) / W;
    (rows ? NAME(by_rows) : NAME(by_panel))[mr - 1][nv - 1](kc, a, as, b, bs, nr, io);
}


/// 8 lines of 8 elements, src + x·sw + p for x, p < 8, to dst + p·w + x: the transposing pack's
/// step (AVX's unpacks, shuffles and 128-bit permutes).
static inline __attribute__((always_inline)) TARGET void NAME(transpose8)(float *restrict dst, long w, const float *restrict src, long sw) {
    const __m256 r0 = _mm256_loadu_ps(src), r1 = _mm256_loadu_ps(src + sw), r2 = _mm256_loadu_ps(src + 2 * sw),
                 r3 = _mm256_loadu_ps(src + 3 * sw), r4 = _mm256_loadu_ps(src + 4 * sw), r5 = _mm256_loadu_ps(src + 5 * sw),
                 r6 = _mm256_loadu_ps(src + 6 * sw), r7 = _mm256_loadu_ps(src + 7 * sw);
    const __m256 t0 = _mm256_unpacklo_ps(r0, r1), t1 = _mm256_unpackhi_ps(r0, r1), t2 = _mm256_unpacklo_ps(r2, r3),
                 t3 = _mm256_unpackhi_ps(r2, r3), t4 = _mm256_unpacklo_ps(r4, r5), t5 = _mm256_unpackhi_ps(r4, r5),
                 t6 = _mm256_unpacklo_ps(r6, r7), t7 = _mm256_unpackhi_ps(r6, r7);
    const __m256 s0 = _mm256_shuffle_ps(t0, t2, 0x44), s1 = _mm256_shuffle_ps(t0, t2, 0xEE), s2 = _mm256_shuffle_ps(t1, t3, 0x44),
                 s3 = _mm256_shuffle_ps(t1, t3, 0xEE), s4 = _mm256_shuffle_ps(t4, t6, 0x44), s5 = _mm256_shuffle_ps(t4, t6, 0xEE),
                 s6 = _mm256_shuffle_ps(t5, t7, 0x44), s7 = _mm256_shuffle_ps(t5, t7, 0xEE);
    _mm256_storeu_ps(dst, _mm256_permute2f128_ps(s0, s4, 0x20));
    _mm256_storeu_ps(dst + w, _mm256_permute2f128_ps(s1, s5, 0x20));
    _mm256_storeu_ps(dst + 2 * w, _mm256_permute2f128_ps(s2, s6, 0x20));
    _mm256_storeu_ps(dst + 3 * w, _mm256_permute2f128_ps(s3, s7, 0x20));
    _mm256_storeu_ps(dst + 4 * w, _mm256_permute2f128_ps(s0, s4, 0x31));
    _mm256_storeu_ps(dst + 5 * w, _mm256_permute2f128_ps(s1, s5, 0x31));
    _mm256_storeu_ps(dst + 6 * w, _mm256_permute2f128_ps(s2, s6, 0x31));
    _mm256_storeu_ps(dst + 7 * w, _mm256_permute2f128_ps(s3, s7, 0x31));
}

/// 4 lines of 4 elements, the same way (SSE).
static inline __attribute__((always_inline)) TARGET void NAME(transpose4)(float *restrict dst, long w, const float *restrict src, long sw) {
    __m128 r0 = _mm_loadu_ps(src), r1 = _mm_loadu_ps(src + sw), r2 = _mm_loadu_ps(src + 2 * sw), r3 = _mm_loadu_ps(src + 3 * sw);
    _MM_TRANSPOSE4_PS(r0, r1, r2, r3);
    _mm_storeu_ps(dst, r0);
    _mm_storeu_ps(dst + w, r1);
    _mm_storeu_ps(dst + 2 * w, r2);
    _mm_storeu_ps(dst + 3 * w, r3);
}

/// Packing (see ck_gemm_kernel.pack). Lines contiguous (sw = 1): vector copies. Lines strided,
/// elements contiguous along k (sk = 1): 8×8, then 4×4 transposes, the rest element by element.
/// Lines past `count` are zero only up to the vector that holds the last line: the kernel reads
/// no further.
static TARGET void NAME(pack)(float *restrict dst, int w, long count, long kc, const float *restrict src, long sw, long sk) {
    if (sw == 1 && count == w && w % W == 0) {
        for (long p = 0; p < kc; p++) {
            for (int x = 0; x < w; x += W) V_STORE(dst + p * w + x, V_LOADU(src + p * sk + x));
        }
        return;
    }
    if (sw == 1) {
        for (long p = 0; p < kc; p++) {
            const float *from = src + p * sk;
            float *to = dst + p * w;
            for (int x = 0; x < count; x += W) {
                const long lanes = count - x;
                const VEC v = lanes >= W ? V_LOADU(from + x) : lanes > 0 ? V_MASKLOAD(from + x, V_MASK((int)lanes)) : V_ZERO();
                if (w - x >= W) V_STOREU(to + x, v);
                else V_MASKSTORE(to + x, V_MASK(w - x), v);
            }
        }
        return;
    }
    if (sk != 1) {
        ck_gemm_pack_scalar(dst, w, count, kc, src, sw, sk);
        return;
    }
    // Eight steps of k at a time across the whole panel, so that each step's lines of dst are
    // written whole while the lines of src they came from are still in the nearest cache.
    const long x8 = count / 8 * 8, x4 = count / 4 * 4;
    long p = 0;
#ifdef V_TRANSPOSE_8X16
    for (; p + 16 <= kc; p += 16) {
        long x = 0;
        for (; x < x8; x += 8) V_TRANSPOSE_8X16(dst + p * w + x, w, src + x * sw + p, sw);
        for (; x < x4; x += 4) {
            for (int q = 0; q < 16; q += 4) NAME(transpose4)(dst + (p + q) * w + x, w, src + x * sw + p + q, sw);
        }
    }
#endif
    for (; p + 8 <= kc; p += 8) {
        long x = 0;
        for (; x < x8; x += 8) NAME(transpose8)(dst + p * w + x, w, src + x * sw + p, sw);
        for (; x < x4; x += 4) {
            NAME(transpose4)(dst + p * w + x, w, src + x * sw + p, sw);
            NAME(transpose4)(dst + (p + 4) * w + x, w, src + x * sw + p + 4, sw);
        }
    }
    for (; p < kc; p++) {
        for (long x = 0; x < x4; x++) dst[p * w + x] = src[x * sw + p];
    }
    const long padded = (count + W - 1) / W * W < w ? (count + W - 1) / W * W : w;
    for (p = 0; p < kc; p++) {
        for (long x = x4; x < count; x++) dst[p * w + x] = src[x * sw + p];
        for (long x = count; x < padded; x++) dst[p * w + x] = 0.0f;
    }
}

#undef NR
