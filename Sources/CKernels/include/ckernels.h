#ifndef CKERNELS_H
#define CKERNELS_H

// Elementwise kernels that Swift, compiled for baseline x86-64 (SSE, 4 lanes), runs at half the
// speed the CPU allows. Each vectorized one is compiled for baseline and AVX2, and some for
// AVX-512 too (target_clones), and picked at load time, so the binary runs everywhere and uses 8
// or 16 lanes where it can. Floating-point contraction is off: every version rounds every
// operation as written, so results are bit-identical whichever runs.

/// One Adam update of `count` parameters, PyTorch's torch.optim.Adam (single-tensor path)
/// operation for operation:
///   m ← m + (1−β1)(g − m);  v ← β2·v + (1−β2)·g²;  p ← p − step_size · (m / (√v / root_correction2 + ε))
/// with step_size = lr/(1−β1ᵗ) and root_correction2 = √(1−β2ᵗ).
void ckernels_adam(float *restrict parameters, const float *restrict gradients, float *restrict first,
                   float *restrict second, long count, float one_minus_beta1, float beta2, float one_minus_beta2,
                   float step_size, float root_correction2, float epsilon);

/// One SGD update of `count` parameters, torch.optim.SGD (single-tensor path; no dampening,
/// Nesterov or weight decay) operation for operation: with a momentum buffer,
///   buf ← keep·buf + g;  p ← p − learning_rate·buf
/// (keep is the momentum, or 0 at the first step: buf = g, the buffer starting at zeros);
/// without one (NULL), p ← p − learning_rate·g.
void ckernels_sgd(float *restrict parameters, const float *restrict gradients, float *restrict buffer, long count,
                  float learning_rate, float keep);

/// Eight independent xoshiro256** generators advanced together: s[w][lane] is state word w of
/// lane `lane`. A single generator is one long chain of dependent operations; eight in lockstep
/// vectorize (the ** scrambler's ×5 and ×9 are shifts and adds), and being integer arithmetic
/// they give the same bits with or without AVX2.
typedef struct { unsigned long long s[4][8]; } ckernels_mask_stream;

/// Inverted-dropout factors for `count` activations: 0 when a 32-bit random number is below
/// `threshold` (= p·2³²), else `scale` = 1/(1−p). Each round of the eight lanes decides 16
/// entries: entries 16k + 2j and 16k + 2j + 1 come from lane j's k-th draw, low half first; the
/// unused decisions of a last partial round are dropped. No branch depends on random bits.
void ckernels_dropout_mask(float *restrict mask, long count, ckernels_mask_stream *restrict stream,
                           unsigned long long threshold, float scale);

/// ReLU layer forward in training, in place: for z (features, samples) = W·xᵀ, bias (features)
/// and gate holding the dropout factors, z ← max(z + b, 0)·gate and gate ← 1[z + b > 0]·gate.
/// Unless `masked`, the factors are all 1 and gate is only written (a layer without dropout: the
/// same operations with 1 for each factor, so the same bits as a gate filled with ones).
void ckernels_relu_training(int masked, float *restrict z, float *restrict gate, const float *restrict bias, long features,
                            long samples);

/// The activations of the kernels below.
enum { CKERNELS_RELU, CKERNELS_TANH, CKERNELS_SIGMOID, CKERNELS_LEAKY_RELU, CKERNELS_SELU, CKERNELS_IDENTITY };

/// Any activation's layer forward in training, in place, as ckernels_relu_training: for z
/// (features, samples) = W·xᵀ, bias (features) and gate holding the dropout factors,
/// z ← f(z + b)·gate and gate ← f'(z + b)·gate. tanh's derivative is 1 − y², sigmoid's y(1 − y)
/// from the output y, as PyTorch's backward computes them; SELU's is scale·α·eᵛ for v ≤ 0.
/// `slope` is leaky ReLU's. The math is vectorized (activations.c gives its accuracy). Unless
/// `masked`, every dropout factor is 1 and gate is only written.
void ckernels_activate_training(int kind, float slope, int masked, float *restrict z, float *restrict gate,
                                const float *restrict bias, long features, long samples);

