/// A hidden layer's activation and dropout, fused into one pass over its features in place
/// (feature-major): y = f(z + shift)·mask, keeping the gate f'(z + shift)·mask for backward.
/// The shift is the dense layer's b, or β after batch normalization; a parametrization's bias
/// multiplier m (NTK's σ_b) makes it m·b, written once per pass into the gate's scratch (the
/// layer's width, nothing per sample), and b's gradient m·Σδ.
final class Gate: Node {
    let slot: Int, width: Int
    let stage: Int
    let shift: ParameterSegment
    /// Whether the shift is trained: not a dense layer's b in a model without biases (it stays 0,
    /// its gradient 0).
    let learnsShift: Bool
    var activation = Activation.identity
    var dropout: Float = 0
    /// The bias multiplier (LayerScaling.bias); 1 adds the parameters themselves.
    var shiftMultiplier: Float = 1
    var index = 0

    init(slot: Int, width: Int, stage: Int, shift: ParameterSegment, learnsShift: Bool) {
        self.slot = slot
        self.width = width
        self.stage = stage
        self.shift = shift
        self.learnsShift = learnsShift
    }

    /// The dropout mask, then the gate (width, rows); with a bias multiplier, the scaled shift (width).
    func scratch(rows: Int) -> [(count: Int, backwardOnly: Bool)] {
        [(width * rows, true)] + (shiftMultiplier != 1 ? [(width, false)] : [])
    }

    /// What the gate adds to the layer's features (width) in the pass `context` describes: the
    /// shift's parameters, or m times them (valid after `prepare`).
    func shiftValues(_ context: PassContext) -> UnsafePointer<Float> {
        UnsafePointer(shiftMultiplier != 1 ? context.scratch(index, 1) : context.parameters + shift.offset)
    }

    /// Scales the shift (with a multiplier), then draws the whole layer's mask (feature-major,
    /// one order however the layer is cut), or, for a pass with gates but no dropout, a mask of ones.
    /// A layer without dropout has no mask (forward's gate starts from ones of its own, with the
    /// same bits, and no pass over the layer's memory fills it).
    func prepare(_ pass: inout Pass, _ context: PassContext) {
        if shiftMultiplier != 1 {
            let scaled = context.scratch(index, 1), b = context.parameters + shift.offset
            for i in 0..<width { scaled[i] = shiftMultiplier * b[i] }
        }
        guard context.keepsGates, masked else { return }
        let mask = context.scratch(index, 0), count = context.rows * width
        if pass.dropout != nil {
            fillDropoutMask(mask, count: count, p: dropout, stream: &pass.dropout!)
        } else {
            mask.update(repeating: 1, count: count)
        }
    }

    /// Whether forward multiplies by a dropout mask (fillDropoutMask draws no random number at p = 0).
    var masked: Bool { dropout > 0 }

    func forward(features: Range<Int>, on core: Core, _ context: PassContext) {
        let rows = context.rows, offset = features.lowerBound * rows
        let z = context.values(slot) + offset, shift = shiftValues(context) + features.lowerBound
        if context.keepsGates {
            activateTraining(z, gate: context.scratch(index, 0) + offset, masked: masked, bias: shift, features: features.count, samples: rows,
                             activation: activation)
        } else {
            activateEvaluation(z, bias: shift, features: features.count, samples: rows, activation: activation)
        }
    }

    /// delta ← delta ⊙ gate in place, and the shift's gradient: its sums over the samples (times m).
    func backwardInput(features: Range<Int>, on core: Core, _ context: PassContext) {
        let rows = context.rows, offset = features.lowerBound * rows, db = context.gradients + shift.offset + features.lowerBound
        gateAndSum(context.gradient(slot) + offset, gate: context.scratch(index, 0) + offset, features: features.count, samples: rows,
                   biasGradient: db)
        if learnsShift { scale(db, count: features.count, by: shiftMultiplier) } else { db.update(repeating: 0, count: features.count) }
    }
}
