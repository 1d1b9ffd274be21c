import CKernels

/// How much of a residual branch is added to the stream: h ← h + α·f(h).
public enum BranchScale: Sendable, Equatable {
    /// A constant α (1: the plain residual block; 1/√L: depth-muP's branch scaling).
    case fixed(Float)
    /// α is a learned scalar, a parameter segment of its own that starts at `initial` (SkipInit
    /// and ReZero start it at 0).
    case trained(initial: Float)
}

/// The end of a residual block, in place on the features of the branch's last dense layer
/// (feature-major, (width, rows)): h ← skip + α·branch, where `skip` is the stream the block read.
/// That slot is read twice, by the branch's first dense layer and here, so its gradient has two
/// writers (Plan.gradientWrites): this node writes first, in the chain of its stage, and the
/// branch's first product accumulates into it (β = 1) and completes it.
///
/// Every operation is per element of the stage's features, so a cut of the stage between two
/// cores cuts it too. A trained α's gradient Σ δ·branch runs over all features: each feature's
/// sum over the samples is kept (scratch), and the run's own core adds them up in feature order
/// once the backward pass is over (`sumScaleGradient`), the same bits on one core or two.
final class ResidualAdd: Node, FinishesGradient {
    /// The branch's output slot (updated in place) and the stream the block read.
    let slot: Int, skip: Int, width: Int
    let stage: Int
    let branchScale: BranchScale
    /// A trained α's segment (one Float).
    let trainedScale: ParameterSegment?
    /// Whether this node's write of the skip's gradient adds to one made before it (never: the
    /// skip is written first, but the plan decides it, not this node).
    var accumulatesSkipGradient = false
    var index = 0

    init(slot: Int, skip: Int, width: Int, stage: Int, branchScale: BranchScale, trainedScale: ParameterSegment?) {
        self.slot = slot
        self.skip = skip
        self.width = width
        self.stage = stage
        self.branchScale = branchScale
        self.trainedScale = trainedScale
    }

    /// With a trained α: the branch's values before the sum (width, rows) and each feature's
    /// part of α's gradient (width), both for backward only.
    func scratch(rows: Int) -> [(count: Int, backwardOnly: Bool)] {
        trainedScale == nil ? [] : [(width * rows, true), (width, true)]
    }

    private func alpha(_ context: PassContext) -> Float {
        if let trainedScale { return context.parameters[trainedScale.offset] }
        if case .fixed(let value) = branchScale { return value }
        preconditionFailure("a trained scale has a segment")
    }

    /// y (the branch) ← skip + α·y, as PyTorch's h + alpha * f(h): the product rounded, then the sum.
    func forward(features: Range<Int>, on core: Core, _ context: PassContext) {
        let rows = context.rows, offset = features.lowerBound * rows, count = features.count * rows
        let y = context.values(slot) + offset, h = UnsafePointer(context.values(skip) + offset)
        if trainedScale != nil && context.keepsGates { context.scratch(index, 0).advanced(by: offset).update(from: y, count: count) }
        let alpha = alpha(context)
        if alpha == 1 {
            for i in 0..<count { y[i] = h[i] + y[i] }
        } else {
            for i in 0..<count { y[i] = h[i] + alpha * y[i] }
        }
    }

    /// The stream's gradient gets δ as it is (the skip), α's gradient each feature's Σ δ·branch,
    /// and δ becomes α·δ in place, the gradient of the branch's output, on down the stage.
    func backwardInput(features: Range<Int>, on core: Core, _ context: PassContext) {
        let rows = context.rows, offset = features.lowerBound * rows
        // With a trained α: the branch's values the forward kept, and each feature's part of α's gradient.
        let trained = trainedScale != nil
        let branch = trained ? UnsafePointer(context.scratch(index, 0) + offset) : nil
        let sums = trained ? context.scratch(index, 1) + features.lowerBound : nil
        ckernels_residual_backward(context.gradient(slot) + offset, context.gradient(skip) + offset, accumulatesSkipGradient ? 1 : 0,
                                   branch, sums, alpha(context), features.count, rows)
    }

    /// α's gradient, the features' sums added in feature order: after the backward pass, on the
    /// run's own core.
    func sumScaleGradient(_ context: PassContext) {
        guard let trainedScale else { return }
        let sums = context.scratch(index, 1)
        var total: Float = 0
        for f in 0..<width { total += sums[f] }
        context.gradients[trainedScale.offset] = total
    }

    func finishGradient(_ context: PassContext) { sumScaleGradient(context) }
}
