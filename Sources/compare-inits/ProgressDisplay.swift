import Foundation
import InitLab

/// One status line on stderr, redrawn at most ten times a second: runs done, the runs in
/// progress with their batch and loss, and the time left; a line per run as it finishes.
final class ProgressDisplay: @unchecked Sendable {
    private let enabled: Bool
    private let plans: [RunPlan]
    private let stepsPerRun: Int
    private let lock = NSLock()
    private var running: [Int: (step: Int, loss: Float)] = [:]
    private var finished = 0
    private var lastDraw = 0.0
    private let start = Date()

    init(job: ComparisonJob, enabled: Bool) {
        self.enabled = enabled
        let comparison = job.comparison
        plans = comparison.plans
        stepsPerRun = comparison.stepsPerRun
    }

    func handle(_ event: ComparisonEvent) {
        guard enabled else { return }
        lock.withLock {
            switch event {
            case .started(let run):
                running[run] = (0, .nan)
            case let .step(run, step, loss):
                running[run] = (step, loss)
                let now = Date().timeIntervalSince(start)
                if now - lastDraw >= 0.1 {
                    lastDraw = now
                    draw(now)
                }
            case let .finished(run, result):
                running[run] = nil
                finished += 1
                let accuracy = result.validationAccuracy.map { String(format: "%.2f%%", $0 * 100) } ?? result.status.name
                let seed = Set(plans.map(\.seed)).count > 1 ? " (seed \(result.seed))" : ""
                write("\r\u{1B}[K[\(finished)/\(plans.count)] \(result.label)\(seed): \(accuracy) in \(String(format: "%.1f", result.trainSeconds)) s\n")
                draw(Date().timeIntervalSince(start))
            }
        }
    }

    private func draw(_ elapsed: Double) {
        let stepsDone = finished * stepsPerRun + running.values.reduce(0) { $0 + $1.step }
        let total = plans.count * stepsPerRun
        let remaining = stepsDone > 0 ? elapsed * Double(total - stepsDone) / Double(stepsDone) : .nan
        let parts = running.keys.sorted().map { run -> String in
            let (step, loss) = running[run]!
            let strategy = plans[run].strategy
            guard step > 0 else {
                // Before its first step a run is initializing, which for RBM takes seconds.
                switch strategy.procedure {
                case .rbm?: return "\(strategy.id) RBM pre-training"
                case .lsuv?: return "\(strategy.id) LSUV"
                case nil: return "\(strategy.id) starting"
                }
            }
            return "\(strategy.id) \(step)/\(stepsPerRun) loss \(String(format: "%.3f", loss))"
        }
        let left = remaining.isFinite ? String(format: "%.0f s left", remaining.rounded(.up)) : "estimating"
        write("\r\u{1B}[K" + (parts + [left]).joined(separator: " | "))
    }

    func finish() {
        guard enabled else { return }
        lock.withLock { write("\r\u{1B}[K") }
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
