import Foundation

/// One config's whole comparison, measured for `bench`'s table of configs: its wall time and
/// memory, and the rate its training reaches against sgemm alone at the same shapes.
public struct ConfigBenchmark: Sendable {
    public var config: String
    public var runs: Int
    /// The whole comparison: load, every training (pre-training included), validation, report, gnuplot.
    public var wallSeconds: Double
    /// Mean training seconds of a run (pre-training excluded).
    public var meanRunSeconds: Double
    /// FLOP/s a core sustained over the steps trained on one core (no partner), over all runs.
    public var trainingRate: Double
    /// FLOP/s of sgemm alone, one core, on the same runs' step products.
    public var sgemmRate: Double
    /// The peak resident memory of this comparison (Linux: VmHWM, reset before it), nil when unknown.
    public var peakResidentBytes: Int?
    /// The runs' time spent in the diagnostics, of all their time.
    public var diagnosticsShare = 0.0
    /// The PyTorch peer's whole-process seconds for the same config, when asked for.
    public var peerSeconds: Double?
    /// Every wall time and peer time measured, when the config was measured more than once.
    public var walls: [Double] = []
    public var peerRuns: [Double] = []

    public var sgemmFraction: Double { trainingRate / sgemmRate }

    public static func measure(configPath: String, threads: Int?) throws -> ConfigBenchmark {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let output = scratch.output
        resetPeakResident()
        let start = monotonicSeconds()
        // Asked to measure a config, bench trains it, however large a sweep it is.
        let job = try ComparisonJob.prepare(configPath: configPath, options: JobOptions(output: output, threads: threads, confirmed: true))
        let outcome = try job.run()
        let wall = monotonicSeconds() - start
        let peak = peakResident()
        let rows = job.experiment.training.batchSize
        var flops = 0.0, seconds = 0.0, sgemmSeconds = 0.0
        var sgemmPerStep: [[Int]: Double] = [:]
        for (result, plan) in zip(outcome.results, job.comparison.plans) {
            let network = plan.strategy.model.plan
            let stepFlops = network.stepFlops(rows: rows), perStep = stepFlops.forward + stepFlops.backward
            let sgemm = sgemmPerStep[network.widths] ?? SgemmBenchmark.secondsPerStep(network.stepProducts(rows: rows), repetitions: 50, rounds: 3)
            sgemmPerStep[network.widths] = sgemm
            flops += perStep * Double(result.stepTimes.steps)
            seconds += result.stepTimes.total
            sgemmSeconds += sgemm * Double(result.stepTimes.steps)
        }
        let runs = outcome.results.count
        var row = ConfigBenchmark(config: configPath, runs: runs, wallSeconds: wall,
                                  meanRunSeconds: outcome.results.reduce(0) { $0 + $1.trainSeconds } / Double(max(runs, 1)),
                                  trainingRate: flops / seconds, sgemmRate: flops / sgemmSeconds, peakResidentBytes: peak)
        row.diagnosticsShare = Benchmark.diagnosticsShare(outcome.results)
        return row
    }

    /// The fastest of several measurements of one config, with its peer's fastest, and all their times.
    public static func fastest(of measured: [ConfigBenchmark]) -> ConfigBenchmark {
        var best = measured.min { $0.wallSeconds < $1.wallSeconds }!
        best.walls = measured.map(\.wallSeconds)
        best.peerRuns = measured.compactMap(\.peerSeconds)
        best.peerSeconds = best.peerRuns.min()
        return best
    }

    /// Runs scripts/pytorch-peer.py (in the current folder) on the config with `python`; its
    /// whole-process wall time, or why it could not run.
    public static func peerSeconds(configPath: String, python: String) -> Result<Double, BenchmarkError> {
        let script = "scripts/pytorch-peer.py"
        guard FileManager.default.fileExists(atPath: script) else {
            return .failure(BenchmarkError(message: "\(script) not found: run bench from the package's folder"))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, configPath]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = monotonicSeconds()
        do { try process.run() } catch {
            return .failure(BenchmarkError(message: "cannot run \(python): \(error.localizedDescription)"))
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return .failure(BenchmarkError(message: "the PyTorch peer failed on \(configPath) (status \(process.terminationStatus)); is torch installed for \(python)?"))
        }
        return .success(monotonicSeconds() - start)
    }

    /// Linux resets a process's peak resident set when "5" is written to its clear_refs.
    static func resetPeakResident() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    static func peakResident() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kilobytes * 1024
    }
}

public struct BenchmarkError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
