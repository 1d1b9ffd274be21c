/// One strategy's results over its seeds: what the report's table shows.
public struct StrategySummary: Sendable {
    public let id: String
    public let label: String
    public let runs: [RunResult]
    /// The validation accuracy's mean and 95% interval over the seeds that finished.
    public var estimate: Estimate? = nil
    /// Against the experiment's baseline strategy (nil for the baseline itself, without one, or
    /// with fewer than two seeds).
    public var versusBaseline: BaselineComparison? = nil

    /// Validation accuracies of the runs that finished.
    public var accuracies: [Double] { runs.compactMap(\.validationAccuracy) }
    public var finished: Bool { runs.allSatisfy { $0.status == .ok } }

    public var meanAccuracy: Double? { Sample.mean(accuracies) }

    /// Sample standard deviation over seeds (nil with fewer than two finished runs).
    public var accuracyStandardDeviation: Double? { Sample.standardDeviation(accuracies) }

    /// "85.93%", or "85.93% ± 0.31" over several values.
    static func percentText(_ values: [Double]) -> String {
        guard let mean = Sample.mean(values) else { return "n/a" }
        if let std = Sample.standardDeviation(values) { return String(format: "%.2f%% ± %.2f", mean * 100, std * 100) }
        return String(format: "%.2f%%", mean * 100)
    }

    /// Test accuracies of the runs that have one (the config names a test set).
    public var testAccuracies: [Double] { runs.compactMap(\.testAccuracy) }
    public var meanTestAccuracy: Double? { Sample.mean(testAccuracies) }

    /// "84.90%", with the standard deviation over several seeds; "n/a" without a test set.
    public var testAccuracyText: String {
        finished ? Self.percentText(testAccuracies) : statusNote ?? "n/a"
    }

    public var meanLastLoss: Double? {
        let losses = runs.compactMap(\.lastBatchLoss).map(Double.init)
        return losses.isEmpty ? nil : losses.reduce(0, +) / Double(losses.count)
    }

    /// "0.357", "887" at large scale, "not finite" when a run's last loss is NaN or infinite
    /// (it diverged), "n/a" without any.
    public var lastLossText: String {
        guard let loss = meanLastLoss else { return "n/a" }
        guard loss.isFinite else { return "not finite" }
        return abs(loss) >= 1000 ? String(format: "%.0f", loss) : String(format: "%.3f", loss)
    }

    public var meanTrainSeconds: Double { runs.reduce(0) { $0 + $1.trainSeconds } / Double(max(runs.count, 1)) }
    public var meanProcedureSeconds: Double { runs.reduce(0) { $0 + $1.procedureSeconds } / Double(max(runs.count, 1)) }

    /// Words for a run that did not finish ("diverged at batch 12"), nil when all did.
    public var statusNote: String? {
        for run in runs {
            switch run.status {
            case .ok: continue
            case .diverged(let batch): return "diverged at batch \(batch)" + (runs.count > 1 ? " (seed \(run.seed))" : "")
            case .interrupted: return "interrupted"
            }
        }
        return nil
    }

    /// The mean loss of step `index` over the seeds whose loss there is finite.
    public func meanLoss(at index: Int) -> Float? {
        let values = runs.compactMap { $0.batchLosses.indices.contains(index) ? $0.batchLosses[index] : nil }.filter(\.isFinite)
        return values.isEmpty ? nil : values.reduce(0, +) / Float(values.count)
    }

    /// "85.93%", "85.93% ± 0.31" over several seeds, or the status of a run that did not finish.
    public var accuracyText: String {
        finished && !accuracies.isEmpty ? Self.percentText(accuracies) : statusNote ?? "n/a"
    }

    /// Groups results (in plan order) by strategy, in the experiment's order, with each one's
    /// estimate and, against the baseline, its paired comparison, Holm-corrected over all of them.
    public static func make(_ results: [RunResult], experiment: Experiment) -> [StrategySummary] {
        var summaries = experiment.strategies.map { strategy in
            var summary = StrategySummary(id: strategy.id, label: strategy.label, runs: results.filter { $0.strategyID == strategy.id })
            summary.estimate = summary.finished ? Estimate(summary.accuracies) : nil
            return summary
        }
        guard let baselineID = experiment.baseline, let baseline = summaries.first(where: { $0.id == baselineID }),
              baseline.finished else { return summaries }
        func bySeed(_ summary: StrategySummary) -> [UInt64: Double] {
            // One result per seed; results read from a file could repeat one, of which the first counts.
            Dictionary(summary.runs.compactMap { run in run.validationAccuracy.map { (run.seed, $0) } }, uniquingKeysWith: { first, _ in first })
        }
        let reference = bySeed(baseline)
        for i in summaries.indices where summaries[i].id != baselineID && summaries[i].finished {
            summaries[i].versusBaseline = BaselineComparison(strategy: bySeed(summaries[i]), baseline: reference)
        }
        let compared = summaries.indices.filter { summaries[$0].versusBaseline != nil }
        let adjusted = BaselineComparison.holm(compared.map { summaries[$0].versusBaseline!.pValue })
        for (i, p) in zip(compared, adjusted) { summaries[i].versusBaseline!.pHolm = p }
        return summaries
    }
}
