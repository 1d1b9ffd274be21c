import Testing
@testable import InitLab

/// A strategy's "parametrization" in a config: every form read as meant, echoed so that it loads
/// back, and every bad value one line naming its key.
@Suite struct ParametrizationConfigTests {
    static func config(_ parametrization: String, layers: String = "[784, 256, 256, 10]", strategy: String = "") -> String {
        #"{"model": {"layers": \#(layers)}, "training": {"optimizer": {"name": "sgd", "learning_rate": 0.1}}, "#
            + #""strategies": [{"id": "p", "weights": "kaiming_normal", "parametrization": \#(parametrization)\#(strategy)}]}"#
    }

    @Test func everyFormIsRead() throws {
        func read(_ text: String, layers: String = "[784, 256, 256, 10]") throws -> Parametrization {
            try parseExperiment(Self.config(text, layers: layers)).strategies[0].parametrization
        }
        #expect(try read(#""standard""#) == .standard)
        #expect(try read(#"{"kind": "standard"}"#) == .standard)
        #expect(try read(#"{"kind": "mup", "base_width": 64}"#) == .mup(MaximalUpdate(baseWidths: [64, 64])))
        #expect(try read(#"{"kind": "mup", "base_width": [64, 32], "output_mult": 2, "readout_zero_init": true}"#)
                == .mup(MaximalUpdate(baseWidths: [64, 32], outputMultiplier: 2, readoutZeroInit: true)))
        #expect(try read(#""ntk""#) == .ntk(NeuralTangent(sigmaW: 1, sigmaB: 1)))
        #expect(try read(#"{"kind": "ntk", "sigma_w": 1.5, "sigma_b": 0.1}"#) == .ntk(NeuralTangent(sigmaW: 1.5, sigmaB: 0.1)))
        #expect(try read(#"{"kind": "multipliers", "input": 4, "output": 0.5, "layers": [{"learning_rate": 2}, {"forward": 3, "bias": 0.5}, "#
                         + #"{"forward": 2, "learning_rate": 0.5, "bias_learning_rate": 1}]}"#)
                == .multipliers([LayerScaling(forward: 4, weightLearningRate: 2, biasLearningRate: 2), LayerScaling(forward: 3, bias: 0.5),
                                 LayerScaling(forward: 1, weightLearningRate: 0.5)]))
    }

    /// Under NTK the weights and biases a strategy does not give are N(0, 1), Jacot et al.'s.
    @Test func ntkDrawsFromTheStandardNormal() throws {
        let text = #"{"model": {"layers": [4, 3, 2]}, "strategies": [{"id": "a", "parametrization": "ntk"}, "#
            + #"{"id": "b", "parametrization": "ntk", "weights": "zeros"}]}"#
        let strategies = try parseExperiment(text).strategies
        #expect(strategies[0].layers.allSatisfy { $0 == LayerInit(weights: .normal(mean: 0, std: 1), biases: .normal(mean: 0, std: 1)) })
        #expect(strategies[1].layers.allSatisfy { $0 == LayerInit(weights: .constant(0), biases: .normal(mean: 0, std: 1)) })
    }

    @Test func theEchoLoadsBackToTheSameParametrization() throws {
        for text in [#"{"kind": "mup", "base_width": [64, 32], "output_mult": 2.5, "readout_zero_init": true}"#,
                     #"{"kind": "ntk", "sigma_w": 1.5, "sigma_b": 0.1}"#,
                     #"{"kind": "multipliers", "output": 0.5, "layers": [{"learning_rate": 2}, {}, {"bias": 3}]}"#] {
            let experiment = try parseExperiment(Self.config(text))
            let again = try parseExperiment(experiment.echo.formatted())
            #expect(again.strategies == experiment.strategies)
            #expect(again.echo == experiment.echo)
        }
    }

    /// The strategy's initial network has muP's rescaled readout (zero here) and MuSGD's rates.
    @Test func aMupStrategyTrainsWithMupsNetwork() throws {
        let strategy = try parseExperiment(Self.config(#"{"kind": "mup", "base_width": 64, "readout_zero_init": true}"#)).strategies[0]
        let network = strategy.initialNetwork(seed: 1, optimizer: .sgd)
        #expect(network.weights(2).allSatisfy { $0 == 0 } && network.biases(2).allSatisfy { $0 == 0 })
        #expect(network.weights(1).contains { $0 != 0 })
        #expect(network.plan.segments.map(\.learningRateMultiplier) == [4, 4, 1, 4, 4, 1])
        #expect(network.layers.map(\.multiplier) == [1, 1, 0.25])
        #expect(strategy.initialNetwork(seed: 1, optimizer: .adam).plan.segments.map(\.learningRateMultiplier) == [1, 1, 0.25, 1, 1, 1])
    }

    /// inspect predicts what the run starts from: the initializer's formula times muP's
    /// rescaling (√width_mult: 2 here), zero for a zero readout.
    @Test func inspectPredictsTheRescaledValues() throws {
        let text = #"{"model": {"layers": [784, 256, 256, 10]}, "strategies": [{"id": "a", "weights": "kaiming_normal", "biases": "pytorch_default", "#
            + #""parametrization": {"kind": "mup", "base_width": 64}}, {"id": "z", "weights": "kaiming_normal", "#
            + #""parametrization": {"kind": "mup", "base_width": 64, "readout_zero_init": true}}]}"#
        let inspections = Inspection.inspect(try parseExperiment(text), seed: 3)
        let plain = inspections[0].strategy.layers[2].weights.predicted(rows: 10, cols: 256, fanIn: 256, fanOut: 10)
        let readout = inspections[0].layers[2], hidden = inspections[0].layers[1]
        #expect(abs(readout.predictedWeights.std - 2 * plain.std) < 1e-12 && abs(readout.weights.std / readout.predictedWeights.std - 1) < 0.1)
        #expect(abs(hidden.predictedBiases.std / Initializer.pytorchDefault.predicted(rows: 256, cols: 1, fanIn: 256, fanOut: 256).std - 2) < 1e-12)
        #expect(hidden.predictedBiases.bounds == -0.125...0.125 && hidden.biases.max <= 0.125)
        #expect(inspections[1].layers[2].predictedWeights.std == 0 && inspections[1].layers[2].weights.std == 0)
    }

    /// Each bad value is one problem, on one line, naming the key it is at.
    @Test func badValuesAreOneClearLineEach() {
        let key = "strategies[0].parametrization"
        let cases: [(text: String, layers: String, strategy: String, expected: String)] = [
            (#"{"kind": "mup", "base_width": 0}"#, "[784, 256, 256, 10]", "", "\(key).base_width: expected a positive integer"),
            (#"{"kind": "mup", "base_width": 2.5}"#, "[784, 256, 256, 10]", "", "\(key).base_width: expected a positive integer"),
            (#"{"kind": "mup", "base_width": -64}"#, "[784, 256, 256, 10]", "", "\(key).base_width: expected a positive integer"),
            (#"{"kind": "mup", "base_width": "64"}"#, "[784, 256, 256, 10]", "", "\(key).base_width: expected a positive integer"),
            (#"{"kind": "mup", "base_width": [64]}"#, "[784, 256, 256, 10]", "", "\(key).base_width: expected one base width per hidden layer (2), found 1"),
            (#"{"kind": "mup", "base_width": [64, 0]}"#, "[784, 256, 256, 10]", "", "\(key).base_width[1]: expected a positive integer"),
            (#"{"kind": "mup"}"#, "[784, 256, 256, 10]", "", "\(key): missing key \"base_width\""),
            (#""mup""#, "[784, 256, 256, 10]", "", "\(key): muP needs the base model's width"),
            (#"{"kind": "mup", "base_width": 64}"#, "[784, 10]", "", "\(key): muP scales the hidden widths, and this model (layers [784, 10]) has no hidden layer"),
            (#""mup""#, "[784, 10]", "", "\(key): muP scales the hidden widths, and this model (layers [784, 10]) has no hidden layer"),
            (#"{"kind": "mu_p", "base_width": 64}"#, "[784, 256, 10]", "", "\(key).kind: unknown parametrization \"mu_p\"; did you mean \"mup\"?"),
            (#"{"kind": "mup", "base_width": 64, "output_mult": 0}"#, "[784, 256, 10]", "", "\(key).output_mult: expected a finite number > 0"),
            (#"{"kind": "mup", "base_width": 64, "output_mult": -1}"#, "[784, 256, 10]", "", "\(key).output_mult: expected a finite number > 0"),
            (#"{"kind": "mup", "base_width": 64, "output_mult": 1e39}"#, "[784, 256, 10]", "", "\(key).output_mult: expected a finite number > 0"),
            (#"{"kind": "mup", "base_width": 64, "output_mult": 1e-50}"#, "[784, 256, 10]", "", "\(key).output_mult: expected a finite number > 0"),
            (#"{"kind": "mup", "base_width": 64, "ouput_mult": 2}"#, "[784, 256, 10]", "", "\(key).ouput_mult: unknown key; did you mean \"output_mult\"?"),
            (#"{"kind": "ntk", "sigma_w": 0}"#, "[784, 256, 10]", "", "\(key).sigma_w: expected a finite number > 0"),
            (#"{"kind": "ntk", "sigma_b": "big"}"#, "[784, 256, 10]", "", "\(key).sigma_b: expected a finite number > 0"),
            (#"{"kind": "multipliers", "layers": [{}, {}]}"#, "[784, 256, 256, 10]", "", "\(key).layers: expected one entry per weight layer (3), found 2"),
            (#"{"kind": "multipliers", "layers": [{}, {"forward": -2}]}"#, "[784, 256, 10]", "", "\(key).layers[1].forward: expected a finite number > 0"),
            (#"{"kind": "multipliers", "output": 0}"#, "[784, 256, 10]", "", "\(key).output: expected a finite number > 0"),
            (#"{"kind": "multipliers", "layers": [{"learning_rate": 1e39}, {}]}"#, "[784, 256, 10]", "", "\(key).layers[0].learning_rate: expected a finite number > 0"),
            (#""multipliers""#, "[784, 256, 10]", "", "\(key): give the multipliers"),
            // Finite each, infinite together.
            (#"{"kind": "multipliers", "input": 1e30, "layers": [{"forward": 1e30}, {}]}"#, "[784, 256, 10]", "",
             "\(key): layer 1's forward multiplier comes to inf, not a finite number > 0 in Float"),
            (#"{"kind": "mup", "base_width": 64, "output_mult": 3e38}"#, "[784, 32, 10]", "",
             "\(key): layer 2's forward multiplier comes to inf, not a finite number > 0 in Float"),
            (#""mu_p""#, "[784, 256, 10]", "", "\(key): unknown parametrization \"mu_p\"; did you mean \"mup\"?"),
            (#"{"kind": "mup", "base_width": 64}"#, "[784, 256, 10]", #", "procedure": {"kind": "lsuv"}"#,
             "\(key): LSUV and RBM pre-training set the weights themselves"),
        ]
        for c in cases {
            let problems = configProblems(Self.config(c.text, layers: c.layers, strategy: c.strategy))
            #expect(problems.count == 1 && problems.allSatisfy { !$0.contains("\n") }, "\(c.text): \(problems)")
            #expect(problems.first?.hasPrefix(c.expected) == true, "\(c.text): \(problems)")
        }
    }

    @Test func batchNormalizationTakesNoBiasMultiplier() {
        let text = #"{"model": {"layers": [784, 256, 10], "batch_norm": true}, "strategies": [{"id": "p", "parametrization": {"kind": "ntk", "sigma_b": 0.5}}]}"#
        #expect(configProblems(text) == ["strategies[0].parametrization: batch normalization subtracts the hidden layers' bias, so it takes no bias multiplier; leave it at 1"])
        // A readout's bias multiplier is fine, and so is NTK's σ_b of 1.
        #expect(configProblems(text.replacingOccurrences(of: #", "sigma_b": 0.5"#, with: "")).isEmpty)
    }
}
