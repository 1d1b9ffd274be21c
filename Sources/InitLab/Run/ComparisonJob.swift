import Synchronization
import Foundation

/// What the command line can change about a config's experiment.
public struct JobOptions: Sendable {
    public var seed: UInt64?
    public var output: String?
    public var threads: Int?
    /// Write the finished runs (others marked interrupted) when the comparison is stopped.
    public var keepPartial = false
    /// The gnuplot program; nil: look it up on PATH.
    public var gnuplot: String?
    /// Turns the config's diagnostics on or off (bench measures their cost so).
    public var diagnostics: Bool?
    /// The run cache's folder; nil: train every run, keep none.
    public var cache: String?
    /// Train only this shard of the runs into the cache, and write no report.
    public var shard: Shard?
    /// Only read the cache (merge): it must exist, and need not be writable.
    public var cacheReadOnly = false
    /// The user's go-ahead for a sweep of more than Sweep.confirmationRuns runs (--yes).
    public var confirmed = false
    /// Missing PNGs are a failure that leaves the output folder as it was (--require-png).
    public var requirePNGs = false

    public init(seed: UInt64? = nil, output: String? = nil, threads: Int? = nil, keepPartial: Bool = false, gnuplot: String? = nil,
                diagnostics: Bool? = nil, cache: String? = nil, shard: Shard? = nil, confirmed: Bool = false) {
        self.confirmed = confirmed
        self.seed = seed
        self.output = output
        self.threads = threads
        self.keepPartial = keepPartial
        self.gnuplot = gnuplot
        self.diagnostics = diagnostics
        self.cache = cache
        self.shard = shard
    }
}

/// How a job ended.
public struct JobOutcome: Sendable {
    public let results: [RunResult]
    public let summaries: [StrategySummary]
    /// Whether the comparison was stopped before every run finished.
    public let interrupted: Bool
    /// Whether the outputs were written (not when interrupted without keepPartial).
    public let wrote: Bool
    /// How many figures were written (0 when nothing was).
    public let figures: Int
    /// Which PNGs are missing and why (gnuplot missing, or failing on some scripts), in one line.
    public let plotProblem: String?
    public let trainingWallSeconds: Double
    /// How many runs came from the cache, and the first run that could not be stored in it.
    public var reusedRuns = 0
    public var cacheFailure: String?
}

/// One comparison, from config file to output folder: `prepare` finds everything that can be
/// wrong with the inputs (config, memory, dataset, output folder) before any training, `run`
/// trains and hands the results to a Publication.
public final class ComparisonJob {
    public let configPath: String
    public let experiment: Experiment
    public let dataset: Dataset
    /// The held-out test set, when the config names one.
    public let testSet: Dataset?
    public let threads: Int
    public let loadSeconds: Double
    let options: JobOptions
    /// Nil for a shard, which writes no report.
    let output: OutputFolder?
    /// The run cache and what its keys share, when the job keeps one.
    let cache: (RunCache, RunKey.Context)?

