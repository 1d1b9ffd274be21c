import Foundation

/// Tensor Programs V's Figure 1 for one sweep: the measure against log₂ learning rate, a curve per
/// width (the mean over seeds, its 95% interval as a band), each width's best rate marked.
struct TransferFigure {
    let transfer: TransferSweep
    let title: String

    static func name(_ measure: SweepMeasure) -> String { PlotSpec.sweepFigurePrefix + "transfer-" + measure.rawValue.replacingOccurrences(of: "_", with: "-") }
    var name: String { Self.name(transfer.measure) }

    var files: [OutputFile] { [OutputFile(name: name + ".dat", contents: data), OutputFile(name: name + ".gp", contents: script)] }

    /// Per width a block: log₂ rate, mean, interval low and high; then a block of the best rates
    /// (log₂ rate, mean, width).
    var data: String {
        let measure = transfer.measure
        func shown(_ x: Double?) -> String { x.map { measure.shown($0) }.map { "\($0)" } ?? "?" }
        let blocks = transfer.curves.map { curve in
            InsideFigures.block("width \(Sweep.text(curve.width)): log2 learning rate, mean, 95% interval low, high",
                                transfer.rates.indices.map { i in
                                    let e = curve.estimates[i]
                                    return "\(log2(transfer.rates[i])) \(shown(e?.mean)) \(shown(e?.ci95?.lowerBound)) \(shown(e?.ci95?.upperBound))"
                                })
        }
        let best = transfer.curves.compactMap { curve in
            curve.best.map { "\(log2(transfer.rates[$0])) \(shown(curve.estimates[$0]?.mean)) \(curve.width)" }
        }
        return (blocks + [InsideFigures.block("best rate per width: log2 learning rate, mean, width", best)]).joined(separator: "\n\n")
    }

    var script: String {
        let measure = transfer.measure, file = Plots.quoted(name + ".dat"), count = transfer.curves.count
        let seeds = transfer.curves.first?.values.first?.count ?? 1
        var lines = InsideFigures.header(name: name, what: "\(measure.title) against the learning rate, a curve per width") + [
            "set title \(GnuplotText.lines(Plots.title(title + ":", width: 100) + Plots.title("\(measure.title) against the learning rate, a curve per width (mean over \(seeds) seed\(seeds == 1 ? "" : "s"), band: 95% interval; circle: the width's best rate)", width: 100)))",
            "set xlabel 'log2 learning rate'",
            "set ylabel \(Plots.quoted(measure.isAccuracy ? measure.title + " (%)" : measure.title))",
            "set key outside right top",
            "set offsets graph 0.03, graph 0.03, 0, 0",
        ]
        if !measure.isAccuracy, Plots.needsLogScale(transfer.curves.flatMap { $0.estimates.compactMap { $0?.mean } }) { lines.append("set logscale y") }
        var curves: [String] = []
        for (k, curve) in transfer.curves.enumerated() {
            curves.append("\(file) index \(k) using 1:3:4 with filledcurves linecolor \(k + 1) fillstyle transparent solid 0.15 notitle")
            curves.append("\(file) index \(k) using 1:2 with linespoints linetype \(k + 1) pointtype 7 pointsize 0.6 title \(Plots.quoted("width \(Sweep.text(curve.width))"))")
        }
        curves.append("\(file) index \(count) using 1:2 with points pointtype 6 pointsize 2.5 linecolor rgb '#000000' title 'best rate'")
        return (lines + ["plot " + curves.joined(separator: ", \\\n     ")]).joined(separator: "\n") + "\n"
    }
}
