import Foundation

/// mup's coordinate-check figure over a sweep's width axis: one panel per step (initialization,
/// then after each of the first updates), each layer's mean |x| on the probe batch against width
/// on log-log axes, a line per layer with its fitted slope k (mean |x| ∝ width^k) in the key.
/// Several templates (the standard parametrization and muP) get a row of panels each.
struct CoordinateCheckFigure {
    static let name = PlotSpec.sweepFigurePrefix + "coordinate-check"

    /// One per template that recorded a check, in the sweep's order.
    let checks: [CoordinateCheckSweep]
    /// Each check's row title: its template's label.
    let labels: [String]
    let title: String
    let seeds: Int

    var files: [OutputFile] {
        [OutputFile(name: Self.name + ".dat", contents: data), OutputFile(name: Self.name + ".gp", contents: script)]
    }

    /// One block per check and step: width, then each layer's mean |x| ("?" where none).
    var data: String {
        checks.map { check in
            let of = checks.count == 1 ? "" : "strategy \(check.template), "
            return check.steps.indices.map { s in
                InsideFigures.block("\(of)step \(check.steps[s]): width, then mean |x| of " + (0..<check.layerCount).map(check.layerName).joined(separator: ", "),
                                    check.widths.indices.map { w in
                                        (["\(check.widths[w])"] + (0..<check.layerCount).map { InsideFigures.value(check.values[s][$0][w]) })
                                            .joined(separator: " ")
                                    })
            }.joined(separator: "\n\n")
        }.joined(separator: "\n\n")
    }

    /// How the figure's title says where and over what the check was read.
    func caption(_ check: CoordinateCheckSweep) -> String {
        let over = seeds > 1 ? "geometric mean over \(seeds) seeds" : "one seed"
        guard let fixed = check.fixed else { return over }
        return "at \(fixed.axis.label) = \(Sweep.text(fixed.value)), the best on average over the widths; \(over)"
    }

    static func stepTitle(_ step: Int) -> String {
        step == 0 ? "at initialization" : "after \(step) update\(step == 1 ? "" : "s")"
    }

    var script: String {
        let file = Plots.quoted(Self.name + ".dat")
        let several = checks.count > 1
        // One template: its steps three to a row. Several: a row each, a panel per step.
        let columns = several ? checks.map(\.steps.count).max() ?? 1 : 3
        let rows = several ? checks.count : (checks[0].steps.count + columns - 1) / columns
        let captions = several ? checks.indices.map { "\(labels[$0]): \(caption(checks[$0]))" }.joined(separator: "; ") : caption(checks[0])
        var lines = InsideFigures.header(name: Self.name, what: "The coordinate check over the sweep's widths", height: 140 + 340 * rows,
                                         width: several ? min(380 * columns, 2160) : 960) + [
            "set multiplot layout \(rows),\(columns) title \(GnuplotText.lines(Plots.title(title + ":", width: several ? 200 : 100) + Plots.title("coordinate check, mean |x| of each layer's output on the probe batch against width (\(captions))", width: several ? 200 : 100)))",
            "set logscale x 2",
            "set logscale y",
            "set xlabel 'width'",
            "set ylabel 'mean |x|'",
            "set key top left font ',9' samplen 2",
            // Headroom above the highest line for the key (up to three layers' entries): without
            // it, a flat line near the top of its panel ran under the key.
            "set offsets graph 0.05, graph 0.05, graph 0.3, 0",
        ]
        var block = 0
        for (c, check) in checks.enumerated() {
            lines.append("set xtics (" + check.widths.map { "\(Plots.quoted(Sweep.text($0))) \($0)" }.joined(separator: ", ") + ") rotate by 45 right")
            for (s, step) in check.steps.enumerated() {
                let curves = (0..<check.layerCount).map { l -> String in
                    let k = check.slopes[s][l].map { String(format: "k = %.2f", $0) } ?? "no slope"
                    return "\(file) index \(block) using 1:\(l + 2) with linespoints linetype \(l + 1) pointtype 7 title \(Plots.quoted("\(check.layerName(l)), \(k)"))"
                }
                block += 1
                let panel = several ? "\(labels[c]): \(Self.stepTitle(step))" : Self.stepTitle(step)
                lines += ["set title \(Plots.quoted(panel))", "plot " + curves.joined(separator: ", \\\n     ")]
            }
            // A row's unused panels stay empty, so that the next template starts a row.
            if several { for _ in check.steps.count..<columns { lines.append("set multiplot next") } }
        }
        lines.append("unset multiplot")
        return lines.joined(separator: "\n") + "\n"
    }
}