    public static func prepare(configPath: String, options: JobOptions) throws -> ComparisonJob {
        var experiment = try Experiment.load(path: configPath)
        // A merge (read-only cache) trains nothing.
        try experiment.checkCommandLine(file: configPath, seed: options.seed, trains: !options.cacheReadOnly, confirmed: options.confirmed)
        if let seed = options.seed { experiment.seed = seed }
        if let output = options.output { experiment.output = output }
        if let threads = options.threads { experiment.threads = threads }
        if let diagnostics = options.diagnostics { experiment.diagnostics.enabled = diagnostics }
        let threads = experiment.threads ?? ProcessInfo.processInfo.activeProcessorCount
        let shape = try Dataset.reading(for: configPath) { try Dataset.shape(experiment.dataset) }
        let testShape = try Dataset.reading(for: configPath) { try experiment.dataset.test.map(Dataset.shape) }
        let runs = experiment.runCount
        var memory = MemoryEstimate(experiment: experiment, images: shape.images, features: shape.features,
                                    parallelRuns: max(1, min(threads, runs)))
        memory.datasetBytes += testShape.map { Double($0.images) * Double($0.features + 1) } ?? 0
        try memory.check(file: configPath)
        let start = monotonicSeconds()
        let dataset = try Dataset.reading(for: configPath) { try Dataset.load(experiment.dataset) }
        try experiment.check(against: dataset, file: configPath)
        let testSet = try Dataset.reading(for: configPath) { try experiment.dataset.test.map(Dataset.load) }
        if let testSet { try experiment.check(testSet: testSet, against: dataset, file: configPath) }
        if options.shard != nil && options.cache == nil {
            throw CacheError(message: "--shard trains into the run cache, which --no-cache turns off")
        }
        let cache = try options.cache.map { (try RunCache(folder: $0, readOnly: options.cacheReadOnly), try RunKey.Context(experiment: experiment)) }
        let loadSeconds = monotonicSeconds() - start
        // Said now rather than after the training, whose report it would then refuse to write.
        if options.requirePNGs && options.shard == nil && (options.gnuplot ?? Gnuplot.locate()) == nil { throw GnuplotMissing() }
        let output = options.shard == nil ? try OutputFolder(path: experiment.output) : nil
        return ComparisonJob(configPath: configPath, experiment: experiment, dataset: dataset, testSet: testSet, threads: threads,
                             output: output, options: options, loadSeconds: loadSeconds, cache: cache)
    }

    private init(configPath: String, experiment: Experiment, dataset: Dataset, testSet: Dataset?, threads: Int, output: OutputFolder?,
                 options: JobOptions, loadSeconds: Double, cache: (RunCache, RunKey.Context)?) {
        self.cache = cache
        self.configPath = configPath
        self.experiment = experiment
        self.dataset = dataset
        self.testSet = testSet
        self.threads = threads
        self.output = output
        self.options = options
        self.loadSeconds = loadSeconds
    }

    public var comparison: Comparison { Comparison(experiment: experiment, dataset: dataset, testSet: testSet, cache: cache) }
    public var outputPath: String { output?.path ?? experiment.output }

    /// The output folder as messages name it: its absolute path, and for a relative one (the
    /// config's `output` or --output) what it is relative to, so that a config given by an
    /// absolute path does not write into the current folder without a word.
    public var outputFolderText: String {
        let path = outputPath
        guard !path.hasPrefix("/") else { return path }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return "\(absolute) (\(path), relative to the current folder)"
    }

    /// The plan indices this job trains: its shard's, or all.
    public var planIndices: [Int] {
        let comparison = self.comparison
        return options.shard.map { $0.plans(costs: comparison.costs) } ?? Array(comparison.plans.indices)
    }

    /// Trains every run (a shard: its runs, into the cache), then writes results.json,
    /// report.md and the figures (a shard: nothing).
    public func run(stop: StopFlag = StopFlag(), observe: @escaping @Sendable (ComparisonEvent) -> Void = { _ in }) throws -> JobOutcome {
        let start = monotonicSeconds()
        let cacheEvents = CacheEvents()
        let only = options.shard == nil ? nil : planIndices
        let all = comparison.run(threads: threads, only: only, stop: stop) { event in
            cacheEvents.note(event)
            observe(event)
        }
        let wall = monotonicSeconds() - start
        guard let output else {
            let results = only!.map { all[$0] }
            var outcome = JobOutcome(results: results, summaries: [], interrupted: results.contains { $0.status == .interrupted },
                                     wrote: false, figures: 0, plotProblem: nil, trainingWallSeconds: wall)
            (outcome.reusedRuns, outcome.cacheFailure) = cacheEvents.summary
            return outcome
        }
        let (reused, failure) = cacheEvents.summary
        return try publish(all, output: output, trainingWallSeconds: wall, runsFromCache: reused, cacheFailure: failure)
    }

