import Foundation

/// One strategy over training: left, each layer's update ratio ‖ΔW‖/‖W‖ against the step
/// (log–log); right, the activation std by layer at every recorded step, coloured by the step,
/// which a colour bar beside the panel names (a key of a dozen shades of one colour could not
/// be told apart).
struct TrainingDiagnosticsFigure {
    let summary: StrategySummary

    var name: String { PlotSpec.trainingFigurePrefix + summary.id }

    /// Whether the strategy's first run recorded a step.
    var recorded: Bool { InsideFigures.diagnostics(summary)?.diagnostics.steps.isEmpty == false }

    /// Whether the figure is drawn: a step was recorded and one of the panels has a point a log
    /// axis can show (All Zeros has none: two empty panels would say nothing).
    var drawn: Bool {
        guard recorded, let (_, diagnostics) = InsideFigures.diagnostics(summary) else { return false }
        return Self.ratioDrawable(diagnostics).contains(true) || Self.profileDrawable(diagnostics).contains(true)
    }

    var files: [OutputFile] {
        guard drawn, let (seed, diagnostics) = InsideFigures.diagnostics(summary) else { return [] }
        return [OutputFile(name: name + ".dat", contents: data(diagnostics)),
                OutputFile(name: name + ".gp", contents: script(diagnostics, seed: seed))]
    }

    /// Per layer, whether some trained step's update ratio can be drawn.
    static func ratioDrawable(_ diagnostics: RunDiagnostics) -> [Bool] {
        let trained = diagnostics.steps.filter { $0.step > 0 }
        return diagnostics.initial.indices.map { l in
            trained.contains { InsideFigures.drawable($0.layers.indices.contains(l) ? $0.layers[l].updateRatio : nil) }
        }
    }

    /// Per recorded step, whether some hidden layer's activation std can be drawn.
    static func profileDrawable(_ diagnostics: RunDiagnostics) -> [Bool] {
        diagnostics.steps.map { $0.layers.dropLast().contains { InsideFigures.drawable($0.activationStd) } }
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

    /// Layer l's style (0-based): the palette's eight linetypes, and past them the same colours
    /// with hollow points of another shape, so that layer 9 is not drawn as layer 1.
    static func layerStyle(_ l: Int) -> String {
        let points = [7, 4, 8, 6, 12]
        let round = l / Plots.palette.count
        return "linespoints linetype \(l + 1) pointtype \(points[round % points.count]) pointsize \(round == 0 ? 0.6 : 1)"
    }

    /// The recorded steps the colour bar names: all of up to twelve, else about twelve, the
    /// first and the last among them.
    static func namedSteps(_ count: Int) -> [Int] {
        let every = (count + 11) / 12
        return (0..<count).filter { $0 % every == 0 || $0 == count - 1 }
    }

    /// A panel with nothing to draw: its note alone, without axes that would mean nothing.
    static func emptyPanel(title: String, note: String) -> [String] {
        ["set title \(Plots.quoted(title))", "unset border", "unset tics", "unset xlabel", "unset ylabel", "unset grid", "unset key",
         "unset logscale", "set xrange [0:1]", "set yrange [0:1]",
         "set label 1 \(Plots.quoted(note)) at graph 0.5, 0.5 center", "plot NaN notitle", "unset label 1",
         "set border", "set xtics", "set ytics", "set grid"]
    }

    func script(_ diagnostics: RunDiagnostics, seed: UInt64) -> String {
        let layers = diagnostics.initial.count, steps = diagnostics.steps
        let title = "\(summary.label), seed \(seed): what training does inside the network"
        let titleLines = Plots.title(title)
        // The left panel is wider: its key of layers stands beside it, the colour bar beside the right one.
        let height = 0.95 - 0.035 * Double(titleLines.count - 1)
        var lines = InsideFigures.header(name: name, what: "Update ratio and activation std over training") + [
            "set multiplot title \(GnuplotText.lines(titleLines))",
            "set origin 0,0",
            "set size 0.56,\(height)",
        ]
        let file = Plots.quoted(name + ".dat")
        // A key of more than a dozen layers would run off the figure: a deep network's panel
        // draws twelve of them, from the first to the last.
        let shown = InsideFigures.shownLayers(layers, most: 12)
        let ratioTitle = "Update ratio ||dW|| / ||W|| of " + (shown.count == layers ? "each layer" : "\(shown.count) of the \(layers) layers")
        let ratioDrawable = Self.ratioDrawable(diagnostics)
        if shown.contains(where: { ratioDrawable[$0] }) {
            let ratios = shown.map { l in
                InsideFigures.curve(file: file, index: l, drawable: ratioDrawable[l], style: Self.layerStyle(l),
                                    title: "'layer \(l + 1)'", empty: "layer \(l + 1): no update")
            }
            lines += [
                // Beside the panel, one layer a line: below it, the key would crowd the axis label,
                // and the panels' bottoms would no longer line up.
                "set key outside right top vertical spacing 1.1",
                "set title \(Plots.quoted(ratioTitle))",
                "set xlabel 'Step (log scale)'",
                "set ylabel 'Update ratio (log scale)'",
                "set logscale xy",
                "plot " + ratios.joined(separator: ", \\\n     "),
                "unset logscale",
            ]
        } else {
            lines += Self.emptyPanel(title: ratioTitle, note: "no layer's weights changed: nothing to draw")
        }
        lines += ["set origin 0.56,0", "set size 0.44,\(height)"]
        let profileTitle = "Activation std by layer at each recorded step"
        let profileDrawable = Self.profileDrawable(diagnostics)
        if profileDrawable.contains(true) {
            // One band of the colour bar per recorded step, named by the step; the bar's title
            // stands clear of the longest name.
            let named = Self.namedSteps(steps.count)
            let longest = named.map { String(steps[$0].step).count }.max() ?? 1
            let shift = max(0, longest - 3)
            lines += [
                "unset key",
                "set title \(Plots.quoted(profileTitle))",
                "set xlabel 'Layer'",
                "set ylabel 'Activation std (log scale)'",
                "set logscale y",
                "set xrange [0.8:\(Double(max(layers - 1, 1)) + 0.2)]",
                InsideFigures.layerTics(layers - 1),
                "set autoscale y",
                "set palette defined (0 '#9AD0F0', 0.5 '#3A7FB8', 1 '#00204A')",
                "set palette maxcolors \(max(steps.count, 2))",
                "set cbrange [-0.5:\(Double(steps.count) - 0.5)]",
                "set cbtics (" + named.map { "\(Plots.quoted(String(steps[$0].step))) \($0)" }.joined(separator: ", ") + ") scale 0",
                "set cblabel 'Step' offset \(shift),0",
                "set colorbox vertical user origin graph 1.04, graph 0 size graph 0.04, graph 1",
                "set rmargin \(9 + shift)",
            ]
            let profiles = steps.enumerated().compactMap { k, step -> String? in
                profileDrawable[k] ? "\(file) index \(layers + k) using 1:2 with linespoints linecolor palette cb \(k) dashtype 1 pointtype 7 pointsize 0.5 notitle" : nil
            }
            lines.append("plot " + profiles.joined(separator: ", \\\n     "))
        } else {
            lines += Self.emptyPanel(title: profileTitle, note: "every activation is 0: nothing to draw")
        }
        lines.append("unset multiplot")
        return lines.joined(separator: "\n") + "\n"
    }
}
