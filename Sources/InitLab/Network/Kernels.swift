import CKernels
import Foundation

// The elementwise passes of a training step, each one loop over contiguous memory. Hidden layers
// are feature-major, (features, samples), the output layer's scores sample-major, (rows, n);
// `bias` has one entry per feature.

/// Inverted-dropout mask for `count` activations: 0 with probability p, else 1/(1−p), so the
/// expected activation is unchanged and evaluation needs no rescaling (PyTorch's nn.Dropout).
/// Each decision uses 32 random bits (p is exact to 2⁻³²); the loop is C (ckernels_dropout_mask),
/// vectorized and branch-free.
/// Without dropout (p = 0) every factor is 1, and no random number is drawn.
func fillDropoutMask(_ mask: UnsafeMutablePointer<Float>, count: Int, p: Float, stream: inout DropoutStream) {
    guard p > 0 else { return mask.update(repeating: 1, count: count) }
    let threshold = UInt64((Double(p) * 4_294_967_296).rounded())
    ckernels_dropout_mask(mask, count, &stream.state, threshold, 1 / (1 - p))
}

/// Training forward of hidden-layer features, in place. On entry z is (features, samples), one
/// feature per row, = W·xᵀ, and `gate` holds the dropout mask (unless `masked` is false: no
/// dropout, a mask of ones that is never filled); on return z holds f(z + b)·mask and `gate`
/// holds f'(z + b)·mask, the factor backward multiplies the incoming gradient by.
/// Vectorized C (ckernels_activate_training), whose header and source give the math's accuracy.
func activateTraining(_ z: UnsafeMutablePointer<Float>, gate: UnsafeMutablePointer<Float>, masked: Bool = true,
                      bias: UnsafePointer<Float>, features: Int, samples: Int, activation: Activation) {
    ckernels_activate_training(activation.kernel, activation.slope, masked ? 1 : 0, z, gate, bias, features, samples)
}

/// Evaluation forward of hidden-layer features (features, samples), in place: z ← f(z + b), no dropout.
func activateEvaluation(_ z: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, features: Int, samples: Int,
                        activation: Activation) {
    ckernels_activate_evaluation(activation.kernel, activation.slope, z, bias, features, samples)
}

/// scores (rows, n) += multiplier·bias, for the output layer (a multiplier of 1 adds b itself).
func addBias(_ z: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, multiplier: Float = 1, rows: Int, n: Int) {
    if multiplier != 1 {
        for r in 0..<rows {
            let zr = z + r * n
            for j in 0..<n { zr[j] += multiplier * bias[j] }
        }
        return
    }
    for r in 0..<rows {
        let zr = z + r * n
        for j in 0..<n { zr[j] += bias[j] }
    }
}

/// For hidden-layer features (features, samples): delta ← delta ⊙ gate, the gradient through
/// dropout and the activation, in place, and db (features) = its sums over the samples, the
/// layer's bias gradient (ckernels_gate_and_sum, whose header gives the order of the sums).
func gateAndSum(_ delta: UnsafeMutablePointer<Float>, gate: UnsafePointer<Float>, features: Int, samples: Int,
                biasGradient db: UnsafeMutablePointer<Float>) {
    ckernels_gate_and_sum(delta, gate, db, features, samples)
}

/// db (n) = multiplier · column sums of delta (rows, n): the output layer's bias gradient.
func columnSums(_ delta: UnsafePointer<Float>, rows: Int, n: Int, multiplier: Float = 1, into db: UnsafeMutablePointer<Float>) {
    db.update(repeating: 0, count: n)
    for r in 0..<rows {
        let dr = delta + r * n
        for j in 0..<n { db[j] += dr[j] }
    }
    scale(db, count: n, by: multiplier)
}

/// x (count) ← multiplier·x; nothing at all for a multiplier of 1.
func scale(_ x: UnsafeMutablePointer<Float>, count: Int, by multiplier: Float) {
    guard multiplier != 1 else { return }
    for i in 0..<count { x[i] *= multiplier }
}
