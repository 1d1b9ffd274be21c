import Foundation
import Testing
@testable import InitLab

/// Batch normalization (PyTorch's BatchNorm1d between a hidden layer's product and its
/// activation): gradients against finite differences of the Double reference, the running
/// statistics against a sequence worked out by hand, evaluation with them, and the config.
@Suite struct BatchNormTests {
    /// Every parameter: W and b below and above each normalization, γ and β; the first layer's W
    /// gets its gradient through the second normalization's input. 11 samples: the kernels'
    /// eight-lane loops and their tails both run.
    @Test(arguments: GradientTests.activations)
    func backwardMatchesFiniteDifferences(activation: Activation) {
        for linearBias in [true, false] {
            let (model, x, labels, masks) = GradientTests.setUp(activation, dropout: 0.3, rows: 11, batchNorm: true, linearBias: linearBias)
            let errors = GradientTests.errors(model, x: x, labels: labels, masks: masks)
            #expect(errors.loss <= 1e-5, "\(activation)")
            #expect(errors.worstGradient < 2e-3, "worst relative gradient error \(errors.worstGradient) for \(activation), linear bias \(linearBias)")
            if !linearBias {
                for l in 0..<2 { #expect(UnsafeBufferPointer(start: model.gradients.pointer + model.layers[l].bias.offset, count: model.layers[l].outputs).allSatisfy { $0 == 0 }) }
            }
        }
    }

    @Test func theRunningStatisticsFollowPyTorchsUpdate() {
        // One normalized unit: W = [1, 2], b = 0.5; γ = 2, β = −1.
        let model = Network(widths: [2, 1, 2], activation: .identity, dropout: 0, batchNorm: true)
        model.parameters.copy(from: [1, 2, 0.5, 2, -1, 1, -1, 0, 0])
        let buffers = BatchBuffers(plan: model.plan, capacity: 4)
        var stream: DropoutStream? = DropoutStream(seededBy: Xoshiro256(seed: 1))
        // Batch 1: x = (1, 0), (0, 1), (1, 1) → z = 1.5, 2.5, 3.5: mean 2.5, biased variance 2/3, unbiased 1.
        model.forward([1, 0, 0, 1, 1, 1], rows: 3, buffers: buffers, dropout: &stream)
        #expect(abs(model.running.pointer[0] - 0.25) < 1e-7 && abs(model.running.pointer[1] - (0.9 + 0.1 * 1)) < 1e-7)
        // The layer's output is γ·ẑ + β: ẑ = (z − 2.5)/√(2/3 + ε).
        let inverse = 1 / (2.0 / 3 + 1e-5).squareRoot()
        for (s, z) in [1.5, 2.5, 3.5].enumerated() {
            #expect(abs(Double(buffers.values[1].pointer[s]) - (2 * (z - 2.5) * inverse - 1)) < 1e-5)
        }
        // Batch 2: x = (2, 0), (0, 0) → z = 2.5, 0.5: mean 1.5, unbiased variance 2.
        model.forward([2, 0, 0, 0], rows: 2, buffers: buffers, dropout: &stream)
        #expect(abs(model.running.pointer[0] - (0.9 * 0.25 + 0.1 * 1.5)) < 1e-6)
        #expect(abs(model.running.pointer[1] - (0.9 * 1.0 + 0.1 * 2)) < 1e-6)

        // Evaluation uses them and changes nothing: z = 3.5 → 2·(3.5 − 0.375)/√(1.1 + ε) − 1.
        var none: DropoutStream?
        let before = model.running.array
        model.forward([1, 1], rows: 1, buffers: buffers, dropout: &none)
        #expect(abs(Double(buffers.values[1].pointer[0]) - (2 * (3.5 - 0.375) / (1.1 + 1e-5).squareRoot() - 1)) < 1e-5)
        #expect(model.running.array == before)
    }

    @Test func theConfigTurnsItOnAndChecksWhatGoesWithIt() throws {
        let base = #"{"model": {"layers": [4, 3, 2], "batch_norm": true, "linear_bias": false}, "strategies": [{"id": "x", "weights": "ones", "biases": "ones"}"#
        let experiment = try parseExperiment(base + "]}")
        #expect(experiment.model.batchNorm && !experiment.model.linearBias)
        #expect(try parseExperiment(experiment.echo.formatted()).model == experiment.model)
        // A strategy turning it off keeps it off through the echo.
        let off = try parseExperiment(base + #", {"id": "y", "weights": "zeros", "model": {"batch_norm": false}}]}"#)
        #expect(off.strategies[1].model.batchNorm == false && off.strategies[1].model.linearBias)
        #expect(try parseExperiment(off.echo.formatted()).strategies == off.strategies)
        // γ starts at 1, β at 0; b is 0 without a linear bias, whatever the biases' initializer.
        let model = experiment.strategies[0].initialNetwork(seed: 1)
        #expect(model.biases(0).allSatisfy { $0 == 0 } && model.biases(1).allSatisfy { $0 == 1 })
        let layer = model.layers[0]
        #expect(layer.normalized && !model.layers[1].normalized)
        #expect((0..<3).allSatisfy { model.values(of: model.plan.segments.first(.gamma, of: 0)!)[$0] == 1 && model.values(of: model.plan.segments.first(.beta, of: 0)!)[$0] == 0 })
        #expect(configProblems(#"{"model": {"layers": [4, 2], "linear_bias": false}, "strategies": [{"id": "x", "weights": "zeros"}]}"#)
                == ["model.linear_bias: a linear layer drops its bias only before batch normalization: set \"batch_norm\": true"])
        #expect(configProblems(base + #", {"id": "y", "weights": "orthogonal", "procedure": {"kind": "lsuv"}}]}"#)
                == ["strategies[1].procedure: LSUV and RBM pre-training work on networks without batch normalization; this strategy's model has it"])
        // 600 images, 150 held out: batches of 449 leave a last batch of one image.
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        var text = try String(contentsOfFile: config, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"dropout\": 0.2", with: "\"dropout\": 0.2, \"batch_norm\": true")
            .replacingOccurrences(of: "\"batch_size\": 20", with: "\"batch_size\": 449")
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        let result = try runCommand([config, "--quiet"])
        #expect(result.status == 2 && result.stderr.contains("training.batch_size: a last batch holds one image"))
        #expect(configProblems(#"{"model": {"layers": [4, 2], "batch_norm": true}, "strategies": [{"id": "x", "weights": "zeros"}]}"#)
                == ["model.batch_norm: batch normalization follows a hidden layer, and this model has none"])
    }

    /// Validating with dropout on (training mode) normalizes with the validation batches; the
    /// test set must still be measured with the statistics training left.
    @Test func validatingWithDropoutLeavesTheTestSetsStatisticsAlone() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        var experiment = try Experiment.load(path: config)
        experiment.model.batchNorm = true
        experiment.strategies = experiment.strategies.map { var s = $0; s.model = experiment.model; return s }
        let dataset = try Dataset.load(experiment.dataset)
        let plain = Comparison(experiment: experiment, dataset: dataset, testSet: dataset).run(threads: 1)
        experiment.training.validationDropout = true
        let lesson = Comparison(experiment: experiment, dataset: dataset, testSet: dataset).run(threads: 1)
        for (a, b) in zip(plain, lesson) {
            #expect(a.batchLosses == b.batchLosses && a.testAccuracy != nil && a.testAccuracy == b.testAccuracy, "\(a.strategyID)")
        }
    }

    @Test func aComparisonWithBatchNormTrainsAndReportsWhereItSits() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        var text = try String(contentsOfFile: config, encoding: .utf8)
        text = text.replacingOccurrences(of: #"{ "id": "zeros", "label": "All Zeros", "weights": "zeros" }"#, with: """
            { "id": "zeros", "label": "All Zeros", "weights": "zeros" },
            { "id": "normal-bn", "label": "N(0, 1) + BN", "weights": { "kind": "normal", "std": 1 }, "model": { "batch_norm": true, "linear_bias": false } },
            { "id": "kaiming-bn", "label": "Kaiming + BN", "weights": "kaiming_normal", "model": { "batch_norm": true } }
            """)
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        let outcome = try ComparisonJob.prepare(configPath: config, options: JobOptions(threads: 2)).run()
        let kaiming = try #require(outcome.results.first { $0.strategyID == "kaiming-bn" })
        #expect(kaiming.status == .ok && kaiming.validationAccuracy! > 0.8, "\(kaiming.validationAccuracy ?? -1)")
        let bn = try #require(outcome.results.first { $0.strategyID == "normal-bn" })
        let layers = try #require(bn.diagnostics?.initial)
        #expect(layers.map(\.batchNorm) == [true, true, false])
        // Normalized with the probe's own statistics, γ = 1 and β = 0: the activation's input has std 1.
        for layer in layers.prefix(2) { #expect(abs(layer.preactivationStd! - 1) < 1e-3, "layer \(layer.layer)") }
        let report = try String(contentsOfFile: folder + "/out/report.md", encoding: .utf8)
        #expect(report.contains("| `normal-bn` | N(0, 1) + BN | 36-16-8-3, relu, batch normalization after every hidden layer's product, before its activation (no linear bias), dropout 0.2 |"))
        let inspect = try runCommand(["inspect", config])
        #expect(inspect.stdout.contains("batch normalization after layers 1–2, before the activation: γ = 1, β = 0, running mean 0 and variance 1; no linear bias (b stays 0)"))
    }
}
