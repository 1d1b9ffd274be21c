import Foundation
@testable import InitLab

/// The MLP written the plain way, in Double, one loop per formula: the reference the fast Float
/// kernels are tested against. W is (out, in) row-major; masks[l] is hidden layer l's dropout
/// factor (0 or 1/(1−p)) per (row, unit). A parametrization's multipliers enter as written:
/// z = forward·(x·Wᵀ) + bias·b. A residual block's last layer adds the stream its branch read:
/// y = h + α·f(z). In the pre-activation arrangement a layer's output stream is followed by the
/// next layer's u = f(γ·BN(y) + β)·mask, which that layer reads while the skip reads y.
struct ReferenceMLP {
    let widths: [Int]
    /// Per dense layer: its shape, where its W, b (and with batch normalization γ, β) start.
    let layouts: [(inputs: Int, outputs: Int, weightOffset: Int, biasOffset: Int, normalized: Bool, gammaOffset: Int, betaOffset: Int)]
    /// Per dense layer: its forward and bias multipliers (LayerScaling; 1 and 1 when standard).
    let multipliers: [(forward: Double, bias: Double)]
    /// Per dense layer, the activation of its gate (identity for the readout and a branch's last layer).
    let activations: [Activation]
    /// Per dense layer that ends a residual branch: the layer whose input is the stream it adds
    /// back, and α, fixed or at its offset among the parameters.
    let sums: [Int: (firstLayer: Int, alpha: Double, alphaOffset: Int?)]
    /// Per dense layer, the offsets of Fixup's scalar biases (ScalarShift, InputShift) where it
    /// has them: added to its input before the product, before its activation, after it, and
    /// after its block's sum.
    let shifts: [(input: Int?, preactivation: Int?, activation: Int?, sum: Int?)]
    /// Per dense layer whose output stream is normalized out of place for what reads it
    /// (StreamBatchNorm): its γ, β and activation, and which mask its gate draws.
    let preactivations: [(gammaOffset: Int, betaOffset: Int, activation: Activation, mask: Int)?]
    /// Per dense layer, which of `masks` its own gate's is: masks are per gate in plan order (one
    /// per hidden stage, and a pre-activation's after its stage's own).
    let maskIndex: [Int]
    var parameters: [Double]

    init(_ model: Network) {
        widths = model.widths
        layouts = model.layers.map { layer in
            let segments = model.plan.segments
            return (layer.inputs, layer.outputs, layer.weight.offset, layer.bias.offset, layer.normalized,
                    segments.first(.gamma, of: layer.layer)?.offset ?? -1, segments.first(.beta, of: layer.layer)?.offset ?? -1)
        }
        multipliers = model.plan.layers.indices.map { l in
            let scaling = model.plan.scaling.isEmpty ? LayerScaling.standard : model.plan.scaling[l]
            return (Double(scaling.forward), Double(scaling.bias))
        }
        activations = model.plan.stages.map { stage in stage.elementwise.compactMap { ($0 as? Gate)?.activation }.first ?? .identity }
        var sums: [Int: (firstLayer: Int, alpha: Double, alphaOffset: Int?)] = [:]
        let norms = model.plan.stages.flatMap(\.nodes).compactMap { $0 as? StreamBatchNorm }
        for case let sum as ResidualAdd in model.plan.stages.flatMap(\.nodes) {
            // The branch's first layer reads the stream, or its pre-activation's copy.
            let read = norms.first { $0.source == sum.skip }?.slot ?? sum.skip
            let first = model.layers.first { $0.input == read }!.layer
            var alpha = 0.0
            if case .fixed(let value) = sum.branchScale { alpha = Double(value) }
            sums[sum.stage] = (first, alpha, sum.trainedScale?.offset)
        }
        self.sums = sums
        shifts = model.plan.stages.map { stage in
            var shift: (input: Int?, preactivation: Int?, activation: Int?, sum: Int?) = (nil, nil, nil, nil)
            var gated = false, summed = false
            for node in stage.elementwise {
                if node is Gate { gated = true }
                if node is ResidualAdd { summed = true }
                if let input = node as? InputShift { shift.input = input.parameter.offset }
                guard let scalar = node as? ScalarShift else { continue }
                if summed { shift.sum = scalar.parameter.offset } else if gated { shift.activation = scalar.parameter.offset }
                else { shift.preactivation = scalar.parameter.offset }
            }
            return shift
        }
        var gates = 0, maskIndex: [Int] = []
        preactivations = model.plan.stages.map { stage in
            maskIndex.append(gates)
            var found: (gammaOffset: Int, betaOffset: Int, activation: Activation, mask: Int)?
            for node in stage.elementwise {
                if let norm = node as? StreamBatchNorm { found = (norm.gamma.offset, norm.beta.offset, .identity, -1) }
                guard let gate = node as? Gate else { continue }
                if found != nil { found!.activation = gate.activation; found!.mask = gates }
                gates += 1
            }
            return found
        }
        self.maskIndex = maskIndex
        parameters = model.parameters.array.map(Double.init)
    }

