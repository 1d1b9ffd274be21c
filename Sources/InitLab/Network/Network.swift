/// A network: its compiled plan and the buffers its parameters live in. All parameters are one
/// contiguous buffer (the plan's segments say what is where); the gradients, and the
/// optimizer's state, share its layout, so an optimizer step is one loop over the table.
public final class Network: @unchecked Sendable {
    public let plan: Plan
    public let parameters: FloatBuffer
    public let gradients: FloatBuffer
    /// Batch normalization's running mean and variance, which training updates and evaluation uses.
    public let running: FloatBuffer

    /// The network a plan describes: parameters zero, but γ = 1, the running variance 1 and a
    /// trained residual α its initial value.
    public init(_ plan: Plan) {
        self.plan = plan
        parameters = FloatBuffer(count: plan.parameterCount)
        gradients = FloatBuffer(count: plan.parameterCount)
        running = FloatBuffer(count: plan.runningCount)
        for segment in plan.segments where segment.role == .gamma {
            (parameters.pointer + segment.offset).update(repeating: 1, count: segment.count)
        }
        for node in plan.stages.flatMap(\.nodes) {
            if let norm = node as? BatchNorm { (running.pointer + norm.runningOffset + norm.width).update(repeating: 1, count: norm.width) }
            if let norm = node as? StreamBatchNorm { (running.pointer + norm.runningOffset + norm.width).update(repeating: 1, count: norm.width) }
        }
        for sum in plan.trainedScales {
            if case .trained(let initial) = sum.branchScale, let alpha = sum.trainedScale { parameters.pointer[alpha.offset] = initial }
        }
    }

    /// A network that runs `plan` on the parameters of `network` (RBM pre-training's up-pass).
    init(_ plan: Plan, sharingParametersOf network: Network) {
        self.plan = plan
        parameters = network.parameters
        gradients = network.gradients
        running = FloatBuffer(count: plan.runningCount)
    }

    /// The network a model spec describes.
    public convenience init(_ spec: ModelSpec) {
        self.init(spec.plan)
    }

    public convenience init(widths: [Int], activation: Activation, dropout: Float, batchNorm: Bool = false, linearBias: Bool = true) {
        self.init(ModelSpec(layers: widths, activation: activation, dropout: dropout, batchNorm: batchNorm, linearBias: linearBias))
    }

    /// The dense layers, in order.
    public var layers: [Dense] { plan.layers }
    /// Widths from input to output.
    public var widths: [Int] { plan.widths }
    public var inputWidth: Int { plan.inputWidth }
    public var classCount: Int { plan.classCount }

    public func values(of segment: ParameterSegment) -> UnsafeMutableBufferPointer<Float> {
        UnsafeMutableBufferPointer(start: parameters.pointer + segment.offset, count: segment.count)
    }

    public func weights(_ layer: Int) -> UnsafeMutableBufferPointer<Float> { values(of: layers[layer].weight) }
    public func biases(_ layer: Int) -> UnsafeMutableBufferPointer<Float> { values(of: layers[layer].bias) }

}
