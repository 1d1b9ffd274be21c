import Foundation

/// A sweep's figure of one measure: over two axes a map, each grid point a cell coloured by the
/// mean of its seeds (grey where no run gives a value), with the mean-field theory's 6ξ_c
/// drawn over it where the sweep asks; over one axis a line through the means with the 95%
/// interval over seeds as a band.
struct SweepFigure {
    let grid: SweepGrid
    let measure: SweepMeasure
    let title: String
    /// The points' means, for the colour or y scale (accuracies in percent).
    let means: [Double]
    /// A measure spanning more than two decades is drawn on a log scale (where it is positive).
    let logScale: Bool

    init(grid: SweepGrid, measure: SweepMeasure, title: String) {
        self.grid = grid
        self.measure = measure
        self.title = title
        means = grid.cells.compactMap { $0.estimate(measure)?.mean }.map(measure.shown)
        logScale = !measure.isAccuracy && Plots.needsLogScale(means)
    }

    static func name(_ measure: SweepMeasure) -> String { PlotSpec.sweepFigurePrefix + measure.rawValue.replacingOccurrences(of: "_", with: "-") }
    var name: String { Self.name(measure) }

    var files: [OutputFile] {
        [OutputFile(name: name + ".dat", contents: data), OutputFile(name: name + ".gp", contents: grid.sweep.axes.count == 2 ? mapScript : lineScript)]
    }

    /// A value as the scripts read it: "?" where missing, or not positive on a log scale.
    func cellValue(_ value: Double?) -> String {
        guard let value, value.isFinite, !logScale || value > 0 else { return "?" }
        return "\(value)"
    }

    /// An axis is logarithmic when the config says so, or else when its values are positive and
    /// span two decades or more (a learning rate) or grow by one factor from each to the next
    /// (widths 64, 128, …, 2048: on a linear axis the narrow ones' cells are slivers); its cells
    /// then reach halfway to their neighbours in log space.
    static func isLog(_ axis: SweepAxis) -> Bool {
        if let chosen = axis.logScale { return chosen }
        let sorted = axis.values.sorted()
        guard let low = sorted.first, let high = sorted.last, low > 0 else { return false }
        if high / low >= 100 { return true }
        let ratios = zip(sorted.dropFirst(), sorted).map { $0 / $1 }
        guard ratios.count >= 2, let first = ratios.first, first >= 1.5 else { return false }
        return ratios.allSatisfy { abs($0 / first - 1) < 1e-6 }
    }

    /// Each value's cell, (low, high) in the axis's order: halfway to its neighbours in value,
    /// the outer ones as wide again.
    static func edges(_ axis: SweepAxis) -> [(low: Double, high: Double)] {
        let log = isLog(axis)
        func scaled(_ v: Double) -> Double { log ? Foundation.log(v) : v }
        func unscaled(_ v: Double) -> Double { log ? exp(v) : v }
        let sorted = axis.values.map(scaled).sorted()
        return axis.values.map { value in
            let v = scaled(value), i = sorted.firstIndex(of: v)!
            let below = i > 0 ? (v - sorted[i - 1]) / 2 : nil, above = i + 1 < sorted.count ? (sorted[i + 1] - v) / 2 : nil
            // The outer cells of a one-value axis span ±0.5 (in log space: a factor of e^±0.5).
            return (unscaled(v - (below ?? above ?? 0.5)), unscaled(v + (above ?? below ?? 0.5)))
        }
    }

