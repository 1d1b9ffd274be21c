import Foundation

/// report.md of a sweep: what was varied, the figures, a reading of where the network trains
/// (and, with the theory, how that compares with 6ξ_c), the grid as tables, and the settings.
enum SweepReport {
    static func text(experiment: Experiment, grid: SweepGrid, context: ComparisonContext) -> String {
        let sweep = grid.sweep
        let training = experiment.training
        let (validation, trainingImages, steps) = training.split(of: context.dataset.count)
        let seeds = experiment.seeds
        let escape = MarkdownReport.escape
        var lines = ["# \(escape(experiment.title))", ""]
        let axes = sweep.axes.map { "\(escape($0.label)) over \(values($0))" }.joined(separator: " and ")
        let templates = sweep.templates.map { "**\(escape($0.strategy.label))** (`\($0.strategy.id)`)" }
        let of = templates.count == 1 ? templates[0] : templates.dropLast().joined(separator: ", ") + " and " + templates.last!
        lines.append("A sweep of \(of): \(axes); "
                     + "\(sweep.points.count) grid points\(templates.count == 1 ? "" : " (\(sweep.gridSize) for each strategy)"), each an ordinary run "
                     + (seeds.count == 1 ? "with seed \(seeds[0])" : "with each of \(seeds.count) seeds (\(seeds.map(String.init).joined(separator: ", ")))")
                     + ", training for \(training.epochs) epoch\(training.epochs == 1 ? "" : "s") on \(trainingImages) images; validation accuracy "
                     + "on \(validation) held-out images in evaluation mode. Every run is in results.json under its point's id.")
        let unfinished = grid.cells.filter { $0.unfinished > 0 }
        if !unfinished.isEmpty {
            lines += ["", "\(unfinished.count) of the \(grid.cells.count) points have a run that did not finish (it diverged, or was interrupted): "
                      + unfinished.prefix(8).map { escape($0.label) }.joined(separator: "; ") + (unfinished.count > 8 ? "; …" : "")
                      + ". Their cells show the runs that did finish, or none."]
        }
        lines += ["", "## \(sweep.axes.count == 2 ? "The map" : "Along the axis")", ""]
        for measure in sweep.measures {
            lines += ["![\(measure.title)](\(SweepFigure.name(measure)).png)", ""]
        }
        lines += reading(grid, classes: context.dataset.classes)
        let labels = sweep.templates.map(\.strategy.label)
        lines += transfer(grid.transfers, labels: labels)
        if !grid.coordinateChecks.isEmpty { lines += coordinateCheck(grid.coordinateChecks, labels: labels) }
        lines += grid.stream.map { stream(in: $0, labels: labels) } ?? []
        lines += tables(grid)
        if !experiment.plots.distributions.isEmpty {
            lines += ["## What the strategy draws from", ""]
            for figure in experiment.plots.distributions { lines += ["![\(escape(figure.title))](\(figure.name).png)", ""] }
        }
        lines += ["Each figure is rendered by `gnuplot NAME.gp` in this folder from NAME.dat; edit the script to restyle it.", ""]
        lines += MarkdownReport.settings(experiment, context: context, trainingImages: trainingImages, validation: validation, steps: steps)
        return lines.joined(separator: "\n") + "\n"
    }

    static func values(_ axis: SweepAxis) -> String {
        axis.values.count <= 12 ? axis.values.map(Sweep.text).joined(separator: ", ")
            : "\(axis.values.count) values from \(Sweep.text(axis.values.min()!)) to \(Sweep.text(axis.values.max()!))"
    }

