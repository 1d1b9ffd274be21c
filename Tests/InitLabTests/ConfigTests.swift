import Foundation
import Testing
@testable import InitLab

@Suite struct ConfigTests {
    @Test func theLessonConfigDescribesTheLesson() throws {
        let experiment = try Experiment.load(path: packageRoot + "/configs/fashion.json")
        #expect(experiment.model.layers == [784, 256, 128, 10])
        #expect(experiment.model.activation == .relu)
        #expect(experiment.model.dropout == 0.2)
        #expect(experiment.training == TrainingSpec(optimizer: .adam(learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8),
                                                    batchSize: 100, epochs: 2, validationFraction: 0.2, validationDropout: false))
        #expect(experiment.plots.batches == 100)
        #expect(experiment.dataset.folder == "/usr/share/datasets/fashion-mnist")
        let byID = Dictionary(uniqueKeysWithValues: experiment.strategies.map { ($0.id, $0.layers) })
        func all(_ weights: Initializer, _ biases: Initializer = .constant(0)) -> [LayerInit] {
            Array(repeating: LayerInit(weights: weights, biases: biases), count: 3)
        }
        #expect(byID["zeros"] == all(.constant(0)))
        #expect(byID["ones"] == all(.constant(1)))
        #expect(byID["uniform"] == all(.uniform(low: 0, high: 1)))
        #expect(byID["centered"] == all(.uniform(low: -0.5, high: 0.5)))
        #expect(byID["rule"] == all(.fanInUniform(scale: 1)))
        #expect(byID["normal"] == all(.fanInNormal(scale: 1)))
        #expect(byID["default"] == all(.pytorchDefault, .pytorchDefault))
        #expect(experiment.plots.figures.map(\.title) == ["All Zeros vs All Ones", "Uniform Baseline", "[-0.5, 0.5) vs [-y, y)",
                                                          "Uniform vs Normal", "No Weight Initialization", "All seven strategies"])
        #expect(experiment.plots.figures.last?.strategies.count == 7)
    }

    @Test func theEchoIsAConfigThatLoadsToTheSameExperiment() throws {
        let experiment = try Experiment.load(path: packageRoot + "/configs/fashion.json")
        let again = try parseExperiment(experiment.echo.formatted())
        #expect(again.strategies == experiment.strategies)
        #expect(again.model == experiment.model && again.training == experiment.training && again.plots == experiment.plots)
        #expect(again.echo == experiment.echo)
        #expect(again.diagnostics == experiment.diagnostics)
    }

    @Test func theDiagnosticsSectionIsReadAndChecked() throws {
        let minimal = #"{"model": {"layers": [4, 2]}, "strategies": [{"id": "x", "weights": "zeros"}]"#
        #expect(try parseExperiment(minimal + "}").diagnostics == .standard)
        let custom = try parseExperiment(minimal + #", "diagnostics": {"enabled": false, "probe_images": 64, "steps": [3, 1]}}"#)
        #expect(custom.diagnostics == DiagnosticsSpec(enabled: false, probeImages: 64, steps: [3, 1]))
        #expect(try parseExperiment(custom.echo.formatted()).diagnostics == custom.diagnostics)
        #expect(configProblems(minimal + #", "diagnostics": {"probe_images": 0, "steps": [-1, 2.5], "enabled": "yes", "every": 3}}"#) == [
            "diagnostics.enabled: expected true or false, found a string",
            "diagnostics.probe_images: expected an integer from 2 to 1048576, found 0",
            "diagnostics.steps[0]: expected an integer from 0 to 1099511627776, found -1",
            "diagnostics.steps[1]: expected an integer from 0 to 1099511627776, found 2.5",
            "diagnostics.every: unknown key; valid here: enabled, probe_images, steps, jacobian_inputs",
        ])
        #expect(configProblems(minimal + #", "plots": {"figures": [{"name": "training-x", "strategies": ["x"]}]}}"#).first?
            .contains("is the name of a figure the tool always draws") == true)
    }

    @Test func defaultsFillWhatAMinimalConfigLeavesOut() throws {
        let experiment = try Experiment.parse(#"{"model": {"layers": [784, 10]}, "strategies": [{"id": "x", "weights": "zeros"}]}"#,
                                              file: "configs/tiny.json", defaultName: "tiny")
        #expect(experiment.name == "tiny" && experiment.output == "plots/tiny")
        #expect(experiment.training.batchSize == 100 && experiment.training.epochs == 2 && experiment.seed == 1)
        #expect(experiment.plots.figures.map(\.strategies) == [["x"]])
    }

    @Test func perLayerStrategiesAndNonlinearityGains() throws {
        let experiment = try parseExperiment("""
        {"model": {"layers": [10, 8, 6, 3], "activation": {"name": "leaky_relu", "slope": 0.2}},
         "strategies": [{"id": "fixup", "weights": {"kind": "kaiming_normal", "nonlinearity": "leaky_relu", "slope": 0.2},
                         "layers": [{}, {"biases": {"kind": "constant", "value": 0.1}}, {"weights": "zeros"}]}]}
        """)
        let gain = Float((2 / 1.04).squareRoot())
        #expect(experiment.model.activation == .leakyReLU(slope: 0.2))
        #expect(experiment.strategies[0].layers == [
            LayerInit(weights: .kaimingNormal(gain: gain, mode: .fanIn), biases: .constant(0)),
            LayerInit(weights: .kaimingNormal(gain: gain, mode: .fanIn), biases: .constant(0.1)),
            LayerInit(weights: .constant(0), biases: .constant(0)),
        ])
    }

    @Test func everyProblemIsReportedAtOnceWithItsKeyPath() {
        let problems = configProblems("""
        {"modle": {},
         "model": {"layers": [784, 0, 10], "dropout": 1.5, "activation": "relu6"},
         "training": {"batch_size": 0, "epochs": 1.5, "validation_fraction": 1, "optimizer": {"name": "adam", "learning_rate": -1}},
         "strategies": [
           {"id": "a", "weights": {"kind": "normal", "std": -1}},
           {"id": "a", "weights": "zeros"},
           {"id": "b", "weights": "xavier"},
           {"id": "c", "weights": {"kind": "uniform", "low": 1, "high": 0}}
         ],
         "plots": {"figures": [{"name": "f", "strategies": ["a", "zeroes"]}]}}
        """)
        let expected = [
            "model.layers[1]: expected a layer width from 1 to 16777216, found 0",
            "model.activation: unknown nonlinearity \"relu6\"; did you mean \"relu\"? valid: relu, tanh, sigmoid, leaky_relu, selu, identity, linear",
            "model.dropout: expected a probability in [0, 1), found 1.5",
            "training.optimizer.learning_rate: expected a number > 0, found -1",
            "training.batch_size: expected an integer from 1 to 16777216, found 0",
            "training.epochs: expected an integer from 1 to 100000, found 1.5",
            "training.validation_fraction: expected a fraction strictly between 0 and 1, found 1",
            "strategies[0].weights.std: expected a number > 0, found -1",
            "strategies[1].id: duplicate strategy id \"a\"",
            "strategies[2].weights: unknown initializer \"xavier\"; did you mean \"xavier_uniform\" or \"xavier_normal\" (also named glorot_uniform, glorot_normal)? the 26 valid initializer names are listed below",
            "strategies[3].weights: uniform needs low < high, found low 1, high 0",
            "plots.figures[0].strategies[1]: no strategy has id \"zeroes\"; strategies: a, b, c",
            "modle: unknown key; did you mean \"model\"?",
        ]
        for message in expected {
            #expect(problems.contains { $0.hasPrefix(message) }, "missing: \(message)\nproblems:\n\(problems.joined(separator: "\n"))")
        }
        // Nothing else: strategy "a" exists even though its first definition is invalid.
        #expect(problems.count == expected.count, "\(problems.joined(separator: "\n"))")
    }

    @Test func unknownKeysSuggestTheNearestValidKey() {
        let problems = configProblems(#"{"model": {"layers": [4, 2], "dropuot": 0.1}, "strategies": [{"id": "x", "weights": "zeros", "bias": "ones"}]}"#)
        #expect(problems.contains("model.dropuot: unknown key; did you mean \"dropout\"?"))
        #expect(problems.contains("strategies[0].bias: unknown key; did you mean \"biases\"?"))
        let shortened = configProblems(#"{"model": {"layers": [4, 2]}, "training": {"batch": 10}, "strategies": [{"id": "x", "weights": "kaiming"}]}"#)
        #expect(shortened.contains("training.batch: unknown key; did you mean \"batch_size\"?"))
        #expect(shortened.contains("strategies[0].weights: unknown initializer \"kaiming\"; did you mean \"kaiming_uniform\" or \"kaiming_normal\" "
                                   + "(also named he_uniform, he_normal)? the 26 valid initializer names are listed below"), "\(shortened)")
    }

    /// "he" is a word of he_uniform and he_normal, not a typo of "eye"; and 26 names go in
    /// columns after the problems, once, however many problems refer to them.
    @Test func aNameIsSuggestedByMeaningAndALongListComesInColumns() {
        do {
            _ = try parseExperiment(#"{"model": {"layers": [4, 2]}, "strategies": [{"id": "x", "weights": {"kind": "he"}}, {"id": "y", "weights": "gaussian"}]}"#)
            Issue.record("parsed")
        } catch let error as ConfigError {
            #expect(error.problems == [
                "strategies[0].weights.kind: unknown initializer \"he\"; did you mean \"he_uniform\" or \"he_normal\" (also named kaiming_uniform, kaiming_normal)? the 26 valid initializer names are listed below",
                "strategies[1].weights: unknown initializer \"gaussian\"; the 26 valid initializer names are listed below",
            ])
            #expect(error.listings.count == 1)
            let lines = error.listings.first?.split(separator: "\n") ?? []
            #expect(lines.first == "valid initializer names:" && lines.count == 1 + 7, "\(lines)")
            #expect(lines.dropFirst().first == "  zeros                ones                 constant             uniform")
            #expect(Set(lines.dropFirst().flatMap { $0.split(separator: " ").map(String.init) }) == Set(InitializerKind.allCases.map(\.rawValue)))
            #expect(error.description.hasSuffix("\n" + error.listings[0]))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func malformedJSONNamesTheLineAndColumn() {
        #expect(configProblems("{\n  \"model\": {\"layers\": [784, 10]},\n  \"strategies\": [,]\n}")
            == ["line 3, column 18: unexpected character ',', expected a value (the file is not valid JSON)"])
    }

    @Test func matrixInitializersCannotInitializeBiases() {
        #expect(configProblems(#"{"model": {"layers": [4, 2]}, "strategies": [{"id": "x", "weights": "zeros", "biases": "orthogonal"}]}"#)
            == ["strategies[0].biases: orthogonal needs a matrix; it cannot initialize biases"])
    }

    @Test func configFilesThatCannotBeReadSaySo() {
        for (path, reason) in [("/nonexistent/x.json", "no such file"), (NSTemporaryDirectory(), "it is a folder")] {
            do {
                _ = try Experiment.load(path: path)
                Issue.record("loaded \(path)")
            } catch let error as ConfigError {
                #expect(error.description.hasPrefix("\(path): \(reason)"))
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test func theDatasetMustFitTheModel() throws {
        let experiment = try parseExperiment(#"{"model": {"layers": [784, 5]}, "training": {"batch_size": 90}, "strategies": [{"id": "x", "weights": "zeros"}]}"#)
        let dataset = Dataset(pixels: [UInt8](repeating: 0, count: 100 * 36), labels: (0..<100).map { UInt8($0 % 8) }, features: 36)
        do {
            try experiment.check(against: dataset, file: "x.json")
            Issue.record("accepted")
        } catch let error as ConfigError {
            #expect(error.problems == [
                "model.layers[0]: the input layer has 784 units but the images have 36 pixels",
                "model.layers[1]: the output layer has 5 units but the labels have 8 classes",
                "training.validation_fraction: leaves 80 training images, fewer than one batch of 90",
            ])
        }
    }
}
