import CKernels
import Foundation

/// The nonlinearity after every hidden layer (the output layer gives raw scores).
public enum Activation: Sendable, Equatable {
    case relu
    case tanh
    case sigmoid
    /// max(x, slope·x); PyTorch's default slope is 0.01.
    case leakyReLU(slope: Float)
    /// Klambauer et al.'s scaled ELU, with PyTorch's constants.
    case selu
    case identity

    /// The names a config gives activations by; `linear` is PyTorch's other name for identity
    /// (calculate_gain takes both).
    public enum Name: String, CaseIterable, Sendable {
        case relu, tanh, sigmoid, leakyReLU = "leaky_relu", selu, identity, linear

        /// The activation of this name; `slope` is leaky ReLU's.
        public func activation(slope: Float) -> Activation {
            switch self {
            case .relu: return .relu
            case .tanh: return .tanh
            case .sigmoid: return .sigmoid
            case .leakyReLU: return .leakyReLU(slope: slope)
            case .selu: return .selu
            case .identity, .linear: return .identity
            }
        }
    }

    /// Leaky ReLU's slope when a config gives none (PyTorch's).
    public static let defaultSlope: Float = 0.01

    public var name: String {
        switch self {
        case .relu: return Name.relu.rawValue
        case .tanh: return Name.tanh.rawValue
        case .sigmoid: return Name.sigmoid.rawValue
        case .leakyReLU: return Name.leakyReLU.rawValue
        case .selu: return Name.selu.rawValue
        case .identity: return Name.identity.rawValue
        }
    }

    /// The activation's code for the C kernels.
    var kernel: Int32 {
        switch self {
        case .relu: return Int32(CKERNELS_RELU)
        case .tanh: return Int32(CKERNELS_TANH)
        case .sigmoid: return Int32(CKERNELS_SIGMOID)
        case .leakyReLU: return Int32(CKERNELS_LEAKY_RELU)
        case .selu: return Int32(CKERNELS_SELU)
        case .identity: return Int32(CKERNELS_IDENTITY)
        }
    }

    /// Leaky ReLU's slope for the C kernels (unused by the others).
    var slope: Float {
        if case .leakyReLU(let slope) = self { return slope }
        return 0
    }

    /// The outputs outside which the activation is flat (its derivative below about 0.02, where
    /// a unit learns little); nil for activations without such a region.
    var unsaturated: ClosedRange<Float>? {
        switch self {
        case .tanh: return -0.99...0.99
        case .sigmoid: return 0.01...0.99
        case .relu, .leakyReLU, .selu, .identity: return nil
        }
    }
}

/// PyTorch's nn.init.calculate_gain: the factor that keeps activations' variance stable
/// through a nonlinearity.
public func gain(for activation: Activation) -> Float {
    switch activation {
    case .identity, .sigmoid: return 1
    case .tanh: return 5.0 / 3
    case .relu: return Float(2.0.squareRoot())
    case .leakyReLU(let slope): return Float((2.0 / (1 + Double(slope) * Double(slope))).squareRoot())
    case .selu: return 0.75
    }
}
