#include "ckernels.h"
#include <math.h>

__attribute__((target_clones("avx2", "default")))
void ckernels_dropout_mask(float *restrict mask, long count, ckernels_mask_stream *restrict stream,
                           unsigned long long threshold, float scale) {
    unsigned long long s0[8], s1[8], s2[8], s3[8];
    for (int j = 0; j < 8; j++) { s0[j] = stream->s[0][j]; s1[j] = stream->s[1][j]; s2[j] = stream->s[2][j]; s3[j] = stream->s[3][j]; }
    unsigned int scale_bits;
    __builtin_memcpy(&scale_bits, &scale, sizeof scale_bits);
    unsigned int factors[16];
    for (long start = 0; start < count; start += 16) {
        for (int j = 0; j < 8; j++) {
            unsigned long long x = s1[j] + (s1[j] << 2);                  // s1·5
            x = (x << 7) | (x >> 57);
            unsigned long long bits = x + (x << 3);                       // ·9
            unsigned long long t = s1[j] << 17;
            s2[j] ^= s0[j]; s3[j] ^= s1[j]; s1[j] ^= s2[j]; s0[j] ^= s3[j]; s2[j] ^= t;
            s3[j] = (s3[j] << 45) | (s3[j] >> 19);
            // x − threshold wraps (bit 63 set) exactly when x < threshold, i.e. dropped; minus
            // one that is all-ones (keep: scale's bits) or zero (drop).
            factors[2 * j] = (unsigned int)((((bits & 0xFFFFFFFFull) - threshold) >> 63) - 1) & scale_bits;
            factors[2 * j + 1] = (unsigned int)((((bits >> 32) - threshold) >> 63) - 1) & scale_bits;
        }
        long n = count - start < 16 ? count - start : 16;
        __builtin_memcpy(mask + start, factors, (unsigned long)n * sizeof(float));
    }
    for (int j = 0; j < 8; j++) { stream->s[0][j] = s0[j]; stream->s[1][j] = s1[j]; stream->s[2][j] = s2[j]; stream->s[3][j] = s3[j]; }
}

__attribute__((target_clones("avx2", "default")))
void ckernels_gather_pixels(float *restrict x, const unsigned char *restrict pixels, const int *restrict indices,
                            long rows, long features) {
    for (long r = 0; r < rows; r++) {
        const unsigned char *from = pixels + (long)indices[r] * features;
        float *to = x + r * features;
        for (long j = 0; j < features; j++) to[j] = (float)from[j] / 255.0f;
    }
}

void ckernels_prefetch_pixels(const unsigned char *pixels, const int *indices, long rows, long features) {
    for (long r = 0; r < rows; r++) {
        const unsigned char *row = pixels + (long)indices[r] * features;
        for (long j = 0; j < features; j += 64) __builtin_prefetch(row + j, 0, 1);
    }
}

__attribute__((target_clones("avx2", "default")))
void ckernels_relu_training(int masked, float *restrict z, float *restrict gate, const float *restrict bias, long features,
                            long samples) {
    for (long f = 0; f < features; f++) {
        float *zf = z + f * samples, *gf = gate + f * samples, b = bias[f];
        for (long s = 0; s < samples; s++) {
            float v = zf[s] + b, m = masked ? gf[s] : 1.0f;
            zf[s] = v > 0 || v != v ? v * m : 0.0f;  // NaN passes, as in PyTorch, so a diverging run shows
            gf[s] = v > 0 ? m : 0.0f;
        }
    }
}

