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

    /// The largest round tic step (1, 2 or 5 times a power of ten) at most a third of `span`:
    /// three to seven tics, the most a panel a third of the figure wide can label.
    static func ticStep(_ span: Double) -> Double {
        // The slack keeps a step that is exactly a third (0.6 / 3 is 0.19999999999999998) from losing to rounding.
        let raw = span / 3 * (1 + 1e-9), power = pow(10, log10(raw).rounded(.down))
        return [5.0, 2, 1].map { $0 * power }.first { $0 <= raw } ?? power
    }

    /// The width of a panel's plot area in pixels: a third of the 960-pixel figure, less the y
    /// axis's tic labels and title.
    static let panelPixels = 190.0

    /// About how wide pngcairo's 11-point sans draws a tic label, in pixels: digits and "e"
    /// about 8, "+" 10, "-" 5, "." 4 (measured on its PNGs).
    static func labelPixels(_ text: String) -> Double {
        text.reduce(0) { width, character in
            width + (character == "+" ? 10 : character == "-" ? 5 : character == "." ? 4 : 8)
        }
    }

    /// The tic step of an axis from `low` to `high`: the finest round step (ticStep, a third of
    /// the span or more) whose tics stand far enough apart for their labels, as gnuplot prints
    /// them ("%g"), to keep a gap between them, so that long labels ("1.001", "-6e+19") get
    /// fewer tics instead of running together.
    static func ticStep(low: Double, high: Double) -> Double {
        var step = ticStep(high - low)
        while true {
            let first = (low / step).rounded(.up), last = (high / step).rounded(.down)
            guard first <= last, high > low else { return step }
            let widest = stride(from: first, through: last, by: 1).map { labelPixels(String(format: "%g", $0 * step)) }.max()!
            if step / (high - low) * panelPixels >= widest + 10 { return step }
            // The next round step up (1 → 2 → 5 → 10), unless it would leave fewer than two tics.
            let power = pow(10, log10(step).rounded(.down)), mantissa = (step / power).rounded()
            let next = (mantissa < 2 ? 2 : mantissa < 5 ? 5 : 10) * power
            guard (high / next).rounded(.down) - (low / next).rounded(.up) >= 1 else { return step }
            step = next
        }
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
        // A panel per layer, up to twelve (four rows); a deeper network's figure shows twelve, from the first to the last.
        let shown = InsideFigures.shownLayers(histograms.count, most: 12)
        let columns = min(shown.count, 3), rows = (shown.count + columns - 1) / columns
        let run = summary.runs.first
        let which = shown.count == histograms.count ? "each layer's weights" : "the weights of \(shown.count) of its \(histograms.count) layers"
        let title = "\(summary.label): \(which) where training started (filled) and where it ended (line)"
            + (run.map { ", seed \($0.seed)" } ?? "")
        var lines = [
            GnuplotText.comment("Weight histograms of one strategy, written by \(toolName)."),
            GnuplotText.comment("Re-render with `gnuplot \(name).gp` in this folder (reads \(name).dat)."),
            Plots.preamble(height: 120 + 300 * rows),
            "set output \(Plots.quoted(name + ".png"))",
            "set style fill solid 0.5 noborder",
            "set grid",
            "set xlabel 'Weight value'",
            "set ylabel 'Weights per bin'",
            "set multiplot layout \(rows),\(columns) title \(GnuplotText.lines(Plots.title(title)))",
        ]
        for k in shown {
            let h = histograms[k]
            // A constant layer has all its weights in one bin: give it a visible width of its own.
            let span = h.high - h.low
            let width = span > 0 ? span / Double(WeightHistogram.bins) : max(abs(h.low) * 0.01, 0.01)
            // The outer bins' bars stand clear of the frame: a twentieth of the span each side.
            let pad = max(width, span / 20)
            lines += [
                "set title 'layer \(h.layer)'",
                "set boxwidth \(width)",
                "set xrange [\(h.low - pad):\(h.high + pad)]",
                // A panel is a third of the figure wide: a few tic labels fit, not gnuplot's ten.
                "set xtics \(Self.ticStep(low: h.low - pad, high: h.high + pad))",
                "plot \(Plots.quoted(name + ".dat")) index \(k) using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \\",
                "     '' index \(k) using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle",
            ]
        }
        lines.append("unset multiplot")
        return lines.joined(separator: "\n") + "\n"
    }
}
