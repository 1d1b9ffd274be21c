import CKernels
import Foundation

/// The memory a comparison will hold at its peak, estimated from the config and the dataset's
/// header before any of it is allocated. A model too large for the machine is then refused with
/// one line instead of an allocation failure (a trap) or the kernel's OOM killer midway. Sizes
/// are Doubles: the estimate of an absurd config must itself not overflow.
///
/// It counts what the code allocates, in Floats of 4 bytes: per run, the parameters, their
/// gradients and the optimizer's two state buffers (4P); the batch workspace (inputs, and per
/// hidden unit the output, gate and delta; per class the scores and their gradient); scratch as
/// large as four of the largest weight matrices (orthogonal initialization's QR; the partner
/// core's cut trials, which hold a layer's three products' operands and results at once); a
/// data-dependent procedure's buffers; the training order and the losses. Once per process: the
/// dataset's bytes, one split per seed, and the report of every loss and LSUV batch index
/// (results.json is built in memory, at most `reportBytesPerNumber` a number).
public struct MemoryEstimate: Sendable, Equatable {
    public var datasetBytes: Double
    /// The largest single run.
    public var runBytes: Double
    public var parallelRuns: Int
    /// Splits, losses kept for the report, and the report itself.
    public var resultsBytes: Double
    /// One thread's packing buffer of the tool's GEMM (its partial sums among them), at the most
    /// any product takes (ckernels_gemm_buffer_limit); 0 with OpenBLAS, whose buffers are in
    /// `baseBytes`.
    public var productBufferBytes = GEMMChoice.current == .own ? Double(ckernels_gemm_buffer_limit(Int32(CKERNELS_GEMM_BEST))) : 0
    /// The packing buffers of the threads that compute products: each run's and its partner
    /// core's.
    public var productBuffersBytes: Double { productBufferBytes * Double(2 * parallelRuns) }

    /// The process without any of the above: the Swift runtime, OpenBLAS's buffers, the workers'
    /// stacks (measured: the lesson's whole run peaks at about 120 MB, 60 MB of it the dataset).
    public static let baseBytes = 64e6
    static let reportBytesPerNumber = 96.0

    public var totalBytes: Double { Self.baseBytes + datasetBytes + resultsBytes + runBytes * Double(parallelRuns) + productBuffersBytes }

    /// `images` of `features` pixels each; `parallelRuns` trained at once.
    public init(experiment: Experiment, images: Int, features: Int, parallelRuns: Int) {
        let training = experiment.training
        let split = training.split(of: images)
        let trainingImages = Double(split.training)
        let steps = Double(split.stepsPerEpoch) * Double(training.epochs)
        datasetBytes = Double(images) * (Double(features) + 1)
        let diagnostics = experiment.diagnostics
        let probeRows = diagnostics.enabled ? Double(min(diagnostics.probeImages, images)) : 0
        // The probe batch's images, once for all runs.
        datasetBytes += 4 * probeRows * Double(features)
        runBytes = experiment.strategies.map {
            Self.runBytes($0, training: training, features: Double(features), trainingImages: trainingImages, steps: steps)
                + Self.probeBytes($0.model, rows: probeRows, jacobianInputs: diagnostics.enabled ? diagnostics.jacobianInputs : 0)
        }.max() ?? 0
        self.parallelRuns = parallelRuns
        let lsuvIndices = experiment.strategies.reduce(0.0) { sum, strategy in
            guard case .lsuv(_, _, let batchSize)? = strategy.procedure else { return sum }
            return sum + Double(batchSize)
        }
        let runs = Double(experiment.runCount)
        // The diagnostics: per recorded step and layer a dozen numbers.
        let records = diagnostics.enabled ? Double(diagnostics.steps.count + training.epochs + 1) : 0
        let layers = experiment.strategies.map { Double($0.model.layerCount) }.max() ?? 0
        resultsBytes = Double(experiment.repeats) * Double(images) * 4 + runs * steps * (4 + Self.reportBytesPerNumber)
            + Double(experiment.repeats) * lsuvIndices * Self.reportBytesPerNumber
            + runs * records * layers * 12 * Self.reportBytesPerNumber
            + runs * Double(diagnostics.enabled ? diagnostics.jacobianInputs : 0) * (experiment.strategies.map { Self.jacobianSize($0.model).values }.max() ?? 0)
                * Self.reportBytesPerNumber
    }

