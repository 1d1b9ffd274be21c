import Foundation
import InitLab

/// Progress on stderr, redrawn at most ten times a second: one line per run in progress (its
/// label and seed, then its phase: pre-training, or epoch and step with the loss), and a line of
/// runs done and time left; a line per run as it finishes stays above them.
final class ProgressDisplay: @unchecked Sendable {
    private let enabled: Bool
    private let plans: [RunPlan]
    /// Whether a run's name carries its seed: only when there are several.
    private let namesSeeds: Bool
    private let stepsPerRun: Int
    private let epochs: Int
    private let lock = NSLock()
    private var running: [Int: (step: Int, loss: Float)] = [:]
    /// Runs done, and of them those that came from the cache (which the rate leaves out).
    private var finished = 0, reused = 0
    /// The runs this job trains: a shard's, or all.
    private let total: Int
    private var drawnLines = 0
    private var lastDraw = 0.0
    private let start = Date()
    private var rate = TimeLeft()

    init(job: ComparisonJob, enabled: Bool) {
        self.enabled = enabled
        let comparison = job.comparison
        plans = comparison.plans
        namesSeeds = Set(plans.map(\.seed)).count > 1
        stepsPerRun = comparison.stepsPerRun
        epochs = job.experiment.training.epochs
        total = job.planIndices.count
    }

    func handle(_ event: ComparisonEvent) {
        // A damaged cache file is worth a line even without progress (its run trains again).
        if case .cacheDamaged(let message) = event {
            lock.withLock {
                erase()
                Failure.warn(message)
            }
        }
        guard enabled else { return }
        lock.withLock {
            let now = Date().timeIntervalSince(start)
            switch event {
            case .started(let run):
                running[run] = (0, .nan)
            case let .step(run, step, loss):
                running[run] = (step, loss)
                guard now - lastDraw >= 0.1 else { return }
            case let .finished(run, result):
                running[run] = nil
                finished += 1
                erase()
                write("[\(finished)/\(total)] \(name(run)): \(accuracy(result)) in \(String(format: "%.1f", result.trainSeconds)) s\n")
            case let .reused(run, result):
                finished += 1
                reused += 1
                erase()
                write("[\(finished)/\(total)] \(name(run)): \(accuracy(result)) (from the cache)\n")
            case .cacheDamaged, .cacheNotStored:
                return
            }
            lastDraw = now
            draw(now)
        }
    }

    private func accuracy(_ result: RunResult) -> String {
        result.validationAccuracy.map { String(format: "%.2f%%", $0 * 100) } ?? result.status.name
    }

    /// "PyTorch default" or "PyTorch default, seed 2" (labels cut to 40 characters).
    private func name(_ run: Int) -> String {
        let label = plans[run].strategy.label
        let short = label.count > 40 ? String(label.prefix(39)) + "…" : label
        return namesSeeds ? "\(short), seed \(plans[run].seed)" : short
    }

    private func phase(_ run: Int, step: Int, loss: Float) -> String {
        guard step > 0 else {
            // Before its first step a run is initializing, which for RBM takes seconds.
            switch plans[run].strategy.procedure {
            case .rbm?: return "RBM pre-training"
            case .lsuv?: return "LSUV"
            case nil: return "starting"
            }
        }
        let perEpoch = max(1, stepsPerRun / max(epochs, 1))
        let epoch = min(epochs, (step - 1) / perEpoch + 1)
        return "epoch \(epoch)/\(epochs)  step \(String(step).leftPadded(String(stepsPerRun).count))/\(stepsPerRun)  loss "
            + (loss.isFinite ? String(format: "%.3f", loss) : "\(loss)")
    }

    private func draw(_ elapsed: Double) {
        // The rate counts trained steps only: a run from the cache took no time.
        let runningSteps = running.values.reduce(0) { $0 + $1.step }
        let left = rate.update(elapsed: elapsed, stepsDone: (finished - reused) * stepsPerRun + runningSteps,
                               stepsLeft: (total - finished) * stepsPerRun - runningSteps)
        var lines = running.keys.sorted().map { run in
            let (step, loss) = running[run]!
            return "  \(name(run)): \(phase(run, step: step, loss: loss))"
        }
        lines.append("[\(finished)/\(total) done] " + (left.map { String(format: "about %.0f s left", $0.rounded(.up)) } ?? "estimating the time left"))
        erase()
        write(lines.joined(separator: "\n"))
        drawnLines = lines.count
    }

    /// Clears the lines drawn last, leaving the cursor where they began.
    private func erase() {
        guard drawnLines > 0 else { return }
        write("\r" + String(repeating: "\u{1B}[1A", count: drawnLines - 1) + "\u{1B}[J")
        drawnLines = 0
    }

    func finish() {
        guard enabled else { return }
        lock.withLock { erase() }
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
