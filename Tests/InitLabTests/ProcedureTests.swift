import Foundation
import Testing
@testable import InitLab

@Suite struct ProcedureTests {
    func synthetic() throws -> (String, Experiment, Dataset) {
        let folder = temporaryFolder()
        writeSyntheticDataset(in: folder)
        let experiment = try parseExperiment(syntheticConfig(dataset: folder, output: folder + "/out"))
        return (folder, experiment, try Dataset.load(experiment.dataset))
    }

    @Test(arguments: [("orthogonal", Float(0.1)), ("normal", Float(0.02)), ("uniform", Float(0.1))])
    func lsuvBringsEveryLayersOutputVarianceToOne(weights: String, tolerance: Float) throws {
        let (folder, experiment, dataset) = try synthetic()
        defer { removeFolder(folder) }
        let strategy = try parseExperiment(#"{"model": {"layers": [36, 16, 8, 3], "activation": "tanh"}, "strategies": [{"id": "l", "weights": "\#(weights)"}]}"#).strategies[0]
        let model = strategy.initialNetwork(seed: 1)
        let split = Split(seed: 1, count: dataset.count, validationCount: experiment.training.validationCount(of: dataset.count))
        let report = LSUV.apply(to: model, dataset: dataset, training: split.training, seed: 1, tolerance: tolerance,
                                maxIterations: 10, batchSize: 50)
        guard case .array(let batch)? = report["batch"], case .array(let layers)? = report["layers"] else {
            Issue.record("bad report \(report)"); return
        }
        #expect(batch.count == 50 && layers.count == 3)
        // Recompute each layer's pre-activation variance on the recorded batch, in Double.
        let indices = batch.map { value -> Int in if case .number(let n) = value { return Int(n) }; return -1 }
        var input = indices.flatMap { i in (0..<36).map { Double(dataset.pixels[i * 36 + $0]) / 255 } }
        for (l, layer) in model.layers.enumerated() {
            let w = Array(model.weights(l)), b = Array(model.biases(l))
            var z = [Double](repeating: 0, count: 50 * layer.outputs)
            for r in 0..<50 {
                for o in 0..<layer.outputs {
                    var v = Double(b[o])
                    for i in 0..<layer.inputs { v += input[r * layer.inputs + i] * Double(w[o * layer.inputs + i]) }
                    z[r * layer.outputs + o] = v
                }
            }
            let mean = z.reduce(0, +) / Double(z.count)
            let variance = z.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(z.count)
            #expect(abs(variance - 1) < Double(tolerance) + 1e-4, "layer \(l): variance \(variance)")
            #expect(layers[l]["iterations"] != .number(0) || abs(variance - 1) < Double(tolerance))
            input = z.map { tanh($0) }
        }
    }

    @Test func lsuvStopsAtTheIterationLimitAndOnZeroWeights() throws {
        let (folder, _, dataset) = try synthetic()
        defer { removeFolder(folder) }
        let strategy = try parseExperiment(#"{"model": {"layers": [36, 16, 8, 3]}, "strategies": [{"id": "z", "weights": "zeros"}]}"#).strategies[0]
        let model = strategy.initialNetwork(seed: 1)
        let report = LSUV.apply(to: model, dataset: dataset, training: Array(0..<400), seed: 1, tolerance: 0.1, maxIterations: 3, batchSize: 20)
        #expect(report["layers"] == .array(Array(repeating: .object([("iterations", .number(0)), ("variance", .number(0))]), count: 3)))
        #expect(model.parameters.array.allSatisfy { $0 == 0 })
    }

    @Test func oneContrastiveDivergenceStepMatchesThePlainFormulas() {
        let visible = 5, hidden = 3, rows = 4
        var rng = Xoshiro256(seed: 3)
        let initialW = (0..<(hidden * visible)).map { _ in Float(rng.normal() * 0.3) }
        let initialB = (0..<hidden).map { _ in Float(rng.normal() * 0.1) }
        let data = (0..<(rows * visible)).map { _ in Float(rng.uniform()) }
        let settings = RBMSettings(learningRate: 0.1, initialMomentum: 0.5, finalMomentum: 0.9, momentumSwitchEpoch: 5,
                                   weightCost: 0.0002, epochs: 1, batchSize: rows)
        // Reference, in Double, drawing the hidden states from the same generator.
        var referenceRNG = Xoshiro256(seed: 8)
        func sigma(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
        let v = data.map(Double.init), W = initialW.map(Double.init), b = initialB.map(Double.init)
        var ph = [Double](repeating: 0, count: rows * hidden), h = ph, nh = ph
        var nv = [Double](repeating: 0, count: rows * visible)
        for r in 0..<rows { for j in 0..<hidden { ph[r * hidden + j] = sigma(b[j] + (0..<visible).reduce(0) { $0 + v[r * visible + $1] * W[j * visible + $1] }) } }
        for i in 0..<(rows * hidden) { h[i] = Float(referenceRNG.uniform()) < Float(ph[i]) ? 1 : 0 }
        for r in 0..<rows { for i in 0..<visible { nv[r * visible + i] = sigma((0..<hidden).reduce(0) { $0 + h[r * hidden + $1] * W[$1 * visible + i] }) } }
        for r in 0..<rows { for j in 0..<hidden { nh[r * hidden + j] = sigma(b[j] + (0..<visible).reduce(0) { $0 + nv[r * visible + $1] * W[j * visible + $1] }) } }
        var expectedW = W, expectedB = b
        for j in 0..<hidden {
            for i in 0..<visible {
                let positive = (0..<rows).reduce(0) { $0 + ph[$1 * hidden + j] * v[$1 * visible + i] }
                let negative = (0..<rows).reduce(0) { $0 + nh[$1 * hidden + j] * nv[$1 * visible + i] }
                expectedW[j * visible + i] += 0.1 * ((positive - negative) / Double(rows) - 0.0002 * W[j * visible + i])
            }
            expectedB[j] += 0.1 / Double(rows) * (0..<rows).reduce(0) { $0 + ph[$1 * hidden + j] - nh[$1 * hidden + j] }
        }
        let expectedError = zip(v, nv).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }

        // The data as the pixels come (rows, visible) and as a hidden layer's output (visible, rows).
        for featureMajor in [false, true] {
            var stepRNG = Xoshiro256(seed: 8)
            var w = initialW, hb = initialB
            let input = featureMajor ? (0..<visible).flatMap { j in (0..<rows).map { r in data[r * visible + j] } } : data
            let error = w.withUnsafeMutableBufferPointer { wp in
                hb.withUnsafeMutableBufferPointer { bp in
                    RBMLayer(weights: wp.baseAddress!, hiddenBias: bp.baseAddress!, visible: visible, hidden: hidden, rows: rows,
                             featureMajorData: featureMajor)
                        .contrastiveDivergenceStep(data: input, settings: settings, momentum: 0.5, rng: &stepRNG)
                }
            }
            // Float against Double over sums of ≤ 5 terms: 1e-5 is a hundred ulps of slack.
            for (a, e) in zip(w, expectedW) { #expect(abs(Double(a) - e) < 1e-5, "feature-major \(featureMajor)") }
            for (a, e) in zip(hb, expectedB) { #expect(abs(Double(a) - e) < 1e-5, "feature-major \(featureMajor)") }
            #expect(abs(error - expectedError) < 1e-4, "feature-major \(featureMajor)")
        }
    }

    @Test func rbmPretrainingLowersTheReconstructionErrorAndSetsTheHiddenLayers() throws {
        let (folder, _, dataset) = try synthetic()
        defer { removeFolder(folder) }
        let strategy = try parseExperiment(#"{"model": {"layers": [36, 16, 8, 3], "activation": "sigmoid"}, "strategies": [{"id": "r", "weights": {"kind": "normal", "std": 0.01}, "procedure": {"kind": "rbm", "epochs": 4, "batch_size": 20}}]}"#).strategies[0]
        guard case .rbm(let settings)? = strategy.procedure else { Issue.record("no rbm"); return }
        let model = strategy.initialNetwork(seed: 1)
        let before = model.parameters.array
        let report = RBMPretraining.apply(to: model, dataset: dataset, training: Array(0..<450), seed: 1, settings: settings)
        guard case .array(let layers)? = report["layers"] else { Issue.record("bad report"); return }
        #expect(layers.count == 2) // hidden layers only
        for layer in layers {
            guard case .array(let errors)? = layer["reconstruction_error"], case .number(let first)? = errors.first,
                  case .number(let last)? = errors.last else { Issue.record("bad layer \(layer)"); continue }
            #expect(errors.count == 4 && last < first)
        }
        let after = model.parameters.array
        let outputStart = model.layers[2].weight.offset
        #expect(Array(after[..<outputStart]) != Array(before[..<outputStart]))
        #expect(Array(after[outputStart...]) == Array(before[outputStart...])) // the output layer keeps its initializer
    }

    @Test func aRunWithAProcedureRecordsItsCostAndReport() throws {
        let folder = temporaryFolder()
        defer { removeFolder(folder) }
        writeSyntheticDataset(in: folder)
        let config = folder + "/c.json"
        try syntheticConfig(dataset: folder, output: folder + "/out")
            .replacingOccurrences(of: #"{ "id": "rule", "label": "Rule", "weights": { "kind": "fan_in_uniform" } }"#,
                                  with: #"{ "id": "rule", "label": "LSUV", "weights": "orthogonal", "procedure": {"kind": "lsuv"} }"#)
            .write(toFile: config, atomically: true, encoding: .utf8)
        let outcome = try ComparisonJob.prepare(configPath: config, options: JobOptions()).run()
        #expect(outcome.results[1].procedure?["kind"] == .string("lsuv") && outcome.results[1].procedureSeconds > 0)
        #expect(outcome.results[0].procedure == nil && outcome.results[0].procedureSeconds == 0)
        let report = try String(contentsOfFile: folder + "/out/report.md", encoding: .utf8)
        #expect(report.contains("| Strategy | Validation accuracy | Last batch loss | Training time | Pre-training time |"))
        #expect(report.contains("lsuv(tolerance 0.1, max_iterations 10, batch_size 100)"))
    }

    @Test func aStrategyMayBringItsOwnModel() throws {
        let experiment = try parseExperiment("""
        {"model": {"layers": [784, 256, 256, 10], "dropout": 0.2},
         "strategies": [{"id": "shallow", "weights": "xavier_uniform"},
                        {"id": "deep", "model": {"layers": [784, 512, 512, 512, 512, 10]}, "weights": "xavier_uniform"}]}
        """)
        #expect(experiment.strategies[0].model.layers == [784, 256, 256, 10])
        #expect(experiment.strategies[1].model == ModelSpec(layers: [784, 512, 512, 512, 512, 10], activation: .relu, dropout: 0.2))
        #expect(experiment.strategies[1].layers.count == 5)
        let model = experiment.strategies[1].initialNetwork(seed: 1)
        #expect(model.widths == [784, 512, 512, 512, 512, 10])
    }
}
