import Foundation

/// The diagnostics' figures. A statistic that is missing, not finite or not positive (a log
/// axis cannot show 0) is written "?", which the scripts tell gnuplot to skip.
enum InsideFigures {
    /// The run a strategy's figures show: its first seed's, as the weight figures.
    static func diagnostics(_ summary: StrategySummary) -> (seed: UInt64, diagnostics: RunDiagnostics)? {
        guard let run = summary.runs.first, let diagnostics = run.diagnostics else { return nil }
        return (run.seed, diagnostics)
    }

    /// A data block (gnuplot's `index` counts them): a comment, then its lines. A block without
    /// lines gets one missing point, since blank lines alone would shift every later index.
    static func block(_ comment: String, _ lines: [String]) -> String {
        "# \(comment)\n" + (lines.isEmpty ? ["1 ?"] : lines).joined(separator: "\n") + "\n"
    }

    static func value(_ x: Double?) -> String {
        guard let x, x.isFinite, x > 0 else { return "?" }
        return "\(x)"
    }

    /// A curve of block `index` of `file`, or, when the block has no point a log axis can show,
    /// an empty entry that keeps its key and says why (gnuplot would stop on such a block).
    /// `title` is a gnuplot string expression; nil leaves the curve out of the key.
    static func curve(file: String, index: Int, drawable: Bool, style: String, title: String?, empty: String) -> String {
        drawable ? "\(file) index \(index) using 1:2 with \(style) " + (title.map { "title \($0)" } ?? "notitle")
                 : "NaN with \(style) title \(Plots.keyEntry(empty))"
    }

    /// Of `count` layers (0-based), those a figure with a panel or a curve per layer draws: all
    /// of up to `most`, else `most` evenly spaced from the first to the last, so that a network of
    /// a hundred layers gets a readable figure (results.json keeps every layer).
    static func shownLayers(_ count: Int, most: Int) -> [Int] {
        guard count > most, most >= 2 else { return Array(0..<count) }
        return (0..<most).map { k in Int((Double(k) * Double(count - 1) / Double(most - 1)).rounded()) }
    }

    /// The x axis's tics of a layer axis: one per layer for up to twenty, else gnuplot's own,
    /// which would otherwise write a hundred numbers over one another.
    static func layerTics(_ layers: Int) -> String { layers <= 20 ? "set xtics 1" : "set xtics autofreq" }

    /// Whether a statistic can be drawn on a log axis.
    static func drawable(_ x: Double?) -> Bool { value(x) != "?" }

    /// The plot command of a log-axis panel: its curves, or, when none has a point to show, a
    /// fixed range and a note in its middle (gnuplot's autoscale would stop the script).
    static func logPanel(_ curves: [String], anyDrawable: Bool, note: String) -> [String] {
        guard anyDrawable else {
            return ["set yrange [0.1:10]", "set label 1 \(Plots.quoted(note)) at graph 0.5, 0.5 center", "plot NaN notitle", "unset label 1"]
        }
        return ["plot " + curves.joined(separator: ", \\\n     ")]
    }

    /// Comments, terminal and output of a diagnostics script.
    static func header(name: String, what: String, height: Int = 640, width: Int = 960) -> [String] {
        [
            GnuplotText.comment("\(what), written by \(toolName)."),
            GnuplotText.comment("Re-render with `gnuplot \(name).gp` in this folder (reads \(name).dat)."),
            Plots.preamble(height: height, width: width),
            "set output \(Plots.quoted(name + ".png"))",
            "set datafile missing '?'",
            "set grid",
            "set format y '%g'",
        ]
    }
}

/// At initialization, layer by layer, one curve per strategy on a log axis (Glorot & Bengio's
/// pictures): what one statistic of the probe batch does on its way through the network.
struct LayerProfileFigure {
    let name: String
    let title: String
    let ylabel: String
    let summaries: [StrategySummary]
    /// The layers the statistic exists for: the hidden ones for activations, all for gradients.
    let hiddenOnly: Bool
    let statistic: (LayerDiagnostics) -> Double?

    var members: [(summary: StrategySummary, seed: UInt64, layers: [LayerDiagnostics])] {
        summaries.compactMap { summary in
            InsideFigures.diagnostics(summary).map { (summary, $0.seed, hiddenOnly ? Array($0.diagnostics.initial.dropLast()) : $0.diagnostics.initial) }
        }
    }

