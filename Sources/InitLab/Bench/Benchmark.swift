import Foundation

/// What `compare-inits bench` measures, in seconds, FLOPs and bytes.
public struct BenchmarkReport: Sendable {
    public var cores: Int
    public var threads: Int
    /// Whole comparison: dataset load, every training, validation, report and gnuplot.
    public var wallSeconds: Double
    public var peakResidentBytes: Int
    public var runs: Int
    public var stepsPerRun: Int
    /// The network the step figures are of (the last strategy's), and how many of the runs train it.
    public var network: [Int]
    public var networkRuns: Int
    public var forwardFlops: Double
    public var backwardFlops: Double
    /// Mean per step over the comparison's steps trained on one core (runs sharing the machine).
    public var step: StepTimes
    /// The comparison's steps trained with a partner core (a run with a core to spare), of all.
    public var partneredSteps: Int
    /// Mean per step of one run trained alone, one thread, nothing else running.
    public var stepAlone: StepTimes
    /// Mean per step of that run trained with a partner core from its first step.
    public var stepOnTwoCores: StepTimes
    /// This machine's single-core sgemm seconds for one step's products, measured alone.
    public var sgemmSecondsPerStep: Double
    public var scaling: [ScalingCase]
    /// The same comparison's wall time without the diagnostics and with them, each measured
    /// after the first comparison (which pays for the cold start), when the config has them.
    public var diagnosticsWallSeconds: (without: Double, with: Double)?
    /// The runs' time spent in the diagnostics, of all their time (see `diagnosticsShare`).
    public var diagnosticsShare = 0.0
    public var blas: BLASKernel = .current
    /// One core's FMA peak, measured around sgemm's measurement (nil: not measured).
    public var peak: FMAPeak?

    /// sgemm below half of the core's FMA peak: the kernels in use do not use its vectors.
    public var sgemmFarBelowPeak: Bool { peak.map { sgemmRate < 0.5 * $0.rate } ?? false }

    public var flopsPerStep: Double { forwardFlops + backwardFlops }
    public var sgemmRate: Double { flopsPerStep / sgemmSecondsPerStep }
    /// FLOP/s each core sustained while training in the comparison.
    public var trainingRate: Double { flopsPerStep / step.total }
    public var trainingRateAlone: Double { flopsPerStep / stepAlone.total }
}

/// The same training measured twice, changing one thing.
public struct ScalingCase: Sendable {
    public var name: String
    public var baseSeconds: Double
    public var scaledSeconds: Double
    /// The factor the work grows by (epochs or FLOPs).
    public var expectedFactor: Double
    public var factor: Double { scaledSeconds / baseSeconds }
}

public enum Benchmark {
    /// Runs the config's whole comparison (outputs to a temporary folder), then measures sgemm
    /// alone and, with `scaling`, how training time grows with epochs and with model size.
    public static func run(configPath: String, threads: Int?, scaling: Bool, log: (String) -> Void) throws -> BenchmarkReport {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let output = scratch.output
        log("full comparison of \(configPath)…")
        let start = monotonicSeconds()
        let job = try ComparisonJob.prepare(configPath: configPath, options: JobOptions(output: output, threads: threads, confirmed: true))
        let outcome = try job.run()
        let wall = monotonicSeconds() - start
        let peak = peakResidentBytes()
        var diagnosticsWall: (without: Double, with: Double)?
        if job.experiment.diagnostics.enabled {
            func wall(diagnostics: Bool) throws -> Double {
                let start = monotonicSeconds()
                let options = JobOptions(output: output, threads: threads, diagnostics: diagnostics, confirmed: true)
                _ = try ComparisonJob.prepare(configPath: configPath, options: options).run()
                return monotonicSeconds() - start
            }
            log("the same without diagnostics, then with them again…")
            diagnosticsWall = (try wall(diagnostics: false), try wall(diagnostics: true))
        }

        let experiment = job.experiment
        // One network is measured alone, the last strategy's; a strategy may have a model of its
        // own, so the comparison's column and the FLOPs are that network's too.
        let measured = experiment.strategies.last!
        let model = measured.model.plan
        let rows = experiment.training.batchSize
        let sameNetwork = zip(outcome.results, job.comparison.plans).filter { $0.1.strategy.model == measured.model }
        let step = meanStep(sameNetwork.map(\.0.stepTimes))

        log("sgemm alone at the training shapes, and this core's FMA peak before and after…")
        let before = FMAPeak.measure()
        let sgemm = SgemmBenchmark.secondsPerStep(model.stepProducts(rows: rows))
        let fmaPeak = before.combined(with: FMAPeak.measure())

        log("one run alone…")
        var single = experiment
        single.strategies = [measured]
        // The scaling cases grow the measured network, not the config's top-level one.
        single.model = measured.model
        single.repeats = 1
        let alone = Comparison(experiment: single, dataset: job.dataset).run(threads: 1)
        log("one run on two cores…")
        let twoCores = Comparison(experiment: single, dataset: job.dataset).run(threads: 2)

        var cases: [ScalingCase] = []
        if scaling {
            log("scaling with epochs and model size…")
            cases = scalingCases(single, baseSeconds: alone[0].trainSeconds, dataset: job.dataset)
        }
        let flops = model.stepFlops(rows: rows)
        var report = BenchmarkReport(cores: ProcessInfo.processInfo.activeProcessorCount, threads: job.threads, wallSeconds: wall,
                                     peakResidentBytes: peak, runs: outcome.results.count, stepsPerRun: job.comparison.stepsPerRun,
                                     network: measured.model.layers, networkRuns: sameNetwork.count,
                                     forwardFlops: flops.forward, backwardFlops: flops.backward,
                                     step: step, partneredSteps: sameNetwork.reduce(0) { $0 + $1.0.partneredStepTimes.steps },
                                     stepAlone: meanStep(alone.map(\.stepTimes)), stepOnTwoCores: meanStep(twoCores.map(\.partneredStepTimes)),
                                     sgemmSecondsPerStep: sgemm, scaling: cases)
        report.peak = fmaPeak
        report.diagnosticsWallSeconds = diagnosticsWall
        report.diagnosticsShare = diagnosticsShare(outcome.results)
        return report
    }

