import CKernels

/// PyTorch's BatchNorm1d between a hidden layer's product and its activation, in place on the
/// layer's features (feature-major): z becomes γ·ẑ, and the gate after it adds β where it would
/// have added b. Training passes normalize with the batch's statistics and update the running
/// ones; evaluation passes use the running ones.
final class BatchNorm: Node {
    /// PyTorch's defaults.
    static let momentum: Float = 0.1, epsilon: Float = 1e-5

    let slot: Int, width: Int
    let stage: Int
    /// The dense layer's b, which the normalization subtracts again; its gradient is computed
    /// here (0 when the layer keeps no bias).
    let linearBias: ParameterSegment
    let keepsLinearBias: Bool
    let gamma: ParameterSegment, beta: ParameterSegment
    /// The running mean (width), then the running variance (width), in the network's running buffer.
    let runningOffset: Int
    var index = 0

    init(slot: Int, width: Int, stage: Int, linearBias: ParameterSegment, keepsLinearBias: Bool, gamma: ParameterSegment,
         beta: ParameterSegment, runningOffset: Int) {
        self.slot = slot
        self.width = width
        self.stage = stage
        self.linearBias = linearBias
        self.keepsLinearBias = keepsLinearBias
        self.gamma = gamma
        self.beta = beta
        self.runningOffset = runningOffset
    }

    /// ẑ (width, rows) and 1/√(σ² + ε) (width) of the last batch-statistics pass, for backward.
    func scratch(rows: Int) -> [(count: Int, backwardOnly: Bool)] { [(width * rows, false), (width, false)] }

    func forward(features: Range<Int>, on core: Core, _ context: PassContext) {
        let rows = context.rows, f = features.lowerBound
        let z = context.values(slot) + f * rows, p = context.parameters
        let mean = context.running + runningOffset + f, variance = mean + width
        switch context.normalization {
        case .batch(let updatesRunning):
            ckernels_batchnorm_training(z, p + linearBias.offset + f, p + gamma.offset + f, context.scratch(index, 0) + f * rows,
                                        context.scratch(index, 1) + f, updatesRunning ? mean : nil, updatesRunning ? variance : nil,
                                        Self.momentum, Self.epsilon, features.count, rows)
        case .running:
            ckernels_batchnorm_evaluation(z, p + linearBias.offset + f, p + gamma.offset + f, mean, variance, Self.epsilon,
                                          features.count, rows)
        }
    }

    /// Through the normalization, in place, with γ's gradient and b's; β's gradient, which the
    /// gate after it computed, is one of its inputs.
    func backwardInput(features: Range<Int>, on core: Core, _ context: PassContext) {
        let rows = context.rows, f = features.lowerBound, g = context.gradients
        let biasGradient = g + linearBias.offset + f
        ckernels_batchnorm_backward(context.gradient(slot) + f * rows, context.scratch(index, 0) + f * rows, context.scratch(index, 1) + f,
                                    context.parameters + gamma.offset + f, g + beta.offset + f, g + gamma.offset + f,
                                    keepsLinearBias ? biasGradient : nil, features.count, rows)
        if !keepsLinearBias { biasGradient.update(repeating: 0, count: features.count) }
    }
}
