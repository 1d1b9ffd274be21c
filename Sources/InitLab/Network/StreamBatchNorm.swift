import CKernels

/// PyTorch's BatchNorm1d of a residual stream, out of place: the pre-activation arrangement's
/// BN at the head of a branch (He et al. 2016, "Identity Mappings in Deep Residual Networks"),
/// and its final BN before the readout. The skip reads the stream as it is, so the normalized
/// values go to a slot of their own, (width, rows) feature-major: `slot` ← γ·ẑ(`source`), and
/// the gate after it adds β and applies the activation and dropout there, in place.
///
/// It is the last-but-one node of the stage that made the stream (the input projection, or a
/// block's sum), on the same features, so one cut between cores cuts both slots. In a backward
/// pass it writes the stream's gradient: after the next block's sum (the skip, which overwrites
/// it) it accumulates into it and completes it, the order Plan.gradientWrites gives; then the
/// stage's own nodes (the sum, its gate) go on with it. The stream has no bias to undo (the
/// dense layer that wrote it keeps its b, which the skip carries), so b is 0 in the kernels.
final class StreamBatchNorm: Node {
    let source: Int, slot: Int, width: Int
    let stage: Int
    let gamma: ParameterSegment, beta: ParameterSegment
    /// The running mean (width), then the running variance (width), in the network's running buffer.
    let runningOffset: Int
    /// Whether this node's write of the stream's gradient adds to one made before it (the skip's).
    var accumulatesSourceGradient = false
    var index = 0

    init(source: Int, slot: Int, width: Int, stage: Int, gamma: ParameterSegment, beta: ParameterSegment, runningOffset: Int) {
        self.source = source
        self.slot = slot
        self.width = width
        self.stage = stage
        self.gamma = gamma
        self.beta = beta
        self.runningOffset = runningOffset
    }

    /// ẑ (width, rows) and 1/√(σ² + ε) (width) of the last batch-statistics pass, for backward.
    func scratch(rows: Int) -> [(count: Int, backwardOnly: Bool)] { [(width * rows, false), (width, false)] }

    /// Copies the stream's rows, then normalizes the copy in place, as BatchNorm does a product's.
    func forward(features: Range<Int>, on core: Core, _ context: PassContext) {
        let rows = context.rows, f = features.lowerBound
        let z = context.values(slot) + f * rows, p = context.parameters
        z.update(from: context.values(source) + f * rows, count: features.count * rows)
        let mean = context.running + runningOffset + f, variance = mean + width
        switch context.normalization {
        case .batch(let updatesRunning):
            ckernels_batchnorm_training(z, nil, p + gamma.offset + f, context.scratch(index, 0) + f * rows, context.scratch(index, 1) + f,
                                        updatesRunning ? mean : nil, updatesRunning ? variance : nil, BatchNorm.momentum,
                                        BatchNorm.epsilon, features.count, rows)
        case .running:
            ckernels_batchnorm_evaluation(z, nil, p + gamma.offset + f, mean, variance, BatchNorm.epsilon, features.count, rows)
        }
    }

    /// Through the normalization in place on the copy's gradient (γ's gradient with it; β's, which
    /// the gate computed, is one of its inputs), then into the stream's: written or added.
    func backwardInput(features: Range<Int>, on core: Core, _ context: PassContext) {
        let rows = context.rows, f = features.lowerBound, g = context.gradients, count = features.count * rows
        let delta = context.gradient(slot) + f * rows
        ckernels_batchnorm_backward(delta, context.scratch(index, 0) + f * rows, context.scratch(index, 1) + f,
                                    context.parameters + gamma.offset + f, g + beta.offset + f, g + gamma.offset + f, nil,
                                    features.count, rows)
        let stream = context.gradient(source) + f * rows
        if accumulatesSourceGradient {
            for i in 0..<count { stream[i] += delta[i] }
        } else {
            stream.update(from: delta, count: count)
        }
    }
}
