import Foundation

/// One strategy's weights, layer by layer: where training started (filled bars: the scheme's
/// distribution, after any data-dependent procedure) and where it ended (a line), in the same
/// bins, from the strategy's first seed.
struct WeightFigure {
    let summary: StrategySummary

    var name: String { PlotSpec.weightFigurePrefix + summary.id }
    var histograms: [WeightHistogram] { summary.runs.first?.weightHistograms ?? [] }

    var files: [OutputFile] {
        guard !histograms.isEmpty else { return [] }
        return [OutputFile(name: name + ".dat", contents: data), OutputFile(name: name + ".gp", contents: script)]
    }

    /// The largest round tic step (1, 2 or 5 times a power of ten) at most `1/parts` of `span`:
    /// with 3 parts, three to seven tics, which a panel a third of the figure wide can label;
    /// labels in exponent form ("-1.5e+20", a diverged run's weights) are twice as long and
    /// more, and get half as many tics (1.5 parts: two to three and a half).
    static func ticStep(_ span: Double, parts: Double = 3) -> Double {
        // The slack keeps a step that is exactly a third (0.6 / 3 is 0.19999999999999998) from losing to rounding.
        let raw = span / parts * (1 + 1e-9), power = pow(10, log10(raw).rounded(.down))
        return [5.0, 2, 1].map { $0 * power }.first { $0 <= raw } ?? power
    }

    /// One block per layer (gnuplot's `index`): bin centre, count at the start, count at the end.
    var data: String {
        histograms.map { h in
            let width = (h.high - h.low) / Double(WeightHistogram.bins)
            return "# layer \(h.layer): bin centre, weights at the start, weights at the end\n" + h.initial.indices.map { i in
                "\(h.low + (Double(i) + 0.5) * width) \(h.initial[i]) \(h.trained[i])"
            }.joined(separator: "\n") + "\n"
        }.joined(separator: "\n\n")
    }

    var script: String {
        let columns = min(histograms.count, 3), rows = (histograms.count + columns - 1) / columns
        let run = summary.runs.first
        let title = "\(summary.label): each layer's weights where training started (filled) and where it ended (line)"
            + (run.map { ", seed \($0.seed)" } ?? "")
        var lines = [
            GnuplotText.comment("Weight histograms of one strategy, written by \(toolName)."),
            GnuplotText.comment("Re-render with `gnuplot \(name).gp` in this folder (reads \(name).dat)."),
            Plots.preamble(height: 120 + 300 * rows),
            "set output \(Plots.quoted(name + ".png"))",
            "set style fill solid 0.5 noborder",
            "set grid",
            "set multiplot layout \(rows),\(columns) title \(GnuplotText.lines(Plots.wrapped(title, width: 110)))",
        ]
        for (k, h) in histograms.enumerated() {
            // A constant layer has all its weights in one bin: give it a visible width of its own.
            let span = h.high - h.low
            let width = span > 0 ? span / Double(WeightHistogram.bins) : max(abs(h.low) * 0.01, 0.01)
            lines += [
                "set title 'layer \(h.layer)'",
                "set boxwidth \(width)",
                "set xrange [\(h.low - width):\(h.high + width)]",
                // A panel is a third of the figure wide: four or five tic labels fit, not gnuplot's ten.
                "set xtics \(Self.ticStep(span + 2 * width, parts: max(abs(h.low), abs(h.high)) >= 1e5 ? 1.5 : 3))",
                "plot \(Plots.quoted(name + ".dat")) index \(k) using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \\",
                "     '' index \(k) using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle",
            ]
        }
        lines.append("unset multiplot")
        return lines.joined(separator: "\n") + "\n"
    }
}
