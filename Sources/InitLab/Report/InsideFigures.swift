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
    static func header(name: String, what: String, height: Int = 640) -> [String] {
        [
            GnuplotText.comment("\(what), written by \(toolName)."),
            GnuplotText.comment("Re-render with `gnuplot \(name).gp` in this folder (reads \(name).dat)."),
            Plots.preamble(height: height),
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
            "set title \(GnuplotText.lines(Plots.wrapped(title + seedText, width: 110)))",
            "set xlabel 'Layer'",
            "set ylabel \(Plots.quoted(ylabel + " (log scale)"))",
            "set logscale y",
            "set xrange [0.8:\(Double(layers) + 0.2)]",
            "set xtics 1",
            "set key outside below center horizontal maxcols 2 height 1.5",
        ]
        let drawable = members.map { $0.layers.contains { InsideFigures.drawable(statistic($0)) } }
        let plots = members.enumerated().map { k, member in
            InsideFigures.curve(file: Plots.quoted(name + ".dat"), index: k, drawable: drawable[k],
                                style: "linespoints linetype \(k + 1) pointtype \(k % 13 + 1)",
                                title: Plots.keyEntry(member.summary.label), empty: "\(member.summary.label) (0 everywhere: not drawn)")
        }
        lines += InsideFigures.logPanel(plots, anyDrawable: drawable.contains(true), note: "0 everywhere: nothing to draw on a log axis")
        return lines.joined(separator: "\n") + "\n"
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

/// One strategy over training: left, each layer's update ratio ‖ΔW‖/‖W‖ against the step
/// (log–log); right, the activation std by layer at every recorded step, light to dark.
struct TrainingDiagnosticsFigure {
    let summary: StrategySummary

    var name: String { PlotSpec.trainingFigurePrefix + summary.id }

    /// Whether the figure is drawn: the strategy's first run recorded a step.
    var drawn: Bool { InsideFigures.diagnostics(summary)?.diagnostics.steps.isEmpty == false }

    var files: [OutputFile] {
        guard drawn, let (seed, diagnostics) = InsideFigures.diagnostics(summary) else { return [] }
        return [OutputFile(name: name + ".dat", contents: data(diagnostics)),
                OutputFile(name: name + ".gp", contents: script(diagnostics, seed: seed))]
    }

    /// Blocks (gnuplot's `index`): first one per layer (step, update ratio; step 0 has none),
    /// then one per recorded step (layer, activation std).
    func data(_ diagnostics: RunDiagnostics) -> String {
        let layers = diagnostics.initial.count
        let ratios = (0..<layers).map { l in
            InsideFigures.block("layer \(l + 1): step, update ratio", diagnostics.steps.filter { $0.step > 0 }.map { step in
                "\(step.step) \(InsideFigures.value(step.layers.indices.contains(l) ? step.layers[l].updateRatio : nil))"
            })
        }
        let profiles = diagnostics.steps.map { step in
            InsideFigures.block("step \(step.step): layer, activation std",
                                step.layers.dropLast().map { "\($0.layer) \(InsideFigures.value($0.activationStd))" })
        }
        return (ratios + profiles).joined(separator: "\n\n")
    }

    func script(_ diagnostics: RunDiagnostics, seed: UInt64) -> String {
        let layers = diagnostics.initial.count, steps = diagnostics.steps
        let title = "\(summary.label), seed \(seed): what training does inside the network"
        var lines = InsideFigures.header(name: name, what: "Update ratio and activation std over training") + [
            "set multiplot layout 1,2 title \(GnuplotText.lines(Plots.wrapped(title, width: 110)))",
            "set key outside below center horizontal maxcols 4",
            "set title 'Update ratio ||dW|| / ||W|| of each layer'",
            "set xlabel 'Step (log scale)'",
            "set ylabel 'Update ratio (log scale)'",
            "set logscale xy",
        ]
        let file = Plots.quoted(name + ".dat")
        let trained = steps.filter { $0.step > 0 }
        let ratioDrawable = (0..<layers).map { l in trained.contains { InsideFigures.drawable($0.layers.indices.contains(l) ? $0.layers[l].updateRatio : nil) } }
        let ratios = (0..<layers).map { l in
            InsideFigures.curve(file: file, index: l, drawable: ratioDrawable[l], style: "linespoints linetype \(l + 1) pointtype 7 pointsize 0.5",
                                title: "'layer \(l + 1)'", empty: "layer \(l + 1) (no update: not drawn)")
        }
        lines += InsideFigures.logPanel(ratios, anyDrawable: ratioDrawable.contains(true), note: "no weights changed: nothing to draw")
        lines += [
            "unset logscale x",
            "set title 'Activation std by layer, light to dark over the steps'",
            "set xlabel 'Layer'",
            "set ylabel 'Activation std (log scale)'",
            "set xrange [0.8:\(Double(max(layers - 1, 1)) + 0.2)]",
            "set xtics 1",
            "set palette defined (0 '#9AD0F0', 1 '#00204A')",
            "unset colorbox",
            "set autoscale y",
        ]
        let profileDrawable = steps.map { $0.layers.dropLast().contains { InsideFigures.drawable($0.activationStd) } }
        // A long run records many steps: the key names at most about twelve, the first and last among them.
        let keyEvery = (steps.count + 11) / 12
        let profiles = steps.enumerated().map { k, step in
            let shade = steps.count > 1 ? Double(k) / Double(steps.count - 1) : 1
            let named = k % keyEvery == 0 || k == steps.count - 1
            return InsideFigures.curve(file: file, index: layers + k, drawable: profileDrawable[k],
                                       style: "linespoints linecolor palette frac \(shade) dashtype 1 pointtype 7 pointsize 0.5",
                                       title: named ? "'step \(step.step)'" : nil, empty: "step \(step.step) (0 everywhere: not drawn)")
        }
        lines += InsideFigures.logPanel(profiles, anyDrawable: profileDrawable.contains(true), note: "every activation is 0: nothing to draw")
        lines.append("unset multiplot")
        return lines.joined(separator: "\n") + "\n"
    }
}
