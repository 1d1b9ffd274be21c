#include "ckernels.h"
#include <string.h>

// Vectorizable math for the activations. Each function is branch-free straight-line arithmetic
// (the compiler turns the conditionals into selects), so the loops below vectorize in every clone
// of each kernel; being elementwise, with contraction off, all clones round every operation as
// written and give the same bits. exp, sigmoid and SELU work in Double and round once to Float
// at the end: eˣ to about 10⁻⁹ relative, so each result is within 1 ulp of the correctly rounded
// Float (ActivationAccuracyTests sweeps every exponent range: the worst it finds is 0.64 ulp,
// SELU near 0), and Double holds e^±208 without overflow. tanh works in Float, within 2 ulp.

static inline float from_bits(unsigned int bits) { float f; memcpy(&f, &bits, sizeof f); return f; }

/// 2ⁿ for integral n in [−126, 127], built from its bits.
static inline float power_of_two(float n) { return from_bits((unsigned int)((int)n + 127) << 23); }

/// eˣ in Double for Float x (NaN gives 1, ±inf and |x| > 104 are clamped: callers select those
/// results themselves). x = n·ln2 + r, |r| ≤ ln2/2, with n rounded in Float, and eʳ by its Taylor
/// series to r⁸/8! (the next term is under 10⁻¹⁰ of the result); 2ⁿ as two Float powers of two,
/// exact in Double for n from −150 to 150.
static inline double exp_double(float x) {
    float c = x != x ? 0.0f : (x > 104.0f ? 104.0f : (x < -104.0f ? -104.0f : x));
    float n = (c * 1.44269504088896341f + 12582912.0f) - 12582912.0f;  // round to nearest: 1.5·2²³
    float half = (n * 0.5f + 12582912.0f) - 12582912.0f;
    half = half > n * 0.5f ? half - 1.0f : half;                        // floor(n/2)
    double r = (double)c - (double)n * 0.69314718055994530942;
    double p = 1.0 + r * (1.0 + r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720
               + r * (1.0 / 5040 + r * (1.0 / 40320))))))));
    return p * (double)power_of_two(half) * (double)power_of_two(n - half);
}

/// eˣ: +inf above 88.72, subnormal or 0 below −87.34, NaN for NaN.
static inline float ck_exp(float x) {
    float y = (float)exp_double(x);
    y = x > 104.0f ? __builtin_inff() : y;
    return x != x ? x : y;
}

/// e^x for x in [0, 20], in Float: x = n·ln2 + r (Cody–Waite: ln2's first part has few bits,
/// so n·part is exact), eʳ − 1 by Cephes's expf polynomial, then 2ⁿ from its bits.
static inline float exp_float(float x) {
    float n = (x * 1.44269504088896341f + 12582912.0f) - 12582912.0f;
    float r = (x - n * 0.693359375f) - n * -2.12194440e-4f;
    float p = (((((1.9875691500e-4f * r + 1.3981999507e-3f) * r + 8.3334519073e-3f) * r + 4.1665795894e-2f) * r
                + 1.6666665459e-1f) * r + 5.0000001201e-1f) * (r * r) + r;
    return (p + 1.0f) * power_of_two(n);
}

/// tanh, in Float, the activation deep networks use most (three times faster than in Double):
/// Cephes's odd polynomial below 0.625, 1 − 2/(e^{2|x|} + 1) with x's sign above, |x| clamped
/// at 10 (tanh rounds to ±1 in Float from 9.01); −0 stays −0. Within 2 ulp (the sweep's worst: 1.27).
static inline float ck_tanh(float x) {
    float a = x < 0 ? -x : x;
    a = a > 10.0f ? 10.0f : a;
    float z = x * x;
    float small = ((((-5.70498872745e-3f * z + 2.06390887954e-2f) * z - 5.37397155531e-2f) * z + 1.33314422036e-1f) * z
                   - 3.33332819422e-1f) * z * x + x;
    float large = 1.0f - 2.0f / (exp_float(a + a) + 1.0f);
    large = x < 0 ? -large : large;
    float y = a < 0.625f ? (a == 0.0f ? x : small) : large;
    return x != x ? x : y;
}

/// 1/(1 + e⁻ˣ), from e^{−|x|} (≤ 1): e/(1 + e) for negative x.
static inline float ck_sigmoid(float x) {
    double e = exp_double(x < 0 ? x : -x);
    float y = (float)((x < 0 ? e : 1.0) / (1.0 + e));
    return x != x ? x : y;
}

static const double selu_alpha = 1.6732632423543772848170429916717;
static const double selu_scale = 1.0507009873554804934193349852946;

/// SELU and its derivative: scale·x above 0, scale·α·(eˣ − 1) below, with eˣ − 1 as x + x²/2 near
/// 0 where the difference would cancel; the derivative below 0 is scale·α·eˣ.
static inline float selu_with(float v, float *d) {
    double x = v > 0 ? 0.0 : (double)v;
    double e = exp_double((float)x);
    double em1 = x > -0x1p-12 ? x + x * x * 0.5 : e - 1.0;
    *d = v != v ? v : (v > 0 ? (float)selu_scale : (float)(selu_scale * selu_alpha * e));
    float y = v > 0 ? (float)(selu_scale * (double)v) : (float)(selu_scale * selu_alpha * em1);
    return v != v ? v : y;
}

