import CKernels
import Foundation

/// An optimizer's state over a model's parameter buffer; its buffers share the parameters'
/// layout, so a step is one loop over every parameter.
public final class OptimizerState: @unchecked Sendable {
    public let optimizer: Optimizer
    private let first: FloatBuffer
    private let second: FloatBuffer
    public private(set) var step = 0

    public init(_ optimizer: Optimizer, parameterCount: Int) {
        self.optimizer = optimizer
        first = FloatBuffer(count: parameterCount)
        second = FloatBuffer(count: parameterCount)
    }

    /// Applies one update of `parameters` from `gradients` (same count as the state).
    public func update(_ parameters: FloatBuffer, _ gradients: FloatBuffer) {
        precondition(parameters.count == first.count && gradients.count == first.count)
        step += 1
        let p = parameters.pointer, g = gradients.pointer, m = first.pointer, v = second.pointer
        // A local count: read from the object inside the loop, it could (for all the compiler
        // knows) change with every store through p, m or v, and the loop would not vectorize.
        let count = first.count
        switch optimizer {
        case let .adam(learningRate, beta1, beta2, epsilon):
            // PyTorch's Adam with bias correction; the loop is ckernels_adam (see its header).
            let correction1 = 1 - pow(Double(beta1), Double(step))
            let correction2 = 1 - pow(Double(beta2), Double(step))
            ckernels_adam(p, g, m, v, count, 1 - beta1, beta2, 1 - beta2, Float(Double(learningRate) / correction1),
                          Float(correction2.squareRoot()), epsilon)
        case let .sgd(learningRate, momentum):
            // torch.optim.SGD: buf ← momentum·buf + g (buf = g at the first step); p ← p − lr·buf
            if momentum == 0 {
                for i in 0..<count { p[i] -= learningRate * g[i] }
            } else {
                let keep: Float = step == 1 ? 0 : momentum
                for i in 0..<count {
                    m[i] = keep * m[i] + g[i]
                    p[i] -= learningRate * m[i]
                }
            }
        }
    }
}