    /// Batch normalization with the batch's statistics (biased variance, as training), in place on
    /// z (rows, m): γ·(z − μ)/√(σ² + ε) + β per feature.
    func normalize(_ z: inout [Double], rows: Int, m: Int, gammaOffset: Int, betaOffset: Int) {
        for o in 0..<m {
            let column = (0..<rows).map { z[$0 * m + o] }
            let mean = column.reduce(0, +) / Double(rows)
            let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(rows)
            let scale = parameters[gammaOffset + o] / (variance + Double(BatchNorm.epsilon)).squareRoot()
            for r in 0..<rows { z[r * m + o] = (z[r * m + o] - mean) * scale + parameters[betaOffset + o] }
        }
    }

    /// Double-precision activation values, so finite differences stay smooth.
    func activate(_ x: Double, _ activation: Activation) -> Double {
        switch activation {
        case .relu: return max(x, 0)
        case .tanh: return tanh(x)
        case .sigmoid: return 1 / (1 + exp(-x))
        case .leakyReLU(let slope): return x > 0 ? x : Double(slope) * x
        case .selu: return x > 0 ? 1.0507009873554805 * x : 1.0507009873554805 * 1.6732632423543772 * (exp(x) - 1)
        case .identity: return x
        }
    }

    /// Mean cross-entropy of the batch; batch normalization, where the model has it, with the
    /// batch's statistics (training).
    func loss(x: [Double], labels: [Int], rows: Int, masks: [[Double]]?) -> Double {
        let scores = layers(x: x, rows: rows, masks: masks).last!.y
        let classes = widths.last!
        var total = 0.0
        for r in 0..<rows {
            let s = scores[(r * classes)..<((r + 1) * classes)]
            let highest = s.max()!
            let logSum = log(s.reduce(0) { $0 + exp($1 - highest) }) + highest
            total += logSum - s[s.startIndex + labels[r]]
        }
        return total / Double(rows)
    }

    /// Every layer's activation input (z + b, or γ·ẑ + β) and output f(·)·mask (the last
    /// layer's: its scores), each (rows, width) row-major.
    func layers(x: [Double], rows: Int, masks: [[Double]]? = nil) -> [(z: [Double], y: [Double])] {
        // `streams[l]` is the stream layer l's branch read (its input, or what its pre-activation normalized).
        var input = x, stream = x, result: [(z: [Double], y: [Double])] = [], streams: [[Double]] = []
        for (l, layout) in layouts.enumerated() {
            streams.append(stream)
            let n = layout.inputs, m = layout.outputs, last = l == layouts.count - 1
            let shifted = shifts[l].input.map { offset in input.map { $0 + parameters[offset] } } ?? input
            var z = [Double](repeating: 0, count: rows * m)
            for r in 0..<rows {
                for o in 0..<m {
                    var sum = 0.0
                    for i in 0..<n { sum += shifted[r * n + i] * parameters[layout.weightOffset + o * n + i] }
                    z[r * m + o] = multipliers[l].forward * sum + multipliers[l].bias * parameters[layout.biasOffset + o]
                }
            }
            if layout.normalized { normalize(&z, rows: rows, m: m, gammaOffset: layout.gammaOffset, betaOffset: layout.betaOffset) }
            if let offset = shifts[l].preactivation { z = z.map { $0 + parameters[offset] } }
            var y = last ? z : z.indices.map { activate(z[$0], activations[l]) * (masks?[maskIndex[l]][$0] ?? 1) }
            if let offset = shifts[l].activation { y = y.map { $0 + parameters[offset] } }
            if let sum = sums[l] {
                let alpha = sum.alphaOffset.map { parameters[$0] } ?? sum.alpha, skip = streams[sum.firstLayer]
                y = y.indices.map { skip[$0] + alpha * y[$0] }
            }
            if let offset = shifts[l].sum { y = y.map { $0 + parameters[offset] } }
            result.append((z, y))
            stream = y
            input = y
            if let pre = preactivations[l] {
                normalize(&input, rows: rows, m: m, gammaOffset: pre.gammaOffset, betaOffset: pre.betaOffset)
                input = input.indices.map { activate(input[$0], pre.activation) * (masks?[pre.mask][$0] ?? 1) }
            }
        }
        return result
    }

    /// Central-difference gradient of the loss with respect to every parameter.
    func numericalGradient(x: [Double], labels: [Int], rows: Int, masks: [[Double]]?, step: Double = 1e-6) -> [Double] {
        var probe = self
        return (0..<parameters.count).map { i in
            let saved = probe.parameters[i]
            probe.parameters[i] = saved + step
            let up = probe.loss(x: x, labels: labels, rows: rows, masks: masks)
            probe.parameters[i] = saved - step
            let down = probe.loss(x: x, labels: labels, rows: rows, masks: masks)
            probe.parameters[i] = saved
            return (up - down) / (2 * step)
        }
    }
}
