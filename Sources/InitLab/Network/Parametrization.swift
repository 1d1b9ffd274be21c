import Foundation

/// How a network's layers scale with its width beyond their initializers: constant multipliers
/// on the forward pass, on the learning rates and on the drawn initial values, one LayerScaling
/// per dense layer. A strategy names one (`"parametrization"`); `standard` is the default.
public enum Parametrization: Sendable, Equatable {
    /// The names a config gives parametrizations by.
    public enum Kind: String, CaseIterable, Sendable { case standard, mup, ntk, multipliers }

    /// PyTorch's own: nn.Linear and the optimizers as they are. Every multiplier 1.
    case standard
    /// The maximal update parametrization, as the `mup` package does it (MaximalUpdate).
    case mup(MaximalUpdate)
    /// The neural tangent parametrization (Jacot et al. 2018), as `NeuralTangent` says.
    case ntk(NeuralTangent)
    /// A config's own multipliers, one entry per dense layer (forward, bias, learning rates; the
    /// initial values as drawn).
    case multipliers([LayerScaling])

    public var kind: Kind {
        switch self {
        case .standard: return .standard
        case .mup: return .mup
        case .ntk: return .ntk
        case .multipliers: return .multipliers
        }
    }

    /// One LayerScaling per dense layer of `model` trained with `optimizer` (muP's learning
    /// rates depend on it: MuAdam or MuSGD); empty for the standard parametrization.
    public func scaling(of model: ModelSpec, optimizer: Optimizer.Name) -> [LayerScaling] {
        switch self {
        case .standard: return []
        case .mup(let mup): return mup.scaling(widths: model.layers, optimizer: optimizer)
        case .ntk(let ntk): return ntk.scaling(widths: model.layers)
        case .multipliers(let layers): return layers
        }
    }
}

/// The NTK parametrization (Jacot, Gabriel & Hongler 2018, eq. 1): every weight and bias drawn
/// N(0, 1) (the strategy's default initializers under it), each layer's product multiplied by
/// σ_w/√fan_in and its bias by σ_b, z = σ_w/√fan_in · x·Wᵀ + σ_b·b; the learning rate as given.
/// Drawn N(0, σ_w²/fan_in) instead, the same network at initialization is the standard
/// parametrization's; training differs, as the gradients scale by σ_w/√fan_in too.
public struct NeuralTangent: Sendable, Equatable {
    public var sigmaW: Float
    public var sigmaB: Float

    public init(sigmaW: Float = 1, sigmaB: Float = 1) {
        self.sigmaW = sigmaW
        self.sigmaB = sigmaB
    }

    func scaling(widths: [Int]) -> [LayerScaling] {
        (0..<widths.count - 1).map { l in
            LayerScaling(forward: Float(Double(sigmaW) / Double(widths[l]).squareRoot()), bias: sigmaB)
        }
    }
}
