// ckernels_sgemm: the driver every path shares (blocking, packing, which way the vectors run) and
// the portable path. The structure is Goto and van de Geijn's ("Anatomy of high-performance matrix
// multiplication", 2008), as BLIS and OpenBLAS build theirs: B' is packed a block of columns and a
// K-block at a time into panels of NR columns (or read in place where its rows are contiguous), and
// a register-blocked micro-kernel multiplies MR rows of A' (read in place, see multiply) by one
// panel into an MR × NR tile of C'.
#include "ckernels.h"
#include "gemm_internal.h"
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

// ---------------------------------------------------------------------------------------------
// The portable path: fmaf, one element at a time, on the same operands and tiles. C's fmaf is a fused
// multiply-add on every platform (exactly rounded, in software where the CPU has none), so it
// gives the vector paths' bits.

#define PORTABLE_MR 4
#define PORTABLE_NR 4

void ck_gemm_pack_scalar(float *restrict dst, int w, long count, long kc, const float *restrict src, long sw, long sk) {
    for (long p = 0; p < kc; p++) {
        for (long x = 0; x < count; x++) dst[p * w + x] = src[x * sw + p * sk];
        for (long x = count; x < w; x++) dst[p * w + x] = 0.0f;
    }
}

__attribute__((noinline)) void ck_gemm_finish_scalar(const float *acc, int nr_stride, int mr, int nr, const ck_gemm_tile *io) {
    const float alpha = io->alpha, beta = io->beta;
    for (int i = 0; i < mr; i++) {
        for (int j = 0; j < nr; j++) {
            float *c = io->c + i * io->rsc + j * io->csc;
            const float t = alpha * acc[i * nr_stride + j];
            *c = beta == 0.0f ? t : __builtin_fmaf(beta, *c, t);
        }
    }
}

static void portable_tile(long kc, const float *restrict a, long as, int rows, const float *restrict b, long bs, int mr, int nr,
                          const ck_gemm_tile *io) {
    float acc[PORTABLE_MR * PORTABLE_NR];
    for (int e = 0; e < PORTABLE_MR * PORTABLE_NR; e++) acc[e] = io->first ? 0.0f : io->partial[e];
    for (long p = 0; p < kc; p++) {
        for (int i = 0; i < PORTABLE_MR; i++) {
            for (int j = 0; j < PORTABLE_NR; j++) {
                const float x = i < mr ? (rows ? a[i * as + p] : a[p * as + i]) : 0.0f;
                const float y = j < nr ? b[p * bs + j] : 0.0f;
                acc[i * PORTABLE_NR + j] = __builtin_fmaf(x, y, acc[i * PORTABLE_NR + j]);
            }
        }
    }
    if (!io->last) {
        for (int e = 0; e < PORTABLE_MR * PORTABLE_NR; e++) io->partial[e] = acc[e];
        return;
    }
    ck_gemm_finish_scalar(acc, PORTABLE_NR, mr, nr, io);
}

const ck_gemm_kernel ck_gemm_portable = {.mr = PORTABLE_MR, .nr = PORTABLE_NR, .pack = ck_gemm_pack_scalar, .tile = portable_tile,
                                         .lanes = 1, .masks_b = 1, .nc = 256, .mc = 64, .kc = 256,
                                         .transposed_store = 0};

// ---------------------------------------------------------------------------------------------
// Paths.

static const ck_gemm_kernel *kernel_of(int path) {
    if (path < 0 || !((ckernels_gemm_paths() >> path) & 1u)) return 0;
    switch (path) {
    case CKERNELS_GEMM_PORTABLE: return &ck_gemm_portable;
#if defined(__x86_64__)
    case CKERNELS_GEMM_AVX2: return &ck_gemm_avx2;
    case CKERNELS_GEMM_AVX512: return &ck_gemm_avx512;
#endif
    default: return 0;
    }
}

unsigned ckernels_gemm_paths(void) {
    static unsigned paths;  // 0: not yet read (the portable bit makes any answer nonzero)
    unsigned known = __atomic_load_n(&paths, __ATOMIC_RELAXED);
    if (known) return known;
    const unsigned features = ckernels_cpu_features();
    known = 1u << CKERNELS_GEMM_PORTABLE;
    if (features & CKERNELS_CPU_AVX2_FMA) known |= 1u << CKERNELS_GEMM_AVX2;
    if (features & CKERNELS_CPU_AVX512) known |= 1u << CKERNELS_GEMM_AVX512;
    __atomic_store_n(&paths, known, __ATOMIC_RELAXED);
    return known;
}

