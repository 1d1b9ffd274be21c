// The optimizers' updates: PyTorch's Adam and SGD, operation for operation, each rounded to Float
// as PyTorch rounds it.
//
// A parameter whose gradient stays 0 (a weight of a pixel that is 0 in every image, a dead unit)
// keeps its moments shrinking: Adam's m ← m + 0.1·(0 − m) reaches the smallest subnormal float
// within a thousand steps and stays there (0.1·m rounds to 0), as does SGD's momentum buffer.
// Every Float operation on a subnormal costs this CPU's microcode 50–90 times an ordinary one
// (measured on Emerald Rapids: a multiply 0.07 → 6.2 ns an element), so such parameters made
// Adam 2.4–30 times slower (mnist-lab's MNIST network spent 59% of a step in it, 9.5 ns a
// parameter). So each block of 16 parameters whose m (or momentum) holds a value below 2⁻⁹⁵ other
// than 0 is updated with the operations that meet the subnormals done in Double, each result
// rounded to Float and back (`exact`): the same floats, as a Float result computed in Double and rounded
// once more is the correctly rounded one for +, −, ×, ÷ and √ (Double's 53 bits are at least
// 2·24 + 2; the subnormal range included, where sums and products are exact in Double and a
// quotient is never nearer a rounding boundary than Double's error), and no Float operation
// touches a subnormal: converting one to or from Double costs what any conversion does. Measured
// (a harness, in one process against the loop without the check, 1.19 M parameters): with every
// 8th parameter's m at the smallest subnormal, 18.3 → 2.0 ns a parameter; with none, 0.59 either
// way (from memory; 0.49 → 0.50 for 60 k, in L2, the check's cost). mnist-lab's whole comparison:
// 88.4 → 44.9 s, every result the same.

#include "ckernels.h"
#include <math.h>
#include <string.h>

/// A block's length: one AVX-512 vector, or two AVX2 ones, per decision. A weight row of an image
/// network has its always-zero border pixels every 28 inputs, so a longer block would send most
/// rows to the slower path.
#define BLOCK 16

/// Whether any of n floats at x is below 2⁻⁹⁵ in magnitude and not zero: read as integers, so a
/// subnormal costs nothing here. What is checked is the state that shrinks to the subnormals (Adam's
/// m, SGD's momentum; v shrinks by β2 a step, and the exact path leaves its operations in Float
/// anyway); the margin above them keeps the products of small normal values (0.1·(g − m), lr·buf)
/// from reaching them in the Float path. A subnormal elsewhere (a gradient, a parameter) is as rare
/// as in any other pass, and the Float path gives its bits too, slowly.
static inline __attribute__((always_inline)) int any_tiny(const float *x, long n) {
    unsigned tiny = 0;
    for (long i = 0; i < n; i++) {
        unsigned bits;
        memcpy(&bits, x + i, 4);
        // (bits of |x|) − 1 < (bits of 2⁻⁹⁵) − 1: nonzero and below, in one unsigned compare.
        tiny |= (bits & 0x7fffffffu) - 1u < 0x10000000u - 1u;
    }
    return tiny != 0;
}

/// 1, which the compiler cannot see: every Double in the exact paths is multiplied by it (exact,
/// ±0, inf and NaN included) after coming from a Float. Else the compiler rewrites an operation on
/// two Floats widened to Double and rounded back as the Float operation itself (the same result,
/// which is why it may), and the subnormals are back in Float operations.
static inline double opaque_one(void) {
    double one = 1.0;
    __asm__("" : "+m"(one));
    return one;
}

/// x rounded to Float, and back (times the opaque 1): one Float operation's result, computed in Double.
static inline double to_float(double x, double one) { return (double)(float)x * one; }

// PyTorch's Adam with one division fewer for the divider: √v / root_correction2 is computed as
// (float)((double)√v · (1/(double)root_correction2)), which is the same float. Why: for floats a,
// b with a/b in the normal range, a/b is never within 2⁻⁴⁹ (relative) of a midpoint between two
// floats (scaled to [1, 2), a/b − m = N/(B·2²⁴) for a nonzero integer N, B < 2²⁴ being b's
// significand), while the Double product is within 2⁻⁵² of a/b (two roundings of 2⁻⁵³); so both
// round to the same float. Here a/b is normal: √v is 0 or at least 2⁻⁷⁵, and 0 < root_correction2
// ≤ 1 (β2 in [0, 1)); ±inf and NaN pass through as the division gives them. Measured on Emerald
// Rapids in a harness: 0.71 → 0.52 ns a parameter for 60 k parameters (in L2), 0.71 → 0.63 for
// 235 k (the lesson's; from L3, where 0.62 is the loop with no division or square root at all).

