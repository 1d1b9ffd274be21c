/// A learned scalar a added to the input of a dense layer, `self.conv1(x + self.bias1a)` in
/// Fixup's code (Zhang, Dauphin & Ma 2019), where the input is a slot other nodes read as it is:
/// a residual stream (its skip reads it too) or the readout's. It is computed where the product
/// lands, as W·(x + a·1) = W·x + a·(W·1): the node after the product adds a·Σᵢ W[o][i] to
/// feature o, so the stream stays as it is for its other readers. The same real numbers as
/// PyTorch's, rounded in another order.
///
/// Gradients: x's is Wᵀ·δ as without the shift; the product's dW = δᵀ·x misses a·Σ_r δ[o][r] in
/// every column of row o, and a's gradient is Σ_o (Σ_r δ[o][r])·(W·1)[o]; both are completed
/// after the backward pass (`finishGradient`) on the run's own core, from the layer's output
/// gradient as the backward pass left it (δ of z, which nothing after the stage's own nodes
/// changes). Its forward is per feature, so a cut of the stage cuts it too; the readout's stage
/// is never cut.
final class InputShift: Node, FinishesGradient {
    let dense: Dense
    /// a (one Float).
    let parameter: ParameterSegment
    var index = 0
    var stage: Int { dense.layer }

    init(dense: Dense, parameter: ParameterSegment) {
        precondition(dense.multiplier == 1, "a shifted input has no parametrization's multiplier")
        self.dense = dense
        self.parameter = parameter
    }

    /// Σᵢ W[o][i], in index order.
    private func rowSum(_ o: Int, _ weights: UnsafePointer<Float>) -> Float {
        let row = weights + o * dense.inputs
        var sum: Float = 0
        for i in 0..<dense.inputs { sum += row[i] }
        return sum
    }

    /// z[o] += a·(W·1)[o]: feature-major (outputs, rows), or the readout's scores (rows, classes).
    func forward(features: Range<Int>, on core: Core, _ context: PassContext) {
        let a = context.parameters[parameter.offset], w = UnsafePointer(context.parameters + dense.weight.offset)
        let rows = context.rows, z = context.values(dense.output), outputs = dense.outputs
        for o in features {
            let shift = a * rowSum(o, w)
            if dense.outputLayout == .featureMajor {
                for r in 0..<rows { z[o * rows + r] += shift }
            } else {
                for r in 0..<rows { z[r * outputs + o] += shift }
            }
        }
    }

    func backwardInput(features: Range<Int>, on core: Core, _ context: PassContext) {}

    func finishGradient(_ context: PassContext) {
        let a = context.parameters[parameter.offset], w = UnsafePointer(context.parameters + dense.weight.offset)
        let rows = context.rows, delta = UnsafePointer(context.gradient(dense.output)), outputs = dense.outputs, inputs = dense.inputs
        let dw = context.gradients + dense.weight.offset
        var total: Float = 0
        for o in 0..<outputs {
            var sum: Float = 0
            if dense.outputLayout == .featureMajor {
                for r in 0..<rows { sum += delta[o * rows + r] }
            } else {
                for r in 0..<rows { sum += delta[r * outputs + o] }
            }
            total += sum * rowSum(o, w)
            let add = a * sum, row = dw + o * inputs
            for i in 0..<inputs { row[i] += add }
        }
        context.gradients[parameter.offset] = total
    }
}
