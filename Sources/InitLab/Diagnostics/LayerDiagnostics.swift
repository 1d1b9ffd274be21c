/// What the diagnostics saw in one weight layer (1-based, input side first) of one run, at
/// initialization or after a training step. Statistics over the probe batch are population
/// ones (over all units × images); a field a layer or a moment does not have is nil: the output
/// layer has no activation, only tanh and sigmoid saturate, the gradient at a layer's output is
/// the probe batch's at initialization, a step's norm and update ratio exist after training
/// steps; a statistic that is not finite is nil too.
public struct LayerDiagnostics: Sendable, Equatable {
    public var layer: Int
    /// Whether batch normalization sits between the layer's product and its activation; its
    /// pre-activations are then γ·ẑ + β, what enters the activation.
    public var batchNorm = false
    /// The weights' standard deviation (biases excluded).
    public var weightStd: Double?
    /// The activation's input on the probe batch: z = W·x + b (or γ·ẑ + β).
    public var preactivationMean: Double?
    public var preactivationStd: Double?
    /// f(z) on the probe batch (hidden layers only).
    public var activationMean: Double?
    public var activationStd: Double?
    /// Units whose output is exactly 0 for every probe image: they pass no signal and get no gradient.
    public var deadFraction: Double?
    /// Whether every unit of the layer gives the first unit's output on every probe image (and
    /// the layer has more than one): all-equal weights make units alike, and nothing that
    /// treats them alike (gradient descent, batch normalization) tells them apart again.
    public var symmetric: Bool?
    /// Units in their activation's flat region for more than half the probe images (tanh: |y| >
    /// 0.99; sigmoid: y < 0.01 or y > 0.99); nil for activations without one.
    public var saturatedFraction: Double?
    /// At initialization, the gradient of the probe batch's mean cross-entropy (dropout off)
    /// with respect to the layer's output, and with respect to its weights; after a training
    /// step, the weight gradient's std is that step's (its own batch, dropout on). At
    /// initialization a gradient that is zero up to rounding is 0, as is every one below it.
    public var outputGradientStd: Double?
    public var weightGradientStd: Double?
    /// After a training step: the Euclidean norm of that step's weight gradient (its own batch)
    /// and ‖ΔW‖/‖W‖, the size of the step's update relative to the weights before it.
    public var weightGradientNorm: Double?
    public var updateRatio: Double?

    public init(layer: Int) { self.layer = layer }

    /// The same, a statistic that is not finite (an overflowing network's) made nil: results.json
    /// has no NaN, and the report's reading compares only numbers.
    var finite: LayerDiagnostics {
        var copy = self
        for field in Self.fields { copy[keyPath: field.path] = self[keyPath: field.path].flatMap { $0.isFinite ? $0 : nil } }
        return copy
    }
}

/// The diagnostics after one training step (step 0: before any).
public struct StepDiagnostics: Sendable, Equatable {
    public var step: Int
    public var layers: [LayerDiagnostics]
    /// A residual network's blocks at that step (no gradient: the probe's is measured at initialization).
    public var blocks: [BlockDiagnostics] = []
}

/// Everything the diagnostics recorded of one run.
public struct RunDiagnostics: Sendable, Equatable {
    /// How many training images the probe batch holds.
    public var probeImages: Int
    /// At initialization (after any data-dependent procedure), with the probe batch's gradients.
    public var initial: [LayerDiagnostics]
    /// At the steps of the schedule, in order.
    public var steps: [StepDiagnostics]
    /// The input-output Jacobian's singular values at initialization, when the diagnostics ask
    /// for them (`jacobian_inputs`) and the network has two hidden layers or more.
    public var jacobian: JacobianSpectrum? = nil
    /// A residual network's blocks at initialization (empty for a plain stack).
    public var initialBlocks: [BlockDiagnostics] = []
    /// A residual network's stream after the input projection at initialization, before block 1
    /// (block 0 of the figures and readings); nil for a plain stack.
    public var projectionStreamStd: Double? = nil
}
