import CKernels
import Foundation

/// An optimizer's state over a model's parameter buffer; its buffers share the parameters'
/// layout, so a step is one loop over every parameter, or over any ranges that cover them.
public final class OptimizerState: @unchecked Sendable {
    public let optimizer: Optimizer
    private let first: FloatBuffer
    private let second: FloatBuffer
    public private(set) var step = 0
    private var adamCorrection1 = 1.0
    private var adamRootCorrection2: Float = 0

    public init(_ optimizer: Optimizer, parameterCount: Int) {
        self.optimizer = optimizer
        first = FloatBuffer(count: parameterCount)
        second = FloatBuffer(count: parameterCount)
    }

    /// Applies one update of `parameters` from `gradients` (same count as the state).
    public func update(_ parameters: FloatBuffer, _ gradients: FloatBuffer) {
        precondition(parameters.count == first.count && gradients.count == first.count)
        advance()
        apply(parameters, gradients, range: 0..<first.count)
    }

    /// Starts the next step: `apply` then uses its step count and bias corrections.
    func advance() {
        step += 1
        if case let .adam(_, beta1, beta2, _) = optimizer {
            adamCorrection1 = 1 - pow(Double(beta1), Double(step))
            adamRootCorrection2 = Float((1 - pow(Double(beta2), Double(step))).squareRoot())
        }
    }

    /// The current step's update of the parameters in `range`. Every parameter's update depends
    /// only on its own values, so any split of the buffer into ranges gives the same bits.
    /// A segment's learning-rate multiplier scales its step (1: the optimizer's own rate).
    func apply(_ parameters: FloatBuffer, _ gradients: FloatBuffer, range: Range<Int>, learningRateMultiplier: Float = 1) {
        let offset = range.lowerBound
        let p = parameters.pointer + offset, g = gradients.pointer + offset
        let m = first.pointer + offset, v = second.pointer + offset
        let count = range.count
        switch optimizer {
        case let .adam(learningRate, beta1, beta2, epsilon):
            // PyTorch's Adam with bias correction; the loop is ckernels_adam (see its header).
            // (A multiplier of 1 leaves the rate exactly as it was: the same step size.)
            let stepSize = Float(Double(learningRate * learningRateMultiplier) / adamCorrection1)
            ckernels_adam(p, g, m, v, count, 1 - beta1, beta2, 1 - beta2, stepSize, adamRootCorrection2, epsilon)
        case let .sgd(rate, momentum):
            // torch.optim.SGD: buf ← momentum·buf + g (buf = g at the first step); p ← p − lr·buf
            // (ckernels_sgd, see its header).
            ckernels_sgd(p, g, momentum == 0 ? nil : m, count, rate * learningRateMultiplier, step == 1 ? 0 : momentum)
        }
    }
}

/// Watches the optimizer's steps: the diagnostics keep the weights before a step they record.
protocol UpdateObserver: AnyObject {
    func willUpdate(step: Int)
    func didUpdate(step: Int)
}

extension OptimizerState {
    /// One update of a network being trained from its gradients, the partner's features (if the
    /// executor has one) updated on the partner's core.
    ///
    /// A pass of its own after the backward pass, not each layer's update as soon as its gradient
    /// is computed (still in cache): a layer's weights must stay as they were until both cores
    /// have computed the input gradient that reads them, and a Fixup input shift's gradient
    /// (InputShift.finishGradient) reads them after the whole pass. Measured (Emerald Rapids, a
    /// harness), what it would gain: Adam 0.60 → 0.53 ns a parameter, SGD 0.44 → 0.32, with the
    /// gradient just written instead of evicted; 1–2% of the lesson's and deep-tanh's runs.
    func update(_ network: Network, on executor: Executor, observer: (any UpdateObserver)? = nil) {
        executor.mark(.update)
        observer?.willUpdate(step: step + 1)
        advance()
        executor.split(.optimizer, nil) { apply(network, on: .main, executor: executor) }
        executor.mark(.updated)
        observer?.didUpdate(step: step)
    }

    /// The share of an update that `core` computes (after `advance`): without a partner, the
    /// plan's runs of segments with one learning rate, each in one loop.
    func apply(_ network: Network, on core: Core, executor: Executor) {
        guard executor.isSplitting else {
            for run in network.plan.learningRateRuns {
                apply(network.parameters, network.gradients, range: run.range, learningRateMultiplier: run.multiplier)
            }
            return
        }
        executor.forEachParameterShare(on: core) { segment, range in
            apply(network.parameters, network.gradients, range: range, learningRateMultiplier: segment.learningRateMultiplier)
        }
    }
}