    /// Where the network trains: accuracy above halfway from chance to the best point's. With
    /// the theory, how the cells it expects to train (depth ≤ 6ξ_c) did.
    static func reading(_ grid: SweepGrid, classes: Int) -> [String] {
        let accuracies = grid.cells.compactMap { $0.estimate(.validationAccuracy)?.mean }
        guard grid.sweep.measures.contains(.validationAccuracy), let best = accuracies.max() else { return [] }
        let chance = 1 / Double(max(classes, 1)), threshold = (chance + best) / 2
        func trains(_ cell: SweepGrid.Cell) -> Bool { (cell.estimate(.validationAccuracy)?.mean ?? 0) >= threshold }
        var lines = ["### Reading", "",
                     "A point **trains** here when its mean validation accuracy is at least \(percent(threshold)), halfway from chance "
                     + "(\(percent(chance))) to the best point's \(percent(best)).", ""]
        let axes = grid.sweep.axes, templates = grid.sweep.templates
        for t in templates.indices {
            // Several templates: a list item each, their values nested under it.
            let (who, indent) = templates.count == 1 ? ("It", "") : ("**\(MarkdownReport.escape(templates[t].strategy.label))**", "  ")
            if axes.count == 1 {
                let trained = grid.cells(of: t).filter(trains).sorted { $0.point.coordinates[0] < $1.point.coordinates[0] }.map(\.point.coordinates[0])
                let at = trained.isEmpty ? "no value" : runs(of: trained, in: axes[0].values)
                lines.append("- \(who) trains at \(MarkdownReport.escape(axes[0].label)) = \(at).")
                continue
            }
            if templates.count > 1 { lines.append("- \(who):") }
            for (row, value) in axes[1].values.enumerated().sorted(by: { $0.element > $1.element }) {
                let trained = axes[0].values.indices.filter { column in grid.cell(template: t, [column, row]).map(trains) ?? false }
                let range = trained.isEmpty ? "at no \(MarkdownReport.escape(axes[0].label))"
                    : "at \(MarkdownReport.escape(axes[0].label)) " + runs(of: trained.map { axes[0].values[$0] }, in: axes[0].values)
                lines.append("\(indent)- \(MarkdownReport.escape(axes[1].label)) \(Sweep.text(value)): trains \(range).")
            }
        }
        if let theory = grid.theory {
            lines.append("")
            lines.append("The curve is 6ξ_c, six times the depth scale of the mean-field theory (Schoenholz et al. 2017, \"Deep Information "
                         + "Propagation\"), computed for σ_b² = \(String(format: "%.3g", theory.biasVariance)) by Gauss–Hermite quadrature: ξ_c = −1/ln χ_c, "
                         + "where χ_c is the slope of the correlation map at its fixed point (χ₁ = σ_w² E[φ'(√q* z)²] in the ordered phase). "
                         + "The theory expects networks deeper than 6ξ_c not to train."
                         + (theory.edge.map { " The edge of chaos (χ₁ = 1), where ξ_c diverges, is at σ_w² ≈ \(String(format: "%.3g", $0))." } ?? ""))
            var inside = 0, insideTrained = 0, outside = 0, outsideTrained = 0
            for cell in grid.cells where cell.estimate(.validationAccuracy) != nil {
                let expected = cell.point.coordinates[1] <= theory.atValues[cell.point.indices[0]].solution.trainableDepth
                if expected { inside += 1; if trains(cell) { insideTrained += 1 } } else { outside += 1; if trains(cell) { outsideTrained += 1 } }
            }
            lines += ["", "Of the \(inside) points inside the curve (depth ≤ 6ξ_c), \(insideTrained) trained; of the \(outside) beyond it, "
                      + "\(outsideTrained) trained."]
        }
        return lines + [""]
    }

    /// The values of `chosen` as ranges of consecutive axis values: "1–2.5, 4".
    static func runs(of chosen: [Double], in values: [Double]) -> String {
        let picked = Set(chosen)
        var parts: [String] = [], run: [Double] = []
        func close() {
            if let first = run.first, let last = run.last { parts.append(first == last ? Sweep.text(first) : "\(Sweep.text(first))–\(Sweep.text(last))") }
            run = []
        }
        for value in values.sorted() {
            if picked.contains(value) { run.append(value) } else { close() }
        }
        close()
        return parts.joined(separator: ", ")
    }

    /// The mean validation accuracy on the grid: over two axes a table whose rows are the second
    /// axis's values (largest first, as in the map) and columns the first's; over one axis,
    /// every measure with its 95% interval.
    static func tables(_ grid: SweepGrid) -> [String] {
        let templates = grid.sweep.templates
        var lines = ["## The grid", ""]
        for t in templates.indices {
            if templates.count > 1 { lines += ["### \(MarkdownReport.escape(templates[t].strategy.label))", ""] }
            lines += table(grid, template: t)
        }
        return lines
    }