    /// One axis: per template a block of x, mean, interval low and high. Two axes: per template
    /// t, block 2t the cells with a value (x y x-low x-high y-low y-high value) and block 2t + 1
    /// those without (x y and the edges); after them the theory's curve (σ_w² 6ξ_c; "?" where it
    /// is infinite, at the edge of chaos).
    var data: String {
        let axes = grid.sweep.axes
        let templates = grid.sweep.templates
        if axes.count == 1 {
            return templates.indices.map { t in
                InsideFigures.block("\(templates.count == 1 ? "" : "\(templates[t].strategy.id): ")\(axes[0].name)  mean  95% interval low  high",
                                    grid.cells(of: t).sorted { $0.point.coordinates[0] < $1.point.coordinates[0] }.map { cell in
                    let estimate = cell.estimate(measure)
                    let interval = estimate?.ci95(within: measure.bounds).map { [cellValue(measure.shown($0.lowerBound)), cellValue(measure.shown($0.upperBound))] } ?? ["?", "?"]
                    return (["\(cell.point.coordinates[0])", cellValue(estimate.map { measure.shown($0.mean) })] + interval).joined(separator: " ")
                })
            }.joined(separator: "\n\n")
        }
        let x = Self.edges(axes[0]), y = Self.edges(axes[1])
        var blocks: [String] = []
        for t in templates.indices {
            var valued: [String] = [], missing: [String] = []
            for cell in grid.cells(of: t) {
                let (cx, cy) = (cell.point.coordinates[0], cell.point.coordinates[1])
                let (column, row) = (x[cell.point.indices[0]], y[cell.point.indices[1]])
                let geometry = "\(cx) \(cy) \(column.low) \(column.high) \(row.low) \(row.high)"
                let value = cellValue(cell.estimate(measure).map { measure.shown($0.mean) })
                if value == "?" { missing.append(geometry) } else { valued.append(geometry + " " + value) }
            }
            let of = templates.count == 1 ? "" : " of \(templates[t].strategy.id)"
            blocks += [InsideFigures.block("cells\(of): \(axes[0].name) \(axes[1].name) edges and the mean over seeds", valued),
                       InsideFigures.block("cells\(of) without a value (no run finished)", missing)]
        }
        let theory = (grid.theory?.curve ?? []).map { "\($0.weightVariance) \($0.depth.isFinite ? "\($0.depth)" : "?")" }
        return (blocks + [InsideFigures.block("mean-field theory: sigma_w^2  6 xi_c", theory)]).joined(separator: "\n\n")
    }

    /// An axis's tics at its values, when they are few enough to read.
    static func tics(_ axis: SweepAxis, _ letter: String) -> String {
        guard axis.values.count <= 20 else { return "set \(letter)tics" }
        return "set \(letter)tics (" + axis.values.sorted().map { "\(Plots.quoted(Sweep.text($0))) \($0)" }.joined(separator: ", ") + ")"
    }

    var seedsCaption: String {
        let seeds = grid.cells.map(\.runs).max() ?? 1
        return seeds > 1 ? "mean over \(seeds) seeds" : "one seed"
    }

    /// The experiment's title, then the measure on a line of its own: wrapped together, a
    /// caption's last word could be left alone on a line ("seed)").
    func titleLines(_ caption: String) -> [String] {
        Plots.title(title + ":", width: 100) + Plots.title("\(measure.title) (\(caption))", width: 100)
    }

    /// The colour box of maps side by side, in the last one's right margin.
    static let sharedColorBox = "set colorbox user origin graph 1.04, graph 0 size graph 0.05, graph 1"

