/// A validated experiment: everything a comparison needs, read from a config file.
public struct Experiment: Sendable {
    /// Short name: the default output folder is plots/<name>.
    public var name: String
    public var title: String
    public var dataset: DatasetSpec
    public var model: ModelSpec
    public var training: TrainingSpec
    /// Base seed; repeat k of every strategy uses seed + k.
    public var seed: UInt64
    /// How many seeds each strategy is trained with.
    public var repeats: Int
    /// Worker threads for the runs; nil means one per core.
    public var threads: Int?
    public var output: String
    public var strategies: [Strategy]
    public var plots: PlotSpec
    /// The strategy every other is compared with, seed by seed ("baseline"; by default the one
    /// with id `default` when there is one).
    public var baseline: String?
    /// The config as read (after defaults), echoed into results.json and the report.
    public var echo: JSON
    /// What the runs measure inside the network besides training it.
    public var diagnostics = DiagnosticsSpec.standard
    /// A grid of runs that vary one strategy: `strategies` are then its points.
    public var sweep: Sweep?

    /// The seeds every strategy trains with: the sweep's, or `repeats` from `seed` on.
    public var seeds: [UInt64] { sweep?.seeds ?? (0..<repeats).map { seed &+ UInt64($0) } }

    /// Every strategy × every seed.
    public var runCount: Int { strategies.count * seeds.count }

    /// What the command line may not ask of this experiment: another seed when its sweep sets
    /// the seeds, or training a sweep of more than Sweep.confirmationRuns runs without the
    /// user's go-ahead (`confirmed`, --yes).
    public func checkCommandLine(file: String, seed: UInt64?, trains: Bool, confirmed: Bool) throws {
        if seed != nil, sweep?.seeds != nil {
            throw ConfigError(file: file, problems: ["--seed: the config's sweep has a seed axis; change the seeds there"])
        }
        if trains, let sweep, runCount > Sweep.confirmationRuns, !confirmed {
            throw ConfigError(file: file, problems: ["the sweep has \(runCount) runs (\(sweep.points.count) points × \(seeds.count) seed"
                                                     + "\(seeds.count == 1 ? "" : "s")), more than \(Sweep.confirmationRuns); pass --yes to train them all"])
        }
    }

    /// Whether every strategy trains the experiment's model (none brings its own).
    public var strategiesShareModel: Bool { strategies.allSatisfy { $0.model == model } }
}

/// The diagnostics: statistics of every layer on a fixed probe batch of training images, at
/// initialization (with the batch's gradients) and after the scheduled training steps.
public struct DiagnosticsSpec: Sendable, Equatable {
    /// Dense at the start, where initializations differ most, then sparse.
    public static let defaultSteps = [0, 1, 2, 5, 10, 20, 50, 100, 200, 500]
    public static let standard = DiagnosticsSpec(enabled: true, probeImages: 1000, steps: defaultSteps)

    public var enabled: Bool
    /// The probe batch's size (at most the dataset's images).
    public var probeImages: Int
    /// Steps after which to measure (0: before the first), besides every epoch's end.
    public var steps: [Int]
    /// Probe images at which to compute the input-output Jacobian's spectrum at initialization
    /// (0: none). Off unless a config asks: the spectrum is OpenBLAS's and LAPACK's arithmetic,
    /// which names their kernels in the run's cache key.
    public var jacobianInputs = 0
    /// How many images `inspect` computes the spectrum at when the config asks for none.
    public static let defaultJacobianInputs = 8

    /// The steps a run of `stepsPerEpoch` × `epochs` steps records, increasing.
    public func schedule(stepsPerEpoch: Int, epochs: Int) -> [Int] {
        let total = stepsPerEpoch * epochs
        let ends = (1...max(1, epochs)).map { $0 * stepsPerEpoch }
        return Set(steps + ends).filter { $0 <= total }.sorted()
    }
}

public struct DatasetSpec: Sendable, Equatable {
    /// Folder holding the IDX files.
    public var folder: String
    public var images: String
    public var labels: String
    /// A held-out test set in the same folder (Fashion-MNIST's t10k files), read once, used for
    /// nothing but the trained networks' test accuracy.
    public var testImages: String?
    public var testLabels: String?

    public init(folder: String, images: String, labels: String, testImages: String? = nil, testLabels: String? = nil) {
        self.folder = folder
        self.images = images
        self.labels = labels
        self.testImages = testImages
        self.testLabels = testLabels
    }

    /// The test set's files as a spec of their own, when the config names them.
    public var test: DatasetSpec? {
        guard let testImages, let testLabels else { return nil }
        return DatasetSpec(folder: folder, images: testImages, labels: testLabels)
    }
}

