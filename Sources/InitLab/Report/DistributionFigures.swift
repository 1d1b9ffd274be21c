/// A histogram of values drawn from an initializer, the lesson's `hist_dist`: what a strategy
/// samples from, before any network uses it.
struct DistributionPicture {
    let figure: DistributionFigure
    let seed: UInt64

    /// The values, drawn from their own stream of the experiment's seed.
    var values: [Float] {
        let buffer = FloatBuffer(count: figure.count)
        var rng = Xoshiro256(seed: seed, stream: "distribution", figure.name)
        figure.initializer.fill(buffer.buffer, rows: figure.count, cols: 1, fanIn: figure.fanIn, fanOut: figure.fanOut, rng: &rng)
        return buffer.array
    }

    /// Counts in `bins` equal bins over [low, high], bin i = [low + i·w, low + (i+1)·w) with
    /// w = (high − low)/bins, the last one closed; values outside are not counted (numpy's rule).
    static func histogram(_ values: [Float], bins: Int, low: Double, high: Double) -> [Int] {
        var counts = [Int](repeating: 0, count: bins)
        let width = (high - low) / Double(bins)
        for value in values.map(Double.init) where value >= low && value <= high {
            counts[min(bins - 1, Int((value - low) / width))] += 1
        }
        return counts
    }

    var files: [OutputFile] {
        let counts = Self.histogram(values, bins: figure.bins, low: figure.low, high: figure.high)
        let width = (figure.high - figure.low) / Double(figure.bins)
        var data = "# bin centre  count (\(figure.count) values, \(figure.bins) bins over [\(figure.low), \(figure.high)])\n"
        for (i, count) in counts.enumerated() { data += "\(figure.low + (Double(i) + 0.5) * width) \(count)\n" }
        let name = figure.name
        let script = [
            GnuplotText.comment("\(figure.count) values drawn from an initializer, written by \(toolName)."),
            GnuplotText.comment("Re-render with `gnuplot \(name).gp` in this folder (reads \(name).dat)."),
            Plots.preamble(height: 480),
            "set output \(Plots.quoted(name + ".png"))",
            "set title \(GnuplotText.lines(Plots.title(figure.title + " (\(figure.count) values, \(figure.bins) bins)")))",
            "set xlabel 'Value'",
            "set ylabel 'Count'",
            "set xrange [\(figure.low):\(figure.high)]",
            "set yrange [0:*]",
            "set grid",
            "set boxwidth \(width)",
            "set style fill solid 0.8 noborder",
            "plot \(Plots.quoted(name + ".dat")) using 1:2 with boxes linecolor rgb '#0072B2' notitle",
        ].joined(separator: "\n") + "\n"
        return [OutputFile(name: name + ".dat", contents: data), OutputFile(name: name + ".gp", contents: script)]
    }
}
