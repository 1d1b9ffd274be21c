import Foundation
import Testing
@testable import InitLab

/// The diagnostics: each statistic against its exact value on networks small enough to work out,
/// against a Float64 reference, and the promise that they only read the network.
@Suite struct DiagnosticsTests {
    /// Population mean and std of Double values, the diagnostics' definition.
    static func moments(_ values: [Double]) -> (mean: Double, std: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        return (mean, (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot())
    }

    /// Four two-pixel images, (1, 0), (0, 1), (1, 1), (0, 0), labels 0, 1, 1, 0.
    static let images = Dataset(pixels: [255, 0, 0, 255, 255, 255, 0, 0], labels: [0, 1, 1, 0], features: 2)

    static func model(widths: [Int], activation: Activation, parameters: [Float]) -> Network {
        let model = Network(widths: widths, activation: activation, dropout: 0.5)
        model.parameters.copy(from: parameters)
        return model
    }

    @Test func aHandComputedIdentityNetwork() throws {
        // W1 = [[1, 2], [3, −1]], b1 = [0.5, −0.5]; W2 = [[1, 0], [2, 1]], b2 = [0, 0].
        let model = Self.model(widths: [2, 2, 2], activation: .identity, parameters: [1, 2, 3, -1, 0.5, -0.5, 1, 0, 2, 1, 0, 0])
        let layers = InsideMeasurement(network: model, batch: ProbeBatch(dataset: Self.images, count: 4)).measure(gradients: true)
        // z1 per image: (1.5, 2.5), (2.5, −1.5), (3.5, 1.5), (0.5, −0.5).
        let z1 = Self.moments([1.5, 2.5, 2.5, -1.5, 3.5, 1.5, 0.5, -0.5])
        #expect(abs(layers[0].preactivationMean! - z1.mean) < 1e-12 && abs(layers[0].preactivationStd! - z1.std) < 1e-12)
        #expect(layers[0].activationMean == layers[0].preactivationMean && layers[0].activationStd == layers[0].preactivationStd)
        #expect(layers[0].deadFraction == 0 && layers[0].saturatedFraction == nil)
        #expect(abs(layers[0].weightStd! - Self.moments([1, 2, 3, -1]).std) < 1e-12)
        // Scores = (z1₀, 2·z1₀ + z1₁): (1.5, 5.5), (2.5, 3.5), (3.5, 8.5), (0.5, 0.5).
        let scores: [[Double]] = [[1.5, 5.5], [2.5, 3.5], [3.5, 8.5], [0.5, 0.5]]
        let s = Self.moments(scores.flatMap { $0 })
        #expect(abs(layers[1].preactivationMean! - s.mean) < 1e-12 && abs(layers[1].preactivationStd! - s.std) < 1e-12)
        #expect(layers[1].activationStd == nil && layers[1].deadFraction == nil)
        // dL/dscores = (softmax − one-hot)/4; the hidden layer's output gradient is W2ᵀ times it.
        let labels = [0, 1, 1, 0]
        let dscores = scores.enumerated().map { r, row in
            let e = row.map { exp($0 - row.max()!) }, sum = e.reduce(0, +)
            return e.enumerated().map { j, v in (v / sum - (j == labels[r] ? 1 : 0)) / 4 }
        }
        let dhidden = dscores.map { d in [d[0] * 1 + d[1] * 2, d[0] * 0 + d[1] * 1] }
        #expect(abs(layers[1].outputGradientStd! - Self.moments(dscores.flatMap { $0 }).std) < 1e-7)
        #expect(abs(layers[0].outputGradientStd! - Self.moments(dhidden.flatMap { $0 }).std) < 1e-7)
        // dW2[j][i] = Σ_r dscores[r][j]·z1[r][i]; dW1[j][i] = Σ_r dhidden[r][j]·x[r][i].
        let z: [[Double]] = [[1.5, 2.5], [2.5, -1.5], [3.5, 1.5], [0.5, -0.5]], x: [[Double]] = [[1, 0], [0, 1], [1, 1], [0, 0]]
        func product(_ d: [[Double]], _ input: [[Double]]) -> [Double] {
            (0..<2).flatMap { j in (0..<2).map { i in (0..<4).reduce(0) { $0 + d[$1][j] * input[$1][i] } } }
        }
        #expect(abs(layers[1].weightGradientStd! - Self.moments(product(dscores, z)).std) < 1e-7)
        #expect(abs(layers[0].weightGradientStd! - Self.moments(product(dhidden, x)).std) < 1e-7)
    }

    /// Σ of 0.1, 0.2 and −0.3 is 0 in real numbers but not in Float (their Float values sum to
    /// 7.5e-9): what a product that sums them returns is rounding, in whatever order it sums. The
    /// same values a billion times smaller, not cancelling, are a real (vanishing) gradient.
    @Test func aProductThatCancelsIsZeroUpToRoundingAndATinyOneIsNot() {
        let w: [Float] = [1, 1, 1], cancelling: [Float] = [0.1, 0.2, -0.3]
        func norm(_ v: [Float]) -> Double { v.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot() }
        // The Float values' exact sum (in Double, which holds it exactly): what a kernel that
        // rounded nothing along the way would return.
        let residue = zip(w, cancelling).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        #expect(residue != 0, "the case must leave a rounding residue to test")
        #expect(InsideMeasurement.isRounding(abs(residue), sumsOf: 3, norm(w), norm(cancelling)))
        let tiny: [Float] = [1e-10, 2e-10, 3e-10], tinySum = zip(w, tiny).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        #expect(!InsideMeasurement.isRounding(Double(tinySum), sumsOf: 3, norm(w), norm(tiny)))
    }

    /// All Ones: every hidden unit is a copy, and what reaches the hidden layers from the scores
    /// is Σ over the classes of softmax − one-hot, zero in real numbers. The probe records it as
    /// 0, and the gradient below, while the output layer's weights get their real gradient.
    @Test func allOnesGetsNoGradientBelowTheOutputLayer() {
        let model = Network(widths: [2, 8, 8, 10], activation: .relu, dropout: 0)
        model.parameters.pointer.update(repeating: 1, count: model.parameters.count)
        let layers = InsideMeasurement(network: model, batch: ProbeBatch(dataset: Self.images, count: 4)).measure(gradients: true)
        #expect(layers[0].outputGradientStd == 0 && layers[1].outputGradientStd == 0)
        #expect(layers[0].weightGradientStd == 0 && layers[1].weightGradientStd == 0)
        #expect((layers[2].weightGradientStd ?? 0) > 0 && (layers[2].outputGradientStd ?? 0) > 0)
        let reading = InsideReading.atInitialization(layers, activation: .relu)
        #expect(reading.contains("the gradient back-propagated to layers 1–2 is zero (up to rounding): their weights get no gradient from the probe batch"),
                "\(reading)")
        #expect(!reading.contains { $0.contains("grows") && $0.contains("gradient") })
    }

