import Foundation

/// A file of the output folder: its name and its text.
public struct OutputFile: Sendable, Equatable {
    public let name: String
    public let contents: String
}

/// The gnuplot data and scripts of a comparison's figures. Each NAME.gp is self-contained:
/// `gnuplot NAME.gp`, run in the output folder, renders NAME.png, so users can restyle a plot
/// without training again. Every string a script holds goes through GnuplotText.
public enum Plots {
    /// Every script starts from gnuplot's defaults (`reset`): the tool renders all scripts in one
    /// gnuplot process, where one figure's settings would otherwise leak into the next. Then the
    /// line styles: the Okabe–Ito colours, which colour-blind readers tell apart, each with its
    /// own dash pattern, so that no two curves look alike in grey or in print either.
    static func preamble(height: Int = 640, width: Int = 960) -> String {
        (["reset", "set terminal pngcairo size \(width),\(height) noenhanced font 'sans,11'"]
            + palette.enumerated().map { "set linetype \($0.offset + 1) linecolor rgb '#\($0.element.colour)' dashtype \($0.element.dashes) linewidth 2" }
            + ["set linetype cycle \(palette.count)"]).joined(separator: "\n")
    }

    /// The linetypes' colours (RRGGBB) and dash patterns, in order.
    static let palette: [(colour: String, dashes: String)] = [
        ("000000", "1"), ("E69F00", "(14,6)"), ("56B4E9", "(4,4)"), ("009E73", "(14,4,3,4)"),
        ("0072B2", "(28,8)"), ("D55E00", "(3,3,10,3)"), ("CC79A7", "(8,3)"), ("B8A200", "(20,4,3,4,3,4)"),
    ]

    /// Every figure: per config figure its losses, the accuracy bar chart, and the whole run's
    /// loss and accuracy by epoch.
    public static func files(experiment: Experiment, summaries: [StrategySummary], stepsPerEpoch: Int, sweepGrid: SweepGrid? = nil) -> [OutputFile] {
        // A sweep's points are compared on its grid: per-strategy curves and bars of a hundred
        // points would be unreadable.
        if let grid = sweepGrid ?? SweepGrid(experiment: experiment, summaries: summaries) {
            let labels = grid.sweep.templates.map(\.strategy.label)
            let coordinates = grid.coordinateChecks.isEmpty ? [] : CoordinateCheckFigure(
                checks: grid.coordinateChecks, labels: grid.coordinateChecks.map { labels[$0.template] }, title: experiment.title,
                seeds: experiment.seeds.count).files
            let transfer = grid.transfers.flatMap { transfers in
                TransferFigure(transfers: transfers, labels: transfers.map { labels[$0.template] }, title: experiment.title).files
            }
            let stream = grid.stream.map {
                StreamFigure(stream: $0, labels: $0.series.map { labels[$0.template] }, title: experiment.title, seeds: experiment.seeds.count).files
            } ?? []
            return grid.sweep.measures.flatMap { SweepFigure(grid: grid, measure: $0, title: experiment.title).files } + transfer + coordinates + stream
                + experiment.plots.distributions.flatMap { DistributionPicture(figure: $0, seed: experiment.seed).files }
        }
        var files: [OutputFile] = []
        for figure in experiment.plots.figures {
            let members = figure.strategies.compactMap { id in summaries.first { $0.id == id } }
            files += LossFigure(name: figure.name, title: figure.title, members: members, logScale: figure.logScale,
                                batches: experiment.plots.batches).files
        }
        files += AccuracyFigure(name: experiment.plots.accuracyFigure, title: experiment.title, summaries: summaries,
                                seeds: experiment.repeats).files
        files += WholeRunFigure(name: PlotSpec.wholeRunFigure, summaries: summaries, stepsPerEpoch: stepsPerEpoch,
                                epochs: experiment.training.epochs).files
        files += EpochFigure(name: PlotSpec.epochsFigure, summaries: summaries, epochs: experiment.training.epochs).files
        for figure in experiment.plots.distributions { files += DistributionPicture(figure: figure, seed: experiment.seed).files }
        for summary in summaries { files += WeightFigure(summary: summary).files }
        files += LayerProfileFigure.activations(summaries).files + LayerProfileFigure.gradients(summaries).files
        files += SpectrumFigure(summaries: summaries).files + BlockFigures(summaries: summaries).files
        for summary in summaries { files += TrainingDiagnosticsFigure(summary: summary).files }
        return files
    }

    /// A loss axis spanning more than two decades is logarithmic, so a flat curve at 2.3 stays
    /// visible beside one that starts at 600 (and a sweep's measure, likewise).
    static func needsLogScale<Value: BinaryFloatingPoint>(_ values: [Value]) -> Bool {
        let positive = values.filter { $0.isFinite && $0 > 0 }
        guard let low = positive.min(), let high = positive.max() else { return false }
        return high / low > 100
    }

    /// The text of a figure's key for a strategy: "Centered [-0.5, 0.5) (val. acc. 80.9%)".
    static func keyTitle(_ member: StrategySummary) -> String {
        guard member.finished, member.meanAccuracy != nil else { return "\(member.label) (\(member.accuracyText))" }
        return "\(member.label) (val. acc. \(member.accuracyText))"
    }

    /// A key entry, wrapped so that a long label cannot make the key too wide to draw (gnuplot
    /// then leaves the whole key out).
    static func keyEntry(_ text: String) -> String { GnuplotText.lines(wrapped(text, width: keyWidth)) }
    static let keyWidth = 60

    /// A gnuplot string expression: every string a script holds, config text or not, is written
    /// by GnuplotText.
    static func quoted(_ text: String) -> String { GnuplotText.literal(text) }

    /// A figure's title: in as many lines of at most `width` characters as `wrapped` needs, but
    /// as even as they can be, so that no last word ("seed)") is left alone on its line.
    static func title(_ text: String, width: Int = 110) -> [String] {
        let lines = wrapped(text, width: width)
        guard lines.count > 1 else { return lines }
        // The narrowest width that still needs no more lines evens them out.
        var best = lines
        for narrower in stride(from: width - 1, through: 1, by: -1) {
            let candidate = wrapped(text, width: narrower)
            if candidate.count > lines.count { break }
            best = candidate
        }
        return best
    }

    /// `text` in lines of at most `width` characters, broken at spaces (a longer word stands alone).
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        return lines + (line.isEmpty ? [] : [line])
    }
}