public struct ModelSpec: Sendable, Equatable {
    /// Widths from input to output: [784, 256, 128, 10] is two hidden layers.
    public var layers: [Int]
    public var activation: Activation
    /// Dropout probability after every hidden activation.
    public var dropout: Float
    /// Batch normalization (PyTorch's BatchNorm1d) between every hidden layer's product and its activation.
    public var batchNorm = false
    /// Whether the hidden layers keep their linear bias (only without one with batch normalization).
    public var linearBias = true
    /// Whether the dense layers have biases at all: false is nn.Linear(bias=False) everywhere, the
    /// readout too, as mup's MLP example; b then stays 0 and is never trained.
    public var bias = true
    /// A residual network: `layers` are then its dense layers' widths, the input projection's,
    /// every block's branch and the readout's, and batch normalization is the blocks' arrangement.
    public var residual: ResidualSpec?

    public var layerCount: Int { layers.count - 1 }
}

extension ModelSpec {
    /// Its widths as a name: 784-256-128-10, or a residual network's 784-128-[128-128]×8-10.
    public var widthsName: String {
        guard let residual else { return layers.map(String.init).joined(separator: "-") }
        return "\(layers[0])-\(residual.width)-[\(residual.branch.map(String.init).joined(separator: "-"))]×\(residual.blocks)-\(layers[layers.count - 1])"
    }

    /// A residual network of `residual`'s blocks from `input` features to `classes` scores.
    public init(residual: ResidualSpec, input: Int, classes: Int, activation: Activation, dropout: Float, batchNorm: Bool = false,
                linearBias: Bool = true) {
        let blocks = Array(repeating: residual.branch, count: residual.blocks).flatMap { $0 }
        self.init(layers: [input, residual.width] + blocks + [classes], activation: activation, dropout: dropout, batchNorm: batchNorm,
                  linearBias: linearBias, residual: residual)
    }
}

/// A residual MLP's shape (ModelSpec.residual): an input projection to `width` features, the
/// stream; `blocks` blocks h ← h + α·f(h) whose branch f is dense layers of widths `branch`
/// (the last one the stream's width) with the model's activation between them; the readout
/// reads the stream after the last block.
public struct ResidualSpec: Sendable, Equatable {
    /// The branch multiplier α as a config gives it.
    public enum Alpha: Sendable, Equatable {
        case fixed(Float)
        /// 1/√L for L blocks: depth-muP's branch scaling (Yang et al. 2023; Bordelon et al. 2023).
        case inverseSqrtDepth
        /// A learned scalar per block, starting at `initial` (0: SkipInit, ReZero).
        case trained(initial: Float)
    }

    public var width: Int
    public var blocks: Int
    public var branch: [Int]
    public var alpha: Alpha
    /// The initialization scheme the config named, which set α (and batch normalization); nil
    /// when they were given by hand.
    public var scheme: ResidualScheme?
    /// With batch normalization (ModelSpec.batchNorm), the pre-activation arrangement
    /// (`"batch_norm": "pre"`, BN → activation → dense in every branch layer) instead of the post one.
    public var preActivation: Bool

    public init(width: Int, blocks: Int, branch: [Int]? = nil, alpha: Alpha = .fixed(1), scheme: ResidualScheme? = nil,
                preActivation: Bool = false) {
        self.width = width
        self.blocks = blocks
        self.branch = branch ?? [width, width]
        self.alpha = scheme?.alpha ?? alpha
        self.scheme = scheme
        self.preActivation = scheme?.preActivation ?? preActivation
    }

    /// α as the plan applies it: 1/√L a constant, rounded to Float as PyTorch's float32 product
    /// by a Python float rounds it.
    public var branchScale: BranchScale {
        switch alpha {
        case .fixed(let value): return .fixed(value)
        case .inverseSqrtDepth: return .fixed(Float(1 / Double(blocks).squareRoot()))
        case .trained(let initial): return .trained(initial: initial)
        }
    }
}

public struct TrainingSpec: Sendable, Equatable {
    /// The lesson's training, every key's default: Adam, batches of 100, two epochs, 20% held out.
    public static let lesson = TrainingSpec(optimizer: .defaults(.adam), batchSize: 100, epochs: 2, validationFraction: 0.2,
                                            validationDropout: false)

    public var optimizer: Optimizer
    public var batchSize: Int
    public var epochs: Int
    /// Fraction of the shuffled training images held out for validation (the first ones).
    public var validationFraction: Double
    /// The lesson's way: dropout left on while validating. Off (evaluation mode) by default.
    public var validationDropout: Bool

    /// Images held out of `count` for validation: floor(fraction·count), as the lesson's np.floor.
    public func validationCount(of count: Int) -> Int { Int((validationFraction * Double(count)).rounded(.down)) }

    /// Steps of one epoch over `trainingCount` images: the last batch may be partial, as with
    /// PyTorch's DataLoader (drop_last off).
    public func stepsPerEpoch(trainingCount: Int) -> Int { (trainingCount + batchSize - 1) / batchSize }

    /// How a dataset of `images` divides: held out, trained on, and the steps of an epoch.
    public func split(of images: Int) -> (validation: Int, training: Int, stepsPerEpoch: Int) {
        let validation = validationCount(of: images)
        return (validation, images - validation, stepsPerEpoch(trainingCount: images - validation))
    }
}

