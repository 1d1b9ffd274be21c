/// A grid of runs: the experiment's strategies (the templates) each with settings varied along
/// one or two axes, and optionally over a list of seeds. Every grid point of every template
/// becomes an ordinary strategy with a readable id, so the cache, shards, Slurm and the
/// diagnostics work on a sweep as on any comparison; the sweep itself says how the points lie
/// on the grid. Two templates are two series over the same grid (the standard parametrization
/// and muP over width × learning rate; residual schemes over depth), drawn side by side or as
/// lines of one figure.
public struct Sweep: Sendable, Equatable {
    /// Grids of more runs than this are trained only with the user's go-ahead (`--yes`).
    public static let confirmationRuns = 1000
    /// Values of one axis, grid points, and layers of all the points' networks together, a
    /// config may ask for at most (the points are built as the config is read).
    public static let maximumValues = 1000, maximumPoints = 10_000, maximumLayers = 1_000_000

    /// A strategy the points vary, as read, and as the config writes it (which the points are
    /// made from, and the echo gives back, so that every key path still leads where it did).
    public struct Template: Sendable, Equatable {
        public var strategy: Strategy
        public var json: JSON
    }

    /// In the config's order: the series of every figure.
    public var templates: [Template]
    /// One or two axes: the figures' x and (for two) y.
    public var axes: [SweepAxis]
    /// The seeds every point trains with, when the config sweeps them (else the experiment's).
    public var seeds: [UInt64]?
    /// Every grid point, template by template, within one the first axis varying fastest; the
    /// experiment's strategies in order.
    public var points: [SweepPoint]
    /// The per-run numbers drawn over the grid.
    public var measures: [SweepMeasure]
    /// Draw the mean-field theory's depth scale 6ξ_c over the (σ_w², depth) map.
    public var theory: Bool

    /// How many points one template's grid has: the product of the axes' sizes.
    public var gridSize: Int { axes.reduce(1) { $0 * $1.values.count } }

    /// The points of template `t`, the first axis varying fastest.
    public func points(of t: Int) -> [SweepPoint] { points.filter { $0.template == t } }

    /// A value as ids, labels and tables show it: "1.5", "20", "1e-05".
    public static func text(_ value: Double) -> String { JSON.format(value).replacingOccurrences(of: "+", with: "") }

    /// The theory's σ_b²: the (one) template's biases are N(0, σ_b²) or zero.
    public var biasVariance: Double {
        switch templates.first?.strategy.layers.last?.biases {
        // The std as the config wrote it (0.05, not the Float's 0.0500000007).
        case .normal(_, let std)?:
            guard case .number(let s) = JSON(std) else { return .infinity }
            return s * s
        default: return 0
        }
    }
}

public struct SweepAxis: Sendable, Equatable {
    /// Plain: it goes into the points' ids and the results' keys.
    public var name: String
    public var label: String
    public var setting: SweepSetting
    public var values: [Double]
    /// A logarithmic axis in the figures; nil: when the values span two decades or more or
    /// grow by one factor (SweepFigure.isLog).
    public var logScale: Bool? = nil
}

/// What an axis varies.
public enum SweepSetting: Sendable, Equatable {
    /// A number of the strategy's config, by its key path there ("weights.scale", "biases.std",
    /// "layers[1].weights.gain").
    case parameter(String)
    /// The number of hidden layers, each as wide as the template's first; of a residual model,
    /// the number of its blocks.
    case depth
    /// The width of every hidden layer.
    case width
    /// The optimizer's learning rate.
    case learningRate
    /// The seeds (not a grid axis: the repeats of every point).
    case seed

    /// The name a config gives it by.
    public var key: String {
        switch self {
        case .parameter(let path): return path
        case .depth: return "depth"
        case .width: return "width"
        case .learningRate: return "learning_rate"
        case .seed: return "seed"
        }
    }

    /// The key path of a parameter setting.
    var path: String? {
        if case .parameter(let path) = self { return path }
        return nil
    }

