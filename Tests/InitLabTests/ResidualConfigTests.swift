import Testing
@testable import InitLab

/// A residual model in a config (#24, items 1 and 6): what it reads, how it echoes, and one
/// clear line for each bad value.
@Suite struct ResidualConfigTests {
    static let plainModel = "\"model\": { \"layers\": [36, 16, 8, 3], \"activation\": \"relu\", \"dropout\": 0.2 }"

    /// The synthetic config with `model` as its model and `strategy` (keys) added to its first strategy.
    static func config(_ model: String, strategy: String = "") -> String {
        let text = syntheticConfig(dataset: "/data", output: "/out").replacingOccurrences(of: plainModel, with: model)
        return text.replacingOccurrences(of: "{ \"id\": \"zeros\", \"label\": \"All Zeros\", \"weights\": \"zeros\" }",
                                         with: "{ \"id\": \"zeros\", \"label\": \"All Zeros\", \"weights\": \"zeros\"\(strategy) }")
    }

    static func residual(_ keys: String, layers: String = "[36, 16, 3]", extra: String = "") -> String {
        "\"model\": { \"layers\": \(layers), \"activation\": \"relu\", \"dropout\": 0.2\(extra), \"residual\": { \(keys) } }"
    }

    @Test func theBaseConfigIsThePlainModel() throws {
        #expect(syntheticConfig(dataset: "/data", output: "/out").contains(Self.plainModel))
        #expect(try parseExperiment(Self.config(Self.plainModel)).model.residual == nil)
    }

    @Test func aResidualModelReadsAndEchoes() throws {
        let experiment = try parseExperiment(Self.config(Self.residual(
            "\"blocks\": 3, \"branch\": [12, 16], \"alpha\": \"1/sqrt(L)\", \"batch_norm\": \"post\"")))
        let model = experiment.model
        #expect(model.residual == ResidualSpec(width: 16, blocks: 3, branch: [12, 16], alpha: .inverseSqrtDepth))
        #expect(model.layers == [36, 16, 12, 16, 12, 16, 12, 16, 3] && model.batchNorm && model.layerCount == 8)
        #expect(experiment.strategies[0].layers.count == 8)
        #expect(model.widthsName == "36-16-[12-16]×3-3" && experiment.strategies[0].model.widthsName == "36-16-[12-16]×3-3")
        #expect(ModelSpec(layers: [36, 16, 8, 3], activation: .relu, dropout: 0).widthsName == "36-16-8-3")
        // Every dense layer but the readout is normalized, the branches' last ones too.
        #expect(model.plan.layers.map(\.normalized) == Array(repeating: true, count: 7) + [false])
        // The echo loads back as the same experiment.
        let again = try parseExperiment(experiment.echo.description)
        #expect(again.model == model && again.strategies == experiment.strategies)
    }

    @Test func defaultsAndTheAlphaForms() throws {
        let plain = try parseExperiment(Self.config(Self.residual("\"blocks\": 2"))).model
        #expect(plain.residual == ResidualSpec(width: 16, blocks: 2, branch: [16, 16], alpha: .fixed(1)) && !plain.batchNorm)
        for (text, alpha) in [("0.25", ResidualSpec.Alpha.fixed(0.25)), ("{\"trained\": true}", .trained(initial: 1)),
                              ("{\"trained\": true, \"init\": 0}", .trained(initial: 0))] {
            let experiment = try parseExperiment(Self.config(Self.residual("\"blocks\": 2, \"alpha\": \(text)")))
            #expect(experiment.model.residual?.alpha == alpha)
            #expect(try parseExperiment(experiment.echo.description).model == experiment.model)
        }
    }

    /// A strategy's own model inherits the experiment's blocks and changes what it gives:
    /// SkipInit's trained α from 0 beside the experiment's fixed one.
    @Test func aStrategyChangesItsBlocksAlpha() throws {
        let experiment = try parseExperiment(Self.config(Self.residual("\"blocks\": 4, \"batch_norm\": \"post\""),
                                                         strategy: ", \"model\": { \"residual\": { \"alpha\": {\"trained\": true, \"init\": 0} } }"))
        let own = experiment.strategies[0].model
        #expect(own.residual == ResidualSpec(width: 16, blocks: 4, alpha: .trained(initial: 0)) && own.batchNorm)
        #expect(experiment.strategies[1].model == experiment.model)
        // Another activation only: still the experiment's blocks.
        let tanh = try parseExperiment(Self.config(Self.residual("\"blocks\": 4"), strategy: ", \"model\": { \"activation\": \"tanh\" }"))
        #expect(tanh.strategies[0].model.residual == tanh.model.residual && tanh.strategies[0].model.layers == tanh.model.layers)
        #expect(try parseExperiment(tanh.echo.description).strategies == tanh.strategies)
    }