    /// A model's widths, its parameter count (every segment of its plan: W, b, and with batch
    /// normalization γ and β) and its largest weight matrix, in Doubles.
    static func sizes(_ model: ModelSpec) -> (widths: [Double], parameters: Double, largest: Double) {
        let plan = model.plan
        let weights = plan.segments.filter { $0.role == .weight }.map { Double($0.count) }
        return (model.layers.map(Double.init), Double(plan.parameterCount), weights.max() ?? 0)
    }

    static func runBytes(_ strategy: Strategy, training: TrainingSpec, features: Double, trainingImages: Double,
                         steps: Double) -> Double {
        let (widths, parameters, largest) = sizes(strategy.model)
        let hidden = widths.dropFirst().dropLast().reduce(0, +)
        let classes = widths.last ?? 0, widest = widths.max() ?? 0
        let batch = Double(training.batchSize)
        // Batch normalization (its γ and β are among the parameters): per hidden unit the running
        // mean and variance, 1/σ, and ẑ for every sample of a batch.
        let normalized = strategy.model.batchNorm ? hidden : 0
        // A trained residual α keeps its branch's values (stream width × batch) and a sum per feature.
        let trainedScales = strategy.model.residual.map { residual -> Double in
            guard case .trained = residual.alpha else { return 0 }
            return Double(residual.blocks * residual.width) * (batch + 1)
        } ?? 0
        var floats = 4 * parameters + batch * (features + 3 * hidden + 2 * classes) + 4 * largest
            + normalized * (3 + batch) + trainedScales + batch * 3 * preactivationUnits(strategy.model)
        switch strategy.procedure {
        case .lsuv(_, _, let rows)?:
            floats += Double(rows) * (features + 2 * widest)
        case .rbm(let settings)?:
            floats += Double(settings.batchSize) * (features + widths.dropLast().reduce(0, +) + 4 * widest) + 2 * largest
        case nil:
            break
        }
        return 4 * (floats + steps + trainingImages)
    }

    /// What `inspect` allocates: one strategy's model at a time (its parameters, and scratch as
    /// large as two of its largest weight matrices for orthogonal initialization), and with a
    /// dataset (images, features) the dataset and the probe's buffers.
    public init(inspecting experiment: Experiment, dataset: (images: Int, features: Int)? = nil, probeImages: Int = 0, jacobianInputs: Int = 0) {
        let probe = Double(min(probeImages, dataset?.images ?? 0))
        datasetBytes = dataset.map { Double($0.images) * (Double($0.features) + 1) + 4 * probe * Double($0.features) } ?? 0
        resultsBytes = 0
        parallelRuns = 1
        runBytes = experiment.strategies.map { strategy in
            let (_, parameters, largest) = Self.sizes(strategy.model)
            return 4 * (parameters + 2 * largest) + Self.probeBytes(strategy.model, rows: probe, jacobianInputs: probe > 0 ? jacobianInputs : 0)
        }.max() ?? 0
    }

    /// The pre-activation arrangement's normalized copies of the stream, one per block and the
    /// readout's (StreamBatchNorm), each with a value, gate and gradient per sample like a hidden
    /// unit; its normalizations themselves are as many units as the post arrangement's.
    static func preactivationUnits(_ model: ModelSpec) -> Double {
        guard let residual = model.residual, model.batchNorm, residual.preActivation else { return 0 }
        return Double((residual.blocks + 1) * residual.width)
    }

