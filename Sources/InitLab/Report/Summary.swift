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

    /// "84.90%", with the standard deviation over several seeds; "n/a" without a test set; "—"
    /// when a run did not finish, which the validation accuracy's cell already says.
    public var testAccuracyText: String {
        finished ? Self.percentText(testAccuracies) : "—"
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

    /// How many of the runs this comparison read from the run cache instead of training them.
    public var cachedRuns: Int { runs.filter(\.fromCache).count }

    /// A mean time of the runs, "1.2 s"; marked "1.2 s (cached)", or "1.2 s (2 of 5 cached)",
    /// when runs came from the run cache: their times were measured by the comparison that
    /// trained them, not by this one (see `cachedTimeNote`).
    public func timeText(_ seconds: Double) -> String {
        let cached = cachedRuns, time = String(format: "%.1f s", seconds)
        guard cached > 0 else { return time }
        return time + (cached == runs.count ? " (cached)" : " (\(cached) of \(runs.count) cached)")
    }

    /// What a time marked "cached" means, for under a table that has one.
    public static let cachedTimeNote = "cached: the runs came from the run cache, so their times were measured when they were "
        + "trained, by an earlier comparison, not by this one (compare-inits run --no-cache trains them again)"

    /// Words for the runs that did not finish, said once for all of them: "diverged at batch 3",
    /// over several seeds "diverged at batch 3 (all 5 seeds)" or "diverged at batches 3–7 (2 of
    /// 5 seeds: 2, 4)", "interrupted (1 of 3 seeds: 3)"; nil when all finished.
    public var statusNote: String? {
        let diverged = runs.compactMap { run -> (seed: UInt64, batch: Int)? in
            if case .diverged(let batch) = run.status { return (run.seed, batch) }
            return nil
        }
        let interrupted = runs.filter { $0.status == .interrupted }.map(\.seed)
        var notes: [String] = []
        if let low = diverged.map(\.batch).min(), let high = diverged.map(\.batch).max() {
            notes.append("diverged at " + (low == high ? "batch \(low)" : "batches \(low)–\(high)") + seedsNote(diverged.map(\.seed)))
        }
        if !interrupted.isEmpty { notes.append("interrupted" + seedsNote(interrupted)) }
        return notes.isEmpty ? nil : notes.joined(separator: "; ")
    }

    /// Which of several seeds a note is about: " (all 5 seeds)", " (2 of 5 seeds: 2, 4)"; nothing with one seed.
    func seedsNote(_ seeds: [UInt64]) -> String {
        guard runs.count > 1 else { return "" }
        if seeds.count == runs.count { return " (all \(runs.count) seeds)" }
        return " (\(seeds.count) of \(runs.count) seeds: \(Self.seedList(seeds)))"
    }

    /// "2, 4", or the first four and "…" when there are more.
    static func seedList(_ seeds: [UInt64]) -> String {
        seeds.prefix(4).map(String.init).joined(separator: ", ") + (seeds.count > 4 ? ", …" : "")
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