int ckernels_gemm_best_path(void) {
    const unsigned paths = ckernels_gemm_paths();
    return (paths >> CKERNELS_GEMM_AVX512) & 1u ? CKERNELS_GEMM_AVX512
         : (paths >> CKERNELS_GEMM_AVX2) & 1u ? CKERNELS_GEMM_AVX2 : CKERNELS_GEMM_PORTABLE;
}

int ckernels_gemm_lanes(int path) {
    return path == CKERNELS_GEMM_AVX512 ? 16 : path == CKERNELS_GEMM_AVX2 ? 8 : 1;
}

// ---------------------------------------------------------------------------------------------
// Each thread's packing buffers, kept between calls (training calls the same shapes thousands of
// times) and freed when the thread ends.

typedef struct {
    size_t capacity;  // floats
    float *data;
} buffer;

static pthread_key_t buffer_key;
static pthread_once_t buffer_once = PTHREAD_ONCE_INIT;
// The most this thread's buffer may hold, in floats (-1: no limit): the tests' way to make a
// product run out of memory (ckernels_gemm_limit_thread_buffer).
static _Thread_local long test_limit = -1;

void ckernels_gemm_limit_thread_buffer(long floats) { test_limit = floats; }

static void free_buffer(void *b) {
    free(((buffer *)b)->data);
    free(b);
}

static void make_buffer_key(void) { pthread_key_create(&buffer_key, free_buffer); }

/// At least `floats` floats, 64-byte aligned, or NULL when memory runs out.
static float *thread_buffer(size_t floats) {
    if (test_limit >= 0 && floats > (size_t)test_limit) return 0;
    pthread_once(&buffer_once, make_buffer_key);
    buffer *b = pthread_getspecific(buffer_key);
    if (!b) {
        b = calloc(1, sizeof *b);
        if (!b || pthread_setspecific(buffer_key, b) != 0) {
            free(b);
            return 0;
        }
    }
    if (b->capacity < floats) {
        free(b->data);
        b->capacity = 0;
        const size_t bytes = (floats * sizeof(float) + 63) & ~(size_t)63;
        b->data = aligned_alloc(64, bytes);
        if (!b->data) return 0;
        b->capacity = floats;
    }
    return b->data;
}

// ---------------------------------------------------------------------------------------------
// The driver.

static long min_long(long x, long y) { return x < y ? x : y; }
static long round_up(long x, long to) { return (x + to - 1) / to * to; }

/// The L2 cache's geometry: the bytes one of its ways covers (size / associativity) and its ways.
/// Where the system says nothing: 128 KB and 16 ways (2 MB, as on Sapphire and Emerald Rapids).
static long l2_way, l2_ways;
static pthread_once_t l2_once = PTHREAD_ONCE_INIT;

static void read_l2_geometry(void) {
#if defined(_SC_LEVEL2_CACHE_SIZE) && defined(_SC_LEVEL2_CACHE_ASSOC)
    const long size = sysconf(_SC_LEVEL2_CACHE_SIZE), assoc = sysconf(_SC_LEVEL2_CACHE_ASSOC);
#else
    const long size = 0, assoc = 0;
#endif
    const int known = assoc > 0 && size > 0 && size % assoc == 0 && size / assoc >= 4096;
    l2_ways = known ? assoc : 16;
    l2_way = known ? size / assoc : 128 * 1024;
}

static long gcd_long(long x, long y) {
    while (y) {
        const long r = x % y;
        x = y;
        y = r;
    }
    return x;
}

int ckernels_gemm_rows_collide(long stride, long rows, long way, long ways) {
    const long g = gcd_long(stride * (long)sizeof(float), way);
    long sets = way / (g > 64 ? g : 64);
    if (sets < 1) sets = 1;
    return (rows + sets - 1) / sets > ways / 2;
}

