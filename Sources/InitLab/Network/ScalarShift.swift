/// A learned scalar a added to every feature of a stage, in place on its slot (feature-major,
/// (width, rows)): Fixup's scalar biases (Zhang, Dauphin & Ma 2019), `x + self.bias1b` in its
/// PyTorch code, before an activation, after one (so before the next product), or after a
/// block's sum. Its gradient passes through unchanged; a's is Σ δ over every feature and
/// sample: each feature's sum over the samples is kept (scratch) where the feature is computed,
/// and the run's own core adds them up in feature order after the backward pass
/// (`finishGradient`), the same bits on one core or two.
final class ScalarShift: Node, FinishesGradient {
    let slot: Int, width: Int
    let stage: Int
    /// a (one Float).
    let parameter: ParameterSegment
    var index = 0

    init(slot: Int, width: Int, stage: Int, parameter: ParameterSegment) {
        self.slot = slot
        self.width = width
        self.stage = stage
        self.parameter = parameter
    }

    /// Each feature's part of a's gradient (width), for backward only.
    func scratch(rows: Int) -> [(count: Int, backwardOnly: Bool)] { [(width, true)] }

    /// y ← y + a, as PyTorch's `out + bias` on float32.
    func forward(features: Range<Int>, on core: Core, _ context: PassContext) {
        let rows = context.rows, y = context.values(slot) + features.lowerBound * rows, a = context.parameters[parameter.offset]
        for i in 0..<features.count * rows { y[i] += a }
    }

    /// δ is also the gradient of what the shift was added to: only a's parts are computed.
    func backwardInput(features: Range<Int>, on core: Core, _ context: PassContext) {
        let rows = context.rows, delta = context.gradient(slot), sums = context.scratch(index, 0)
        for f in features {
            var sum: Float = 0
            for r in 0..<rows { sum += delta[f * rows + r] }
            sums[f] = sum
        }
    }

    func finishGradient(_ context: PassContext) {
        let sums = context.scratch(index, 0)
        var total: Float = 0
        for f in 0..<width { total += sums[f] }
        context.gradients[parameter.offset] = total
    }
}

/// A node whose parameter gradient is completed after the backward pass, on the run's own core
/// (a scalar's parts, summed in one order whatever the cut between cores).
protocol FinishesGradient: AnyObject {
    func finishGradient(_ context: PassContext)
}
