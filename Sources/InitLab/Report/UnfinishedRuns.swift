/// The report's paragraphs about runs that did not finish: one per strategy, however many of its
/// seeds diverged or were interrupted (five seeds diverging at batch 3 are one sentence, not five).
enum UnfinishedRuns {
    static func paragraphs(_ summaries: [StrategySummary]) -> [String] {
        summaries.flatMap { summary -> [String] in
            let label = MarkdownText.inline(summary.label)
            var paragraphs: [String] = []
            let diverged = summary.runs.compactMap { run -> (seed: UInt64, batch: Int)? in
                if case .diverged(let batch) = run.status { return (run.seed, batch) }
                return nil
            }
            if !diverged.isEmpty { paragraphs.append(divergedText(label, diverged, seeds: summary.runs.count)) }
            let interrupted = summary.runs.filter { $0.status == .interrupted }.map(\.seed)
            if !interrupted.isEmpty { paragraphs.append(interruptedText(label, interrupted, seeds: summary.runs.count)) }
            return paragraphs
        }
    }

    /// "with all 5 seeds", "with 2 of its 5 seeds (2, 4)", nothing with one seed.
    static func which(_ seeds: [UInt64], of count: Int) -> String {
        guard count > 1 else { return "" }
        return seeds.count == count ? " with all \(count) seeds" : " with \(seeds.count) of its \(count) seeds (\(StrategySummary.seedList(seeds)))"
    }

    static func divergedText(_ label: String, _ runs: [(seed: UInt64, batch: Int)], seeds: Int) -> String {
        let batches = Set(runs.map(\.batch))
        let at = batches.count == 1 ? "at batch \(runs[0].batch)"
            : "at batch " + runs.map { "\($0.batch) (seed \($0.seed))" }.joined(separator: ", ")
        let all = runs.count == seeds
        // The loss figures draw the mean over seeds of the finite losses: with every seed
        // diverged, the curve ends where the last of them stopped.
        let end = all ? "; its curve ends at batch \(batches.max()! - 1) and it has no validation accuracy."
            : "; those runs have no validation accuracy, so the strategy has no mean over its seeds."
        return "**\(label) diverged**\(which(runs.map(\.seed), of: seeds)): its loss was not finite \(at), so "
            + (seeds == 1 ? "its training" : "training") + " stopped there" + end
    }

    static func interruptedText(_ label: String, _ seeds: [UInt64], seeds count: Int) -> String {
        guard count > 1 else {
            return "**\(label) was interrupted** before it finished (the comparison was stopped); it has no validation accuracy."
        }
        return "**\(label) was interrupted**\(which(seeds, of: count)) before \(seeds.count == 1 ? "it" : "they") finished "
            + "(the comparison was stopped); \(seeds.count == 1 ? "that run has" : "those runs have") no validation accuracy."
    }
}
