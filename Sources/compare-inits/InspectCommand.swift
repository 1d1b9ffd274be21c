import ArgumentParser
import Foundation
import InitLab

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Print each strategy's initial weight statistics against their formulas, without training.",
        discussion: """
        For every strategy and layer: the min, max, mean and standard deviation of the initial \
        weights and biases, beside the standard deviation and bounds the initializer's formula \
        predicts. Then, as the diagnostics of a run measure it, the network on the probe batch of \
        training images (read from the config's dataset): pre-activation and activation mean and \
        std, dead and saturated units, and the gradient std at each layer's output and of its \
        weights (--no-probe skips it, and the dataset); and the singular values of the Jacobian \
        from the first hidden layer's output to the last's at the first probe images (the \
        config's diagnostics.jacobian_inputs, else \(DiagnosticsSpec.defaultJacobianInputs)). \
        Data-dependent procedures (LSUV, RBM pre-training) are not applied: they need a run's \
        split of the training data.
        """
    )

    @OptionGroup var options: ExperimentOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Flag(help: "Do not read the dataset's probe batch: weight statistics only.")
    var noProbe = false

    @Option(name: .customLong("export"), help: ArgumentHelp(
        "Also write each strategy's initial parameters, the probe images of the Jacobian's spectrum and an index (export.json) into this folder, "
        + "for a peer to recompute the spectrum from the same numbers (scripts/jacobian-peer.py).", valueName: "folder"))
    var exportFolder: String?

    @OptionGroup var products: MatmulOptions

    func validate() throws {
        if exportFolder != nil && noProbe { throw ValidationError("--export writes the probe images, which --no-probe does not read") }
    }

    func run() throws {
        products.select()
        let config = options.config
        let experiment = try Failure.reporting { try Experiment.load(path: config) }
        let probeImages = noProbe || !experiment.diagnostics.enabled ? nil : experiment.diagnostics.probeImages
        try Failure.reporting {
            let shape = try probeImages.map { _ in try Dataset.reading(for: config) { try Dataset.shape(experiment.dataset) } }
            try MemoryEstimate(inspecting: experiment, dataset: shape, probeImages: probeImages ?? 0, jacobianInputs: jacobianInputs(experiment))
                .check(file: config)
        }
        let dataset = try probeImages.map { _ in
            try Failure.reporting {
                let dataset = try Dataset.reading(for: config) { try Dataset.load(experiment.dataset) }
                try experiment.check(against: dataset, file: config)
                return dataset
            }
        }
        let probe = dataset.map { ProbeBatch(dataset: $0, count: probeImages!) }
        let seed = options.seed ?? experiment.seed
        let inspections = Inspection.inspect(experiment, seed: seed, probe: probe, jacobianInputs: jacobianInputs(experiment))
        if let exportFolder {
            guard let probe, let dataset else { throw Failure.usage("--export writes the probe images, and the config's diagnostics are off (no probe batch)") }
            try Failure.reporting {
                try InspectionExport.write(experiment, seed: seed, probe: probe, datasetCount: dataset.count, inspections: inspections,
                                           images: jacobianInputs(experiment),
                                           to: OutputFolder(path: exportFolder))
            }
        }
        if json {
            print(Inspection.json(inspections, seed: seed).formatted(), terminator: "")
            return
        }
        // A sweep's hundreds of points would print thousands of layer rows: one line a point.
        print(experiment.sweep != nil ? sweepTable(inspections, seed: seed) : table(inspections, seed: seed))
    }

    /// The probe images the Jacobian's spectrum is computed at: the config's, else the default.
    func jacobianInputs(_ experiment: Experiment) -> Int {
        let asked = experiment.diagnostics.jacobianInputs
        return asked > 0 ? asked : DiagnosticsSpec.defaultJacobianInputs
    }

    /// A sweep at initialization, a line per point: the weights' std of its first layer against
    /// the formula's, and on the probe batch the signal forward and the gradient back through the
    /// whole depth, and the worst layer's dead and saturated units. --json has every layer.
    func sweepTable(_ inspections: [StrategyInspection], seed: UInt64) -> String {
        func number(_ x: Double?) -> String { x.map { String(format: "%.3g", $0) } ?? "—" }
        func worst(_ values: [Double?]) -> String {
            values.compactMap { $0 }.max().map { String(format: "%.0f%%", $0 * 100) } ?? "—"
        }
        let width = max(5, inspections.map(\.strategy.label.count).max() ?? 0)
        let probed = inspections.contains { $0.inside != nil }
        var columns = ["W std", "formula"]
        if probed { columns += ["act std first → last", "dead", "saturated", "grad std last → first"] }
        let spectra = inspections.contains { $0.jacobian != nil }
        if spectra { columns.append("J: max s²/mean s²") }
        let widths = [10, 10, 24, 8, 10, 24, 19]
        var lines = ["A sweep at initialization, seed \(seed): \(inspections.count) points, one line each (--json for every layer)", "",
                     "point".padding(toLength: width, withPad: " ", startingAt: 0) + zip(columns, widths).map { $0.leftPadded($1) }.joined()]
        for inspection in inspections {
            let first = inspection.layers[0]
            var cells = [number(first.weights.std), number(first.predictedWeights.std)]
            if let inside = inspection.inside {
                let hidden = inside.dropLast()
                cells += ["\(number(hidden.first?.activationStd)) → \(number(hidden.last?.activationStd))",
                          worst(hidden.map(\.deadFraction)), worst(hidden.map(\.saturatedFraction)),
                          "\(number(hidden.last?.outputGradientStd)) → \(number(hidden.first?.outputGradientStd))"]
            }
            if spectra { cells.append(number(inspection.jacobian?.peakToMean)) }
            lines.append(inspection.strategy.label.padding(toLength: width, withPad: " ", startingAt: 0)
                         + zip(cells, widths).map { $0.leftPadded($1) }.joined())
        }
        return lines.joined(separator: "\n")
    }

    func table(_ inspections: [StrategyInspection], seed: UInt64) -> String {
        func number(_ x: Double) -> String { String(format: "%10.4g", x) }
        func bounds(_ p: PredictedStatistics) -> String {
            guard let b = p.bounds else { return "unbounded".leftPadded(21) }
            return "[\(String(format: "%.4g", b.lowerBound)), \(String(format: "%.4g", b.upperBound))]".leftPadded(21)
        }
        var lines = ["Initial weights, seed \(seed) (W is out × in; \"formula\" is what the initializer predicts)", ""]
        let header = "layer  shape      tensor       min        max       mean        std │ formula std       formula bounds"
        for inspection in inspections {
            lines.append("\(inspection.strategy.label) (\(inspection.strategy.id))")
            lines.append(header)
            for layer in inspection.layers {
                for (name, s, p) in [("W", layer.weights, layer.predictedWeights), ("b", layer.biases, layer.predictedBiases)] {
                    let shape = name == "W" ? "\(layer.outputs)×\(layer.inputs)" : "\(layer.outputs)"
                    lines.append(String(layer.layer).leftPadded(5) + "  " + shape.padding(toLength: 9, withPad: " ", startingAt: 0)
                                 + "  " + name.padding(toLength: 6, withPad: " ", startingAt: 0)
                                 + number(s.min) + " " + number(s.max) + " " + number(s.mean) + " " + number(s.std)
                                 + " │  " + number(p.std) + " " + bounds(p))
                }
            }
            let model = inspection.strategy.model
            if model.batchNorm {
                let hidden = model.layerCount - 1
                lines.append("  batch normalization after layer\(hidden == 1 ? " 1" : "s 1–\(hidden)"), before the activation: γ = 1, β = 0, running mean 0 "
                             + "and variance 1" + (model.linearBias ? "" : "; no linear bias (b stays 0)"))
            }
            if let procedure = inspection.strategy.procedure {
                let name = if case .lsuv = procedure { "LSUV" } else { "RBM pre-training" }
                lines.append("  then \(name) on training data (not applied here)")
            }
            if let inside = inspection.inside { lines += ["", Self.insideHeader] + inside.map(Self.insideRow) }
            if let jacobian = inspection.jacobian { lines += ["", Self.jacobianLine(jacobian)] }
            lines.append("")
        }
        if inspections.contains(where: { $0.inside != nil }) {
            lines.append("On the probe: mean and std over all units × images; dead: units 0 on every image; saturated: tanh |y| > 0.99, "
                         + "sigmoid y < 0.01 or > 0.99 on most images; gradients of the batch's mean cross-entropy, dropout off.")
        }
        return lines.joined(separator: "\n")
    }

    /// The Jacobian's spectrum in two lines.
    static func jacobianLine(_ j: JacobianSpectrum) -> String {
        func number(_ x: Double) -> String { String(format: "%.3g", x) }
        func value(_ s: Double) -> String { j.isRounding(s) ? "rounding" : number(s) }
        let meanField = j.meanFieldMeanSquared.map { " (mean field \(number($0)))" } ?? ""
        let rounding = j.belowRounding > 0 ? String(format: "; %.0f%% below Float rounding of the largest", j.belowRounding * 100) : ""
        return "  Jacobian ∂h_last/∂h_1 (\(j.rows)×\(j.columns), \(j.factors) factors) at \(j.singularValues.count) probe images: "
            + "mean s² \(number(j.meanSquared))\(meanField), largest \(number(j.largest)),\n"
            + "    s at 5/50/95%: \(value(j.percentile(5))) / \(value(j.percentile(50))) / \(value(j.percentile(95))), "
            + "max s² / mean s² \(number(j.peakToMean))\(rounding)"
    }

    /// The probe table's columns: a layer label, then numbers 12 wide and percentages 8 wide.
    static let insideHeader = "  on the probe " + ["pre-act mean", "pre-act std", "act mean", "act std"].map { $0.leftPadded(12) }.joined()
        + ["dead", "saturated"].map { $0.leftPadded(10) }.joined() + " │" + ["out-grad std", "W-grad std"].map { $0.leftPadded(13) }.joined()

    static func insideRow(_ layer: LayerDiagnostics) -> String {
        func number(_ x: Double?, _ width: Int) -> String { (x.map { String(format: "%.4g", $0) } ?? "—").leftPadded(width) }
        func percent(_ x: Double?) -> String { (x.map { String(format: "%.1f%%", $0 * 100) } ?? "—").leftPadded(10) }
        return "  layer " + String(layer.layer).leftPadded(5) + "  "
            + [layer.preactivationMean, layer.preactivationStd, layer.activationMean, layer.activationStd].map { number($0, 12) }.joined()
            + percent(layer.deadFraction) + percent(layer.saturatedFraction) + " │"
            + [layer.outputGradientStd, layer.weightGradientStd].map { number($0, 13) }.joined()
    }
}
