import CBLAS
import Foundation

/// J = ∂h_L/∂h_1 of a dense stack at a few probe images, as the product of the layers' factors:
/// h_l = f(S_l·W_l·h_{l−1} + shift) gives ∂h_l/∂h_{l−1} = D_l·S_l·W_l, with D_l = diag f'(u_l) at
/// the image's pre-activation u_l and S_l batch normalization's per-feature γ/√(σ² + ε) (the
/// identity without it). The pre-activations come from the network's own forward pass over the
/// whole probe batch (Pass.measurement), so batch normalization uses the probe batch's
/// statistics, as the other diagnostics do; S_l leaves out the coupling of images through the
/// batch's mean and variance, which vanishes as the batch grows. Dropout is off.
///
/// The products are in Double (OpenBLAS's dgemm) and the singular values LAPACK's (dgesdd): a
/// Gaussian network's spectrum spans many decades at depth, and the small singular values are
/// the ones Float would lose first. Both are OpenBLAS's kernels, so a run that computes the
/// spectrum names them in its cache key (GEMMChoice.lapackKeyEntry).
enum JacobianChain {
    /// What the forward pass leaves for the chain: per hidden layer, f'(u)·S for the first
    /// `images` probe images, feature-major (width, images).
    final class Slopes: PassObserver {
        let images: Int
        var slopes: [[Double]]
        /// The first hidden layer's pre-activations' second moment over the whole probe batch:
        /// where the mean-field theory's variance map starts.
        var firstVariance = 0.0

        init(plan: Plan, images: Int) {
            self.images = images
            slopes = plan.layers.dropLast().map { [Double](repeating: 1, count: $0.outputs * images) }
        }

        func willForward(_ node: any Node, _ context: PassContext) {
            guard let gate = node as? Gate else { return }
            let z = context.values(gate.slot), shift = gate.shiftValues(context), rows = context.rows
            let f = gate.activation
            if gate.stage == 0 {
                let entering = Moments(enteringActivationOf: gate, context)
                firstVariance = entering.variance + entering.mean * entering.mean
            }
            for unit in 0..<gate.width {
                for image in 0..<images {
                    // What the gate adds and activates, rounded to Float as the gate does.
                    let u = Double(z[unit * rows + image] + shift[unit])
                    slopes[gate.stage][unit * images + image] *= f.derivative(u)
                }
            }
        }

        /// Batch normalization's γ/√(σ² + ε) per feature, kept by its forward pass.
        func didForward(_ node: any Node, _ context: PassContext) {
            guard let norm = node as? BatchNorm else { return }
            let gamma = context.parameters + norm.gamma.offset, inverseStd = context.scratch(norm.index, 1)
            for unit in 0..<norm.width {
                let scale = Double(gamma[unit]) * Double(inverseStd[unit])
                for image in 0..<images { slopes[norm.stage][unit * images + image] *= scale }
            }
        }
    }

    /// Whether the spectrum is computed for `plan`: a plain stack of two hidden layers at least,
    /// each reading the one below. A residual block's factor is I + α·(its branch's product), not
    /// a D·W chain: residual plans have none yet.
    static func applies(to plan: Plan) -> Bool {
        let layers = plan.layers
        return layers.count >= 3 && zip(layers.dropFirst(), layers).allSatisfy { $0.input == $1.output }
            && !plan.stages.contains { $0.nodes.contains { $0 is ResidualAdd } }
    }