    /// One template's table.
    static func table(_ grid: SweepGrid, template t: Int) -> [String] {
        let axes = grid.sweep.axes, escape = MarkdownReport.escape
        var lines: [String] = []
        if axes.count == 2 {
            let measure = grid.sweep.measures.first { $0.isAccuracy } ?? grid.sweep.measures[0]
            lines.append("\(measure.title)\(measure.isAccuracy ? " (%)" : "")\(grid.cells.contains { $0.runs > 1 } ? ", mean over seeds" : ""); "
                         + "— where no run finished.")
            lines.append("")
            let columns = axes[0].values.enumerated().sorted { $0.element < $1.element }
            lines.append("| \(escape(axes[1].label)) \\ \(escape(axes[0].label)) | " + columns.map { Sweep.text($0.element) }.joined(separator: " | ") + " |")
            lines.append("|---|" + columns.map { _ in "---:|" }.joined())
            for (row, value) in axes[1].values.enumerated().sorted(by: { $0.element > $1.element }) {
                let cells = columns.map { column -> String in
                    guard let mean = grid.cell(template: t, [column.offset, row])?.estimate(measure)?.mean else { return "—" }
                    return measure.isAccuracy ? String(format: "%.1f", mean * 100) : InsideReading.number(mean)
                }
                lines.append("| \(Sweep.text(value)) | " + cells.joined(separator: " | ") + " |")
            }
            return lines + [""]
        }
        let measures = grid.sweep.measures
        lines.append("| \(escape(axes[0].label)) | " + measures.map { "\($0.title) | 95% interval" }.joined(separator: " | ") + " |")
        lines.append("|---:|" + measures.map { _ in "---:|---:|" }.joined())
        for cell in grid.cells(of: t).sorted(by: { $0.point.coordinates[0] < $1.point.coordinates[0] }) {
            let entries = measures.map { measure -> String in
                guard let estimate = cell.estimate(measure) else { return "— | —" }
                func shown(_ x: Double) -> String { measure.isAccuracy ? String(format: "%.2f%%", x * 100) : InsideReading.number(x) }
                return "\(shown(estimate.mean)) | " + (estimate.ci95(within: measure.bounds).map { "\(shown($0.lowerBound)) to \(shown($0.upperBound))" } ?? "—")
            }
            lines.append("| \(Sweep.text(cell.point.coordinates[0])) | " + entries.joined(separator: " | ") + " |")
        }
        return lines + [""]
    }

    static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }

    /// The transfer figures and, per measure and template, where each width's best learning rate
    /// lies, how far it moves from the narrowest width to the widest, and whether beyond seed noise.
    static func transfer(_ transfers: [[TransferSweep]], labels: [String]) -> [String] {
        guard !transfers.isEmpty else { return [] }
        var lines = ["## Does the best learning rate transfer?", ""]
        for measureTransfers in transfers {
            let measure = measureTransfers[0].measure
            lines += ["![\(measure.title) against the learning rate](\(TransferFigure.name(measure)).png)", ""]
            for transfer in measureTransfers {
                let who = labels.count == 1 ? nil : MarkdownReport.escape(labels[transfer.template])
                lines += transferLines(transfer, who: who)
            }
            lines.append("")
        }
        return lines
    }

    /// One template's transfer of one measure: its best rates, and its move; `who` names the
    /// template when the sweep has several.
    static func transferLines(_ transfer: TransferSweep, who: String?) -> [String] {
        let measure = transfer.measure
        let prefix = who.map { "**\($0)**: " } ?? ""
        let best = transfer.curves.map { curve -> String in
            guard let b = curve.best else { return "width \(Sweep.text(curve.width)): no finished run" }
            return "width \(Sweep.text(curve.width)): 2^\(Sweep.text(log2(transfer.rates[b])))"
        }
        let lines = ["- \(prefix)\(measure.title), best learning rate: " + best.joined(separator: "; ") + "."]
        guard let shift = transfer.shift, let narrow = transfer.curves.first, let wide = transfer.curves.last else { return lines }
        var sentence = "  From width \(Sweep.text(narrow.width)) to \(Sweep.text(wide.width)) it "
        if shift == 0 { return lines + [sentence + "stays where it is: it transfers."] }
        sentence += "moves \(String(format: "%+g", shift)) log₂ step\(abs(shift) == 1 ? "" : "s")"
        if let penalty = transfer.penalty, let interval = penalty.ci95 {
            // How much worse the narrow width's best rate is at the widest width: a loss higher, an accuracy lower.
            let sign = measure.isAccuracy ? -1.0 : 1.0
            func shown(_ x: Double) -> String { measure.isAccuracy ? String(format: "%.2f points", sign * x * 100) : InsideReading.number(x) }
            let (low, high) = measure.isAccuracy ? (interval.upperBound, interval.lowerBound) : (interval.lowerBound, interval.upperBound)
            let verdict = transfer.shiftBeyondNoise == true ? "beyond seed noise" : "within seed noise"
            sentence += "; at width \(Sweep.text(wide.width)) the narrow width's best rate gives a \(measure.isAccuracy ? "lower accuracy" : "higher loss") "
                + "than its own best by \(shown(penalty.mean)), paired by seed (95% interval \(shown(low)) to \(shown(high))): \(verdict)."
        } else {
            sentence += "; with fewer than two seeds finished at both rates, whether that is beyond seed noise cannot be told."
        }
        return lines + [sentence]
    }

    /// The coordinate check's figure, and per template its slopes and what they say: flat with
    /// width, or which layers grow as width^k from which step.
    static func coordinateCheck(_ checks: [CoordinateCheckSweep], labels: [String]) -> [String] {
        let flat = CoordinateCheckSweep.flatSlope
        let intro: String = "mup's coordinate check (its README's figure, statistic \"l1\"): the mean |x| of each layer's output on the probe batch "
            + "(what enters its activation; the output layer's logits), at initialization and after each of the first updates, against width. "
            + "k is the slope of log₂ mean |x| against log₂ width: mean |x| ∝ width^k. Under muP every k stays near 0; "
            + "under the standard parametrization a layer whose k grows after the first update blows up in a wider network."
        var lines = ["## Coordinate check", "", "![Coordinate check](\(CoordinateCheckFigure.name).png)", "", intro, ""]
        for check in checks {
            if labels.count > 1 { lines += ["### \(MarkdownReport.escape(labels[check.template]))", ""] }
            if let fixed = check.fixed {
                lines += ["Read at \(MarkdownReport.escape(fixed.axis.label)) = \(Sweep.text(fixed.value)), the best on average over the widths.", ""]
            }
            lines.append("| layer | " + check.steps.map { CoordinateCheckFigure.stepTitle($0) }.joined(separator: " | ") + " |")
            lines.append("|---|" + check.steps.map { _ in "---:|" }.joined())
            for l in 0..<check.layerCount {
                let slopes: [String] = check.steps.indices.map { s in check.slopes[s][l].map { String(format: "%.2f", $0) } ?? "—" }
                lines.append("| \(check.layerName(l)) | " + slopes.joined(separator: " | ") + " |")
            }
            lines += ["", reading(check), ""]
        }
        lines += ["— : no width has a positive mean (all zero, as a zero-initialized readout at initialization), or only one does. "
                  + "A layer reads as flat where |k| < \(flat).", ""]
        return lines
    }

    /// At the last step measured: flat, or which layers grow, each since the step its last run
    /// of not-flat steps began.
    static func reading(_ check: CoordinateCheckSweep) -> String {
        let flat = CoordinateCheckSweep.flatSlope
        guard let last = check.steps.indices.last else { return "- No step was measured." }
        func grows(_ s: Int, _ l: Int) -> Bool { check.slopes[s][l].map { abs($0) >= flat } ?? false }
        let growing = (0..<check.layerCount).compactMap { l -> String? in
            guard grows(last, l), let k = check.slopes[last][l] else { return nil }
            var from = last
            while from > 0 && grows(from - 1, l) { from -= 1 }
            let since = from == last ? "" : ", not flat since \(CoordinateCheckFigure.stepTitle(check.steps[from]))"
            return "\(check.layerName(l)) as width^\(String(format: "%.2f", k))" + since
        }
        let when = CoordinateCheckFigure.stepTitle(check.steps[last])
        if !check.slopes[last].contains(where: { $0 != nil }) { return "- Too few widths with a value to fit a slope." }
        if growing.isEmpty { return "- **Flat with width**: \(when), every layer's |k| is below \(flat)." }
        return "- **Not flat**: \(when), the coordinates change with width: " + growing.joined(separator: "; ") + "."
    }
}