/// One initialization strategy: an initializer for each layer's weights and biases.
public struct Strategy: Sendable, Equatable {
    public var id: String
    public var label: String
    /// The network it initializes: the experiment's model unless the strategy gives its own.
    public var model: ModelSpec
    /// One entry per weight layer, input side first.
    public var layers: [LayerInit]
    /// A data-dependent step that runs after the initializers (LSUV, RBM pre-training).
    public var procedure: Procedure?
    /// Its own optimizer (a sweep's learning-rate axis), instead of the experiment's.
    public var optimizer: Optimizer? = nil
    /// How its layers scale with width (muP, NTK, multipliers); standard: PyTorch's.
    public var parametrization = Parametrization.standard
}

public struct LayerInit: Sendable, Equatable {
    public var weights: Initializer
    public var biases: Initializer
}

public struct PlotSpec: Sendable, Equatable {
    /// The lesson's figures show the first 100 batches; the bar chart's file is accuracy.png.
    public static let lessonBatches = 100
    public static let defaultAccuracyFigure = "accuracy"

    /// How many leading batch losses a loss figure shows (the lesson shows 100).
    public var batches: Int
    public var figures: [Figure]
    /// File name (without extension) of the validation-accuracy bar chart.
    public var accuracyFigure: String

    /// Plain pictures of initializers' distributions (the lesson's `hist_dist`).
    public var distributions: [DistributionFigure] = []

    /// The figures every comparison gets besides the config's: the loss over the whole run and
    /// the validation accuracy after every epoch. A config's figures cannot take their names.
    public static let wholeRunFigure = "whole-run", epochsFigure = "epochs"
    /// The per-strategy weight figures are named this and the strategy's id.
    public static let weightFigurePrefix = "weights-"
    /// The diagnostics' figures: activation and gradient std by layer at initialization, and
    /// per strategy (this prefix and its id) what training does inside the network.
    public static let activationsFigure = "activations", gradientsFigure = "gradients", trainingFigurePrefix = "training-"
    /// The density of the input-output Jacobian's singular values at initialization.
    public static let spectrumFigure = "jacobian-spectrum"
    /// A residual network's figures (the stream through its blocks, its trained α) are named
    /// with this prefix.
    public static let residualFigurePrefix = "residual-"
    /// A sweep's figures are named this and their measure.
    public static let sweepFigurePrefix = "sweep-"

    /// Whether `name` is one of the tool's own figures, which a config's cannot be named.
    static func isToolsOwn(_ name: String) -> Bool {
        [wholeRunFigure, epochsFigure, activationsFigure, gradientsFigure, spectrumFigure].contains(name)
            || name.hasPrefix(weightFigurePrefix) || name.hasPrefix(trainingFigurePrefix) || name.hasPrefix(sweepFigurePrefix)
            || name.hasPrefix(residualFigurePrefix)
    }
}

/// A histogram of `count` values drawn from an initializer for a tensor with the given fans, in
/// `bins` equal bins over [low, high] (values outside are not counted, as numpy's histogram).
public struct DistributionFigure: Sendable, Equatable {
    public var name: String
    public var title: String
    public var initializer: Initializer
    public var count: Int
    public var bins: Int
    public var low: Double
    public var high: Double
    public var fanIn: Int
    public var fanOut: Int
}

public struct Figure: Sendable, Equatable {
    /// File name without extension: NAME.dat, NAME.gp, NAME.png.
    public var name: String
    public var title: String
    public var strategies: [String]
    /// A logarithmic loss axis; nil: chosen from the data (log when the curves span more than two
    /// decades).
    public var logScale: Bool?
}

/// A data-dependent initialization step, run after the strategy's initializers and before
/// training, on training batches.
public enum Procedure: Sendable, Equatable {
    /// The names a config gives procedures by.
    public enum Name: String, CaseIterable, Sendable { case lsuv, rbm }

    public var name: Name {
        switch self {
        case .lsuv: return .lsuv
        case .rbm: return .rbm
        }
    }

    /// Mishkin & Matas's layer-sequential unit variance: layer by layer, scale W by 1/√var of its
    /// pre-activation output on one batch until |var − 1| < tolerance or maxIterations.
    case lsuv(tolerance: Float, maxIterations: Int, batchSize: Int)
    /// Hinton's greedy layer-wise pre-training: every hidden layer as a Bernoulli RBM trained
    /// with CD-1 on the previous layer's hidden probabilities.
    case rbm(RBMSettings)
}

public struct RBMSettings: Sendable, Equatable {
    public var learningRate: Float
    public var initialMomentum: Float
    public var finalMomentum: Float
    /// Epochs after which the momentum switches from initial to final (Hinton: 5).
    public var momentumSwitchEpoch: Int
    public var weightCost: Float
    public var epochs: Int
    public var batchSize: Int
}
