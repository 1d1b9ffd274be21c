/// Which fan a variance-preserving initializer scales by.
public enum FanMode: String, Sendable, CaseIterable {
    case fanIn = "fan_in", fanOut = "fan_out", fanAvg = "fan_avg"

    func fan(fanIn: Int, fanOut: Int) -> Double {
        switch self {
        case .fanIn: return Double(fanIn)
        case .fanOut: return Double(fanOut)
        case .fanAvg: return Double(fanIn + fanOut) / 2
        }
    }
}

/// The distribution of Keras's VarianceScaling.
public enum ScalingDistribution: String, Sendable, CaseIterable {
    case uniform, untruncatedNormal = "untruncated_normal", truncatedNormal = "truncated_normal"
}

/// How one tensor (a dense layer's weights W, shape [out, in], or its biases b, shape [out]) is
/// filled. fan_in = in, fan_out = out, as PyTorch's _calculate_fan_in_and_fan_out for Linear.
public enum Initializer: Sendable, Equatable {
    /// Every entry = value (zeros, ones). nn.init.constant_ / zeros_ / ones_.
    case constant(Float)
    /// U[low, high). nn.init.uniform_.
    case uniform(low: Float, high: Float)
    /// N(mean, std²). nn.init.normal_.
    case normal(mean: Float, std: Float)
    /// N(mean, std²) restricted to [low, high] (absolute cut-offs). nn.init.trunc_normal_;
    /// TensorFlow's truncated_normal is the case low/high = mean ∓ 2·std.
    case truncatedNormal(mean: Float, std: Float, low: Float, high: Float)
    /// U(±scale/√fan_in): the lesson's "general rule" (scale 1) and PyTorch's default for weights
    /// and biases alike (kaiming_uniform with a = √5 gives the same bound).
    case fanInUniform(scale: Float)
    /// N(0, (scale/√fan_in)²): the lesson's "normal distribution" strategy.
    case fanInNormal(scale: Float)
    /// U(±gain·√(6/(fan_in+fan_out))). nn.init.xavier_uniform_, Keras glorot_uniform (gain 1).
    case xavierUniform(gain: Float)
    /// N(0, (gain·√(2/(fan_in+fan_out)))²). nn.init.xavier_normal_.
    case xavierNormal(gain: Float)
    /// U(±gain·√(3/fan)). nn.init.kaiming_uniform_ (gain from the nonlinearity).
    case kaimingUniform(gain: Float, mode: FanMode)
    /// N(0, (gain/√fan)²). nn.init.kaiming_normal_.
    case kaimingNormal(gain: Float, mode: FanMode)
    /// Keras VarianceScaling: uniform U(±√(3·scale/fan)); untruncated normal std √(scale/fan);
    /// truncated normal within ±2σ, σ = √(scale/fan)/0.87962566103423978 so the variance is scale/fan.
    case varianceScaling(scale: Float, mode: FanMode, distribution: ScalingDistribution)
    /// gain·Q, Q with orthonormal rows or columns: QR of a Gaussian matrix, Q's columns signed by
    /// diag(R). nn.init.orthogonal_, Keras Orthogonal.
    case orthogonal(gain: Float)
    /// In every column, ⌈fraction·out⌉ entries are zero, the rest N(0, std²). nn.init.sparse_.
    /// The fraction stays a Double, as in PyTorch: in Float, ⌈0.3·300⌉ would be 91, not 90.
    case sparse(fraction: Double, std: Float)
    /// gain on the diagonal W[i][i], zero elsewhere. nn.init.eye_ (× gain), Keras Identity.
    case identity(gain: Float)

    /// LeCun uniform, U(±√(3/fan_in)): variance 1/fan_in.
    public static let lecunUniform = Initializer.varianceScaling(scale: 1, mode: .fanIn, distribution: .uniform)
    /// LeCun normal, N(0, 1/fan_in), untruncated.
    public static let lecunNormal = Initializer.varianceScaling(scale: 1, mode: .fanIn, distribution: .untruncatedNormal)
    /// PyTorch's nn.Linear default, for weights and biases: U(±1/√fan_in).
    public static let pytorchDefault = Initializer.fanInUniform(scale: 1)
    /// Keras's Dense default kernel initializer: glorot_uniform.
    public static let kerasDefault = Initializer.xavierUniform(gain: 1)

    /// Whether the initializer is defined for a bias vector (the matrix-shaped ones are not).
    public var appliesToBiases: Bool {
        switch self {
        case .orthogonal, .sparse, .identity: return false
        default: return true
        }
    }
}
