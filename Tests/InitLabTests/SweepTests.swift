import Foundation
import Testing
@testable import InitLab

/// Sweeps: a grid of points, each an ordinary strategy made from the template, with the config
/// checks a strategy gets, and a grid in results.json, figures and report.
@Suite struct SweepTests {
    /// A tanh config for the synthetic dataset whose one strategy is swept by `sweep`.
    static func config(dataset: String = "/nowhere", output: String = "out", sweep: String, strategy: String? = nil, extra: String = "") -> String {
        // A sweep over seeds gives the seeds itself.
        let seed = sweep.contains(#""seed""#) ? "" : #""seed": 3,"#
        return """
        {
          "name": "sweep",
          "dataset": { "folder": "\(dataset)", "images": "images.gz", "labels": "labels.gz" },
          "model": { "layers": [36, 8, 3], "activation": "tanh", "dropout": 0 },
          "training": { "optimizer": { "name": "sgd", "learning_rate": 0.05, "momentum": 0.9 }, "batch_size": 20, "epochs": 1, "validation_fraction": 0.25 },
          \(seed)
          "output": "\(output)",
          \(extra)
          "strategies": [\(strategy ?? """
            { "id": "g", "label": "Gaussian", "weights": { "kind": "variance_scaling", "scale": 1, "mode": "fan_in", "distribution": "untruncated_normal" },
              "biases": { "kind": "normal", "std": 0.05 } }
        """)],
          "sweep": \(sweep)
        }
        """
    }

    static let map = """
        { "axes": [ { "setting": "weights.scale", "name": "sw2", "label": "σ_w²", "values": [0.5, 1, 2] },
                    { "setting": "depth", "values": [1, 3], "log_scale": true } ], "theory": true }
        """

    @Test func everyPointIsAStrategyWithItsValuesWrittenIn() throws {
        let experiment = try parseExperiment(Self.config(sweep: Self.map))
        let sweep = try #require(experiment.sweep)
        // The first axis varies fastest.
        #expect(experiment.strategies.map(\.id) == ["g-sw2_0.5-depth_1", "g-sw2_1-depth_1", "g-sw2_2-depth_1",
                                                     "g-sw2_0.5-depth_3", "g-sw2_1-depth_3", "g-sw2_2-depth_3"])
        #expect(experiment.strategies[4].label == "σ_w² 1, depth 3")
        #expect(experiment.strategies[4].model.layers == [36, 8, 8, 8, 3] && experiment.strategies[0].model.layers == [36, 8, 3])
        #expect(experiment.strategies[5].layers.allSatisfy { $0.weights == .varianceScaling(scale: 2, mode: .fanIn, distribution: .untruncatedNormal) })
        #expect(experiment.strategies[5].layers.allSatisfy { $0.biases == .normal(mean: 0, std: 0.05) })
        #expect(sweep.points.map(\.indices) == [[0, 0], [1, 0], [2, 0], [0, 1], [1, 1], [2, 1]])
        #expect(sweep.biasVariance == 0.05 * 0.05 && experiment.seeds == [3] && experiment.baseline == nil && experiment.plots.figures.isEmpty)
        // The echo holds the template and the axes: read again, it gives the same experiment.
        let again = try parseExperiment(experiment.normalizedJSON.formatted())
        #expect(again.strategies == experiment.strategies && again.sweep == experiment.sweep)
    }

    @Test func widthLearningRateSeedsAndAnInitializerGivenByName() throws {
        let experiment = try parseExperiment(Self.config(sweep: """
            { "axes": [ { "setting": "width", "values": [4, 16] }, { "setting": "learning_rate", "from": 0.001, "to": 0.1, "count": 3, "spacing": "log" },
                        { "setting": "seed", "values": [7, 9, 8] } ], "measures": ["validation_accuracy", "last_loss"] }
            """, strategy: """
            { "id": "x", "weights": "xavier_uniform" }
            """))
        #expect(experiment.seeds == [7, 9, 8] && experiment.repeats == 3 && experiment.runCount == 18)
        #expect(experiment.strategies.map(\.model.layers[1]) == [4, 16, 4, 16, 4, 16])
        #expect(experiment.strategies.map { $0.optimizer } == [0.001, 0.001, 0.01, 0.01, 0.1, 0.1].map { .sgd(learningRate: $0, momentum: 0.9) })
        #expect(experiment.sweep?.measures == [.validationAccuracy, .lastLoss])
        let gains = try parseExperiment(Self.config(sweep: #"{ "axes": [ { "setting": "weights.gain", "values": [0.5, 2] } ] }"#,
                                                    strategy: #"{ "id": "x", "weights": "xavier_uniform" }"#))
        #expect(gains.strategies.map { $0.layers[0].weights } == [.xavierUniform(gain: 0.5), .xavierUniform(gain: 2)])
        #expect(try parseExperiment(gains.normalizedJSON.formatted()).strategies == gains.strategies)
    }

    @Test(arguments: [
        (#"{ "axes": [ { "setting": "weights.nonsense", "values": [1] } ] }"#, "sweep: the point nonsense 1 is not a valid strategy: strategies[0].weights.nonsense: unknown key"),
        (#"{ "axes": [ { "setting": "model2.std", "values": [1] } ] }"#, "sweep.axes[0].setting: the strategy has no \"model2\" to set \"model2.std\" in"),
        (#"{ "axes": [ { "setting": "weights.scale", "values": [] } ] }"#, "sweep.axes[0].values: expected 1 to 1000 values, found 0"),
        (#"{ "axes": [ { "setting": "weights.scale", "values": [1, -2, 3] } ] }"#, "sweep: the point scale -2 is not a valid strategy: strategies[0].weights.scale: expected a number > 0, found -2"),
        (#"{ "axes": [ { "setting": "depth", "values": [0, 2] } ] }"#, "sweep.axes[0].values[0]: expected an integer from 1 to 999, found 0"),
        (#"{ "axes": [ { "setting": "depth", "values": [2, 2] } ] }"#, "sweep.axes[0].values: the value 2 appears twice"),
        (#"{ "axes": [ { "setting": "seed", "values": [1, 2] } ] }"#, "sweep.axes: expected one or two axes besides the seed (a sweep is drawn as a line or a map), found 0"),
        (#"{ "axes": [ { "setting": "depth", "values": [1] }, { "setting": "width", "values": [2] }, { "setting": "weights.scale", "values": [1] } ] }"#,
         "sweep.axes: expected one or two axes besides the seed (a sweep is drawn as a line or a map), found 3"),
        (#"{ "axes": [ { "setting": "depth", "values": [1] }, { "setting": "depth", "values": [2] } ] }"#, "sweep.axes[1]: depth is already an axis"),
        (#"{ "axes": [ { "setting": "learning_rate", "values": [0] } ] }"#, "sweep.axes[0].values[0]: expected a number from 1e-30 to 1e30, found 0"),
        (#"{ "axes": [ { "setting": "weights.scale", "values": [1], "from": 1, "to": 2, "count": 2 } ] }"#, "give either \"values\" or \"from\", \"to\" and \"count\", not both"),
        (#"{ "axes": [ { "setting": "depth", "values": [2] } ], "measures": ["accuracy"] }"#, "sweep.measures[0]: unknown measure \"accuracy\"; did you mean \"validation_accuracy\" or \"test_accuracy\"? valid: validation_accuracy, test_accuracy"),
        (#"{ "axes": [ { "setting": "depth", "values": [2] } ], "measures": ["test_accuracy"] }"#, "test_accuracy needs a test set"),
        (#"{ "axes": [ { "setting": "depth", "values": [2] } ], "measures": [] }"#, "sweep.measures: expected at least one measure"),
        (#"{ "axes": [ { "setting": "depth", "values": [2] } ], "measures": ["stream_std"] }"#,
         "sweep.measures[0]: stream_std is the residual stream's std, and no strategy of this config has a residual model"),
        (#"{ "axes": [ { "setting": "weights.mean", "values": [-1, 1], "log_scale": true } ] }"#, "sweep.axes[0].log_scale: a logarithmic axis needs values > 0"),
        (#"{ "axes": [ { "setting": "id", "values": [4] } ] }"#, "sweep.axes[0].setting: \"id\" is not a number of the strategy"),
        (#"{ "axes": [ { "setting": "model.dropout", "values": [0.1] } ] }"#, "sweep.axes[0].setting: the strategy has no \"model\" to set \"model.dropout\" in"),
        (#"{ "axes": [ { "setting": "depth", "from": 1, "to": 999, "count": 999 }, { "setting": "weights.scale", "from": 1, "to": 10, "count": 10 } ] }"#,
         "sweep: the grid's networks have 5004990 layers in all; at most 1000000"),
        (#"{ "axes": [ { "setting": "learning_rate", "values": [1e-50] } ] }"#, "sweep.axes[0].values[0]: expected a number from 1e-30 to 1e30, found 1e-50"),
        (#"{ "axes": [ { "setting": "depth", "values": [2] } ], "theory": true }"#, "sweep.theory: the theory is drawn over a map of σ_w² (first axis, setting weights.scale) and depth (second axis)"),
        (#"{ "axes": [ { "setting": "weights.scale", "values": [1, 2] }, { "setting": "depth", "values": [2] } ], "theory": true, "colour": 1 }"#, "sweep.colour: unknown key"),
        (#"{ "axes": [ { "setting": "learning_rate", "from": 1, "to": 1000, "count": 1000 }, { "setting": "depth", "from": 1, "to": 999, "count": 999 } ] }"#,
         "sweep: the grid has 999000 points; at most 10000"),
        (#"{ "axes": [ { "setting": "weights.scale", "name": "a-very-long-axis-name-that-goes-on-and-on", "values": [1] }, { "setting": "depth", "name": "and-another-long-name", "values": [2] } ] }"#,
         "would be longer than 64 characters"),
    ])
    func aMalformedSweepIsReportedWhereItIs(_ sweep: String, _ message: String) {
        let problems = configProblems(Self.config(sweep: sweep))
        #expect(problems.contains { $0.contains(message) }, "\(problems)")
    }

    /// Key paths into per-layer initializers survive the echo (it gives the template back as
    /// written); ranges of seeds stay integers however large; huge ranges do not overflow.
    @Test func keyPathsSeedsAndRangesAtTheirLimits() throws {
        let layered = try parseExperiment(Self.config(sweep: #"{ "axes": [ { "setting": "layers[1].weights.std", "values": [0.1, 0.2] } ] }"#, strategy: """
            { "id": "l", "layers": [ { "weights": { "kind": "normal", "std": 1 } }, { "weights": { "kind": "normal", "std": 1 } } ] }
            """))
        #expect(layered.strategies.map { $0.layers[1].weights } == [.normal(mean: 0, std: 0.1), .normal(mean: 0, std: 0.2)])
        #expect(layered.strategies.allSatisfy { $0.layers[0].weights == .normal(mean: 0, std: 1) })
        let again = try parseExperiment(layered.normalizedJSON.formatted())
        #expect(again.strategies == layered.strategies && again.sweep == layered.sweep)
        #expect(layered.sweep?.axes[0].name == "std")
        let named = try parseExperiment(Self.config(sweep: #"{ "axes": [ { "setting": "model.layers[1]", "values": [4, 6] } ] }"#, strategy: """
            { "id": "m", "weights": "zeros", "model": { "layers": [36, 8, 3] } }
            """))
        #expect(named.sweep?.axes[0].name == "layers" && named.strategies.map(\.model.layers) == [[36, 4, 3], [36, 6, 3]])
        let model = #"{ "id": "m", "weights": "zeros", "model": { "layers": [36, 8, 3] } }"#
        #expect(configProblems(Self.config(sweep: #"{ "axes": [ { "setting": "model.layers[7]", "values": [4] } ] }"#, strategy: model))
                == ["sweep.axes[0].setting: \"model.layers[7]\" does not lead to a number of the strategy"])
        #expect(configProblems(Self.config(sweep: #"{ "axes": [ { "setting": "model.layers[1]", "values": [4] }, { "setting": "depth", "values": [2] } ] }"#,
                                           strategy: model))
                == ["sweep: the axis of model.layers[1] and a depth or width axis both set the model's widths; vary one of them"])
        let seeds = try parseExperiment(Self.config(sweep: #"{ "axes": [ { "setting": "depth", "values": [1] }, { "setting": "seed", "from": 1234567, "to": 1234569, "count": 3 } ] }"#))
        #expect(seeds.seeds == [1234567, 1234568, 1234569])
        let wide = try parseExperiment(Self.config(sweep: #"{ "axes": [ { "setting": "weights.mean", "from": -1e308, "to": 1e308, "count": 3 } ] }"#,
                                                   strategy: #"{ "id": "w", "weights": { "kind": "normal", "std": 1 } }"#))
        #expect(wide.sweep?.axes[0].values == [-1e308, 0, 1e308])
        let dropout = configProblems(Self.config(sweep: Self.map).replacingOccurrences(of: #""dropout": 0"#, with: #""dropout": 0.2"#))
        #expect(dropout == ["sweep.theory: the theory describes networks without batch normalization, dropout or a data-dependent procedure"])
    }

    /// Every strategy is a template: its own grid of points, in the config's order, each point
    /// knowing its template; the echo gives the templates back.
    @Test func aSweepVariesEveryStrategy() throws {
        let strategies = #"{ "id": "a", "label": "Xavier", "weights": "xavier_uniform" }, { "id": "b", "label": "He", "weights": { "kind": "kaiming_normal" } }"#
        let line = #"{ "axes": [ { "setting": "depth", "values": [1, 3] }, { "setting": "seed", "values": [1, 2] } ] }"#
        let experiment = try parseExperiment(Self.config(sweep: line, strategy: strategies))
        let sweep = try #require(experiment.sweep)
        #expect(experiment.strategies.map(\.id) == ["a-depth_1", "a-depth_3", "b-depth_1", "b-depth_3"])
        #expect(experiment.strategies.map(\.label) == ["Xavier, depth 1", "Xavier, depth 3", "He, depth 1", "He, depth 3"])
        #expect(sweep.points.map(\.template) == [0, 0, 1, 1] && sweep.gridSize == 2 && experiment.runCount == 8)
        #expect(experiment.strategies[3].layers.allSatisfy { $0.weights == .kaimingNormal(gain: gain(for: .relu), mode: .fanIn) })
        #expect(experiment.strategies[3].model.layers == [36, 8, 8, 8, 3])
        let again = try parseExperiment(experiment.normalizedJSON.formatted())
        #expect(again.strategies == experiment.strategies && again.sweep == experiment.sweep)

        // A key path every template must have; the theory is one strategy's.
        let missing = configProblems(Self.config(sweep: #"{ "axes": [ { "setting": "weights.gain", "values": [1, 2] } ] }"#,
                                                 strategy: #"{ "id": "a", "weights": "xavier_uniform" }, { "id": "b", "weights": "zeros" }"#))
        #expect(missing == ["sweep: the point b, gain 1 (and 1 other point) is not a valid strategy: strategies[1].weights.gain: unknown key; valid here: kind"])
        let absent = configProblems(Self.config(sweep: #"{ "axes": [ { "setting": "biases.std", "values": [0.1, 0.2] } ] }"#,
                                                strategy: #"{ "id": "a", "weights": "xavier_uniform", "biases": { "kind": "normal", "std": 0.05 } }, { "id": "b", "weights": "zeros" }"#))
        #expect(absent == ["sweep.axes[0].setting: strategy \"b\" has no \"biases\" to set \"biases.std\" in"])
        let theory = configProblems(Self.config(sweep: Self.map, strategy: #"{ "id": "a", "weights": { "kind": "variance_scaling", "scale": 1, "mode": "fan_in", "distribution": "untruncated_normal" } }, { "id": "b", "weights": { "kind": "variance_scaling", "scale": 1, "mode": "fan_in", "distribution": "untruncated_normal" } }"#))
        #expect(theory == ["sweep.theory: the theory is drawn over the sweep of one strategy, and this config lists 2"])
        let residualTheory = configProblems(Self.config(sweep: Self.map)
            .replacingOccurrences(of: #""model": { "layers": [36, 8, 3], "activation": "tanh", "dropout": 0 }"#,
                                  with: #""model": { "layers": [36, 8, 3], "activation": "tanh", "dropout": 0, "residual": { "blocks": 2 } }"#))
        #expect(residualTheory == ["sweep.theory: the theory describes plain stacks with biases, and this strategy's model is residual or has none"])
        // The points of every template count towards the limit.
        let many = configProblems(Self.config(sweep: #"{ "axes": [ { "setting": "weights.gain", "from": 1, "to": 2, "count": 1000 }, { "setting": "learning_rate", "from": 0.001, "to": 0.1, "count": 6 } ] }"#,
                                              strategy: #"{ "id": "a", "weights": "xavier_uniform" }, { "id": "b", "weights": "xavier_normal" }"#))
        #expect(many == ["sweep: the grid has 12000 points (6000 for each of 2 strategies); at most 10000"])
    }

    /// A depth axis over a residual model sets its blocks (1/√L follows them); a width axis
    /// there is one error line.
    @Test func aDepthAxisSetsAResidualModelsBlocks() throws {
        let residual = #""model": { "layers": [36, 8, 3], "activation": "relu", "dropout": 0, "residual": { "blocks": 2, "alpha": "1/sqrt(L)" } }"#
        let text = Self.config(sweep: #"{ "axes": [ { "setting": "depth", "values": [1, 4] } ] }"#)
            .replacingOccurrences(of: #""model": { "layers": [36, 8, 3], "activation": "tanh", "dropout": 0 }"#, with: residual)
        let experiment = try parseExperiment(text)
        #expect(experiment.strategies.map { $0.model.residual?.blocks } == [1, 4])
        #expect(experiment.strategies.map { $0.model.layers.count } == [2 + 1 + 2, 2 + 1 + 8])
        #expect(experiment.strategies[1].model.residual?.branchScale == .fixed(0.5))
        #expect(try parseExperiment(experiment.normalizedJSON.formatted()).strategies == experiment.strategies)
        let width = configProblems(Self.config(sweep: #"{ "axes": [ { "setting": "width", "values": [4, 8] } ] }"#)
            .replacingOccurrences(of: #""model": { "layers": [36, 8, 3], "activation": "tanh", "dropout": 0 }"#, with: residual))
        #expect(width == ["sweep.axes[0].setting: width varies a plain stack's hidden layers; the model of the strategy is residual"])
    }

    /// A depth sweep of residual schemes, end to end: validation accuracy against depth a line
    /// per scheme, the stream's std through the blocks at the deepest depth a line per scheme
    /// beside the doubling, its reading and its numbers in results.json.
    @Test func aDepthSweepOfResidualSchemes() throws {
        let folder = temporaryFolder()
        defer { removeFolder(folder) }
        writeSyntheticDataset(in: folder)
        let residual = #""model": { "layers": [36, 8, 3], "activation": "relu", "dropout": 0, "residual": { "blocks": 2, "scheme": "he" } }"#
        let strategies = #"{ "id": "he", "label": "He", "weights": "kaiming_normal" }, "#
            + #"{ "id": "rezero", "label": "ReZero", "weights": "kaiming_normal", "model": { "residual": { "scheme": "rezero" } } }"#
        let sweep = #"{ "axes": [ { "setting": "depth", "values": [1, 6] }, { "setting": "seed", "values": [1, 2] } ], "measures": ["validation_accuracy", "stream_std"] }"#
        let text = Self.config(dataset: folder, output: folder + "/out", sweep: sweep, strategy: strategies)
            .replacingOccurrences(of: #""model": { "layers": [36, 8, 3], "activation": "tanh", "dropout": 0 }"#, with: residual)
        try text.write(toFile: folder + "/c.json", atomically: true, encoding: .utf8)
        let run = try runCommand([folder + "/c.json", "--quiet", "--no-cache", "--require-png"])
        #expect(run.status == 0, "\(run.stderr)")
        for name in ["sweep-validation-accuracy", "sweep-stream-std", "sweep-residual-stream"] {
            #expect(FileManager.default.fileExists(atPath: folder + "/out/\(name).png"), "\(name)")
        }
        let line = try String(contentsOfFile: folder + "/out/sweep-validation-accuracy.gp", encoding: .utf8)
        #expect(line.contains("index 0 using 1:2 with linespoints linetype 1 pointtype 7 title 'He'")
                && line.contains("index 1 using 1:2 with linespoints linetype 2 pointtype 7 title 'ReZero'"), "\(line)")
        let results = try JSONParser.parse(String(contentsOfFile: folder + "/out/results.json", encoding: .utf8))
        guard case .array(let series)? = results["sweep"]?["residual_stream"]?["series"], series.count == 2,
              case .array(let he)? = series[0]["std"], case .array(let rezero)? = series[1]["std"] else {
            Issue.record("no residual stream in results.json"); return
        }
        // Six blocks and the projection; ReZero's α = 0 leaves the stream as the projection made it.
        #expect(he.count == 7 && rezero.count == 7 && rezero.allSatisfy { $0 == rezero[0] })
        guard case .number(let first)? = he.first, case .number(let last)? = he.last else { Issue.record("no He stds"); return }
        #expect(last > 2 * first, "He's stream grows through its blocks: \(first) → \(last)")
        #expect(series[1]["std_factor_per_block"] == .number(1) && series[1]["explodes_at_block"] == .null)
        let report = try String(contentsOfFile: folder + "/out/report.md", encoding: .utf8)
        #expect(report.contains("## The residual stream through the blocks") && report.contains("- **ReZero**: std "))
        #expect(report.contains("×1.000 per block (variance ×1.000); no explosion."))
    }

    @Test func aSweepNamesNoBaselineOrFigures() {
        let extras = configProblems(Self.config(sweep: Self.map, extra: #""baseline": "g", "plots": { "figures": [ { "name": "f", "strategies": ["g"] } ] },"#))
        #expect(extras.contains("baseline: a sweep has no baseline strategy: its figures compare the points"), "\(extras)")
        #expect(extras.contains { $0.hasPrefix("plots.figures: a sweep draws its own figures") }, "\(extras)")
        let off = configProblems(Self.config(sweep: #"{ "axes": [ { "setting": "depth", "values": [2] } ], "measures": ["activation_std"] }"#,
                                             extra: #""diagnostics": { "enabled": false },"#))
        #expect(off == ["sweep.measures[0]: activation_std is measured by the diagnostics, which this config turns off"])
        let seeds = configProblems(Self.config(sweep: #"{ "axes": [ { "setting": "depth", "values": [2] }, { "setting": "seed", "values": [4, 5] } ] }"#,
                                               extra: #""repeats": 3,"#))
        #expect(seeds == ["repeats: the sweep's seed axis gives the seeds; leave it out"])
    }

    /// The grid in results.json, the figures and the report, over a synthetic dataset; the
    /// figures' scripts render.
    @Test func aMapWithTheTheoryAndALineWithItsBand() throws {
        let folder = temporaryFolder()
        defer { removeFolder(folder) }
        writeSyntheticDataset(in: folder)
        try Self.config(dataset: folder, output: folder + "/map", sweep: Self.map).write(toFile: folder + "/map.json", atomically: true, encoding: .utf8)
        let map = try runCommand([folder + "/map.json", "--quiet", "--no-cache", "--require-png"])
        #expect(map.status == 0, "\(map.stderr)")
        let results = try JSONParser.parse(String(contentsOfFile: folder + "/map/results.json", encoding: .utf8))
        guard case .array(let points)? = results["sweep"]?["points"] else { Issue.record("no sweep points"); return }
        #expect(points.count == 6 && points[4]["strategy"] == .string("g-sw2_1-depth_3"))
        #expect(points[4]["coordinates"] == .object([("sw2", .number(1)), ("depth", .number(3))]))
        guard case .number(let accuracy)? = points[4]["validation_accuracy"]?["mean"] else { Issue.record("no accuracy"); return }
        #expect(accuracy > 0.5)
        guard case .array(let theory)? = results["sweep"]?["theory"]?["at_values"] else { Issue.record("no theory"); return }
        #expect(theory.count == 3 && theory[0]["chi1"] != nil && theory[0]["q_star"] != nil)
        for measure in ["validation-accuracy", "activation-std", "first-loss"] {
            #expect(FileManager.default.fileExists(atPath: folder + "/map/sweep-\(measure).png"), "\(measure)")
        }
        let data = try String(contentsOfFile: folder + "/map/sweep-validation-accuracy.dat", encoding: .utf8)
        #expect(data.contains("# mean-field theory") && !FileManager.default.fileExists(atPath: folder + "/map/accuracy.png"))
        let report = try String(contentsOfFile: folder + "/map/report.md", encoding: .utf8)
        #expect(report.contains("| depth \\ σ_w² | 0.5 | 1 | 2 |") && report.contains("The edge of chaos (χ₁ = 1)"))
        #expect(report.contains("| Sweep: σ_w² | weights.scale = 0.5, 1, 2 |"))
        // The depth axis is logarithmic: its cells meet halfway in log space, at √3.
        let script = try String(contentsOfFile: folder + "/map/sweep-validation-accuracy.gp", encoding: .utf8)
        #expect(script.contains("set logscale y") && data.contains(" 1.73205080756887"))
        // The measure has a title line of its own: wrapped with the experiment's title, its last word could stand alone.
        #expect(script.contains(".\"\\n\".'Validation accuracy ("), "\(script)")

        let line = #"{ "axes": [ { "setting": "learning_rate", "values": [0.001, 0.01, 0.1] }, { "setting": "seed", "values": [1, 2, 3] } ]}"#
        try Self.config(dataset: folder, output: folder + "/line", sweep: line).write(toFile: folder + "/line.json", atomically: true, encoding: .utf8)
        let run = try runCommand([folder + "/line.json", "--quiet", "--no-cache", "--require-png"])
        #expect(run.status == 0, "\(run.stderr)")
        let lineScript = try String(contentsOfFile: folder + "/line/sweep-validation-accuracy.gp", encoding: .utf8)
        #expect(lineScript.contains("with filledcurves") && lineScript.contains("set logscale x"))
        // The key stands under the plot, not on the line or its band.
        #expect(lineScript.contains("set key outside below") && !lineScript.contains("set key bottom"))
        let lineResults = try JSONParser.parse(String(contentsOfFile: folder + "/line/results.json", encoding: .utf8))
        guard case .array(let linePoints)? = lineResults["sweep"]?["points"], linePoints.count == 3,
              case .array(let interval)? = linePoints[2]["validation_accuracy"]?["ci95"] else {
            Issue.record("no interval over three seeds"); return
        }
        #expect(interval.count == 2)
        #expect(try String(contentsOfFile: folder + "/line/report.md", encoding: .utf8).contains("| learning_rate | Validation accuracy | 95% interval |"))
    }

    /// An axis is logarithmic when the config says so, when its values span two decades, or when
    /// each is one factor times the one before (widths 64 … 2048: on a linear axis, 64's and
    /// 128's cells would be slivers); a linear grid, seeds and values of mixed sign are not.
    @Test func anAxisGrowingByOneFactorIsLogarithmic() {
        func axis(_ values: [Double], log: Bool? = nil) -> SweepAxis {
            SweepAxis(name: "a", label: "a", setting: .width, values: values, logScale: log)
        }
        #expect(SweepFigure.isLog(axis([64, 128, 256, 512, 1024, 2048])))
        #expect(SweepFigure.isLog(axis([2048, 64, 512, 128, 1024, 256])))
        #expect(SweepFigure.isLog(axis([1, 3, 9])))
        #expect(SweepFigure.isLog(axis([0.001, 0.1])))
        #expect(!SweepFigure.isLog(axis([64, 128, 256], log: false)))
        #expect(!SweepFigure.isLog(axis([1, 2, 3])))
        #expect(!SweepFigure.isLog(axis([0.5, 1, 1.5, 2])))
        #expect(!SweepFigure.isLog(axis([64, 128])))
        #expect(!SweepFigure.isLog(axis([64, 128, 258])))
        #expect(!SweepFigure.isLog(axis([-4, -2, -1])))
        // Its cells meet halfway in log space: 64's reaches 64·√2.
        let edges = SweepFigure.edges(axis([64, 128, 256]))
        #expect(abs(edges[0].high - 64 * 2.0.squareRoot()) < 1e-9 && abs(edges[0].low - 64 / 2.0.squareRoot()) < 1e-9)
    }

    /// More than Sweep.confirmationRuns runs train only with --yes; the message says so and
    /// nothing is trained or written.
    @Test func aLargeGridNeedsTheGoAhead() throws {
        let folder = temporaryFolder()
        defer { removeFolder(folder) }
        writeSyntheticDataset(in: folder)
        let sweep = #"{ "axes": [ { "setting": "learning_rate", "from": 0.001, "to": 0.1, "count": 501 }, { "setting": "seed", "values": [1, 2] } ] }"#
        try Self.config(dataset: folder, output: folder + "/out", sweep: sweep).write(toFile: folder + "/big.json", atomically: true, encoding: .utf8)
        let refused = try runCommand([folder + "/big.json", "--quiet", "--no-cache"])
        #expect(refused.status == 2 && refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("the sweep has 1002 runs (501 points × 2 seeds), more than 1000; pass --yes to train them all"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
        let slurm = try runCommand(["slurm", folder + "/big.json", "--tasks", "2", "--scripts", folder + "/scripts", "--cache", folder + "/cache"])
        #expect(slurm.status == 2 && slurm.stderr.contains("pass --yes"), "\(slurm.stderr)")
        let confirmed = try runCommand(["slurm", folder + "/big.json", "--tasks", "2", "--scripts", folder + "/scripts", "--cache", folder + "/cache", "--yes"])
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(try String(contentsOfFile: folder + "/scripts/shards.sbatch", encoding: .utf8).contains("--quiet --yes"))
        let seeded = try runCommand([folder + "/big.json", "--seed", "4", "--yes"])
        #expect(seeded.status == 2 && seeded.stderr.contains("--seed: the config's sweep has a seed axis; change the seeds there"))
    }

    /// inspect prints a sweep a line per point, with the probe's signal and gradient through the depth.
    @Test func inspectPrintsALinePerPoint() throws {
        let folder = temporaryFolder()
        defer { removeFolder(folder) }
        writeSyntheticDataset(in: folder)
        try Self.config(dataset: folder, sweep: Self.map).write(toFile: folder + "/map.json", atomically: true, encoding: .utf8)
        let inspect = try runCommand(["inspect", folder + "/map.json"])
        #expect(inspect.status == 0, "\(inspect.stderr)")
        let lines = inspect.stdout.split(separator: "\n")
        #expect(lines.first == "A sweep at initialization, seed 3: 6 points, one line each (--json for every layer)")
        #expect(lines.filter { $0.hasPrefix("σ_w² ") }.count == 6 && lines.last?.hasPrefix("σ_w² 2, depth 3") == true, "\(inspect.stdout)")
        #expect(lines.last?.contains(" → ") == true)
    }

    /// Shards of a sweep merge into the bits of one local run.
    @Test func aShardedSweepMergesIntoTheLocalRun() throws {
        let folder = temporaryFolder()
        defer { removeFolder(folder) }
        writeSyntheticDataset(in: folder)
        try Self.config(dataset: folder, output: folder + "/out", sweep: Self.map).write(toFile: folder + "/map.json", atomically: true, encoding: .utf8)
        for index in 1...2 {
            #expect(try runCommand([folder + "/map.json", "--quiet", "--shard", "\(index)/2", "--cache", folder + "/cache"]).status == 0)
        }
        #expect(try runCommand(["merge", folder + "/map.json", "--cache", folder + "/cache", "--output", folder + "/merged"]).status == 0)
        #expect(try runCommand([folder + "/map.json", "--quiet", "--no-cache", "--output", folder + "/local"]).status == 0)
        let merged = try String(contentsOfFile: folder + "/merged/results.json", encoding: .utf8)
        let local = try String(contentsOfFile: folder + "/local/results.json", encoding: .utf8)
        #expect(CacheTests.same(try ResultsFile.runs(fromText: merged), try ResultsFile.runs(fromText: local)))
        #expect(try JSONParser.parse(merged)["sweep"]?["points"] == JSONParser.parse(local)["sweep"]?["points"])
    }
}