    /// One map per template, side by side on one colour scale.
    var mapScript: String {
        let axes = grid.sweep.axes, file = Plots.quoted(name + ".dat"), templates = grid.sweep.templates
        let x = Self.edges(axes[0]), y = Self.edges(axes[1])
        let several = templates.count > 1
        var lines = InsideFigures.header(name: name, what: "\(measure.title) over the sweep's grid", height: 720,
                                         width: several ? min(720 * templates.count, 2160) : 960)
        lines += [
            "set xlabel \(Plots.quoted(axes[0].label))",
            "set ylabel \(Plots.quoted(axes[1].label))",
            "set xrange [\(x.map(\.low).min()!):\(x.map(\.high).max()!)]",
            "set yrange [\(y.map(\.low).min()!):\(y.map(\.high).max()!)]",
            "unset grid",
            "set tics out",
            "set key outside bottom center horizontal",
            // Room for the key below the axis label.
            "set bmargin 6",
            "set palette defined (0 '#440154', 0.25 '#3B528B', 0.5 '#21908D', 0.75 '#5DC963', 1 '#FDE725')",
            "set cblabel \(Plots.quoted(measure.isAccuracy ? measure.title + " (%)" : measure.title))",
        ]
        for (axis, letter) in zip(axes, ["x", "y"]) {
            if Self.isLog(axis) { lines.append("set logscale \(letter)") }
            lines.append(Self.tics(axis, letter))
        }
        if measure.isAccuracy {
            lines.append("set cbrange [0:100]")
        } else {
            if logScale { lines += ["set logscale cb", "set format cb '%g'"] }
            // One scale for every map, so that a colour means one value across them.
            let shown = means.filter { !logScale || $0 > 0 }
            if several, let low = shown.min(), let high = shown.max(), high > low { lines.append("set cbrange [\(low):\(high)]") }
        }
        let title = GnuplotText.lines(titleLines(seedsCaption))
        if several {
            // One colour box, beside the last map: the maps share its scale, and a box beside
            // each would crowd the next map's axis label. It stands in the right margin every map
            // keeps (placed by hand: in its default place it would narrow the last map).
            lines += ["set rmargin 16", "set multiplot layout 1,\(templates.count) title \(title)", "unset colorbox"]
        } else {
            lines.append("set title \(title)")
        }
        for t in templates.indices {
            let cells = grid.cells(of: t)
            let hasValues = cells.contains { cellValue($0.estimate(measure).map { measure.shown($0.mean) }) != "?" }
            let hasMissing = cells.contains { cellValue($0.estimate(measure).map { measure.shown($0.mean) }) == "?" }
            var curves: [String] = []
            if hasValues {
                curves.append("\(file) index \(2 * t) using 1:2:3:4:5:6:7 with boxxyerror fillstyle solid 1.0 noborder linecolor palette notitle")
            }
            if hasMissing {
                curves.append("\(file) index \(2 * t + 1) using 1:2:3:4:5:6 with boxxyerror fillstyle solid 1.0 noborder linecolor rgb '#BBBBBB' title 'no finished run'")
            }
            if grid.theory != nil {
                let theory = 2 * templates.count
                curves.append("\(file) index \(theory) using 1:2 with lines linewidth 5 linecolor rgb '#FFFFFF' dashtype solid notitle")
                curves.append("\(file) index \(theory) using 1:2 with lines linewidth 2 linecolor rgb '#D55E00' dashtype solid title '6ξ_c, mean-field theory'")
            }
            if curves.isEmpty { curves.append("NaN notitle") }
            if several { lines.append("set title \(Plots.quoted(templates[t].strategy.label))") }
            if several && t == templates.count - 1 { lines.append(Self.sharedColorBox) }
            lines.append("plot " + curves.joined(separator: ", \\\n     "))
        }
        if several { lines.append("unset multiplot") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A line per template through its means, with its 95% band.
    var lineScript: String {
        let axis = grid.sweep.axes[0], file = Plots.quoted(name + ".dat"), templates = grid.sweep.templates
        let band = grid.cells.contains { $0.estimate(measure)?.ci95 != nil }
        var lines = InsideFigures.header(name: name, what: "\(measure.title) along the sweep's axis") + [
            "set title \(GnuplotText.lines(titleLines(seedsCaption + (band ? ", band: 95% interval" : ""))))",
            "set xlabel \(Plots.quoted(axis.label))",
            "set ylabel \(Plots.quoted(measure.isAccuracy ? measure.title + " (%)" : measure.title))",
            // Under the plot, where it never covers the line or its band; the key's extra height
            // keeps it clear of the axis label.
            "set key outside below center horizontal height 1.5",
            // The first and last points stand clear of the frame.
            "set offsets graph 0.03, graph 0.03, 0, 0",
        ]
        if Self.isLog(axis) { lines.append("set logscale x") }
        if logScale { lines.append("set logscale y") }
        guard !means.isEmpty else {
            return (lines + ["set yrange [0:1]", "set label 1 'no run gives a value' at graph 0.5, 0.5 center", "plot NaN notitle"]).joined(separator: "\n") + "\n"
        }
        var curves: [String] = []
        for t in templates.indices {
            let cells = grid.cells(of: t)
            guard cells.contains(where: { $0.estimate(measure) != nil }) else { continue }
            if templates.count == 1 {
                if band { curves.append("\(file) index 0 using 1:3:4 with filledcurves fillcolor rgb '#56B4E9' fillstyle transparent solid 0.35 title '95% interval over seeds'") }
                curves.append("\(file) index 0 using 1:2 with linespoints linetype 1 pointtype 7 title 'mean'")
            } else {
                if cells.contains(where: { $0.estimate(measure)?.ci95 != nil }) {
                    curves.append("\(file) index \(t) using 1:3:4 with filledcurves linecolor \(t + 1) fillstyle transparent solid 0.2 notitle")
                }
                curves.append("\(file) index \(t) using 1:2 with linespoints linetype \(t + 1) pointtype 7 title \(Plots.quoted(templates[t].strategy.label))")
            }
        }
        return (lines + ["plot " + curves.joined(separator: ", \\\n     ")]).joined(separator: "\n") + "\n"
    }
}