    /// The runs' seconds in the diagnostics, of all their seconds (initialization, procedure,
    /// training, validation and diagnostics): what the diagnostics cost in compute, free of the
    /// noise of two wall times.
    public static func diagnosticsShare(_ results: [RunResult]) -> Double {
        let diagnostics = results.reduce(0) { $0 + $1.diagnosticsSeconds }
        let all = results.reduce(0) { $0 + $1.initSeconds + $1.procedureSeconds + $1.trainSeconds + $1.validationSeconds + $1.diagnosticsSeconds }
        return all > 0 ? diagnostics / all : 0
    }

    /// Step times averaged over every step of `times`.
    static func meanStep(_ times: [StepTimes]) -> StepTimes {
        var sum = StepTimes()
        for t in times { sum += t }
        // steps 0: no step to average (every run had a partner), a column with nothing to show.
        var step = StepTimes(steps: sum.steps > 0 ? 1 : 0)
        for keyPath in [\StepTimes.batch, \.forward, \.backward, \.optimizer, \.products] {
            step[keyPath: keyPath] = sum[keyPath: keyPath] / Double(max(sum.steps, 1))
        }
        return step
    }

    /// `base` (one strategy, trained alone in `baseSeconds`) with twice the epochs, then with
    /// a plain 784-1024-1024-10 model (a residual model's blocks too).
    static func scalingCases(_ base: Experiment, baseSeconds: Double, dataset: Dataset) -> [ScalingCase] {
        func trainSeconds(_ e: Experiment) -> Double {
            Comparison(experiment: e, dataset: dataset).run(threads: 1).reduce(0) { $0 + $1.trainSeconds }
        }
        var longer = base
        longer.training.epochs *= 2
        var wider = base
        wider.model.layers = [base.model.layers[0], 1024, 1024, base.model.layers.last!]
        wider.model.residual = nil
        wider.strategies = base.strategies.map { strategy in
            var s = strategy
            s.model = wider.model
            s.layers = Array(repeating: strategy.layers[0], count: 3)
            return s
        }
        func multiplyAdds(_ e: Experiment) -> Double {
            let flops = e.model.plan.stepFlops(rows: 1)
            return flops.forward + flops.backward
        }
        func name(_ e: Experiment) -> String { e.model.widthsName }
        return [
            ScalingCase(name: "\(base.training.epochs) → \(longer.training.epochs) epochs", baseSeconds: baseSeconds,
                        scaledSeconds: trainSeconds(longer), expectedFactor: 2),
            ScalingCase(name: "\(name(base)) → \(name(wider))", baseSeconds: baseSeconds, scaledSeconds: trainSeconds(wider),
                        expectedFactor: multiplyAdds(wider) / multiplyAdds(base)),
        ]
    }

    /// The process's peak resident set so far (Linux reports ru_maxrss in KiB).
    public static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024
    }
}
