import Foundation

/// Tensor Programs V's Figure 1: the measure against log₂ learning rate, a curve per width (the
/// mean over seeds, its 95% interval as a band), each width's best rate marked; one panel per
/// template (the standard parametrization beside muP), side by side on one y scale.
struct TransferFigure {
    /// One per template, in the sweep's order, all of one measure.
    let transfers: [TransferSweep]
    /// The panels' titles: the templates' labels.
    let labels: [String]
    let title: String

    var measure: SweepMeasure { transfers[0].measure }
    static func name(_ measure: SweepMeasure) -> String { PlotSpec.sweepFigurePrefix + "transfer-" + measure.rawValue.replacingOccurrences(of: "_", with: "-") }
    var name: String { Self.name(measure) }

    var files: [OutputFile] { [OutputFile(name: name + ".dat", contents: data), OutputFile(name: name + ".gp", contents: script)] }

    /// The first block of each panel's: its widths' blocks come first, then its best rates.
    func firstBlock(_ panel: Int) -> Int { transfers[..<panel].reduce(0) { $0 + $1.curves.count + 1 } }

    /// Per panel, per width a block: log₂ rate, mean, interval low and high; then a block of the
    /// best rates (log₂ rate, mean, width).
    var data: String {
        func shown(_ x: Double?) -> String { x.map { measure.shown($0) }.map { "\($0)" } ?? "?" }
        return transfers.map { transfer in
            let of = transfers.count == 1 ? "" : "strategy \(transfer.template), "
            let blocks = transfer.curves.map { curve in
                InsideFigures.block("\(of)width \(Sweep.text(curve.width)): log2 learning rate, mean, 95% interval low, high",
                                    transfer.rates.indices.map { i in
                                        let e = curve.estimates[i], interval = e?.ci95(within: measure.bounds)
                                        return "\(log2(transfer.rates[i])) \(shown(e?.mean)) \(shown(interval?.lowerBound)) \(shown(interval?.upperBound))"
                                    })
            }
            let best = transfer.curves.compactMap { curve in
                curve.best.map { "\(log2(transfer.rates[$0])) \(shown(curve.estimates[$0]?.mean)) \(curve.width)" }
            }
            return (blocks + [InsideFigures.block("\(of)best rate per width: log2 learning rate, mean, width", best)]).joined(separator: "\n\n")
        }.joined(separator: "\n\n")
    }

    /// Every panel's means and interval ends, as shown: one y range holds them all.
    var shownValues: [Double] {
        transfers.flatMap { $0.curves.flatMap { $0.estimates.flatMap { e -> [Double] in
            let interval = e?.ci95(within: measure.bounds)
            return [e?.mean, interval?.lowerBound, interval?.upperBound].compactMap { $0 }
        } } }
            .map(measure.shown).filter(\.isFinite)
    }

    var script: String {
        let file = Plots.quoted(name + ".dat"), panels = transfers.count
        let seeds = transfers.first?.curves.first?.values.first?.count ?? 1
        let logScale = !measure.isAccuracy && Plots.needsLogScale(transfers.flatMap { $0.curves.flatMap { $0.estimates.compactMap { $0?.mean } } })
        let caption = "\(measure.title) against the learning rate, a curve per width (mean over \(seeds) seed\(seeds == 1 ? "" : "s"), "
            + "band: 95% interval; circle: the width's best rate)"
        let titleText = GnuplotText.lines(Plots.title(title + ":", width: 100 * panels) + Plots.title(caption, width: 100 * panels))
        var lines = InsideFigures.header(name: name, what: "\(measure.title) against the learning rate, a curve per width",
                                         height: 640, width: panels == 1 ? 960 : min(720 * panels, 2160)) + [
            "set xlabel 'log2 learning rate'",
            "set ylabel \(Plots.quoted(measure.isAccuracy ? measure.title + " (%)" : measure.title))",
            "set key outside right top",
            "set offsets graph 0.03, graph 0.03, 0, 0",
        ]
        if logScale { lines.append("set logscale y") }
        if panels > 1 {
            // One y scale: the panels compare by eye.
            let values = shownValues.filter { !logScale || $0 > 0 }
            if let low = values.min(), let high = values.max(), high > low {
                let (from, to) = logScale ? (low / pow(high / low, 0.03), high * pow(high / low, 0.03)) : (low - 0.03 * (high - low), high + 0.03 * (high - low))
                lines.append("set yrange [\(from):\(to)]")
            }
            // The key where the curves are not: an accuracy's crowd the top (the bands now stop at
            // 100%, with no room above), a loss's the bottom.
            lines += ["set key inside \(measure.isAccuracy ? "bottom" : "top") center font ',9' samplen 2",
                      "set multiplot layout 1,\(panels) title \(titleText)"]
        } else {
            lines.append("set title \(titleText)")
        }
        for (p, transfer) in transfers.enumerated() {
            if panels > 1 { lines.append("set title \(Plots.quoted(labels[p]))") }
            // gnuplot stops on a plot with no point to draw: a panel none of whose runs finished says so instead.
            guard transfer.curves.contains(where: { $0.estimates.contains { $0 != nil } }) else {
                let range = transfer.rates.isEmpty ? "" : "[\(log2(transfer.rates.first!) - 0.5):\(log2(transfer.rates.last!) + 0.5)] [0:1] "
                lines.append("plot \(range)NaN title 'no finished run'")
                continue
            }
            let first = firstBlock(p)
            var curves: [String] = []
            for (k, curve) in transfer.curves.enumerated() {
                curves.append("\(file) index \(first + k) using 1:3:4 with filledcurves linecolor \(k + 1) fillstyle transparent solid 0.15 notitle")
                curves.append("\(file) index \(first + k) using 1:2 with linespoints linetype \(k + 1) pointtype 7 pointsize 0.6 title \(Plots.quoted("width \(Sweep.text(curve.width))"))")
            }
            curves.append("\(file) index \(first + transfer.curves.count) using 1:2 with points pointtype 6 pointsize 2.5 linecolor rgb '#000000' title 'best rate'")
            lines.append("plot " + curves.joined(separator: ", \\\n     "))
        }
        if panels > 1 { lines.append("unset multiplot") }
        return lines.joined(separator: "\n") + "\n"
    }
}