/// Whether `rows` lines of an operand read in place `stride` floats apart collide in this CPU's L2
/// cache (ckernels_gemm_rows_collide). Measured on Emerald Rapids (2 MB, 16 ways: 128 KB a way),
/// bench --gemm, B' read in place against packed: the input gradient of a 2048-wide layer
/// (K-blocks of 256 rows 8 KB apart: 16 rows a set) 75 against 117 GFLOP/s; of a 1024-wide one
/// (4 KB apart, 8 a set) 125 against 114–118; of a 256-wide one (1 KB, 2 a set) 170 against 138.
static int rows_collide(long stride, long rows) {
    pthread_once(&l2_once, read_l2_geometry);
    return ckernels_gemm_rows_collide(stride, rows, l2_way, l2_ways);
}

/// Whether a panel of nr columns of B' (column stride csb) is read in place rather than packed:
/// when its rows are contiguous, do not collide in the L2 cache (`collide`: rows_collide of its
/// row stride and K-block), and the kernel can read its last vector (it masks the lanes past nr,
/// or there are none). Measured: packing a contiguous B' only adds its copy (the lesson's
/// 256 × 784 × 100 weight gradient: 82% of the FMA peak packed, 87% in place).
static int in_place_b(const ck_gemm_kernel *kernel, long csb, int collide, long nr) {
    return csb == 1 && !collide && (kernel->masks_b || nr % kernel->lanes == 0);
}

/// Rows of A' whose partial sums wait at once between K-blocks (see multiply): the buffer's bound.
/// The partials of MP rows × NC columns take 768 × 768 floats (2.25 MB); a product with more rows
/// and more than one K-block packs B' again for each further MP rows, which costs about 0.5 cycle a
/// float of B' against MP/16 cycles of multiply-adds on it (AVX-512): under 1%. Only layers wider
/// than MP units can pack twice (bench's scaling model, of 1024, and mup.json's widest).
#define MP 768

/// The length of K's blocks: as equal as they can be, none longer than kernel->kc.
static long k_block(const ck_gemm_kernel *kernel, long K) {
    const long kblocks = (K + kernel->kc - 1) / kernel->kc;
    return (K + kblocks - 1) / kblocks;
}

/// The floats of the packing buffer `kernel` needs for C' (M, N) with K: B''s panels of one
/// K-block, then, with more than one K-block, the partial sums of up to MP rows (else one tile's
/// room).
static size_t buffer_floats(const ck_gemm_kernel *kernel, long M, long N, long K, long *kcmax, long *ncmax) {
    *kcmax = k_block(kernel, K);
    *ncmax = round_up(min_long(kernel->nc, N), kernel->nr);
    // B''s panels start on 64-byte lines, and so do the partials after them (aligned loads).
    const size_t packed = (size_t)round_up(*kcmax * *ncmax, 16);
    return packed + (*kcmax < K ? (size_t)(round_up(min_long(M, MP), kernel->mr) * *ncmax) : (size_t)(kernel->mr * kernel->nr));
}

/// Cycles one step of k takes in a tile of mr rows and nv vectors, issuing 2 FMAs a cycle (the
/// units of current x86 cores): no less than the FMA latency (4 cycles; each accumulator takes one
/// FMA a step), nor than its loads (nv vectors and mr broadcasts, 2 a cycle), A' read along its
/// rows costing an eighth of a cycle more a row (an address each). Measured per tile shape on an
/// AVX-512 core: 4.0–5.1 cycles for 1–8 rows of one vector down A''s columns, 5.1–6.9 for 8 rows
/// along its rows, 12.7–15.6 for 8 rows of three.
static double step_cycles(long mr, long nv, int a_rows) {
    const double fmas = (double)(mr * nv) / 2, loads = (double)(mr + nv) / 2 + (a_rows ? (double)mr / 8 : 0);
    const double bound = fmas > loads ? fmas : loads;
    return bound > 4 ? bound : 4;
}