void ckernels_residual_backward(float *restrict delta, float *restrict skip_gradient, int accumulate,
                                const float *restrict branch, float *restrict sums, float alpha, long features, long samples) {
    const long count = features * samples;
    if (accumulate) {
        for (long i = 0; i < count; i++) skip_gradient[i] += delta[i];
    } else {
        for (long i = 0; i < count; i++) skip_gradient[i] = delta[i];
    }
    if (branch) {
        long f = 0;
        for (; f + 8 <= features; f += 8) {
            float chain[8] = {0, 0, 0, 0, 0, 0, 0, 0};
            for (long s = 0; s < samples; s++) {
                for (int j = 0; j < 8; j++) chain[j] += delta[(f + j) * samples + s] * branch[(f + j) * samples + s];
            }
            for (int j = 0; j < 8; j++) sums[f + j] = chain[j];
        }
        for (; f < features; f++) {
            float chain = 0;
            for (long s = 0; s < samples; s++) chain += delta[f * samples + s] * branch[f * samples + s];
            sums[f] = chain;
        }
    }
    if (alpha != 1.0f) {
        for (long i = 0; i < count; i++) delta[i] *= alpha;
    }
}

__attribute__((target_clones("avx2", "default")))
void ckernels_gate_and_sum(float *restrict delta, const float *restrict gate, float *restrict sums, long features,
                           long samples) {
    for (long f = 0; f < features; f++) {
        float *d = delta + f * samples;
        const float *g = gate + f * samples;
        float lanes[8] = {0, 0, 0, 0, 0, 0, 0, 0};
        long s = 0;
        for (; s + 8 <= samples; s += 8) {
            for (int j = 0; j < 8; j++) {
                d[s + j] *= g[s + j];
                lanes[j] += d[s + j];
            }
        }
        for (int j = 0; s < samples; s++, j++) {
            d[s] *= g[s];
            lanes[j] += d[s];
        }
        sums[f] = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
    }
}

// Sums in double, in eight lanes (entry i in lane i mod 8), the lanes added pairwise at the
// end: one fixed order, so both versions of every kernel below give the same bits. Inlined
// into each version, where they vectorize.
static inline double lane_total(const double lanes[8]) {
    return ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
}

