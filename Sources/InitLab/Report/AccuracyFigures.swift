/// The validation accuracy of every strategy as bars, with the percentage above each; over
/// several seeds the bar is the mean and an error bar spans ± one standard deviation, also
/// written under the mean, since most of them are thinner than a line on a 0–100 axis. When the
/// strategies all land within a few points of each other, bars from 0 would show neither their
/// differences nor their error bars: the chart then draws each mean as a point with its error
/// bar on an axis zoomed to the data. With a test set, a diamond gives the test accuracy.
struct AccuracyFigure {
    let name: String
    let title: String
    let summaries: [StrategySummary]
    let seeds: Int

    /// Labels wrap at this many characters, fewer the more bars share the width, so that none
    /// is cut at the figure's edge or runs into its neighbour.
    static func labelWidth(bars: Int) -> Int { max(8, min(18, 100 / max(bars, 1))) }

    /// Data spanning less than this many points, with error bars to show, gets the zoomed axis.
    static let zoomSpan = 25.0

    var files: [OutputFile] {
        [OutputFile(name: name + ".dat", contents: "# strategy  validation accuracy (%)  std over seeds (%)  text above  test accuracy (%)  spread text\n" + table),
         OutputFile(name: name + ".gp", contents: script)]
    }

    var finished: [StrategySummary] { summaries.filter { $0.finished && $0.meanAccuracy != nil } }

    /// Everything the chart draws of the finished strategies, in percent: the ends of the error
    /// bars and the test accuracies.
    var drawnValues: [Double] {
        finished.flatMap { summary -> [Double] in
            let mean = summary.meanAccuracy! * 100, spread = (summary.accuracyStandardDeviation ?? 0) * 100
            return [mean - spread, mean + spread] + (summary.meanTestAccuracy.map { [$0 * 100] } ?? [])
        }
    }

    /// The zoomed y range, when the chart has error bars and its data span less than zoomSpan
    /// points; nil: bars from 0. A tenth of the span (at least 0.2 points) is left below, and
    /// above room for the text over the points.
    var zoomedRange: ClosedRange<Double>? {
        guard seeds > 1, let low = drawnValues.min(), let high = drawnValues.max(), high - low < Self.zoomSpan else { return nil }
        let pad = max((high - low) / 10, 0.2)
        return max(0, low - pad)...min(100, high + 3 * pad)
    }

    /// One row per strategy: its id, mean accuracy in percent (0 when it did not finish), the
    /// standard deviation over seeds in percent (0 with one seed), the text above its bar (empty
    /// when it did not finish: the script writes its note), the mean test accuracy in percent
    /// ("?" without a test set), and "± std" over several seeds.
    /// Only the tool's own words are data here: the labels, which come from the config, are the
    /// script's tick labels, where they are string expressions (gnuplot's data files have no
    /// escape for a quote inside a quoted column).
    var table: String {
        summaries.map { summary in
            let percent = summary.finished ? (summary.meanAccuracy ?? 0) * 100 : 0
            let spread = (summary.finished ? summary.accuracyStandardDeviation ?? 0 : 0) * 100
            let text = summary.finished ? String(format: "%.2f%%", percent) : ""
            let test = summary.finished ? summary.meanTestAccuracy.map { String(format: "%.3f", $0 * 100) } ?? "?" : "?"
            let spreadText = summary.finished && summary.accuracyStandardDeviation != nil ? String(format: "± %.2f", spread) : ""
            return "\(summary.id) \(String(format: "%.3f", percent)) \(String(format: "%.3f", spread)) \"\(text)\" \(test) \"\(spreadText)\""
        }.joined(separator: "\n") + "\n"
    }