/// Where the last row tile of a block of mc rows starts, when the last two tiles are better
/// balanced: a last tile of few rows waits on the FMA latency instead of issuing its multiply-adds
/// (step_cycles), so the last two tiles, MR + rest rows, become two of nearly equal height when the
/// estimate of their steps says so (the output layer's 10 rows as 5 + 5 instead of 8 + 2: with 3
/// vectors, 15 cycles a step instead of 16). Measured against the previous driver in one process,
/// alternating, 3 runs (Emerald Rapids, AVX-512): the output layer's forward 100 × 10 × 256 (its
/// C' is 10 × 100) ×1.07–1.09, 100 × 10 × 128 ×1.02–1.03, the other products of the lesson's and
/// the deep tanh networks' steps unchanged (their rows are multiples of 8, or 100 = 12·8 + 4,
/// where 6 + 6 gains nothing). Else mc (tiles of MR, the last one short). Every element is still
/// one tile's chain over k: the bits do not change.
static long row_cut(const ck_gemm_kernel *kernel, long mc, long N, int a_rows) {
    const long MR = kernel->mr, rest = mc % MR, W = kernel->lanes, NV = kernel->nr / W;
    if (rest == 0 || mc < MR) return mc;
    const long nv = (N + W - 1) / W < NV ? (N + W - 1) / W : NV, high = (MR + rest + 1) / 2, low = MR + rest - high;
    return step_cycles(high, nv, a_rows) + step_cycles(low, nv, a_rows) < step_cycles(MR, nv, a_rows) + step_cycles(rest, nv, a_rows)
               ? mc - rest - MR + high
               : mc;
}

/// C' (M, N) = α·A'·B' + β·C' on one path (see gemm_internal.h for the strides). Loops, outermost
/// first: blocks of NC columns of B'; with more than one K-block, blocks of MP rows of A'; K-blocks
/// (B' packed once per block of columns and K-block, and block of MP rows, unless read in place);
/// blocks of MC rows of A'; then each panel of B' against each MR rows of the block, so a panel of
/// B' stays in the nearest cache while A''s rows stream past it. A' is read in place, along its
/// rows or down its columns, whichever is contiguous (one always is): packing it too was measured
/// slower (75% of the FMA peak on the lesson's step fell to 55%), as its rows are read once per
/// panel of B' from the L2 cache whether packed or not. With more than one K-block, a tile's raw
/// accumulators wait in `partial` between them, floats stored exactly, so the chain over k goes
/// on as if it had never stopped.
///
/// Tried on the Emerald Rapids machine (bench --gemm's products, against this driver in one
/// process, alternating, 3 runs each) and not kept, as none gained beyond the noise (±2%):
/// packing each panel of B' just before its tiles into one L1-resident panel instead of the whole
/// block first (±1%); packing B' where it could be read in place but its rows are not 64-byte
/// aligned (ldb = 100: ×0.90–0.99, the copy costs more than the split loads); prefetching C's
/// lines for writing at a tile's start (×0.98); the 100 columns of the forwards as panels of
/// 48 + 32 + 20 instead of 48 + 48 + 4 (×0.99–1.00 on the forwards). What limits those
/// forwards is the lanes: 100 columns fill 7 vectors of 16 (128 × 96 × 128 runs at 89% of the FMA
/// peak, 128 × 100 × 128 at 76%); the other direction transposes the weights into panels (0.42
/// cycles a float here, stores to L2 running at 0.15 ns a float) and writes C transposed (0.31
/// cycles an element), which costs as much. Nor, in training a 784-2048-2048-10 network, where the
/// weights come from memory: its 2048 × 2048 forward with the weights read in place along A''s
/// rows instead of transposed into panels (37–40% of a run's profile samples against 35–36%);
/// writing C with non-temporal stores (its weight gradients, C of 6–16 MB, alone in a harness:
/// ×0.94–1.02).
static int multiply(const ck_gemm_kernel *kernel, long M, long N, long K, const float *a, long rsa, long csa, const float *b,
                    long rsb, long csb, float *c, long rsc, long csc, float alpha, float beta) {
    const long MR = kernel->mr, NR = kernel->nr, NC = kernel->nc, MC = kernel->mc;
    // K-blocks of equal length, none longer than kernel->kc.
    long kcmax, ncmax;
    const size_t floats = buffer_floats(kernel, M, N, K, &kcmax, &ncmax);
    const int blocked = kcmax < K;  // more than one K-block
    const long tiles_across = ncmax / NR, mp = blocked ? MP : M;
    float *memory = thread_buffer(floats);
    if (!memory) return -2;
    float *bpack = memory, *partial = memory + round_up(kcmax * ncmax, 16);
    const int a_rows = csa == 1, b_collides = rows_collide(rsb, kcmax);
    const long as = a_rows ? rsa : csa;
    ck_gemm_tile io = {.rsc = rsc, .csc = csc, .alpha = alpha, .beta = beta};
    for (long jc = 0; jc < N; jc += NC) {
        const long nc = min_long(NC, N - jc);
        for (long ip = 0; ip < M; ip += mp) {
            const long rows = min_long(mp, M - ip);
            for (long pc = 0; pc < K; pc += kcmax) {
                const long kc = min_long(kcmax, K - pc);
                io.first = pc == 0;
                io.last = pc + kc == K;
                for (long jr = 0; jr < nc; jr += NR) {
                    if (!in_place_b(kernel, csb, b_collides, min_long(NR, nc - jr))) {
                        kernel->pack(bpack + jr * kc, (int)NR, min_long(NR, nc - jr), kc, b + pc * rsb + (jc + jr) * csb, csb, rsb);
                    }
                }
                for (long ic = ip; ic < ip + rows; ic += MC) {
                    const long mc = min_long(MC, ip + rows - ic);
                    // The last tile starts at `cut` (< mc when the last two are balanced).
                    const long cut = row_cut(kernel, mc, nc, a_rows);
                    for (long jr = 0; jr < nc; jr += NR) {
                        const long nr = min_long(NR, nc - jr);
                        const int b_in_place = in_place_b(kernel, csb, b_collides, nr);
                        const float *panel = b_in_place ? b + pc * rsb + (jc + jr) : bpack + jr * kc;
                        // t counts the tiles: balanced or not, a block has as many, and each keeps
                        // MR × NR floats of partials (the portable tile stores all of them).
                        for (long ir = 0, t = (ic - ip) / MR; ir < mc; t++) {
                            const long mr = ir < cut && cut < mc ? min_long(MR, cut - ir) : min_long(MR, mc - ir);
                            io.c = c + (ic + ir) * rsc + (jc + jr) * csc;
                            io.partial = blocked ? partial + (t * tiles_across + jr / NR) * MR * NR : partial;
                            kernel->tile(kc, a + (ic + ir) * rsa + pc * csa, as, a_rows, panel, b_in_place ? rsb : NR,
                                         (int)mr, (int)nr, &io);
                            ir += mr;
                        }
                    }
                }
            }
        }
    }
    return 0;
}