    /// Writes the report of the runs the cache holds, training none: every run must be there,
    /// or with `allowPartial` the missing ones are written as interrupted.
    public func merge(allowPartial: Bool, observe: (ComparisonEvent) -> Void = { _ in }) throws -> JobOutcome {
        guard let output else { throw CacheError(message: "merge writes a report: it takes no --shard") }
        let comparison = self.comparison
        guard comparison.cache != nil else { throw CacheError(message: "merge reads the runs from the cache, which --no-cache turns off") }
        let cached = comparison.cachedResults(observe: observe)
        let missing = cached.indices.filter { cached[$0] == nil }
        if !missing.isEmpty && !allowPartial {
            output.discard()
            let names = missing.map { "\(comparison.plans[$0].strategy.id) seed \(comparison.plans[$0].seed)" }
            throw CacheError(message: "\(missing.count) of \(counted(cached.count, "run")) \(missing.count == 1 ? "is" : "are") not in the cache \(comparison.cache!.store.folder): "
                             + names.prefix(20).joined(separator: ", ") + (names.count > 20 ? ", …" : "")
                             + " (train them with --shard, or write what exists with --allow-partial)")
        }
        let results = zip(cached, comparison.plans).map { run, plan in run ?? RunResult.notRun(plan) }
        return try publish(results, output: output, trainingWallSeconds: 0, runsFromCache: cached.count - missing.count, cacheFailure: nil,
                           partialAllowed: true)
    }

    private func publish(_ results: [RunResult], output: OutputFolder, trainingWallSeconds wall: Double, runsFromCache reused: Int,
                         cacheFailure: String?, partialAllowed: Bool = false) throws -> JobOutcome {
        let summaries = StrategySummary.make(results, experiment: experiment)
        let interrupted = results.contains { $0.status == .interrupted }
        guard !interrupted || options.keepPartial || partialAllowed else {
            output.discard()
            return JobOutcome(results: results, summaries: summaries, interrupted: true, wrote: false, figures: 0,
                              plotProblem: nil, trainingWallSeconds: wall)
        }
        let written = try write(results, summaries: summaries, trainingWallSeconds: wall, runsFromCache: reused, output: output)
        var outcome = JobOutcome(results: results, summaries: summaries, interrupted: interrupted, wrote: true,
                                 figures: written.figures, plotProblem: written.plotProblem, trainingWallSeconds: wall)
        (outcome.reusedRuns, outcome.cacheFailure) = (reused, cacheFailure)
        return outcome
    }

    /// Writes and commits the outputs; returns how many figures, and why their PNGs are missing, if they are.
    func write(_ results: [RunResult], summaries: [StrategySummary], trainingWallSeconds: Double, runsFromCache: Int,
               output: OutputFolder) throws -> (figures: Int, plotProblem: String?) {
        var context = ComparisonContext(dataset: dataset, threads: threads, loadSeconds: loadSeconds,
                                        trainingWallSeconds: trainingWallSeconds, testImages: testSet?.count)
        context.runsFromCache = runsFromCache
        let publication = Publication(experiment: experiment, results: results, summaries: summaries, context: context)
        return try publication.write(to: output, gnuplot: options.gnuplot ?? Gnuplot.locate(), requirePNGs: options.requirePNGs)
    }
}

/// Counts the runs that came from the cache and keeps the first run that could not be stored.
private final class CacheEvents: Sendable {
    private let counts = Mutex<(reused: Int, failure: String?)>((0, nil))

    func note(_ event: ComparisonEvent) {
        counts.withLock { counts in
            switch event {
            case .reused: counts.reused += 1
            case .cacheNotStored(let message): if counts.failure == nil { counts.failure = message }
            default: break
            }
        }
    }

    var summary: (Int, String?) { counts.withLock { ($0.reused, $0.failure) } }
}
