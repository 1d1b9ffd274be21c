/// The lesson's "After N epochs" printout at the end of a run or merge, with the pre-training
/// time where a strategy has one. Every column is as wide as its widest cell, so that a long
/// note ("diverged at batch 3 (all 5 seeds)", a cached time) keeps the columns aligned.
public enum SummaryTable {
    public static func text(_ summaries: [StrategySummary], experiment: Experiment) -> String {
        let pretraining = experiment.strategies.contains { $0.procedure != nil }
        let test = experiment.dataset.test != nil
        let epochs = experiment.training.epochs
        // Over several seeds the loss and times are means (the accuracies say so with their ±).
        let mean = experiment.seeds.count > 1 ? " (mean)" : ""
        var header = ["Strategy", "Validation accuracy"] + (test ? ["Test accuracy"] : []) + ["Last batch loss" + mean, "Train" + mean]
        if pretraining { header.append("Pre-train" + mean) }
        let rows = summaries.map { s -> [String] in
            var row = [s.label, s.accuracyText] + (test ? [s.testAccuracyText] : []) + [s.lastLossText, s.timeText(s.meanTrainSeconds)]
            if pretraining {
                let hasProcedure = experiment.strategies.first { $0.id == s.id }?.procedure != nil
                row.append(hasProcedure ? s.timeText(s.meanProcedureSeconds) : "—")
            }
            return row
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        // The strategy's name is left-aligned, the numbers right-aligned.
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
        var lines = ["After \(epochs) epoch\(epochs == 1 ? "" : "s"):", line(header)] + rows.map(line)
        if summaries.contains(where: { $0.cachedRuns > 0 }) { lines.append(StrategySummary.cachedTimeNote) }
        return lines.joined(separator: "\n")
    }
}
