import Foundation

/// A depth sweep of residual networks: the stream's std after each block at initialization, at
/// the deepest depth, a line per template on a log axis, beside the 2^L of a variance doubling
/// per block (plain He ReLU blocks whose branch starts with its activation).
struct StreamFigure {
    static let name = PlotSpec.sweepFigurePrefix + "residual-stream"

    let stream: StreamSweep
    let labels: [String]
    let title: String
    let seeds: Int

    var files: [OutputFile] {
        [OutputFile(name: Self.name + ".dat", contents: data), OutputFile(name: Self.name + ".gp", contents: script)]
    }

    /// Block, each series' std ("?" where none), then the doubling's std from the first
    /// series' start.
    var data: String {
        let start = stream.series.lazy.compactMap { $0.stds.first ?? nil }.first
        return InsideFigures.block("block, stream std of " + stream.series.map { "strategy \($0.template)" }.joined(separator: ", ") + ", variance x2 per block",
                                   (0...stream.blocks).map { b in
            (["\(b)"] + stream.series.map { InsideFigures.value($0.stds[b]) } + [InsideFigures.value(start.map { $0 * pow(2, Double(b) / 2) })])
                .joined(separator: " ")
        })
    }

    var script: String {
        let file = Plots.quoted(Self.name + ".dat")
        let over = seeds > 1 ? "geometric mean over \(seeds) seeds" : "one seed"
        let lines = InsideFigures.header(name: Self.name, what: "The residual stream through the blocks at initialization") + [
            "set title \(GnuplotText.lines(Plots.title(title + ":", width: 100) + Plots.title("the residual stream's std after each block at initialization, \(stream.blocks) blocks (block 0: the input projection; \(over))", width: 100)))",
            "set xlabel 'block'",
            "set ylabel 'stream std (probe batch)'",
            "set logscale y",
            "set key outside below center horizontal height 1.5",
            "set offsets graph 0.02, graph 0.02, 0, 0",
        ]
        // A series with no finite std keeps its key entry and says why (gnuplot stops on a block it cannot draw on a log axis).
        var curves = stream.series.enumerated().map { k, series in
            series.stds.contains { $0 != nil }
                ? "\(file) using 1:\(k + 2) with lines linetype \(k + 1) title \(Plots.quoted(labels[k]))"
                : "NaN with lines linetype \(k + 1) title \(Plots.keyEntry("\(labels[k]): no finite std"))"
        }
        curves.append("\(file) using 1:\(stream.series.count + 2) with lines linecolor rgb '#888888' dashtype 2 linewidth 1 title 'variance ×2 per block (2^L)'")
        return (lines + ["plot " + curves.joined(separator: ", \\\n     ")]).joined(separator: "\n") + "\n"
    }
}
