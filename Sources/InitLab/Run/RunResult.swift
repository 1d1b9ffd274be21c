public enum RunStatus: Sendable, Equatable {
    case ok
    /// The loss became NaN or infinite at this batch (1-based); training stopped there.
    case diverged(batch: Int)
    /// Stopped by the user (SIGINT/SIGTERM) before it finished.
    case interrupted

    public var name: String {
        switch self {
        case .ok: return "ok"
        case .diverged: return "diverged"
        case .interrupted: return "interrupted"
        }
    }
}

/// Seconds spent in each phase of `steps` training steps of one run.
public struct StepTimes: Sendable, Equatable {
    public var steps = 0
    public var batch = 0.0
    public var forward = 0.0
    public var backward = 0.0
    public var optimizer = 0.0
    /// The part of forward and backward spent in the matrix products (sgemm).
    public var products = 0.0
    public var total: Double { batch + forward + backward + optimizer }
    /// Everything but the matrix products: batch conversion, bias, activation, dropout,
    /// softmax, cross-entropy and the optimizer.
    public var outsideProducts: Double { total - products }

    static func += (sum: inout StepTimes, step: StepTimes) {
        sum.steps += step.steps
        sum.batch += step.batch
        sum.forward += step.forward
        sum.backward += step.backward
        sum.optimizer += step.optimizer
        sum.products += step.products
    }
}

/// What one training run of one strategy with one seed produced.
public struct RunResult: Sendable {
    public let strategyID: String
    public let label: String
    public let seed: UInt64
    public var status: RunStatus
    /// The loss of every training step, in order (up to the divergence or interruption).
    public var batchLosses: [Float]
    /// Fraction of the validation set classified correctly; nil when the run did not finish.
    public var validationAccuracy: Double?
    public var validationLoss: Double?
    /// Each layer's weights where training started and where it ended.
    public var weightHistograms: [WeightHistogram] = []
    /// Accuracy on the config's test set, when it names one (evaluation mode, after training).
    public var testAccuracy: Double?
    /// Validation accuracy after each finished epoch, in evaluation mode (dropout off).
    public var epochValidationAccuracy: [Double] = []
    public var initSeconds: Double
    /// Seconds of the strategy's data-dependent procedure (LSUV, RBM pre-training), 0 without one.
    public var procedureSeconds = 0.0
    /// What the procedure did (LSUV's batch and iterations, RBM's reconstruction errors).
    public var procedure: JSON?
    public var trainSeconds: Double
    public var validationSeconds: Double
    /// Layer statistics at initialization and over training (nil with diagnostics off), and
    /// the seconds they took, which `trainSeconds` leaves out.
    public var diagnostics: RunDiagnostics?
    /// The coordinate check at initialization and after each of the first updates (empty with
    /// diagnostics off); its seconds are in `diagnosticsSeconds`.
    public var coordinates: [CoordinateRecord] = []
    public var diagnosticsSeconds = 0.0
    /// The steps trained on the run's own core alone, and those with a partner core (the
    /// products then count this core's share only).
    public var stepTimes: StepTimes
    public var partneredStepTimes = StepTimes()
    /// Whether this comparison read the run from the run cache instead of training it: its
    /// timings were then measured by the comparison that trained it, earlier.
    public var fromCache = false
    public var steps: Int { batchLosses.count }
    public var lastBatchLoss: Float? { batchLosses.last }
}
