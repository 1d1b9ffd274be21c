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
        predicts. Data-dependent procedures (LSUV, RBM pre-training) are not applied: they need the \
        training data.
        """
    )

    @OptionGroup var options: ExperimentOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let config = options.config
        let experiment = try Failure.reporting { try Experiment.load(path: config) }
        try Failure.reporting { try MemoryEstimate(inspecting: experiment).check(file: config) }
        let seed = options.seed ?? experiment.seed
        let inspections = Inspection.inspect(experiment, seed: seed)
        if json {
            print(Inspection.json(inspections, seed: seed).formatted(), terminator: "")
            return
        }
        print(table(inspections, seed: seed))
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
            if let procedure = inspection.strategy.procedure {
                let name = if case .lsuv = procedure { "LSUV" } else { "RBM pre-training" }
                lines.append("  then \(name) on training data (not applied here)")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