/// The same in evaluation: z ← f(z + b), no dropout.
void ckernels_activate_evaluation(int kind, float slope, float *restrict z, const float *restrict bias, long features,
                                  long samples);

/// y = eˣ elementwise, with the kernels' exp.
void ckernels_exp(const float *restrict x, float *restrict y, long count);

/// z (rows, n) ← σ(z + bias), bias (n) per column: the RBM's sample-major layers.
void ckernels_sigmoid_bias(float *restrict z, const float *restrict bias, long rows, long n);

/// The backward of a residual sum h = skip + α·branch over (features, samples), in one pass:
/// skip_gradient ← delta (or += delta when `accumulate`), then, when `branch` is given, sums[f] =
/// Σ over samples, in order, of delta[f]·branch[f] (the product rounded, then added: α's gradient
/// per feature), and delta ← α·delta (not touched when α = 1). Each sum is one chain in sample
/// order, as a plain loop adds it; eight features' chains run side by side, so the adds' latency
/// is not the loop's.
void ckernels_residual_backward(float *restrict delta, float *restrict skip_gradient, int accumulate,
                                const float *restrict branch, float *restrict sums, float alpha, long features, long samples);

/// For delta and gate (features, samples): delta ← delta ⊙ gate, the gradient through dropout
/// and the activation, and sums[f] = Σ over samples of delta[f], the bias gradient. Each sum runs
/// in eight lanes (sample s in lane s mod 8), added pairwise at the end: a fixed order, so both
/// versions of the kernel give the same bits.
void ckernels_gate_and_sum(float *restrict delta, const float *restrict gate, float *restrict sums, long features,
                           long samples);

/// For x (features, samples), each row f shifted by shift[f] (shift may be NULL: no shift): the
/// sum of the entries, and the sum of their squared deviations from `center`; summed in double,
/// in a fixed order (eight lanes per row, see ckernels.c), so both versions give the same bits.
/// The diagnostics' mean and standard deviation of a layer's (pre-)activations.
double ckernels_shifted_sum(const float *restrict x, const float *restrict shift, long features, long samples);
double ckernels_squared_deviations(const float *restrict x, const float *restrict shift, double center, long features,
                                   long samples);

/// Σ (a[i] − b[i])² in double, in the same fixed order: the size of a training step's update.
double ckernels_squared_distance(const float *restrict a, const float *restrict b, long count);

/// For y (features, samples): how many features have more than half their samples outside
/// [low, high] (a NaN is inside), the diagnostics' saturated units.
long ckernels_count_saturated(const float *restrict y, long features, long samples, float low, float high);

/// Batch normalization in training, for z (features, samples) = W·xᵀ and the layer's bias: per
/// feature, the batch mean μ and biased variance σ² of z + b; normalized ← ẑ = (z + b − μ)/√(σ² + ε),
/// z ← γ·ẑ (the activation kernel then adds β), inverse_std ← 1/√(σ² + ε); with running buffers
/// (NULL: none, the diagnostics' probe), running_mean ← (1 − m)·running_mean + m·μ and
/// running_var ← (1 − m)·running_var + m·σ²·n/(n − 1), as PyTorch's BatchNorm1d. A NULL bias is
/// none (b = 0: a residual stream's pre-activation normalization, whose slot has no bias to undo).
void ckernels_batchnorm_training(float *restrict z, const float *restrict bias, const float *restrict gamma,
                                 float *restrict normalized, float *restrict inverse_std, float *restrict running_mean,
                                 float *restrict running_var, float momentum, float epsilon, long features, long samples);

/// Batch normalization in evaluation: z ← γ·(z + b − running_mean)/√(running_var + ε); NULL bias: b = 0.
void ckernels_batchnorm_evaluation(float *restrict z, const float *restrict bias, const float *restrict gamma,
                                   const float *restrict running_mean, const float *restrict running_var, float epsilon,
                                   long features, long samples);