    var script: String {
        let width = Self.labelWidth(bars: summaries.count)
        let labels = summaries.map { Plots.wrapped($0.label, width: width) }
        let ticks = labels.enumerated().map { "\(GnuplotText.lines($0.element)) \($0.offset)" }.joined(separator: ", ")
        let labelLines = labels.map(\.count).max() ?? 1
        let spread = seeds > 1
        let test = summaries.contains { $0.meanTestAccuracy != nil }
        let zoom = zoomedRange
        let caption = (spread ? "mean ± 1 standard deviation over \(seeds) seeds" : "one seed")
            + (zoom != nil ? ", the axis zoomed to the data" : spread ? ", as error bars and in numbers" : "")
            + (test ? "; diamonds: test accuracy" : "")
        var lines = [
            GnuplotText.comment("Validation accuracy of every strategy, written by \(toolName)."),
            GnuplotText.comment("Re-render with `gnuplot \(name).gp` in this folder; the table below is the data (the same"),
            GnuplotText.comment("as \(name).dat): strategy id, mean accuracy (%), standard deviation over seeds (%), text above,"),
            GnuplotText.comment("mean test accuracy (%, ? without a test set), spread text."),
            "$accuracy << EOD",
            table + "EOD",
            Plots.preamble(height: 600 + 16 * max(0, labelLines - 2)),
            "set output \(Plots.quoted(name + ".png"))",
            "set title \(GnuplotText.lines(Plots.title(title + ": validation accuracy (" + caption + ")")))",
            "set ylabel \(Plots.quoted(test ? "Accuracy (%)" : "Validation accuracy (%)"))",
            "set yrange [\(zoom.map { "\($0.lowerBound):\($0.upperBound)" } ?? "0:105")]",
            "set xrange [-0.6:\(Double(summaries.count) - 0.4)]",
            "set style fill solid 0.75 border -1",
            "set boxwidth 0.6",
            "set grid ytics",
            "set xtics scale 0 (\(ticks))",
            "set bmargin \(3 + labelLines + (test ? 2 : 0))",
            "set datafile missing '?'",
        ]
        if test { lines.append("set key outside below center horizontal height 1") }
        // A run that did not finish has no bar or point: its note stands in their place,
        // wrapped to the bar's width so that it cannot run over the frame or a neighbour.
        for (k, summary) in summaries.enumerated() where !summary.finished || summary.meanAccuracy == nil {
            let note = Plots.wrapped(summary.statusNote ?? "n/a", width: width)
            let place = zoom == nil ? "graph 0 center offset 0,\(Double(note.count) + 0.2)" : "graph 0.5 center"
            lines.append("set label \(k + 1) \(GnuplotText.lines(note)) at first \(k), \(place) font ',9'")
        }
        let font = Plots.quoted(summaries.count > 6 ? ",9" : ",11")
        var plots: [String] = []
        if zoom == nil {
            plots.append("$accuracy using 0:2 with boxes linecolor rgb '#0072B2' " + (test ? "title 'validation accuracy'" : "notitle"))
            // Error bars as capped vectors: yerrorbars would also mark each mean with a point.
            if spread {
                plots.append("$accuracy using 0:($2 - $3):(0):(2 * $3) with vectors heads size screen 0.008,90 linecolor rgb 'black' linewidth 1.5 notitle")
                plots.append("$accuracy using 0:($2 + $3):6 with labels offset 0,0.8 font \(font) notitle")
                plots.append("$accuracy using 0:($2 + $3):4 with labels offset 0,1.8 font \(font) notitle")
            } else {
                plots.append("$accuracy using 0:($2 + $3):4 with labels offset 0,0.9 font \(font) notitle")
            }
        } else {
            // Unfinished strategies are missing points here, not points at 0 off the axis.
            plots.append("$accuracy using 0:(strcol(4) eq '' ? NaN : $2):3 with yerrorbars pointtype 7 pointsize 1.4 linecolor rgb '#0072B2' linewidth 1.5 "
                         + (test ? "title 'validation accuracy'" : "notitle"))
            plots.append("$accuracy using 0:(strcol(4) eq '' ? NaN : $2 + $3):4 with labels offset 0,0.9 font \(font) notitle")
        }
        if test {
            // Beside the error bar, not on it.
            let x = zoom == nil ? "0" : "($0 + 0.2)"
            plots.append("$accuracy using \(x):5 with points pointtype 13 pointsize 2 linecolor rgb '#D55E00' title 'test accuracy'")
        }
        lines.append("plot " + plots.joined(separator: ", \\\n     "))
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Each strategy's validation accuracy after every epoch (evaluation mode, mean over seeds).
struct EpochFigure {
    let name: String
    let summaries: [StrategySummary]
    let epochs: Int

    var files: [OutputFile] { [OutputFile(name: name + ".dat", contents: data), OutputFile(name: name + ".gp", contents: script)] }

    /// The mean over seeds of epoch `epoch`'s accuracy (in percent), where every seed reached it.
    static func meanAccuracy(_ member: StrategySummary, epoch: Int) -> Double? {
        let values = member.runs.compactMap { $0.epochValidationAccuracy.indices.contains(epoch) ? $0.epochValidationAccuracy[epoch] : nil }
        return values.isEmpty || values.count < member.runs.count ? nil : 100 * values.reduce(0, +) / Double(values.count)
    }

    var data: String {
        var text = "# epoch " + summaries.map(\.id).joined(separator: " ") + "\n"
        for epoch in 0..<epochs {
            text += String(epoch + 1)
            for member in summaries { text += " " + (Self.meanAccuracy(member, epoch: epoch).map { String(format: "%.4f", $0) } ?? "?") }
            text += "\n"
        }
        return text
    }

    var script: String {
        var lines = [
            GnuplotText.comment("Validation accuracy after every epoch (evaluation mode), written by \(toolName)."),
            GnuplotText.comment("Re-render with `gnuplot \(name).gp` in this folder (reads \(name).dat)."),
            Plots.preamble(),
            "set output \(Plots.quoted(name + ".png"))",
            "set title 'Validation accuracy after every epoch (evaluation mode)'",
            "set xlabel 'Epoch'",
            "set ylabel 'Validation accuracy (%)'",
            "set yrange [0:100]",
            "set xrange [0.8:\(Double(epochs) + 0.2)]",
            "set xtics 1",
            "set grid",
            "set key outside below center horizontal maxcols 2 height 1.5",
            "set datafile missing '?'",
        ]
        let plots = summaries.enumerated().map { column, member in
            let source = column == 0 ? Plots.quoted(name + ".dat") : "''"
            return "\(source) using 1:\(column + 2) with linespoints linetype \(column + 1) pointtype \(column % 6 + 5) title \(Plots.keyEntry(member.label))"
        }
        lines.append(plots.isEmpty ? "plot NaN notitle" : "plot " + plots.joined(separator: ", \\\n     "))
        return lines.joined(separator: "\n") + "\n"
    }
}