    init(key: String) {
        switch key {
        case "depth": self = .depth
        case "width": self = .width
        case "learning_rate": self = .learningRate
        case "seed": self = .seed
        default: self = .parameter(key)
        }
    }
}

public struct SweepPoint: Sendable, Equatable {
    public var strategyID: String
    /// The index of its template in the sweep's.
    public var template: Int
    /// The point's value on every axis, in the axes' order.
    public var coordinates: [Double]
    /// Index of each coordinate in its axis's values.
    public var indices: [Int]
}

/// A number each run gives, drawn over the grid.
public enum SweepMeasure: String, Sendable, CaseIterable {
    case validationAccuracy = "validation_accuracy", testAccuracy = "test_accuracy"
    /// The loss of the first training step and of the last.
    case firstLoss = "first_loss", lastLoss = "last_loss"
    /// The mean loss of the last 50 training steps (Tensor Programs V's training loss, steadier
    /// than one batch's).
    case trainingLoss = "training_loss"
    /// At initialization, on the probe batch: the last hidden layer's activation std, and the
    /// first layer's weight-gradient std (the signal forward, and the gradient backward, through
    /// the whole depth).
    case activationStd = "activation_std", gradientStd = "gradient_std"
    /// At initialization, on the probe batch, a residual network's stream after its last block.
    case streamStd = "stream_std"

    public static let defaults: [SweepMeasure] = [.validationAccuracy, .activationStd, .firstLoss]
    /// The training loss's steps.
    public static let trainingLossSteps = 50

    public var title: String {
        switch self {
        case .validationAccuracy: return "Validation accuracy"
        case .testAccuracy: return "Test accuracy"
        case .firstLoss: return "Loss of the first step"
        case .lastLoss: return "Loss of the last step"
        case .trainingLoss: return "Training loss (mean of the last \(Self.trainingLossSteps) steps)"
        case .activationStd: return "Last hidden layer's activation std at initialization"
        case .gradientStd: return "First layer's weight-gradient std at initialization"
        case .streamStd: return "Residual stream's std after the last block at initialization"
        }
    }

    /// Whether the measure needs the diagnostics (the probe batch), or a test set.
    var needsDiagnostics: Bool { self == .activationStd || self == .gradientStd || self == .streamStd }
    var needsTestSet: Bool { self == .testAccuracy }
    /// Accuracies are fractions on a linear scale; the others span decades.
    public var isAccuracy: Bool { self == .validationAccuracy || self == .testAccuracy }

    /// The values the measure can take: an accuracy is a fraction, a loss or a std is not negative.
    public var bounds: ClosedRange<Double> { isAccuracy ? 0...1 : 0...Double.infinity }

    /// A value as the figures show it: accuracies in percent, the others as they are.
    func shown(_ value: Double) -> Double { isAccuracy ? value * 100 : value }

    /// The run's value, nil where it has none (it diverged, or was not measured).
    public func value(_ run: RunResult) -> Double? {
        switch self {
        case .validationAccuracy: return run.validationAccuracy
        case .testAccuracy: return run.testAccuracy
        case .firstLoss: return run.batchLosses.first.map(Double.init).flatMap { $0.isFinite ? $0 : nil }
        case .lastLoss: return run.status == .ok ? run.lastBatchLoss.map(Double.init).flatMap { $0.isFinite ? $0 : nil } : nil
        case .trainingLoss:
            guard run.status == .ok, !run.batchLosses.isEmpty else { return nil }
            let last = run.batchLosses.suffix(Self.trainingLossSteps).map(Double.init)
            let mean = last.reduce(0, +) / Double(last.count)
            return mean.isFinite ? mean : nil
        case .activationStd: return run.diagnostics?.initial.dropLast().last?.activationStd
        case .gradientStd: return run.diagnostics?.initial.first?.weightGradientStd
        case .streamStd: return run.diagnostics?.initialBlocks.last?.streamStd
        }
    }
}