/// f(v) and f'(v) of each activation, the derivative into *d.
static inline float tanh_with(float v, float *d) { float t = ck_tanh(v); *d = 1.0f - t * t; return t; }
static inline float sigmoid_with(float v, float *d) { float y = ck_sigmoid(v); *d = y * (1.0f - y); return y; }
static inline float leaky_with(float v, float slope, float *d) { *d = v > 0 ? 1.0f : slope; return v * *d; }

/// z (features, samples) ← z + b, the bias of each feature: the first pass of the kernels below.
static inline void add_bias(float *restrict z, const float *restrict bias, long features, long samples) {
    for (long f = 0; f < features; f++) {
        float *zf = z + f * samples, b = bias[f];
        for (long s = 0; s < samples; s++) zf[s] += b;
    }
}

// The activations below run as two passes: z + b row by row (add_bias), then the activation over
// the whole block as one flat loop. In one pass per row, a row of 100 samples leaves the vector
// loop a remainder of 36 that runs element by element, and the math's long dependent chains need
// four vectors in flight to fill the FMA units (interleave_count). z + b is a Float either way, so
// the bits are the same. Measured (Emerald Rapids, AVX-512, in a harness; 11 layers of 128
// features × 100 samples, in L2): one pass per row against two, tanh 1.03 against 0.89 ns an
// element, sigmoid 2.02 against 1.61, SELU 2.37 against 1.59. Where the block is matters little:
// tanh 0.89–1.02 ns in L1 (32 features), 0.97–0.98 in L2, 1.07–1.15 from memory (8 layers of
// 2048): the pass is bound by its arithmetic, so fusing it into the product's epilogue, where z
// would still be in L1, would save little.
__attribute__((target_clones("avx512f", "avx2", "default")))
void ckernels_activate_training(int kind, float slope, int masked, float *restrict z, float *restrict gate,
                                const float *restrict bias, long features, long samples) {
    if (kind == CKERNELS_RELU) return ckernels_relu_training(masked, z, gate, bias, features, samples);
    add_bias(z, bias, features, samples);
    const long n = features * samples;
    // Without dropout no mask was drawn or filled: the gate starts from ones here, and the loops
    // below multiply by them (exactly), as by a mask of ones.
    if (!masked) {
        for (long i = 0; i < n; i++) gate[i] = 1.0f;
    }
    switch (kind) {
    case CKERNELS_TANH:
        _Pragma("clang loop interleave_count(4)")
        for (long i = 0; i < n; i++) { float d, y = tanh_with(z[i], &d); z[i] = y * gate[i]; gate[i] *= d; }
        break;
    case CKERNELS_SIGMOID:
        _Pragma("clang loop interleave_count(4)")
        for (long i = 0; i < n; i++) { float d, y = sigmoid_with(z[i], &d); z[i] = y * gate[i]; gate[i] *= d; }
        break;
    case CKERNELS_SELU:
        _Pragma("clang loop interleave_count(4)")
        for (long i = 0; i < n; i++) { float d, y = selu_with(z[i], &d); z[i] = y * gate[i]; gate[i] *= d; }
        break;
    case CKERNELS_LEAKY_RELU:
        for (long i = 0; i < n; i++) { float d, y = leaky_with(z[i], slope, &d); z[i] = y * gate[i]; gate[i] *= d; }
        break;
    default:  // identity
        for (long i = 0; i < n; i++) z[i] *= gate[i];
    }
}

__attribute__((target_clones("avx512f", "avx2", "default")))
void ckernels_activate_evaluation(int kind, float slope, float *restrict z, const float *restrict bias, long features,
                                  long samples) {
    add_bias(z, bias, features, samples);
    const long n = features * samples;
    float d;
    switch (kind) {
    case CKERNELS_RELU:
        for (long i = 0; i < n; i++) { float v = z[i]; z[i] = v > 0 || v != v ? v : 0.0f; }
        break;
    case CKERNELS_TANH:
        _Pragma("clang loop interleave_count(4)")
        for (long i = 0; i < n; i++) z[i] = ck_tanh(z[i]);
        break;
    case CKERNELS_SIGMOID:
        _Pragma("clang loop interleave_count(4)")
        for (long i = 0; i < n; i++) z[i] = ck_sigmoid(z[i]);
        break;
    case CKERNELS_SELU:
        _Pragma("clang loop interleave_count(4)")
        for (long i = 0; i < n; i++) z[i] = selu_with(z[i], &d);
        break;
    case CKERNELS_LEAKY_RELU:
        for (long i = 0; i < n; i++) z[i] = leaky_with(z[i], slope, &d);
        break;
    default:  // identity: the bias was all
        break;
    }
}

__attribute__((target_clones("avx512f", "avx2", "default")))
void ckernels_exp(const float *restrict x, float *restrict y, long count) {
    for (long i = 0; i < count; i++) y[i] = ck_exp(x[i]);
}

__attribute__((target_clones("avx512f", "avx2", "default")))
void ckernels_sigmoid_bias(float *restrict z, const float *restrict bias, long rows, long n) {
    for (long r = 0; r < rows; r++) {
        float *zr = z + r * n;
        for (long j = 0; j < n; j++) zr[j] = ck_sigmoid(zr[j] + bias[j]);
    }
}
