/// The loss of the first `batches` steps (the lesson's figure): column 1 the batch number
/// (1-based), then one column per strategy, its mean over seeds; "?" marks a missing or
/// non-finite loss, which the script tells gnuplot to skip.
struct LossFigure {
    let name: String
    let title: String
    let members: [StrategySummary]
    /// nil: chosen from the data (Plots.needsLogScale).
    let logScale: Bool?
    let batches: Int

    var files: [OutputFile] { [OutputFile(name: name + ".dat", contents: data), OutputFile(name: name + ".gp", contents: script)] }

    var steps: Int { min(batches, members.map { $0.runs.map(\.steps).max() ?? 0 }.max() ?? 0) }

    var data: String {
        var text = "# batch " + members.map(\.id).joined(separator: " ") + "\n"
        for index in 0..<steps {
            text += String(index + 1)
            for member in members { text += " " + (member.meanLoss(at: index).map { "\($0)" } ?? "?") }
            text += "\n"
        }
        return text
    }

    /// What every loss figure's script starts with: its comments, terminal, title, axes and key.
    static func header(name: String, what: String, title: String, xlabel: String, log: Bool, xmax: Int) -> [String] {
        [
            GnuplotText.comment("\(what), written by \(toolName)."),
            GnuplotText.comment("Re-render with `gnuplot \(name).gp` in this folder (reads \(name).dat)."),
            Plots.preamble(),
            "set output \(Plots.quoted(name + ".png"))",
            "set title \(GnuplotText.lines(Plots.title(title)))",
            "set xlabel \(Plots.quoted(xlabel))",
            "set ylabel \(Plots.quoted(log ? "Loss (log scale)" : "Loss"))",
            "set grid",
            // Under the plot, where it never covers a curve.
            "set key outside below center horizontal maxcols 2 height 1.5",
            "set datafile missing '?'",
            "set xrange [1:\(xmax)]",
        ] + (log ? ["set logscale y"] : [])
    }

    var script: String {
        let values = members.flatMap { member in (0..<steps).compactMap { member.meanLoss(at: $0) } }
        let log = logScale ?? Plots.needsLogScale(values)
        var lines = Self.header(name: name, what: "Training loss of the first \(batches) batches", title: title, xlabel: "Batches",
                                log: log, xmax: batches)
        let plots = members.enumerated().map { column, member in
            let source = column == 0 ? Plots.quoted(name + ".dat") : "''"
            return "\(source) using 1:\(column + 2) with lines linetype \(column + 1) title \(Plots.keyEntry(Plots.keyTitle(member)))"
        }
        lines.append(plots.isEmpty ? "plot NaN notitle" : "plot " + plots.joined(separator: ", \\\n     "))
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Every step of every strategy: the raw mean loss faint, its moving average over `window`
/// steps drawn over it, with the epochs' boundaries marked.
struct WholeRunFigure {
    let name: String
    let summaries: [StrategySummary]
    let stepsPerEpoch: Int
    let epochs: Int
    let steps: Int
    /// Per strategy, its mean loss of every step over the seeds (nil where none is finite),
    /// worked out once for the data, the averages and the axis.
    let means: [[Float?]]

    init(name: String, summaries: [StrategySummary], stepsPerEpoch: Int, epochs: Int) {
        self.name = name
        self.summaries = summaries
        self.stepsPerEpoch = stepsPerEpoch
        self.epochs = epochs
        let steps = summaries.map { $0.runs.map(\.steps).max() ?? 0 }.max() ?? 0
        self.steps = steps
        means = summaries.map { member in (0..<steps).map { member.meanLoss(at: $0) } }
    }

    var files: [OutputFile] { [OutputFile(name: name + ".dat", contents: data), OutputFile(name: name + ".gp", contents: script)] }

    /// About fifty points of average across the run, at least one step.
    var window: Int { max(1, steps / 50) }

    /// Per step, the mean of the finite values among the last `window` of `values` up to it.
    func movingAverage(_ values: [Float?]) -> [Float?] {
        values.indices.map { index in
            let inWindow = values[max(0, index - window + 1)...index].compactMap { $0 }
            return inWindow.isEmpty ? nil : inWindow.reduce(0, +) / Float(inWindow.count)
        }
    }

    /// Column 1 the step, then per strategy its mean loss and the moving average.
    var data: String {
        let averages = means.map(movingAverage)
        var text = "# step " + summaries.map { "\($0.id) \($0.id)-average" }.joined(separator: " ") + "\n"
        for index in 0..<steps {
            text += String(index + 1)
            for k in summaries.indices {
                text += " " + (means[k][index].map { "\($0)" } ?? "?")
                text += " " + (averages[k][index].map { "\($0)" } ?? "?")
            }
            text += "\n"
        }
        return text
    }

    var script: String {
        let log = Plots.needsLogScale(means.flatMap { $0.compactMap { $0 } })
        let title = "The whole training: loss of every step (faint), its moving average over \(window) steps"
            + (epochs > 1 && epochs <= 50 ? "; grey lines: epochs" : "")
        var lines = LossFigure.header(name: name, what: "Training loss of every step, and its moving average over \(window) steps",
                                      title: title, xlabel: "Steps", log: log, xmax: max(steps, 2))
        // Solid and darker than the dotted grid, so that a boundary is not taken for a grid line;
        // named while there is room for the names.
        if epochs <= 50 {
            for epoch in 1..<max(epochs, 1) {
                let x = epoch * stepsPerEpoch
                lines.append("set arrow from \(x), graph 0 to \(x), graph 1 nohead dashtype 1 linewidth 1 linecolor rgb '#707070' back")
                if epochs <= 12 {
                    lines.append("set label 'epoch \(epoch + 1)' at \(x), graph 0.97 left offset 0.5,0 font ',9' textcolor rgb '#505050'")
                }
            }
        }
        var plots: [String] = []
        for (k, member) in summaries.enumerated() {
            let source = plots.isEmpty ? Plots.quoted(name + ".dat") : "''"
            plots.append("\(source) using 1:\(2 * k + 2) with lines linetype \(k + 1) linewidth 1 dashtype 1 linecolor rgb '\(Self.faint(k))' notitle")
            plots.append("'' using 1:\(2 * k + 3) with lines linetype \(k + 1) title \(Plots.keyEntry(Plots.keyTitle(member)))")
        }
        lines.append(plots.isEmpty ? "plot NaN notitle" : "plot " + plots.joined(separator: ", \\\n     "))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Linetype k's colour, mostly transparent (pngcairo reads #AARRGGBB, AA the transparency).
    static func faint(_ k: Int) -> String { "#C0" + Plots.palette[k % Plots.palette.count].colour }
}