/// Batch normalization's backward: delta (features, samples) holds the gradient with respect to
/// γ·ẑ + β and beta_gradient its sums over the samples (dβ); then gamma_gradient ← dγ = Σ delta·ẑ,
/// delta ← the gradient with respect to z = γ/(n·σ)·(n·delta − dβ − ẑ·dγ), and bias_gradient (NULL:
/// none) ← its sums, the linear bias's gradient (zero but for rounding).
void ckernels_batchnorm_backward(float *restrict delta, const float *restrict normalized, const float *restrict inverse_std,
                                 const float *restrict gamma, const float *restrict beta_gradient,
                                 float *restrict gamma_gradient, float *restrict bias_gradient, long features, long samples);

/// x (rows, features) = pixels[indices[r]·features + j] / 255, as torchvision's ToTensor.
void ckernels_gather_pixels(float *restrict x, const unsigned char *restrict pixels, const int *restrict indices,
                            long rows, long features);

/// Asks the CPU to start loading the rows `indices` of `pixels` into cache. The training loop
/// calls it for the next batch before the current step's optimizer update, so the random rows of
/// a dataset larger than the cache arrive meanwhile instead of stalling the next gather.
void ckernels_prefetch_pixels(const unsigned char *pixels, const int *indices, long rows, long features);

/// Vector instructions that both the CPU (CPUID) and the operating system (XGETBV: it saves the
/// wide registers on a context switch) let a program use; 0 off x86-64.
enum {
    CKERNELS_CPU_AVX2_FMA = 1,     // AVX2 and FMA3, YMM state enabled
    CKERNELS_CPU_AVX512 = 2,       // AVX-512 F, CD, BW, DQ and VL (the Skylake-X set), ZMM state enabled
    CKERNELS_CPU_AVX512_BF16 = 4,  // AVX512_BF16 besides (Cooper Lake, Sapphire Rapids, Zen 4 and later)
    CKERNELS_CPU_AMD = 8,          // the vendor is AMD
};
unsigned ckernels_cpu_features(void);

/// Single-precision matrix product, row-major: C (m, n) = α·op(A)·op(B) + β·C, op(A) (m, k), op(B)
/// (k, n), op(X) = Xᵀ when transpose_x is nonzero; lda, ldb, ldc are the row strides of A, B, C as
/// stored (as cblas_sgemm with CblasRowMajor).
///
/// One order of arithmetic on every path, so every path gives the same bits: each element's sum
/// runs over k = 0, 1, …, k−1 in that order as a chain of fused multiply-adds from +0,
///   acc = fma(op(A)[i][p], op(B)[p][j], acc),
/// then c = α·acc (rounded) when β = 0, and c = fma(β, c, α·acc) otherwise. With β = 0, C is only
/// written, never read (whatever it held, NaN included, is gone). With α = 0 or k = 0, nothing is
/// multiplied: C ← β·C (β = 0: zeros). Vectors run across C's rows or columns, never along k, and
/// how k is cut into blocks only moves where a partial sum waits (a float, stored exactly), so
/// neither changes the bits either. The operands must not overlap C.
///
/// `path` is one of CKERNELS_GEMM_* or CKERNELS_GEMM_BEST (the fastest this CPU runs). Returns 0;
/// −1 when this CPU cannot run the path, −2 when memory for packing runs out (C is then
/// untouched). Single-threaded; any number of threads may call it at once (each has its own
/// packing buffer, kept between calls).
enum {
    CKERNELS_GEMM_BEST = -1,
    CKERNELS_GEMM_PORTABLE = 0,  // C's fmaf, one element at a time: any CPU
    CKERNELS_GEMM_AVX2 = 1,      // AVX2 and FMA3, 8 floats a vector
    CKERNELS_GEMM_AVX512 = 2,    // AVX-512F, 16 floats a vector
};
int ckernels_sgemm(int path, int transpose_a, int transpose_b, long m, long n, long k, float alpha, const float *a,
                   long lda, const float *b, long ldb, float beta, float *c, long ldc);

