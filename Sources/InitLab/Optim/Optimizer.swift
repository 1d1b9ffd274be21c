public enum Optimizer: Sendable, Equatable {
    /// The names a config gives optimizers by.
    public enum Name: String, CaseIterable, Sendable { case adam, sgd }

    public var name: Name {
        switch self {
        case .adam: return .adam
        case .sgd: return .sgd
        }
    }

    /// The optimizer of that name with PyTorch's defaults (SGD's learning rate, which PyTorch
    /// requires, is 0.01 here).
    public static func defaults(_ name: Name) -> Optimizer {
        switch name {
        case .adam: return .adam(learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8)
        case .sgd: return .sgd(learningRate: 0.01, momentum: 0)
        }
    }

    /// PyTorch's Adam: bias-corrected moments, no weight decay.
    case adam(learningRate: Float, beta1: Float, beta2: Float, epsilon: Float)
    /// Plain SGD with optional (PyTorch-style) momentum.
    case sgd(learningRate: Float, momentum: Float)
}
