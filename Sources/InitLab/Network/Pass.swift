/// How a forward pass treats the parts of a network that train differently from how they
/// evaluate: batch normalization's statistics, dropout, and whether a backward pass follows.
public struct Pass {
    public enum Normalization {
        /// The batch's own statistics; a training pass also updates the running ones.
        case batch(updatesRunning: Bool)
        /// The running statistics (PyTorch's eval mode).
        case running
    }

    /// Draws the dropout masks; nil: no dropout.
    public var dropout: DropoutStream?
    public let normalization: Normalization
    /// Whether the pass keeps each activation's gate f'(z)·mask, which backward needs.
    public let keepsGates: Bool

    /// PyTorch's training mode: batch statistics (updated), dropout from `stream`, gates kept.
    /// The lesson validates in it too, with a stream of its own.
    public static func training(_ stream: DropoutStream) -> Pass {
        Pass(dropout: stream, normalization: .batch(updatesRunning: true), keepsGates: true)
    }

    /// PyTorch's eval mode: running statistics, no dropout.
    public static let evaluation = Pass(dropout: nil, normalization: .running, keepsGates: false)

    /// What the diagnostics and LSUV measure: the batch's own statistics, leaving the running
    /// ones alone, no dropout; with `gradients`, gates for a backward pass.
    public static func measurement(gradients: Bool) -> Pass {
        Pass(dropout: nil, normalization: .batch(updatesRunning: false), keepsGates: gradients)
    }
}