    @Test func deadAndSaturatedUnitsOfAConstructedBatch() throws {
        // ReLU: unit 1 is positive on three images, unit 2 negative on all (dead), unit 3
        // positive on (1, 0) only, unit 4 has zero weights and bias −1 (dead): half are dead.
        var relu: [Float] = [1, 1, -1, -1, 1, -1, 0, 0] + [0, 0, 0, -1]
        relu += [Float](repeating: 0.1, count: 8) + [0, 0]
        let reluLayers = InsideMeasurement(network: Self.model(widths: [2, 4, 2], activation: .relu, parameters: relu),
                               batch: ProbeBatch(dataset: Self.images, count: 4)).measure(gradients: true)
        #expect(reluLayers[0].deadFraction == 0.5)
        #expect(reluLayers[0].saturatedFraction == nil)
        #expect(reluLayers[0].symmetric == false && reluLayers[1].symmetric == nil)
        // All-equal weights: every unit is a copy of the first, with batch normalization too.
        for batchNorm in [false, true] {
            let ones = Network(widths: [2, 4, 2], activation: .relu, dropout: 0, batchNorm: batchNorm)
            ones.weights(0).update(repeating: 1)
            let layers = InsideMeasurement(network: ones, batch: ProbeBatch(dataset: Self.images, count: 4)).measure(gradients: true)
            #expect(layers[0].symmetric == true && layers[0].batchNorm == batchNorm)
        }
        // tanh: (10, 10) and (−10, −10) are flat on three images of four, (10, 0) on exactly two
        // (half: not more than half), (0.1, 0.1) on none: half are saturated, none dead.
        let tanh: [Float] = [10, 10, -10, -10, 10, 0, 0.1, 0.1, 0, 0, 0, 0] + [Float](repeating: 0.1, count: 8) + [0, 0]
        for (activation, expected) in [(Activation.tanh, 0.5), (.sigmoid, 0.5)] {
            let layers = InsideMeasurement(network: Self.model(widths: [2, 4, 2], activation: activation, parameters: tanh),
                               batch: ProbeBatch(dataset: Self.images, count: 4)).measure(gradients: false)
            #expect(layers[0].saturatedFraction == expected, "\(activation)")
            // Every unit is 0 (tanh) or ½ (sigmoid) on image (0, 0) only: none is dead.
            #expect(layers[0].deadFraction == 0, "\(activation)")
        }
    }