/// The same, with the direction the vectors run across C given rather than chosen (the tests run
/// both: they give the same bits; the choice only changes the speed).
enum {
    CKERNELS_GEMM_CHOOSE = 0,        // by an estimate of the cycles each takes (gemm.c)
    CKERNELS_GEMM_ALONG_ROWS = 1,    // vectors along C's rows (op(B)'s columns)
    CKERNELS_GEMM_DOWN_COLUMNS = 2,  // vectors down C's columns (op(A)'s rows)
};
int ckernels_sgemm_oriented(int path, int orientation, int transpose_a, int transpose_b, long m, long n, long k, float alpha,
                            const float *a, long lda, const float *b, long ldb, float beta, float *c, long ldc);

/// The same product in the same order of arithmetic, one element at a time, with no packing and
/// no memory of its own: the definition the paths are tested against, and the fallback when a
/// path's packing buffer cannot be allocated (the same bits, slower). Any CPU.
void ckernels_sgemm_reference(int transpose_a, int transpose_b, long m, long n, long k, float alpha, const float *a, long lda,
                              const float *b, long ldb, float beta, float *c, long ldc);

/// The most bytes of packing buffer one thread's products take on `path` (whatever their shapes:
/// the blocking bounds it); 0 when the CPU cannot run the path. A thread allocates its buffer at
/// its first product and enlarges it when a product needs more, never per product, and keeps it
/// until the thread ends.
long ckernels_gemm_buffer_limit(int path);

/// For the tests: this thread's packing buffer may hold at most `floats` floats from now on (a
/// product that needs more returns −2); −1 lifts the limit.
void ckernels_gemm_limit_thread_buffer(long floats);

/// Whether `rows` lines read `stride` floats apart would evict one another from an L2 cache whose
/// ways cover `way` bytes each, with `ways` ways (the GEMM then packs an operand it would read in
/// place, and avoids reading one in place down its columns): a stride that is a multiple of a
/// large power of two puts the lines in few of the cache's sets (way / gcd(stride in bytes, way)
/// of them), and when one operand's lines take more than half the ways of a set, the operands no
/// longer fit beside each other. Packing changes where the floats are read from, never the bits.
int ckernels_gemm_rows_collide(long stride, long rows, long way, long ways);

/// The paths this CPU runs, bit p set for path p (the portable one always).
unsigned ckernels_gemm_paths(void);

/// The path CKERNELS_GEMM_BEST picks: the widest vectors the CPU runs.
int ckernels_gemm_best_path(void);

/// The floats in one vector of a path (1 for the portable one).
int ckernels_gemm_lanes(int path);

/// Measures one core's sustained rate of fused multiply-adds on the path's vectors: independent
/// chains of vector FMAs on registers (more chains than the FMA latency times the FMA units, so
/// every unit issues every cycle), nothing loaded or stored, for about `seconds`, best of `rounds`.
/// Returns FLOP/s (an FMA is 2 FLOP per float), or 0 when the CPU cannot run the path.
double ckernels_fma_peak(int path, double seconds, int rounds);

/// Measures the clock one core runs at, in Hz: a chain of dependent integer additions, one per
/// cycle on every x86-64 core, for about `seconds`, best of `rounds`; 0 off x86-64.
double ckernels_measured_clock(double seconds, int rounds);

/// Tells the CPU that this thread is waiting in a loop for a flag another core will set (x86's
/// pause): the loop then takes fewer resources from the core's other hardware thread and exits
/// without a pipeline flush when the flag changes.
static inline void ckernels_spin_pause(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

/// OpenBLAS's thread count in this process: always 1 (blas_threads.c sets it before main).
int ckernels_blas_threads(void);

/// The C library's version ("2.36"): its exp and log are part of what a run's bits depend on.
const char *ckernels_libc_version(void);

#endif
