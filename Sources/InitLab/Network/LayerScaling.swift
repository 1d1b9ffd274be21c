/// What a parametrization does to one dense layer besides drawing its initial values: constant
/// multipliers on its forward pass, on its learning rates, and on the values its initializers drew.
/// The standard parametrization (PyTorch's nn.Linear and optimizers) is every field at its default,
/// which leaves every product, step and initial value bit for bit as without it (a product by 1 is
/// exact, and the code skips it anyway).
///
/// The layer computes W (out, in) and b (out) into z = forward·(x·Wᵀ) + bias·b, so that
/// ∂L/∂W = forward·δᵀx, ∂L/∂x = forward·δ·W and ∂L/∂b = bias·Σδ: the forward multiplier is the
/// products' α (exact, and free), the bias multiplier scales b where it is added and its gradient.
public struct LayerScaling: Sendable, Equatable {
    public static let standard = LayerScaling()

    /// The product x·Wᵀ is multiplied by it: muP's output multiplier (MuReadout's output_mult /
    /// width_mult), NTK's σ_w/√fan_in, an input multiplier on the first layer.
    public var forward: Float = 1
    /// b enters as bias·b: NTK's σ_b.
    public var bias: Float = 1
    /// The optimizer's rate for W is multiplied by it (muP's MuAdam and MuSGD).
    public var weightLearningRate: Float = 1
    /// The rate for b, and for γ and β of a batch normalization after the layer (vectors of the
    /// layer's width, as b is).
    public var biasLearningRate: Float = 1
    /// The drawn W is multiplied by it (muP's set_base_shapes rescaling of MuReadout).
    public var weightInit: Float = 1
    /// The drawn b is multiplied by it (set_base_shapes's rescaling of biases).
    public var biasInit: Float = 1
    /// W and b start at zero whatever their initializers (MuReadout's readout_zero_init).
    public var zeroInit = false

    public init(forward: Float = 1, bias: Float = 1, weightLearningRate: Float = 1, biasLearningRate: Float = 1,
                weightInit: Float = 1, biasInit: Float = 1, zeroInit: Bool = false) {
        self.forward = forward
        self.bias = bias
        self.weightLearningRate = weightLearningRate
        self.biasLearningRate = biasLearningRate
        self.weightInit = weightInit
        self.biasInit = biasInit
        self.zeroInit = zeroInit
    }

    /// What the drawn W and b are multiplied by: the rescaling, or 0 for a zero start.
    public var initialFactors: (weights: Float, biases: Float) { zeroInit ? (0, 0) : (weightInit, biasInit) }

    /// The learning-rate multiplier of a segment of this layer with `role`.
    func learningRate(_ role: ParameterRole) -> Float {
        switch role {
        case .weight: return weightLearningRate
        case .bias, .gamma, .beta, .scalar: return biasLearningRate
        }
    }
}
