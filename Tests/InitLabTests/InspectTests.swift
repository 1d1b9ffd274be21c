import Foundation
import Testing
@testable import InitLab
@testable import compare_inits

@Suite struct InspectTests {
    static let config = """
    {"model": {"layers": [784, 512, 300, 10], "activation": "tanh"},
     "strategies": [
       {"id": "xu", "weights": {"kind": "xavier_uniform", "nonlinearity": "tanh"}},
       {"id": "xn", "weights": "xavier_normal"},
       {"id": "ku", "weights": {"kind": "kaiming_uniform", "mode": "fan_out"}},
       {"id": "kn", "weights": "kaiming_normal"},
       {"id": "lu", "weights": "lecun_uniform"},
       {"id": "ln", "weights": "lecun_normal"},
       {"id": "vs", "weights": {"kind": "variance_scaling", "scale": 2, "mode": "fan_avg", "distribution": "truncated_normal"}},
       {"id": "or", "weights": {"kind": "orthogonal", "gain": 2}},
       {"id": "sp", "weights": {"kind": "sparse", "fraction": 0.25, "std": 0.05}},
       {"id": "tn", "weights": {"kind": "truncated_normal", "mean": 0.1, "std": 0.2, "a": 0, "b": 0.3}},
       {"id": "tf", "weights": "tf_truncated_normal"},
       {"id": "pd", "weights": "pytorch_default", "biases": "pytorch_default"},
       {"id": "kd", "weights": "keras_default"},
       {"id": "ey", "weights": {"kind": "identity", "gain": 3}},
       {"id": "ls", "weights": "orthogonal", "procedure": {"kind": "lsuv"}}
     ]}
    """

    @Test func everyInitializersStatisticsMatchItsFormula() throws {
        let experiment = try parseExperiment(Self.config)
        for inspection in Inspection.inspect(experiment, seed: 5) {
            // The first two layers hold 401,408 and 153,600 weights: the std's standard error is
            // under 0.2%, so 3% only fails when the formula or the sampling is wrong.
            for layer in inspection.layers.prefix(2) {
                let s = layer.weights, p = layer.predictedWeights
                #expect(abs(s.std / p.std - 1) < 0.03, "\(inspection.strategy.id) layer \(layer.layer): std \(s.std) vs \(p.std)")
                #expect(abs(s.mean - p.mean) < 5 * p.std / Double(layer.inputs * layer.outputs).squareRoot() + 1e-9,
                        "\(inspection.strategy.id) layer \(layer.layer): mean \(s.mean) vs \(p.mean)")
                if let bounds = p.bounds {
                    #expect(s.min >= bounds.lowerBound - 1e-6 && s.max <= bounds.upperBound + 1e-6, "\(inspection.strategy.id)")
                }
            }
        }
    }

    @Test func theCommandPrintsATableOrJSON() throws {
        let folder = temporaryFolder()
        defer { removeFolder(folder) }
        try Self.config.write(toFile: folder + "/c.json", atomically: true, encoding: .utf8)
        // This config reads no dataset: --no-probe leaves the probe batch out.
        let table = try runCommand(["inspect", folder + "/c.json", "--no-probe"])
        #expect(table.status == 0)
        #expect(!table.stdout.contains("on the probe"))
        #expect(table.stdout.contains("layer  shape      tensor       min        max       mean        std │ formula std"))
        #expect(table.stdout.contains("then LSUV on training data (not applied here)"))
        let json = try runCommand(["inspect", folder + "/c.json", "--json", "--seed", "9", "--no-probe"])
        #expect(json.status == 0)
        let parsed = try JSONParser.parse(json.stdout)
        #expect(parsed["seed"] == .number(9))
        guard case .array(let strategies)? = parsed["strategies"] else { Issue.record("no strategies"); return }
        #expect(strategies.count == 15)
        #expect(strategies[0]["layers"].map { if case .array(let l) = $0 { return l.count } else { return 0 } } == 3)
        #expect(strategies[0]["layers"]?.description.contains("\"predicted_std\"") == true)
        #expect(strategies[0]["inside"] == .null)
    }

    @Test func theCommandMeasuresEveryStrategyOnTheProbeBatch() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        let table = try runCommand(["inspect", config])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.components(separatedBy: InspectCommand.insideHeader).count == 4) // three strategies
        // All Zeros: both hidden layers dead, the scores' gradient the only one.
        #expect(table.stdout.contains("  layer     1             0           0           0           0    100.0%         — │            0            0"))
        let json = try JSONParser.parse(try runCommand(["inspect", config, "--json"]).stdout)
        guard case .array(let strategies)? = json["strategies"], case .array(let layers)? = strategies[2]["inside"]?["layers"] else {
            Issue.record("no probe statistics"); return
        }
        let experiment = try Experiment.load(path: config)
        let probe = ProbeBatch(dataset: try Dataset.load(experiment.dataset), count: experiment.diagnostics.probeImages)
        let expected = InsideMeasurement(network: experiment.strategies[2].initialNetwork(seed: experiment.seed), batch: probe).measure(gradients: true)
        expectSameDiagnostics(try layers.map(LayerDiagnostics.init(json:)), expected, "inspect --json against this process's probe")
    }

    /// One initial network, one set of numbers: what `inspect` measures at initialization is
    /// what a run's diagnostics record before its first step, to the bit, for every strategy.
    @Test func inspectAndARunMeasureTheSameInitialNetwork() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        let inspected = try JSONParser.parse(try runCommand(["inspect", config, "--json"]).stdout)
        let run = try runCommand(["run", config, "--no-cache", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let results = try JSONParser.parse(try String(contentsOfFile: folder + "/out/results.json", encoding: .utf8))
        guard case .array(let strategies)? = inspected["strategies"], case .array(let runs)? = results["runs"], strategies.count == 3 else {
            Issue.record("no strategies or runs"); return
        }
        for strategy in strategies {
            guard case .array(let measured)? = strategy["inside"]?["layers"],
                  let entry = runs.first(where: { $0["strategy"] == strategy["strategy"] }),
                  case .array(let recorded)? = entry["diagnostics"]?["init"]?["layers"] else {
                Issue.record("\(strategy["strategy"] ?? .null): missing diagnostics"); continue
            }
            expectSameDiagnostics(try measured.map(LayerDiagnostics.init(json:)), try recorded.map(LayerDiagnostics.init(json:)),
                                  "\(strategy["strategy"] ?? .null): inspect against the run")
        }
    }
}

/// Diagnostics compared statistic by statistic: a difference is recorded with the layer, the
/// statistic and both values, not as one failed comparison of two arrays.
func expectSameDiagnostics(_ actual: [LayerDiagnostics], _ expected: [LayerDiagnostics], _ what: String,
                           sourceLocation: SourceLocation = #_sourceLocation) {
    guard actual.count == expected.count else {
        Issue.record("\(what): \(actual.count) layers against \(expected.count)", sourceLocation: sourceLocation)
        return
    }
    for (a, e) in zip(actual, expected) {
        let mine = a.json, theirs = e.json
        guard case .object(let fields) = theirs else { continue }
        for (key, value) in fields where mine[key] != value {
            Issue.record("\(what): layer \(e.layer) \(key) is \(mine[key] ?? .null), expected \(value)", sourceLocation: sourceLocation)
        }
    }
}