    @Test func statisticsAgreeWithAFloat64Reference() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        let dataset = try Dataset.load(try Experiment.load(path: config).dataset)
        for (activation, weights) in [(Activation.tanh, "xavier_uniform"), (.relu, "kaiming_normal"), (.sigmoid, "lecun_normal")] {
            let experiment = try parseExperiment("""
            {"model": {"layers": [36, 24, 16, 12, 3], "activation": "\(activation.name)"},
             "strategies": [{"id": "s", "weights": "\(weights)", "biases": {"kind": "normal", "std": 0.1}}]}
            """)
            let model = experiment.strategies[0].initialNetwork(seed: 4)
            let batch = ProbeBatch(dataset: dataset, count: 50)
            let layers = InsideMeasurement(network: model, batch: batch).measure(gradients: true)
            let reference = ReferenceMLP(model)
            let x = Array(batch.x.buffer).map(Double.init)
            let outputs = reference.layers(x: x, rows: 50)
            for (l, output) in outputs.enumerated() {
                let z = Self.moments(output.z)
                #expect(abs(layers[l].preactivationStd! / z.std - 1) < 1e-5, "\(activation) layer \(l + 1)")
                if l < outputs.count - 1 {
                    let y = Self.moments(output.y)
                    #expect(abs(layers[l].activationStd! / y.std - 1) < 1e-5, "\(activation) layer \(l + 1)")
                    #expect(abs(layers[l].activationMean! - y.mean) < 1e-5 * y.std, "\(activation) layer \(l + 1)")
                }
            }
            // The weight gradients' spread against central differences of the Double loss.
            let gradient = reference.numericalGradient(x: x, labels: batch.labels.map(Int.init), rows: 50, masks: nil)
            for (l, layer) in model.layers.enumerated() {
                let expected = Self.moments(Array(gradient[layer.weight.range])).std
                #expect(abs(layers[l].weightGradientStd! / expected - 1) < 1e-3, "\(activation) layer \(l + 1)")
            }
        }
    }

    @Test func statisticsThatOverflowAreNil() {
        // Weights of 10³⁰: the scores overflow to ±∞ and their spread is not a number.
        let huge = Network(widths: [2, 3, 2], activation: .relu, dropout: 0)
        for l in 0..<2 { huge.weights(l).update(repeating: 1e30) }
        let layers = InsideMeasurement(network: huge, batch: ProbeBatch(dataset: Self.images, count: 4)).measure(gradients: true)
        for layer in layers {
            for field in LayerDiagnostics.fields { #expect(layer[keyPath: field.path]?.isFinite ?? true, "\(field.key) of layer \(layer.layer)") }
        }
        #expect(layers[1].preactivationStd == nil)
    }

    @Test func theScheduleAddsEveryEpochsEndAndDropsStepsPastTheRun() {
        let spec = DiagnosticsSpec.standard
        #expect(spec.schedule(stepsPerEpoch: 480, epochs: 2) == [0, 1, 2, 5, 10, 20, 50, 100, 200, 480, 500, 960])
        #expect(spec.schedule(stepsPerEpoch: 15, epochs: 3) == [0, 1, 2, 5, 10, 15, 20, 30, 45])
        var custom = spec
        custom.steps = [7, 3, 3]
        #expect(custom.schedule(stepsPerEpoch: 4, epochs: 2) == [3, 4, 7, 8])
    }

    @Test func aStepsRecordMeasuresItsOwnUpdate() throws {
        // Plain SGD: the update is −lr·g, so ‖ΔW‖/‖W‖ = lr·‖g‖/‖W‖ up to Float rounding.
        let (folder, config) = try syntheticExperiment(extra: """
            "diagnostics": { "steps": [0, 1, 3] },
            """)
        defer { removeFolder(folder) }
        var experiment = try Experiment.load(path: config)
        experiment.training.optimizer = .sgd(learningRate: 0.05, momentum: 0)
        experiment.model.dropout = 0
        experiment.strategies = experiment.strategies.map { var s = $0; s.model = experiment.model; return s }
        let dataset = try Dataset.load(experiment.dataset)
        let comparison = Comparison(experiment: experiment, dataset: dataset)
        let result = comparison.run(threads: 1)[2]
        let diagnostics = try #require(result.diagnostics)
        #expect(diagnostics.steps.map(\.step) == [0, 1, 3, 23, 46])
        let start = experiment.strategies[2].initialNetwork(seed: experiment.seed)
        let step1 = diagnostics.steps[1]
        for l in start.layers.indices {
            let norm = start.weights(l).reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
            let expected = 0.05 * step1.layers[l].weightGradientNorm! / norm
            #expect(abs(step1.layers[l].updateRatio! / expected - 1) < 1e-4, "layer \(l + 1)")
        }
        // Step 0 is the network at initialization: its forward statistics, no step's gradient.
        #expect(diagnostics.steps[0].layers.map(\.activationStd) == diagnostics.initial.map(\.activationStd))
        #expect(diagnostics.steps[0].layers.allSatisfy { $0.updateRatio == nil && $0.weightGradientNorm == nil })
    }

    @Test func diagnosticsNeverChangeTheTrainingAndDoNotDependOnThreads() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        var experiment = try Experiment.load(path: config)
        let dataset = try Dataset.load(experiment.dataset)
        let on1 = Comparison(experiment: experiment, dataset: dataset).run(threads: 1)
        let on2 = Comparison(experiment: experiment, dataset: dataset).run(threads: 2)
        experiment.diagnostics.enabled = false
        let off = Comparison(experiment: experiment, dataset: dataset).run(threads: 2)
        for ((a, b), c) in zip(zip(on1, on2), off) {
            #expect(a.batchLosses.map(\.bitPattern) == c.batchLosses.map(\.bitPattern), "\(a.strategyID)")
            #expect(a.validationAccuracy == c.validationAccuracy && a.validationLoss == c.validationLoss)
            #expect(a.diagnostics != nil && a.diagnostics == b.diagnostics, "\(a.strategyID): diagnostics differ with two threads")
            #expect(c.diagnostics == nil)
        }
    }

    @Test func theReadingFollowsTheNumbers() {
        func layers(_ stds: [Double], dead: Double = 0, gradients: [Double]? = nil) -> [LayerDiagnostics] {
            (stds + [0]).enumerated().map { l, std in
                var entry = LayerDiagnostics(layer: l + 1)
                if l < stds.count {
                    entry.activationStd = std
                    entry.deadFraction = l == 1 ? dead : 0
                }
                entry.outputGradientStd = gradients?[l]
                return entry
            }
        }
        #expect(InsideReading.atInitialization(layers([0.5, 2, 8]), activation: .relu)
                == ["activation std grows from 0.5 at layer 1 to 8 at layer 3: the signal explodes"])
        #expect(InsideReading.atInitialization(layers([0.5, 0.4, 0.3], dead: 0.25, gradients: [1e-6, 1e-4, 1e-3, 1]), activation: .relu)
                == ["activation std stays between 0.3 and 0.5 over the 3 hidden layers: the signal propagates",
                    "25% of layer 2's units are dead (0 on every probe image)",
                    "the back-propagated gradient shrinks 1e+03× from layer 3 down to layer 1"])
        var steps = RunDiagnostics(probeImages: 10, initial: layers([0.5, 0.4]), steps: [])
        steps.steps = [StepDiagnostics(step: 0, layers: layers([0.5, 0.4])), StepDiagnostics(step: 1, layers: layers([0.5, 0.4])),
                       StepDiagnostics(step: 9, layers: layers([0.5, 0.9], dead: 0.3))]
        steps.steps[1].layers[0].updateRatio = 0.001
        steps.steps[1].layers[1].updateRatio = 0.04
        #expect(InsideReading.overTraining(steps) == ["step 1 changes each layer's weights by 0.001 to 0.04 of their norm (the range over the layers)",
                                                      "by step 9, layer 2's activation std went from 0.4 to 0.9; dead units (worst layer) rose from 0% to 30%"])
    }
}