/// Adam on n parameters in Float (none of their values tiny).
static inline __attribute__((always_inline)) void adam_float(float *restrict p, const float *restrict gradient, float *restrict first,
                                                             float *restrict second, long n, float one_minus_beta1, float beta2,
                                                             float one_minus_beta2, float step_size, double inverse_correction2,
                                                             float epsilon) {
    for (long i = 0; i < n; i++) {
        float g = gradient[i];
        float m = first[i] + one_minus_beta1 * (g - first[i]);
        float v = beta2 * second[i] + one_minus_beta2 * g * g;
        first[i] = m;
        second[i] = v;
        const float corrected = (float)((double)sqrtf(v) * inverse_correction2);  // = sqrtf(v) / root_correction2
        p[i] -= step_size * (m / (corrected + epsilon));
    }
}

/// The same floats, with m's operations and the update's in Double (see the top of the file): what
/// gets stuck at a subnormal is m (v shrinks by β2 a step, and would take tens of thousands of
/// steps of zero gradient to get there), and the update m/d·lr is then subnormal too. v's
/// operations stay in Float, as in adam_float: any mix gives the same floats, and these are
/// faster (Double's square root and division cost twice Float's on this CPU).
static inline __attribute__((always_inline)) void adam_exact(float *restrict p, const float *restrict gradient, float *restrict first,
                                                             float *restrict second, long n, float one_minus_beta1, float beta2,
                                                             float one_minus_beta2, float step_size, double inverse_correction2,
                                                             float epsilon) {
    const double one = opaque_one(), b1 = one_minus_beta1 * one, lr = step_size * one;
    for (long i = 0; i < n; i++) {
        const float g = gradient[i];
        const float v = beta2 * second[i] + one_minus_beta2 * g * g;
        second[i] = v;
        const float denominator = (float)((double)sqrtf(v) * inverse_correction2) + epsilon;
        const double m0 = first[i] * one;
        const double m = to_float(m0 + to_float(b1 * to_float(g * one - m0, one), one), one);
        first[i] = (float)m;
        const double q = to_float(m / (denominator * one), one);
        p[i] = (float)(p[i] * one - to_float(lr * q, one));
    }
}

__attribute__((target_clones("avx512f", "avx2", "default")))
void ckernels_adam(float *restrict parameters, const float *restrict gradients, float *restrict first,
                   float *restrict second, long count, float one_minus_beta1, float beta2, float one_minus_beta2,
                   float step_size, float root_correction2, float epsilon) {
    const double inverse_correction2 = 1.0 / (double)root_correction2;
    long i = 0;
    for (; i + BLOCK <= count; i += BLOCK) {
        if (any_tiny(first + i, BLOCK)) {
            adam_exact(parameters + i, gradients + i, first + i, second + i, BLOCK, one_minus_beta1, beta2, one_minus_beta2,
                       step_size, inverse_correction2, epsilon);
        } else {
            adam_float(parameters + i, gradients + i, first + i, second + i, BLOCK, one_minus_beta1, beta2, one_minus_beta2,
                       step_size, inverse_correction2, epsilon);
        }
    }
    adam_exact(parameters + i, gradients + i, first + i, second + i, count - i, one_minus_beta1, beta2, one_minus_beta2, step_size,
               inverse_correction2, epsilon);
}

/// SGD on n parameters in Float, and the same in Double (as Adam's).
static inline __attribute__((always_inline)) void sgd_float(float *restrict p, const float *restrict g, float *restrict buffer, long n,
                                                            float learning_rate, float keep) {
    for (long i = 0; i < n; i++) {
        const float b = keep * buffer[i] + g[i];
        buffer[i] = b;
        p[i] -= learning_rate * b;
    }
}

static inline __attribute__((always_inline)) void sgd_exact(float *restrict p, const float *restrict g, float *restrict buffer, long n,
                                                            float learning_rate, float keep) {
    const double one = opaque_one(), k = keep * one, lr = learning_rate * one;
    for (long i = 0; i < n; i++) {
        const double b = to_float(to_float(k * buffer[i] * one, one) + g[i] * one, one);
        buffer[i] = (float)b;
        p[i] = (float)(p[i] * one - to_float(lr * b, one));
    }
}

// Memory-bound: AVX-512's wider loads and stores pay here.
__attribute__((target_clones("avx512f", "avx2", "default")))
void ckernels_sgd(float *restrict parameters, const float *restrict gradients, float *restrict buffer, long count,
                  float learning_rate, float keep) {
    if (!buffer) {
        // Without momentum nothing shrinks from step to step: a tiny gradient is as rare as in any
        // other pass.
        for (long i = 0; i < count; i++) parameters[i] -= learning_rate * gradients[i];
        return;
    }
    long i = 0;
    for (; i + BLOCK <= count; i += BLOCK) {
        if (any_tiny(buffer + i, BLOCK)) {
            sgd_exact(parameters + i, gradients + i, buffer + i, BLOCK, learning_rate, keep);
        } else {
            sgd_float(parameters + i, gradients + i, buffer + i, BLOCK, learning_rate, keep);
        }
    }
    sgd_exact(parameters + i, gradients + i, buffer + i, count - i, learning_rate, keep);
}
