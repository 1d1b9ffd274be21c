import Foundation

/// A residual network's figures (#24, item 3), one curve per strategy, each strategy's first
/// seed: `residual-blocks.png`, the stream's std after each block (block 0: after the input
/// projection) and the gradient's std there, at initialization, on log axes; and
/// `residual-alpha.png`, each trained α (Fixup's multiplier too) averaged over the blocks at
/// every recorded step, with its smallest and largest block as a band. Strategies without
/// blocks are left out; without any, there are no figures.
struct BlockFigures {
    static let blocksName = PlotSpec.residualFigurePrefix + "blocks", alphaName = PlotSpec.residualFigurePrefix + "alpha"

    let summaries: [StrategySummary]

    /// Strategies with blocks: their first seed's diagnostics.
    var members: [(summary: StrategySummary, seed: UInt64, diagnostics: RunDiagnostics)] {
        summaries.compactMap { summary in
            InsideFigures.diagnostics(summary).flatMap { $0.diagnostics.initialBlocks.isEmpty ? nil : (summary, $0.seed, $0.diagnostics) }
        }
    }

    /// Those whose α is trained (it changes over training).
    var trained: [(summary: StrategySummary, seed: UInt64, diagnostics: RunDiagnostics)] {
        members.filter { member in member.diagnostics.steps.contains { $0.blocks.map(\.alpha) != member.diagnostics.initialBlocks.map(\.alpha) } }
    }

    var files: [OutputFile] {
        let members = self.members
        guard !members.isEmpty else { return [] }
        var files = [OutputFile(name: Self.blocksName + ".dat", contents: blocksData(members)),
                     OutputFile(name: Self.blocksName + ".gp", contents: blocksScript(members))]
        let trained = self.trained
        if !trained.isEmpty {
            files += [OutputFile(name: Self.alphaName + ".dat", contents: alphaData(trained)),
                      OutputFile(name: Self.alphaName + ".gp", contents: alphaScript(trained))]
        }
        return files
    }

    /// Per strategy two blocks: block, stream std (0: after the input projection); then block,
    /// gradient std.
    func blocksData(_ members: [(summary: StrategySummary, seed: UInt64, diagnostics: RunDiagnostics)]) -> String {
        members.flatMap { member -> [String] in
            let blocks = member.diagnostics.initialBlocks, projection = member.diagnostics.projectionStreamStd
            return [InsideFigures.block("\(member.summary.id): block, stream std",
                                        ["0 \(InsideFigures.value(projection))"] + blocks.map { "\($0.block) \(InsideFigures.value($0.streamStd))" }),
                    InsideFigures.block("\(member.summary.id): block, stream gradient std",
                                        blocks.map { "\($0.block) \(InsideFigures.value($0.streamGradientStd))" })]
        }.joined(separator: "\n\n")
    }

    func blocksScript(_ members: [(summary: StrategySummary, seed: UInt64, diagnostics: RunDiagnostics)]) -> String {
        let blocks = members.map(\.diagnostics.initialBlocks.count).max() ?? 1
        let seeds = Set(members.map(\.seed))
        let seedText = seeds.count == 1 ? ", seed \(seeds.first!)" : ", each strategy's first seed"
        let file = Plots.quoted(Self.blocksName + ".dat")
        var lines = InsideFigures.header(name: Self.blocksName, what: "The residual stream through the blocks at initialization", height: 680) + [
            "set multiplot layout 1,2 title \(GnuplotText.lines(Plots.title("The residual stream at initialization, block by block (probe batch\(seedText))")))",
            "set xlabel 'Block (0: after the input projection)'",
            "set logscale y",
            "set xrange [-0.5:\(Double(blocks) + 0.5)]",
            blocks <= 20 ? "set xtics 1" : "set xtics autofreq",
            "set key outside below center horizontal maxcols 2 height 1.5",
            "set ylabel 'Stream std (log scale)'",
            "set title 'Stream std after each block'",
        ]
        func curves(_ offset: Int, empty: String, _ statistic: (RunDiagnostics) -> [Double?]) -> (curves: [String], any: Bool) {
            var any = false
            let plots = members.enumerated().map { k, member in
                let drawable = statistic(member.diagnostics).contains { InsideFigures.drawable($0) }
                any = any || drawable
                return InsideFigures.curve(file: file, index: 2 * k + offset, drawable: drawable,
                                           style: "linespoints linetype \(k + 1) pointtype \(k % 13 + 1) pointsize 0.6",
                                           title: Plots.keyEntry(member.summary.label), empty: "\(member.summary.label) (\(empty))")
            }
            return (plots, any)
        }
        let streams = curves(0, empty: "no finite std above 0: not drawn") { [$0.projectionStreamStd] + $0.initialBlocks.map(\.streamStd) }
        lines += InsideFigures.logPanel(streams.curves, anyDrawable: streams.any, note: "no finite stream std above 0")
        lines += ["unset label 1", "set autoscale y", "set xrange [0.5:\(Double(blocks) + 0.5)]", "set xlabel 'Block'",
                  "set ylabel 'Gradient std (log scale)'", "set title 'Gradient of the loss at the stream after each block'"]
        let gradients = curves(1, empty: "0 everywhere (a zero readout): not drawn") { $0.initialBlocks.map(\.streamGradientStd) }
        lines += InsideFigures.logPanel(gradients.curves, anyDrawable: gradients.any, note: "0 everywhere: nothing to draw on a log axis")
        lines.append("unset multiplot")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Per strategy: recorded step's index, its step, α's mean, smallest and largest over the blocks.
    func alphaData(_ members: [(summary: StrategySummary, seed: UInt64, diagnostics: RunDiagnostics)]) -> String {
        members.map { member in
            InsideFigures.block("\(member.summary.id): index, step, mean alpha, smallest, largest",
                                member.diagnostics.steps.enumerated().compactMap { k, step in
                                    let alphas = step.blocks.compactMap(\.alpha)
                                    guard !alphas.isEmpty else { return nil }
                                    return "\(k) \(step.step) \(alphas.reduce(0, +) / Double(alphas.count)) \(alphas.min()!) \(alphas.max()!)"
                                })
        }.joined(separator: "\n\n")
    }

    func alphaScript(_ members: [(summary: StrategySummary, seed: UInt64, diagnostics: RunDiagnostics)]) -> String {
        let file = Plots.quoted(Self.alphaName + ".dat")
        let steps = members.map(\.diagnostics.steps.count).max() ?? 1
        var lines = InsideFigures.header(name: Self.alphaName, what: "The trained branch multipliers over training") + [
            "set title \(GnuplotText.lines(Plots.title("Trained branch multiplier α over training: mean over the blocks, band from the smallest to the largest")))",
            "set xlabel 'Step (recorded steps, evenly spaced)'",
            "set ylabel 'α'",
            "set xrange [-0.3:\(Double(steps) - 0.7)]",
            "set key outside below center horizontal maxcols 2 height 1.5",
        ]
        let plots = members.enumerated().flatMap { k, member in
            ["\(file) index \(k) using 1:4:5 with filledcurves fillcolor linetype \(k + 1) fillstyle transparent solid 0.15 noborder notitle",
             "\(file) index \(k) using 1:3:xtic(2) with linespoints linetype \(k + 1) pointtype \(k % 13 + 1) title \(Plots.keyEntry(member.summary.label))"]
        }
        lines.append("plot " + plots.joined(separator: ", \\\n     "))
        return lines.joined(separator: "\n") + "\n"
    }
}
