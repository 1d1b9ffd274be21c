/// A hidden layer's activation and dropout, fused into one pass over its features in place
/// (feature-major): y = f(z + shift)·mask, keeping the gate f'(z + shift)·mask for backward.
/// The shift is the dense layer's b, or β after batch normalization.
final class Gate: Node {
    let slot: Int, width: Int
    let stage: Int
    let shift: ParameterSegment
    var activation = Activation.identity
    var dropout: Float = 0
    var index = 0

    init(slot: Int, width: Int, stage: Int, shift: ParameterSegment) {
        self.slot = slot
        self.width = width
        self.stage = stage
        self.shift = shift
    }

    /// The dropout mask, then the gate (width, rows).
    func scratch(rows: Int) -> [(count: Int, backwardOnly: Bool)] { [(width * rows, true)] }

    /// Draws the whole layer's mask (feature-major, one order however the layer is cut), or,
    /// for a pass with gates but no dropout, a mask of ones.
    func prepare(_ pass: inout Pass, _ context: PassContext) {
        guard context.keepsGates else { return }
        let mask = context.scratch(index, 0), count = context.rows * width
        if pass.dropout != nil {
            fillDropoutMask(mask, count: count, p: dropout, stream: &pass.dropout!)
        } else {
            mask.update(repeating: 1, count: count)
        }
    }

    func forward(features: Range<Int>, on core: Core, _ context: PassContext) {
        let rows = context.rows, offset = features.lowerBound * rows
        let z = context.values(slot) + offset, shift = UnsafePointer(context.parameters + self.shift.offset + features.lowerBound)
        if context.keepsGates {
            activateTraining(z, gate: context.scratch(index, 0) + offset, bias: shift, features: features.count, samples: rows,
                             activation: activation)
        } else {
            activateEvaluation(z, bias: shift, features: features.count, samples: rows, activation: activation)
        }
    }

    /// delta ← delta ⊙ gate in place, and the shift's gradient: its sums over the samples.
    func backwardInput(features: Range<Int>, on core: Core, _ context: PassContext) {
        let rows = context.rows, offset = features.lowerBound * rows
        gateAndSum(context.gradient(slot) + offset, gate: context.scratch(index, 0) + offset, features: features.count, samples: rows,
                   biasGradient: context.gradients + shift.offset + features.lowerBound)
    }
}