/// Σ x[i].
static inline double row_sum(const float *restrict x, long n) {
    double lanes[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    long i = 0;
    for (; i + 8 <= n; i += 8) {
        for (int j = 0; j < 8; j++) lanes[j] += (double)x[i + j];
    }
    for (int j = 0; i < n; i++, j++) lanes[j] += (double)x[i];
    return lane_total(lanes);
}

/// Σ (x[i] + offset)².
static inline double row_squares(const float *restrict x, double offset, long n) {
    double lanes[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    long i = 0;
    for (; i + 8 <= n; i += 8) {
        for (int j = 0; j < 8; j++) {
            const double d = (double)x[i + j] + offset;
            lanes[j] += d * d;
        }
    }
    for (int j = 0; i < n; i++, j++) {
        const double d = (double)x[i] + offset;
        lanes[j] += d * d;
    }
    return lane_total(lanes);
}

/// Σ a[i]·b[i].
static inline double row_dot(const float *restrict a, const float *restrict b, long n) {
    double lanes[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    long i = 0;
    for (; i + 8 <= n; i += 8) {
        for (int j = 0; j < 8; j++) lanes[j] += (double)a[i + j] * (double)b[i + j];
    }
    for (int j = 0; i < n; i++, j++) lanes[j] += (double)a[i] * (double)b[i];
    return lane_total(lanes);
}

__attribute__((target_clones("avx2", "default")))
double ckernels_shifted_sum(const float *restrict x, const float *restrict shift, long features, long samples) {
    double total = 0;
    for (long f = 0; f < features; f++) {
        total += row_sum(x + f * samples, samples) + (shift ? (double)shift[f] * (double)samples : 0);
    }
    return total;
}

__attribute__((target_clones("avx2", "default")))
double ckernels_squared_deviations(const float *restrict x, const float *restrict shift, double center, long features,
                                   long samples) {
    double total = 0;
    for (long f = 0; f < features; f++) total += row_squares(x + f * samples, (shift ? (double)shift[f] : 0) - center, samples);
    return total;
}

__attribute__((target_clones("avx2", "default")))
long ckernels_count_saturated(const float *restrict y, long features, long samples, float low, float high) {
    long saturated = 0;
    for (long f = 0; f < features; f++) {
        const float *row = y + f * samples;
        long outside = 0;
        for (long s = 0; s < samples; s++) outside += (row[s] < low) | (row[s] > high);
        saturated += 2 * outside > samples;
    }
    return saturated;
}

__attribute__((target_clones("avx2", "default")))
double ckernels_squared_distance(const float *restrict a, const float *restrict b, long count) {
    double lanes[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    long i = 0;
    for (; i + 8 <= count; i += 8) {
        for (int j = 0; j < 8; j++) {
            const double d = (double)a[i + j] - (double)b[i + j];
            lanes[j] += d * d;
        }
    }
    for (int j = 0; i < count; i++, j++) {
        const double d = (double)a[i] - (double)b[i];
        lanes[j] += d * d;
    }
    return lane_total(lanes);
}

// Batch normalization of feature-major (features, samples) blocks, PyTorch's BatchNorm1d. Sums
// in double in eight lanes per row (as above): the same bits from both versions of each kernel.

__attribute__((target_clones("avx2", "default")))
void ckernels_batchnorm_training(float *restrict z, const float *restrict bias, const float *restrict gamma,
                                 float *restrict normalized, float *restrict inverse_std, float *restrict running_mean,
                                 float *restrict running_var, float momentum, float epsilon, long features, long samples) {
    for (long f = 0; f < features; f++) {
        float *row = z + f * samples, *out = normalized + f * samples;
        const float b = bias ? bias[f] : 0.0f;
        const double mean = row_sum(row, samples) / (double)samples + (double)b;
        const double variance = row_squares(row, (double)b - mean, samples) / (double)samples;
        const float inverse = (float)(1.0 / sqrt(variance + (double)epsilon));
        const float center = (float)mean, g = gamma[f];
        for (long s = 0; s < samples; s++) {
            const float n = ((row[s] + b) - center) * inverse;
            out[s] = n;
            row[s] = g * n;
        }
        inverse_std[f] = inverse;
        if (running_mean) {
            // The running variance is the unbiased one; a batch of one has none, and keeps its estimate.
            const double unbiased = samples > 1 ? variance * (double)samples / (double)(samples - 1) : (double)running_var[f];
            running_mean[f] = (float)((1.0 - (double)momentum) * (double)running_mean[f] + (double)momentum * mean);
            running_var[f] = (float)((1.0 - (double)momentum) * (double)running_var[f] + (double)momentum * unbiased);
        }
    }
}

__attribute__((target_clones("avx2", "default")))
void ckernels_batchnorm_evaluation(float *restrict z, const float *restrict bias, const float *restrict gamma,
                                   const float *restrict running_mean, const float *restrict running_var, float epsilon,
                                   long features, long samples) {
    for (long f = 0; f < features; f++) {
        float *row = z + f * samples;
        const float b = bias ? bias[f] : 0.0f, center = running_mean[f];
        const float scale = gamma[f] * (float)(1.0 / sqrt((double)running_var[f] + (double)epsilon));
        for (long s = 0; s < samples; s++) row[s] = ((row[s] + b) - center) * scale;
    }
}

__attribute__((target_clones("avx2", "default")))
void ckernels_batchnorm_backward(float *restrict delta, const float *restrict normalized, const float *restrict inverse_std,
                                 const float *restrict gamma, const float *restrict beta_gradient,
                                 float *restrict gamma_gradient, float *restrict bias_gradient, long features, long samples) {
    for (long f = 0; f < features; f++) {
        float *d = delta + f * samples;
        const float *n = normalized + f * samples;
        const float dgamma = (float)row_dot(d, n, samples), dbeta = beta_gradient[f];
        gamma_gradient[f] = dgamma;
        const float scale = gamma[f] * inverse_std[f] / (float)samples, count = (float)samples;
        for (long s = 0; s < samples; s++) d[s] = scale * ((count * d[s] - dbeta) - n[s] * dgamma);
        if (bias_gradient) bias_gradient[f] = (float)row_sum(d, samples);
    }
}