long ckernels_gemm_buffer_limit(int path) {
    const ck_gemm_kernel *kernel = kernel_of(path == CKERNELS_GEMM_BEST ? ckernels_gemm_best_path() : path);
    if (!kernel) return 0;
    // The largest of buffer_floats: a full block of columns, more than one K-block of the
    // longest, MP rows or more.
    long kcmax, ncmax;
    return (long)buffer_floats(kernel, MP, kernel->nc, 2 * kernel->kc, &kcmax, &ncmax) * (long)sizeof(float);
}

/// Estimated cycles of C' (M, N) = A'·B' on `kernel`, to choose which way the vectors run (the
/// bits are the same either way). The tiles' steps, with the vectors' lanes past N and the short
/// last rows counted as the work they are; 30 cycles a tile to start and store it; B' packed when
/// it is not read in place, 0.35 cycles a float copied and 0.5 transposed; and the kernel's cost per
/// element of writing C' down C's columns. The constants are measured on an AVX-512 core (Sapphire
/// Rapids-class, 2 FMA units): a tile of 8 × 48 over 10 steps of k takes about 150 cycles instead
/// of 120; packing from the L2 cache runs at 0.30-0.47 cycles a float copied, 0.33-0.56 transposed
/// (its bandwidth: memcpy between two buffers in L2 does 0.30); the transposed store is 32
/// shuffles and 16 stores per 8 × 16 block. With them the choice is the faster one on every product
/// of the lesson's and the deep tanh networks' steps where the two differ by more than the noise
/// (measured with bench --gemm, each direction forced in turn).
static double estimated_cycles(const ck_gemm_kernel *kernel, long M, long N, long K, int a_rows, int a_collides, double pack_b,
                               int transposed) {
    const long MR = kernel->mr, NR = kernel->nr, W = kernel->lanes, NV = NR / W;
    const long panels = N / NR, rest = N % NR, rest_nv = (rest + W - 1) / W;
    const long tiles = M / MR, rows = M % MR;
    double per_step = (double)panels * ((double)tiles * step_cycles(MR, NV, a_rows) + (rows ? step_cycles(rows, NV, a_rows) : 0));
    if (rest) per_step += (double)tiles * step_cycles(MR, rest_nv, a_rows) + (rows ? step_cycles(rows, rest_nv, a_rows) : 0);
    // A' read down its columns with its K-block's rows colliding in the L2 cache (rows_collide):
    // measured 45 GFLOP/s against 83 with the vectors the other way (2048 × 100 × 2048, Aᵀ·B).
    if (a_collides) per_step *= 1.8;
    const double tile_count = (double)(tiles + (rows > 0)) * (double)(panels + (rest > 0));
    return (double)K * per_step + 30 * tile_count + pack_b * (double)K * (double)N
         + (transposed ? kernel->transposed_store * (double)M * (double)N : 0);
}