    /// J of every probe image, row-major (last hidden width, first hidden width), from the
    /// network's weights and the slopes of its forward pass.
    static func jacobians(network: Network, slopes: Slopes) -> [[Double]] {
        let hidden = Array(network.layers.dropLast()), images = slopes.images, columns = hidden[0].outputs
        var weights = [Double]()
        var products = [[Double]](repeating: [], count: images), scratch = [Double]()
        for l in 1..<hidden.count {
            // A parametrization's forward multiplier (NTK's σ_w/√fan_in, muP's) scales the product.
            let layer = hidden[l], m = layer.outputs, k = layer.inputs, multiplier = Double(layer.multiplier)
            weights = network.weights(l).map { multiplier * Double($0) }
            for image in 0..<images {
                if l == 1 {
                    products[image] = weights
                } else {
                    // W_l (m × k) · J_{l−1} (k × columns).
                    scratch = [Double](repeating: 0, count: m * columns)
                    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(columns), Int32(k), 1,
                                weights, Int32(k), products[image], Int32(columns), 0, &scratch, Int32(columns))
                    swap(&products[image], &scratch)
                }
                for row in 0..<m {
                    let d = slopes.slopes[l][row * images + image]
                    for c in 0..<columns { products[image][row * columns + c] *= d }
                }
            }
        }
        return products
    }

    /// The singular values of a row-major (rows, columns) matrix, largest first, by LAPACK's
    /// divide and conquer (dgesdd, values only). Row-major is Jᵀ column-major: the same values.
    static func singularValues(_ matrix: [Double], rows: Int, columns: Int) -> [Double] {
        var a = matrix
        var m = Int32(columns), n = Int32(rows), lda = Int32(columns), one: Int32 = 1, info: Int32 = 0
        let count = Int(min(m, n))
        var values = [Double](repeating: 0, count: count), u = [0.0], vt = [0.0]
        var iwork = [Int32](repeating: 0, count: 8 * count)
        var query = 0.0, lwork: Int32 = -1
        var job = Int8(UInt8(ascii: "N"))
        dgesdd_(&job, &m, &n, &a, &lda, &values, &u, &one, &vt, &one, &query, &lwork, &iwork, &info)
        lwork = Int32(query)
        var work = [Double](repeating: 0, count: max(1, Int(lwork)))
        dgesdd_(&job, &m, &n, &a, &lda, &values, &u, &one, &vt, &one, &work, &lwork, &iwork, &info)
        // A matrix with a NaN or an infinity (an overflowing network's): no spectrum to give.
        guard info == 0 else { return [Double](repeating: .nan, count: count) }
        return values
    }

    /// The mean-field theory's mean squared singular value of J. ‖J‖²_F grows by n_l/n_{l−1}·χ_l
    /// at factor l, χ_l = σ_w²·E[f'(u_l)²], so mean s² = n_L·Π χ_l / min(n_L, n_1); σ_w² =
    /// fan_in·E[(αw)²] and σ_b² = E[(mb)²] are each layer's own, its multipliers α and m applied. For tanh, u_l ~ N(0, q_l) with q_l from
    /// the theory's variance map (MeanField), started at the first hidden layer's measured
    /// second moment: at finite depth the layers have not reached the fixed point q*, and χ at q*
    /// alone would overstate a network whose q falls towards 0 (σ_w² = 1, no biases). ReLU's χ is
    /// σ_w²/2 at any q, its pre-activations being symmetric about 0 (σ_w²(1 + a²)/2 for leaky
    /// ReLU); the identity's σ_w². nil for other activations, for batch normalization, which
    /// the theory does not cover, and where q leaves the range its quadrature is accurate in.
    static func meanField(network: Network, firstVariance: Double) -> Double? {
        let hidden = Array(network.layers.dropLast())
        guard !hidden.contains(where: \.normalized) else { return nil }
        var product = 1.0, q = firstVariance
        for l in 1..<hidden.count {
            let gate = network.plan.stages[l].elementwise.lazy.compactMap { $0 as? Gate }.first
            // What the layer computes with: its forward and bias multipliers applied.
            let forward = Double(hidden[l].multiplier), bias = Double(gate?.shiftMultiplier ?? 1)
            let sw = forward * forward * Double(hidden[l].inputs) * Self.meanSquare(network.weights(l))
            let sb = bias * bias * Self.meanSquare(network.biases(l))
            switch gate?.activation {
            case .tanh?:
                let field = MeanField(weightVariance: sw, biasVariance: sb)
                guard MeanField.accurateVariances.contains(q) else { return nil }
                q = field.nextVariance(q)
                guard MeanField.accurateVariances.contains(q) else { return nil }
                product *= field.chi1(at: q)
            case .relu?: product *= sw / 2
            case .leakyReLU(let slope)?: product *= sw * (1 + Double(slope) * Double(slope)) / 2
            case .identity?: product *= sw
            case .sigmoid?, .selu?, nil: return nil
            }
        }
        let first = hidden[0].outputs, last = hidden[hidden.count - 1].outputs
        return Double(last) * product / Double(min(first, last))
    }

    static func meanSquare(_ values: UnsafeMutableBufferPointer<Float>) -> Double {
        values.isEmpty ? 0 : values.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(values.count)
    }
}

extension Activation {
    /// f'(u) in Double, as the training's gate takes it: ReLU's is 0 at 0, PyTorch's.
    func derivative(_ u: Double) -> Double {
        switch self {
        case .relu: return u > 0 ? 1 : 0
        case .leakyReLU(let slope): return u > 0 ? 1 : Double(slope)
        case .tanh:
            let t = Foundation.tanh(u)
            return 1 - t * t
        case .sigmoid:
            let s = 1 / (1 + exp(-u))
            return s * (1 - s)
        case .selu: return u > 0 ? Self.seluScale : Self.seluScale * Self.seluAlpha * exp(u)
        case .identity: return 1
        }
    }

    /// SELU's constants, PyTorch's (and the C kernels').
    static let seluAlpha = 1.6732632423543772848170429916717, seluScale = 1.0507009873554804934193349852946
}