extension SweepReport {
    /// The stream through the blocks at the deepest depth, per template: from the projection to
    /// the last block, its factor per block beside the doubling of plain He ReLU blocks, and
    /// the block where it explodes.
    static func stream(in stream: StreamSweep, labels: [String]) -> [String] {
        var lines = ["## The residual stream through the blocks", "", "![The residual stream at initialization](\(StreamFigure.name).png)", "",
                     "At initialization, at \(stream.blocks) blocks, on the probe batch: the stream's std after the input projection (block 0) "
                     + "and after each block. Plain He ReLU blocks double the stream's variance per block (2^L) when the branch starts with its "
                     + "activation; a Linear → ReLU → Linear branch adds twice the stream's second moment, about ×3 per block.", ""]
        for series in stream.series {
            var phrases: [String] = []
            if let first = series.first, let start = series.stds[first], let end = series.stds.last ?? nil, let factor = series.perBlock {
                let from = first == 0 ? "" : " (after block \(first): no run gives the projection a finite std above 0)"
                phrases.append("std \(InsideReading.number(start))\(from) → \(InsideReading.number(end)) after block \(stream.blocks), "
                               + "×\(String(format: "%.3f", factor)) per block (variance ×\(String(format: "%.3f", factor * factor)))")
            }
            if let block = series.explosion {
                phrases.append("explodes at block \(block) (std over \(Int(BlockReading.explosion)) times the projection's, or not finite)")
            } else {
                phrases.append("no explosion")
            }
            lines.append("- **\(MarkdownReport.escape(labels[series.template]))**: " + phrases.joined(separator: "; ") + ".")
        }
        return lines + [""]
    }
}
