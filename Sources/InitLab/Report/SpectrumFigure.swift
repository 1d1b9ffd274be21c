import Foundation

/// The density of the input-output Jacobian's singular values at initialization on a log axis
/// (Pennington et al.'s pictures): one curve per strategy, its first seed's spectrum pooled over
/// the probe images; one panel per Jacobian shape and depth, so a config that compares depths
/// gets a panel per depth, each with the strategies of that depth.
struct SpectrumFigure {
    typealias Member = (summary: StrategySummary, seed: UInt64, spectrum: JacobianSpectrum)

    let summaries: [StrategySummary]
    let name = PlotSpec.spectrumFigure
    /// Bins a decade wide over ten: fine enough for a spectrum a decade wide, coarse enough that
    /// a few hundred values per image give a smooth curve.
    static let binsPerDecade = 10.0

    var members: [Member] {
        summaries.compactMap { summary in
            InsideFigures.diagnostics(summary).flatMap { seed, diagnostics in diagnostics.jacobian.map { (summary, seed, $0) } }
        }
    }

    var drawn: Bool { !members.isEmpty }

    /// The members by Jacobian (shape and factors), in the order they first appear.
    static func panels(_ members: [Member]) -> [[Member]] {
        var panels: [[Member]] = []
        for member in members {
            if let k = panels.firstIndex(where: { Self.samePanel($0[0].spectrum, member.spectrum) }) {
                panels[k].append(member)
            } else {
                panels.append([member])
            }
        }
        return panels
    }

    static func samePanel(_ a: JacobianSpectrum, _ b: JacobianSpectrum) -> Bool {
        a.rows == b.rows && a.columns == b.columns && a.factors == b.factors
    }

    /// The density per decade of the singular values above Float rounding of the largest
    /// (JacobianSpectrum.roundingLevel): (bin centre, density) for every bin from the smallest
    /// of them to the largest. Below that level a value is rounding, not a direction the network
    /// carries (a ReLU network's J has exact zeros that LAPACK returns as 1e-30 or 1e-40), so it
    /// is left out of the curve but counted in the total: the curve's area is the share above.
    static func density(_ spectrum: JacobianSpectrum) -> [(s: Double, density: Double)] {
        let all = spectrum.pooled, floor = spectrum.largest * JacobianSpectrum.roundingLevel
        let positive = all.filter { $0 > 0 && $0 >= floor }
        guard let low = positive.first, let high = positive.last else { return [] }
        let first = Int((log10(low) * binsPerDecade).rounded(.down)), last = Int((log10(high) * binsPerDecade).rounded(.down))
        var counts = [Int](repeating: 0, count: last - first + 1)
        for s in positive { counts[min(max(Int((log10(s) * binsPerDecade).rounded(.down)) - first, 0), counts.count - 1)] += 1 }
        let scale = binsPerDecade / Double(all.count)
        return counts.enumerated().map { k, count in (pow(10, (Double(first + k) + 0.5) / binsPerDecade), Double(count) * scale) }
    }

    var files: [OutputFile] {
        let members = self.members
        guard !members.isEmpty else { return [] }
        let panels = Self.panels(members)
        return [OutputFile(name: name + ".dat", contents: data(panels)), OutputFile(name: name + ".gp", contents: script(panels))]
    }

    /// One block per member, panel after panel (gnuplot's `index` counts them in this order).
    func data(_ panels: [[Member]]) -> String {
        panels.joined().map { member in
            InsideFigures.block("\(member.summary.id): singular value, density per decade",
                                Self.density(member.spectrum).map { "\($0.s) \($0.density)" })
        }.joined(separator: "\n\n")
    }

    func script(_ panels: [[Member]]) -> String {
        let seeds = Set(panels.joined().map(\.seed))
        let seedText = seeds.count == 1 ? "seed \(seeds.first!)" : "each strategy's first seed"
        let title = "Singular values of the Jacobian from the first hidden layer to the last at initialization (\(seedText); "
            + "values below Float rounding of the largest are not drawn)"
        let titleLines = Plots.title(title)
        var lines = InsideFigures.header(name: name, what: "The Jacobian's singular values at initialization", height: 120 + 420 * panels.count) + [
            "set multiplot layout \(panels.count),1 title \(GnuplotText.lines(titleLines))",
            "set logscale x",
            "set format x '1e%L'",
            "set xlabel 'Singular value s (log scale)'",
            "set ylabel 'Density per decade'",
            // Inside, top left: spectra crowd towards s = 1 and above, and below the panel the
            // keys of four strategies would take the room of the next one.
            "set key inside left top vertical Left reverse opaque",
            // s = 1: every direction passes the depth unchanged (dynamical isometry).
            "set arrow 1 from 1, graph 0 to 1, graph 1 nohead dashtype 2 linecolor rgb '#888888'",
        ]
        var index = 0
        for panel in panels {
            let spectrum = panel[0].spectrum
            let panelTitle = "\(spectrum.factors + 1) hidden layers: J is \(spectrum.rows)×\(spectrum.columns), \(spectrum.singularValues.count) probe images"
            lines.append("set title \(Plots.quoted(panelTitle))")
            // A Jacobian of zeros (all-zero weights) has nothing a log axis can show.
            let drawable = panel.map { $0.spectrum.largest > 0 }
            let curves = panel.enumerated().map { k, member in
                defer { index += 1 }
                // The key names the strategy only: its numbers are in the report's table, and a
                // longer entry would wrap onto the next one.
                return InsideFigures.curve(file: Plots.quoted(name + ".dat"), index: index, drawable: drawable[k], style: "histeps linetype \(k + 1)",
                                           title: Plots.keyEntry(member.summary.label), empty: "\(member.summary.label) (every singular value 0: not drawn)")
            }
            if !drawable.contains(true) { lines.append("set xrange [0.1:10]") }
            lines += InsideFigures.logPanel(curves, anyDrawable: drawable.contains(true), note: "every singular value is 0: nothing to draw on a log axis")
            if !drawable.contains(true) { lines += ["set autoscale x", "set autoscale y"] }
        }
        lines.append("unset multiplot")
        return lines.joined(separator: "\n") + "\n"
    }
}