    /// The diagnostics' buffers of one run, at their peak (the backward pass at initialization),
    /// for `rows` probe images (InsideMeasurement): per hidden unit its values, gate and gradient
    /// (and with batch normalization ẑ, and 1/σ), per class the scores and their gradient; and
    /// the copy of the parameters a recorded step keeps. (The forward passes after it reuse less:
    /// theirs and the coordinate check's, held together until the check's last step, are two
    /// forward passes' values, within the backward pass's three per unit.) With the Jacobian's
    /// spectrum at `jacobianInputs` images, its Doubles (JacobianChain) too.
    static func probeBytes(_ model: ModelSpec, rows: Double, jacobianInputs: Int = 0) -> Double {
        guard rows > 0 else { return 0 }
        let (widths, parameters, _) = sizes(model)
        let units = widths.dropFirst().dropLast().reduce(0, +), classes = widths.last ?? 0, normalized = model.batchNorm ? units : 0
        let jacobian = jacobianSize(model), images = Double(jacobianInputs)
        return 4 * (rows * (3 * (units + preactivationUnits(model)) + 2 * classes + normalized) + normalized + parameters)
            + (images > 0 ? 8 * (images * (2 * jacobian.matrix + jacobian.values + units) + jacobian.matrix + jacobian.largest) : 0)
    }

    /// The Jacobian chain's Doubles: a product of the widest hidden layer's rows by the first
    /// hidden layer's columns (two per image: the product and the next), its singular values,
    /// and one weight matrix converted at a time (LAPACK's workspace is about one more matrix).
    static func jacobianSize(_ model: ModelSpec) -> (matrix: Double, values: Double, largest: Double) {
        let hidden = model.layers.dropFirst().dropLast().map(Double.init)
        // A residual model gets no spectrum (JacobianChain.applies).
        guard hidden.count >= 2, model.residual == nil else { return (0, 0, 0) }
        let first = hidden[0], widest = hidden.max()!
        let largest = zip(hidden.dropFirst(), hidden).map { $0 * $1 }.max()!
        return (widest * first, min(first, hidden.last!), largest)
    }

    /// Nil when the estimate fits in `availableBytes`, else the one line that says it does not.
    public func problem(availableBytes: Double, source: String) -> String? {
        guard totalBytes > availableBytes else { return nil }
        var line = "the comparison needs about \(Self.format(totalBytes)) of memory ("
        line += parallelRuns > 1 ? "\(parallelRuns) runs at once × \(Self.format(runBytes))" : "a run \(Self.format(runBytes))"
        line += " for weights, optimizer state and workspaces, the dataset \(Self.format(datasetBytes)), "
        line += "results \(Self.format(resultsBytes))), but \(source) has \(Self.format(availableBytes)) available"
        var fewer = self
        fewer.parallelRuns = 1
        if parallelRuns > 1, fewer.totalBytes <= availableBytes {
            return line + "; it fits with --threads 1"
        }
        return line + "; use a smaller model, batch or number of epochs"
    }

    /// Throws when the estimate does not fit in the memory this process may still take.
    public func check(file: String) throws {
        let available = Self.available()
        if let message = problem(availableBytes: available.bytes, source: available.source) {
            throw MemoryError(file: file, message: message)
        }
    }

    /// "1.2 GB", "47 MB".
    static func format(_ bytes: Double) -> String {
        for (unit, size) in [("TB", 1e12), ("GB", 1e9), ("MB", 1e6)] where bytes >= size {
            return String(format: bytes >= 10 * size ? "%.0f" : "%.1f", bytes / size) + " " + unit
        }
        return String(format: "%.0f kB", bytes / 1e3)
    }

    /// The memory this process may still take, and what limits it: the smaller of the
    /// machine's available memory (Linux: MemAvailable) and the room left under a cgroup limit.
    public static func available() -> (bytes: Double, source: String) {
        var best = (bytes: Double(ProcessInfo.processInfo.physicalMemory), source: "this machine")
        if let meminfo = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
           let line = meminfo.split(separator: "\n").first(where: { $0.hasPrefix("MemAvailable:") }),
           let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") {
            best.bytes = kilobytes * 1024
        }
        if let limit = number(inFile: "/sys/fs/cgroup/memory.max"), let used = number(inFile: "/sys/fs/cgroup/memory.current"),
           limit - used < best.bytes {
            best = (max(0, limit - used), "this process's cgroup")
        }
        return best
    }

    private static func number(inFile path: String) -> Double? {
        (try? String(contentsOfFile: path, encoding: .utf8)).flatMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}

/// A config that would need more memory than the machine has.
public struct MemoryError: Error, CustomStringConvertible {
    public let file: String
    public let message: String
    public var description: String { "\(file): \(message)" }
}