/// The estimate for op(A)·op(B) with the strides of ckernels_sgemm_oriented, vectors along C's
/// rows or down its columns.
static double estimate(const ck_gemm_kernel *kernel, int down, long m, long n, long k, long rsa, long csa, long rsb, long csb) {
    // The K-blocks' length, as multiply cuts them.
    const long kc = k_block(kernel, k);
    // Cycles a float to pack B' with column stride `stride`, row stride `rstride` and `width`
    // columns (0: read in place).
    #define PACK_COST(stride, rstride, width) \
        ((stride) == 1 ? (!rows_collide(rstride, kc) && (kernel->masks_b || (width) % kernel->lanes == 0) ? 0.0 : 0.35) : 0.5)
    // Along rows: A' = op(A), read along its rows when csa = 1; B' = op(B), column stride csb.
    if (!down) return estimated_cycles(kernel, m, n, k, csa == 1, csa != 1 && rows_collide(csa, kc), PACK_COST(csb, rsb, n), 0);
    // Down columns: A' = op(B)ᵀ, along its rows when rsb = 1; B' = op(A)ᵀ, column stride rsa.
    return estimated_cycles(kernel, n, m, k, rsb == 1, rsb != 1 && rows_collide(rsb, kc), PACK_COST(rsa, csa, m), 1);
    #undef PACK_COST
}

int ckernels_sgemm(int path, int transpose_a, int transpose_b, long m, long n, long k, float alpha, const float *a, long lda,
                   const float *b, long ldb, float beta, float *c, long ldc) {
    return ckernels_sgemm_oriented(path, CKERNELS_GEMM_CHOOSE, transpose_a, transpose_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

int ckernels_sgemm_oriented(int path, int orientation, int transpose_a, int transpose_b, long m, long n, long k, float alpha,
                            const float *a, long lda, const float *b, long ldb, float beta, float *c, long ldc) {
    const ck_gemm_kernel *kernel = kernel_of(path == CKERNELS_GEMM_BEST ? ckernels_gemm_best_path() : path);
    if (!kernel) return -1;
    if (m <= 0 || n <= 0) return 0;
    if (alpha == 0.0f || k <= 0) {
        for (long i = 0; i < m; i++) {
            for (long j = 0; j < n; j++) c[i * ldc + j] = beta == 0.0f ? 0.0f : beta * c[i * ldc + j];
        }
        return 0;
    }
    // op(A)[i][p] = a[i·rsa + p·csa], op(B)[p][j] = b[p·rsb + j·csb].
    const long rsa = transpose_a ? 1 : lda, csa = transpose_a ? lda : 1;
    const long rsb = transpose_b ? 1 : ldb, csb = transpose_b ? ldb : 1;
    // The direction of the vectors: as asked, else the one estimated faster.
    const int down = orientation == CKERNELS_GEMM_CHOOSE
                         ? estimate(kernel, 1, m, n, k, rsa, csa, rsb, csb) < estimate(kernel, 0, m, n, k, rsa, csa, rsb, csb)
                         : orientation == CKERNELS_GEMM_DOWN_COLUMNS;
    if (down) {
        // C' = Cᵀ (n, m) = op(B)ᵀ · op(A)ᵀ.
        return multiply(kernel, n, m, k, b, csb, rsb, a, csa, rsa, c, 1, ldc, alpha, beta);
    }
    return multiply(kernel, m, n, k, a, rsa, csa, b, rsb, csb, c, ldc, 1, alpha, beta);
}
