// What one core's vector FMA units sustain, measured: the limit bench holds the GEMM's rate
// against. Not the nominal clock of /proc/cpuinfo, which the core may run above (boost) or below
// (AVX-512's lower clocks on some CPUs) while it multiplies.
#include "ckernels.h"
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

// Independent chains x ← x·s + t, s slightly below 1, so each value stays near t/(1 − s) and
// never overflows or turns subnormal. More chains than the FMA latency (4 cycles on current cores,
// 5 on some) times the units (2), so a unit never waits for a result, and few enough that they
// and s and t stay in registers (16 with AVX-512's 32 registers, 12 with AVX2's 16; checked in
// the generated code: no loads or stores in the loop).
#define FMA_CHAINS(CHAINS, VEC, SET1, FMA, ADD)                                           \
    VEC x[CHAINS];                                                                        \
    for (int j = 0; j < CHAINS; j++) x[j] = SET1(1.0f + 0.001f * (float)j);               \
    const VEC s = SET1(0.999f), t = SET1(0.001f);                                         \
    for (long r = 0; r < repetitions; r++) {                                              \
        for (int j = 0; j < CHAINS; j++) x[j] = FMA(x[j], s, t);                          \
    }                                                                                     \
    VEC sum = x[0];                                                                       \
    for (int j = 1; j < CHAINS; j++) sum = ADD(sum, x[j]);

#if defined(__x86_64__)
#include <immintrin.h>

__attribute__((target("avx512f"), noinline)) static float chains512(long repetitions) {
    FMA_CHAINS(16, __m512, _mm512_set1_ps, _mm512_fmadd_ps, _mm512_add_ps)
    return _mm512_reduce_add_ps(sum);
}

__attribute__((target("avx2,fma"), noinline)) static float chains256(long repetitions) {
    FMA_CHAINS(12, __m256, _mm256_set1_ps, _mm256_fmadd_ps, _mm256_add_ps)
    float lanes[8];
    _mm256_storeu_ps(lanes, sum);
    return lanes[0];
}
#endif

static inline float scalar_set1(float x) { return x; }
static inline float scalar_add(float x, float y) { return x + y; }

__attribute__((noinline)) static float chains1(long repetitions) {
    FMA_CHAINS(12, float, scalar_set1, __builtin_fmaf, scalar_add)
    return sum;
}

/// The best rate over `rounds` of `work(repetitions)`, `units` operations per repetition, each
/// round lasting about `seconds` (the repetitions found by doubling a first short run).
static double best_rate(float (*work)(long), double units, double seconds, int rounds) {
    long repetitions = 1024;
    volatile float sink = 0;
    for (;;) {
        const double start = now();
        sink += work(repetitions);
        if (now() - start >= seconds / 8 || repetitions > (1L << 40)) break;
        repetitions *= 2;
    }
    repetitions *= 8;
    double best = 0;
    for (int round = 0; round < (rounds > 0 ? rounds : 1); round++) {
        const double start = now();
        sink += work(repetitions);
        const double rate = units * (double)repetitions / (now() - start);
        if (rate > best) best = rate;
    }
    (void)sink;
    return best;
}

double ckernels_fma_peak(int path, double seconds, int rounds) {
    if (path == CKERNELS_GEMM_BEST) path = ckernels_gemm_best_path();
    if (path < 0 || !((ckernels_gemm_paths() >> path) & 1u)) return 0;
    const double lanes = ckernels_gemm_lanes(path);
    switch (path) {
#if defined(__x86_64__)
    case CKERNELS_GEMM_AVX512: return best_rate(chains512, 2 * 16 * lanes, seconds, rounds);
    case CKERNELS_GEMM_AVX2: return best_rate(chains256, 2 * 12 * lanes, seconds, rounds);
#endif
    default: return best_rate(chains1, 2 * 12 * lanes, seconds, rounds);
    }
}

#if defined(__x86_64__)
// 64 dependent additions of a register to another: one cycle each (integer addition's latency on
// every x86-64 core; an addition of a register, not of an immediate, which some cores fold away).
__attribute__((noinline)) static float dependent_adds(long repetitions) {
    unsigned long x = 0, one = 1;
    for (long r = 0; r < repetitions; r++) {
        __asm__ volatile(
#define ADD8 "add %1, %0\n\t" "add %1, %0\n\t" "add %1, %0\n\t" "add %1, %0\n\t" "add %1, %0\n\t" "add %1, %0\n\t" "add %1, %0\n\t" "add %1, %0\n\t"
            ADD8 ADD8 ADD8 ADD8 ADD8 ADD8 ADD8 ADD8
#undef ADD8
            : "+r"(x) : "r"(one));
    }
    return (float)x;
}

double ckernels_measured_clock(double seconds, int rounds) { return best_rate(dependent_adds, 64, seconds, rounds); }
#else
double ckernels_measured_clock(double seconds, int rounds) {
    (void)seconds;
    (void)rounds;
    return 0;
}
#endif