    /// Item 6: each bad value is one line naming its key.
    @Test func badResidualValuesAreOneLineEach() {
        func problems(_ keys: String, layers: String = "[36, 16, 3]", extra: String = "", strategy: String = "") -> [String] {
            configProblems(Self.config(Self.residual(keys, layers: layers, extra: extra), strategy: strategy))
        }
        #expect(problems("\"blocks\": 2, \"branch\": [12, 8]") == ["model.residual.branch[1]: the branch ends at 8 features but the stream has 16 "
            + "(model.layers[1]); a residual block adds its branch to the stream, so its last width is the stream's"])
        #expect(problems("\"blocks\": 2, \"alpha\": 1e39") == ["model.residual.alpha: expected a finite number (a Float: below 3.4e38 in size), found 1e+39"])
        #expect(problems("\"blocks\": 2, \"alpha\": {\"trained\": true, \"init\": -1e40}")
                == ["model.residual.alpha.init: expected a finite number (a Float: below 3.4e38 in size), found -1e+40"])
        #expect(problems("\"blocks\": 2, \"alpha\": \"1/L\"") == ["model.residual.alpha: expected a number, \"1/sqrt(L)\" or {\"trained\": true, \"init\": 0}, found \"1/L\""])
        #expect(problems("\"blocks\": 2, \"alpha\": {\"trained\": false, \"init\": 0.5}") == ["model.residual.alpha.trained: a fixed α is a number: \"alpha\": 0.5"])
        #expect(problems("\"blocks\": 0") == ["model.residual.blocks: expected an integer from 1 to 1000, found 0"])
        #expect(problems("\"blocks\": 500") == ["model.residual: 500 blocks of 2 layers make 1002 dense layers; at most 1000"])
        #expect(problems("\"blocks\": 999, \"branch\": [16]") == ["model.residual: 999 blocks of 1 layer make 1001 dense layers; at most 1000"])
        #expect(problems("\"blocks\": 998, \"branch\": [16]").isEmpty)
        #expect(problems("\"branch\": [16]") == ["model.residual: missing key \"blocks\" (the number of residual blocks)"])
        #expect(problems("\"blocks\": 2, \"branch\": []") == ["model.residual.branch: expected at least one width: a branch has a dense layer"])
        #expect(problems("\"blocks\": 2, \"batch_norm\": \"after\"") == ["model.residual.batch_norm: unknown arrangement \"after\"; valid: none, post, pre"])
        #expect(problems("\"blocks\": 2", layers: "[36, 16, 8, 3]")
                == ["model.layers: a residual model's layers are [input, the stream's width, classes], found 4 widths"])
        #expect(problems("\"blocks\": 2", extra: ", \"batch_norm\": true")
                == ["model.batch_norm: a residual model's batch normalization is its blocks' arrangement: \"residual\": {\"batch_norm\": \"post\"}"])
        #expect(problems("\"blocks\": 2", strategy: ", \"procedure\": {\"kind\": \"lsuv\"}")
                == ["strategies[0].procedure: LSUV and RBM pre-training work on plain stacks of layers; this strategy's model is residual"])
        #expect(problems("\"blocks\": 2", strategy: ", \"parametrization\": {\"kind\": \"ntk\"}")
                == ["strategies[0].parametrization: a parametrization's multipliers are made for plain stacks of layers; this strategy's model is residual"])
        #expect(problems("\"blocks\": 2, \"widht\": 3") == ["model.residual.widht: unknown key; valid here: blocks, branch, alpha, batch_norm, scheme"])
    }

    /// `"batch_norm": "pre"`: read, echoed as given, loaded back the same; inherited by a
    /// strategy's own blocks, and replaced by a strategy's own arrangement or scheme.
    @Test func thePreActivationArrangementReadsAndEchoes() throws {
        let experiment = try parseExperiment(Self.config(Self.residual("\"blocks\": 3, \"branch\": [12, 16], \"batch_norm\": \"pre\""),
                                                         strategy: ", \"model\": { \"residual\": { \"alpha\": 0.5 } }"))
        let model = experiment.model
        #expect(model.residual == ResidualSpec(width: 16, blocks: 3, branch: [12, 16], preActivation: true) && model.batchNorm)
        #expect(experiment.echo.description.contains("\"batch_norm\": \"pre\""))
        // The projection and the branches' last layers are not normalized: the stream is, by the next block or the readout's.
        #expect(model.plan.layers.map(\.normalized) == [false] + Array(repeating: [true, false], count: 3).flatMap { $0 } + [false])
        let own = experiment.strategies[0].model
        #expect(own.residual == ResidualSpec(width: 16, blocks: 3, branch: [12, 16], alpha: .fixed(0.5), preActivation: true) && own.batchNorm)
        let again = try parseExperiment(experiment.echo.description)
        #expect(again.model == model && again.strategies == experiment.strategies)
        #expect(configProblems(Self.config(Self.residual("\"blocks\": 2, \"batch_norm\": \"pre\""))).isEmpty)
        // The report names the arrangement.
        #expect(MarkdownReport.describe(model).contains("pre-activation batch normalization (BN → activation → product"))
        #expect(!MarkdownReport.describe(model).contains("after every product"))
        // A strategy's "post", "none" or a scheme replaces the inherited "pre".
        for (keys, pre, norm) in [("\"batch_norm\": \"post\"", false, true), ("\"batch_norm\": \"none\"", false, false),
                                  ("\"scheme\": \"he_batch_norm\"", false, true), ("\"scheme\": \"skipinit\"", false, false)] {
            let replaced = try parseExperiment(Self.config(Self.residual("\"blocks\": 2, \"batch_norm\": \"pre\""),
                                                           strategy: ", \"model\": { \"residual\": { \(keys) } }"))
            #expect(replaced.strategies[0].model.residual?.preActivation == pre && replaced.strategies[0].model.batchNorm == norm, "\(keys)")
            #expect(try parseExperiment(replaced.echo.description).strategies == replaced.strategies)
        }
        // And a strategy's "pre" or he_batch_norm_pre over the experiment's post blocks.
        for keys in ["\"batch_norm\": \"pre\"", "\"scheme\": \"he_batch_norm_pre\""] {
            let pre = try parseExperiment(Self.config(Self.residual("\"blocks\": 2, \"batch_norm\": \"post\""),
                                                      strategy: ", \"model\": { \"residual\": { \(keys) } }"))
            #expect(pre.strategies[0].model.residual?.preActivation == true && pre.strategies[0].model.batchNorm)
            #expect(pre.strategies[1].model.residual?.preActivation == false)
            #expect(try parseExperiment(pre.echo.description).strategies == pre.strategies)
        }
    }

    /// A scheme in the experiment's blocks or a strategy's own: what it sets, its echo.
    @Test func schemesReadAndEcho() throws {
        for scheme in ResidualScheme.allCases {
            let experiment = try parseExperiment(Self.config(Self.residual("\"blocks\": 4, \"scheme\": \"\(scheme.rawValue)\"")))
            let residual = try #require(experiment.model.residual)
            #expect(residual.scheme == scheme && residual.alpha == scheme.alpha && experiment.model.batchNorm == scheme.batchNorm)
            #expect(residual.preActivation == (scheme == .heBatchNormPre))
            #expect(try parseExperiment(experiment.echo.description).model == experiment.model)
        }
        // A strategy's scheme beside the experiment's hand-given blocks, and a strategy's α
        // replacing the experiment's scheme.
        let own = try parseExperiment(Self.config(Self.residual("\"blocks\": 4, \"batch_norm\": \"post\""),
                                                  strategy: ", \"model\": { \"residual\": { \"scheme\": \"fixup\" } }"))
        #expect(own.strategies[0].model.residual == ResidualSpec(width: 16, blocks: 4, scheme: .fixup) && !own.strategies[0].model.batchNorm)
        #expect(own.strategies[1].model.batchNorm && own.strategies[1].model.residual?.scheme == nil)
        let replaced = try parseExperiment(Self.config(Self.residual("\"blocks\": 4, \"scheme\": \"rezero\""),
                                                       strategy: ", \"model\": { \"residual\": { \"alpha\": 0.5 } }"))
        #expect(replaced.strategies[0].model.residual == ResidualSpec(width: 16, blocks: 4, alpha: .fixed(0.5)))
        #expect(replaced.strategies[1].model.residual?.scheme == .rezero)
        #expect(try parseExperiment(replaced.echo.description).strategies == replaced.strategies)
    }

    /// Item 6's lines for schemes: Fixup needs two layers per branch, a scheme and its own
    /// settings given together contradict, an unknown scheme lists the valid ones.
    @Test func badSchemesAreOneLineEach() {
        func problems(_ keys: String, strategy: String = "") -> [String] { configProblems(Self.config(Self.residual(keys), strategy: strategy)) }
        #expect(problems("\"blocks\": 2, \"branch\": [16], \"scheme\": \"fixup\"")
                == ["model.residual.scheme: Fixup scales a branch's layers by L^(-1/(2m-2)) for m ≥ 2 layers per branch, and this branch has 1; "
                    + "give \"branch\" two widths or more"])
        #expect(problems("\"blocks\": 2, \"branch\": [16]", strategy: ", \"model\": { \"residual\": { \"scheme\": \"fixup\" } }")
                == ["strategies[0].model.residual.scheme: Fixup scales a branch's layers by L^(-1/(2m-2)) for m ≥ 2 layers per branch, "
                    + "and this branch has 1; give \"branch\" two widths or more"])
        #expect(problems("\"blocks\": 2, \"scheme\": \"rezero\", \"alpha\": 0")
                == ["model.residual.alpha: the scheme \"rezero\" sets α itself; give the scheme or \"alpha\", not both"])
        #expect(problems("\"blocks\": 2, \"scheme\": \"he\", \"batch_norm\": \"post\"")
                == ["model.residual.batch_norm: the scheme \"he\" sets batch normalization itself; give the scheme or \"batch_norm\", not both"])
        #expect(problems("\"blocks\": 2, \"scheme\": \"resnet\"")
                == ["model.residual.scheme: unknown scheme \"resnet\"; valid: he, he_batch_norm, he_batch_norm_pre, fixup, skipinit, rezero, "
                    + "inverse_sqrt_depth"])
        #expect(problems("\"blocks\": 2, \"alpha\": \"NaN\"")
                == ["model.residual.alpha: expected a number, \"1/sqrt(L)\" or {\"trained\": true, \"init\": 0}, found \"NaN\""])
    }
}