    /// Whether the figure is drawn: some strategy has diagnostics, and a layer to show.
    var drawn: Bool { members.contains { !$0.layers.isEmpty } }

    var files: [OutputFile] {
        let members = self.members
        guard drawn else { return [] }
        return [OutputFile(name: name + ".dat", contents: data(members)), OutputFile(name: name + ".gp", contents: script(members))]
    }

    /// One block per strategy (gnuplot's `index`): layer, statistic.
    func data(_ members: [(summary: StrategySummary, seed: UInt64, layers: [LayerDiagnostics])]) -> String {
        members.map { member in
            InsideFigures.block("\(member.summary.id): layer, \(ylabel)", member.layers.map { "\($0.layer) \(InsideFigures.value(statistic($0)))" })
        }.joined(separator: "\n\n")
    }

    func script(_ members: [(summary: StrategySummary, seed: UInt64, layers: [LayerDiagnostics])]) -> String {
        let layers = members.map(\.layers.count).max() ?? 1
        let seeds = Set(members.map(\.seed))
        let seedText = seeds.count == 1 ? ", seed \(seeds.first!)" : ", each strategy's first seed"
        var lines = InsideFigures.header(name: name, what: title) + [
            "set title \(GnuplotText.lines(Plots.title(title + seedText)))",
            "set xlabel 'Layer'",
            "set ylabel \(Plots.quoted(ylabel + " (log scale)"))",
            "set logscale y",
            "set xrange [0.8:\(Double(layers) + 0.2)]",
            InsideFigures.layerTics(layers),
            "set key outside below center horizontal maxcols 2 height 1.5",
        ]
        let drawable = members.map { $0.layers.contains { InsideFigures.drawable(statistic($0)) } }
        let plots = members.enumerated().map { k, member in
            let missing = missingNote(member.layers).map { " (\($0))" } ?? ""
            return InsideFigures.curve(file: Plots.quoted(name + ".dat"), index: k, drawable: drawable[k],
                                       style: "linespoints linetype \(k + 1) pointtype \(k % 13 + 1)",
                                       title: Plots.keyEntry(member.summary.label + missing), empty: "\(member.summary.label) (0 everywhere: not drawn)")
        }
        lines += InsideFigures.logPanel(plots, anyDrawable: drawable.contains(true), note: "0 everywhere: nothing to draw on a log axis")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Where a curve has no point a log axis can show, for its key: "0 at layers 1–2, not drawn
    /// there" (All Zeros' gradient, whose one point may hide under another curve's); nil when
    /// every layer is drawn.
    func missingNote(_ layers: [LayerDiagnostics]) -> String? {
        let missing = layers.filter { !InsideFigures.drawable(statistic($0)) }
        guard !missing.isEmpty else { return nil }
        let zeros = missing.filter { statistic($0) == 0 }.count
        let what = zeros == missing.count ? "0" : zeros == 0 ? "no finite value" : "0 or no finite value"
        return "\(what) at layer\(missing.count > 1 ? "s" : "") \(Self.ranges(missing.map(\.layer))), not drawn there"
    }

    /// Layer numbers as ranges of consecutive ones: "1–3, 5".
    static func ranges(_ numbers: [Int]) -> String {
        var parts: [String] = [], start: Int?, previous: Int?
        func close() {
            if let start, let previous { parts.append(start == previous ? "\(start)" : "\(start)–\(previous)") }
        }
        for n in numbers.sorted() {
            if let p = previous, n == p + 1 { previous = n; continue }
            close()
            start = n
            previous = n
        }
        close()
        return parts.joined(separator: ", ")
    }

    /// The figure of activation std at initialization.
    static func activations(_ summaries: [StrategySummary]) -> LayerProfileFigure {
        LayerProfileFigure(name: PlotSpec.activationsFigure, title: "Activation std at initialization, layer by layer (probe batch)",
                           ylabel: "Activation std", summaries: summaries, hiddenOnly: true, statistic: \.activationStd)
    }

    /// The figure of the back-propagated gradient's std at initialization.
    static func gradients(_ summaries: [StrategySummary]) -> LayerProfileFigure {
        LayerProfileFigure(name: PlotSpec.gradientsFigure,
                           title: "Gradient std at each layer's output at initialization (probe batch, mean cross-entropy)",
                           ylabel: "Back-propagated gradient std", summaries: summaries, hiddenOnly: false, statistic: \.outputGradientStd)
    }
}
