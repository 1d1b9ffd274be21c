import Foundation
import Testing
@testable import InitLab

/// mup's coordinate check: the measurement against the Double reference, its place in a run
/// (steps 0 to 4, results.json, no change to the training), the slopes over a width sweep,
/// and the figure and reading of an end-to-end muP-against-standard width sweep.
@Suite struct CoordinateCheckTests {
    /// mean |x| of what enters each hidden activation and of the scores, on the probe batch,
    /// against the reference's Double layers (z + b): within Float rounding of a mean over
    /// ≤ 600 entries. After an update the check sees the new weights.
    @Test func theMeanAbsoluteCoordinatesAreTheReferences() throws {
        let folder = temporaryFolder()
        defer { removeFolder(folder) }
        writeSyntheticDataset(in: folder, count: 50)
        let dataset = try Dataset.load(DatasetSpec(folder: folder, images: "images.gz", labels: "labels.gz"))
        let probe = ProbeBatch(dataset: dataset, count: 40)
        let spec = ModelSpec(layers: [36, 12, 8, 3], activation: .tanh, dropout: 0.5)
        let network = Network(Plan(spec.layerKinds, inputWidth: 36, scaling: ParametrizationTests.multipliers))
        var rng = Xoshiro256(seed: 9)
        for i in 0..<network.parameters.count { network.parameters.pointer[i] = Float(rng.normal() * 0.3) }
        func expected() -> [Double] {
            let layers = ReferenceMLP(network).layers(x: probe.x.array.map(Double.init), rows: probe.rows)
            return layers.map { layer in layer.z.reduce(0) { $0 + abs($1) } / Double(layer.z.count) }
        }
        let check = CoordinateCheck(network: network, batch: probe)
        let atStart = expected()
        for i in 0..<network.parameters.count { network.parameters.pointer[i] *= 1.5 }
        check.measure(step: 1)
        let afterUpdate = expected()
        check.measure(step: 7)
        #expect(check.records.map(\.step) == [0, 1])
        for (record, reference) in zip(check.records, [atStart, afterUpdate]) {
            #expect(record.meanAbsolute.count == 3)
            for (ours, theirs) in zip(record.meanAbsolute, reference) { #expect(abs(ours - theirs) <= 1e-5 * theirs, "\(ours) against \(theirs)") }
        }
        #expect(atStart != afterUpdate)
    }

    /// A run records steps 0 to 4 with the diagnostics and none without; the training's bits
    /// are the same either way (DiagnosticsTests checks the losses); the records read back from
    /// results.json.
    @Test func aRunRecordsTheFirstFourUpdates() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        var experiment = try Experiment.load(path: config)
        let dataset = try Dataset.load(experiment.dataset)
        let on = Comparison(experiment: experiment, dataset: dataset).run(threads: 1)
        experiment.diagnostics.enabled = false
        let off = Comparison(experiment: experiment, dataset: dataset).run(threads: 1)
        for (a, b) in zip(on, off) {
            #expect(a.coordinates.map(\.step) == Array(CoordinateCheck.steps) && b.coordinates.isEmpty)
            #expect(a.coordinates.allSatisfy { $0.meanAbsolute.count == 3 })
            #expect(a.batchLosses.map(\.bitPattern) == b.batchLosses.map(\.bitPattern))
            #expect(try RunResult(json: JSONParser.parse(a.json.formatted())).coordinates == a.coordinates)
        }
        // All-zero weights: every hidden coordinate 0 at initialization (the scores too, as b is 0).
        #expect(on[0].coordinates[0].meanAbsolute == [0, 0, 0])
    }

    /// A run whose coordinates are c·width^k has slope k in every layer; with a second axis the
    /// check is read at the value with the best mean accuracy over the widths.
    @Test func theSlopesAndTheValueTheCheckIsReadAt() throws {
        let widths: [Double] = [16, 64, 256], rates: [Double] = [0.001, 0.01]
        let exponents: [Double] = [0, 0.5, 1]
        var points: [SweepPoint] = [], summaries: [StrategySummary] = []
        for (j, rate) in rates.enumerated() {
            for (i, width) in widths.enumerated() {
                let id = "p\(i)-\(j)"
                points.append(SweepPoint(strategyID: id, template: 0, coordinates: [width, rate], indices: [i, j]))
                let runs = [1, 2].map { seed -> RunResult in
                    var run = RunResult(strategyID: id, label: id, seed: UInt64(seed), status: .ok, batchLosses: [1],
                                        validationAccuracy: j == 1 ? 0.8 : 0.5, validationLoss: 1, initSeconds: 0, trainSeconds: 0,
                                        validationSeconds: 0, stepTimes: StepTimes())
                    // Seeds a factor 2 apart: their geometric mean is √2 times the first's, whatever the width.
                    run.coordinates = CoordinateCheck.steps.map { step in
                        CoordinateRecord(step: step, meanAbsolute: exponents.map { k in Double(seed) * pow(width, k * Double(step) / 4) * (j == 1 ? 1 : 3) })
                    }
                    return run
                }
                summaries.append(StrategySummary(id: id, label: id, runs: runs))
            }
        }
        let axes = [SweepAxis(name: "width", label: "width", setting: .width, values: widths),
                    SweepAxis(name: "lr", label: "learning rate", setting: .learningRate, values: rates)]
        let template = Strategy(id: "t", label: "t", model: ModelSpec(layers: [4, 16, 16, 2], activation: .relu, dropout: 0), layers: [], procedure: nil)
        let sweep = Sweep(templates: [Sweep.Template(strategy: template, json: .null)], axes: axes, seeds: nil, points: points, measures: [.validationAccuracy], theory: false)
        let check = try #require(CoordinateCheckSweep(sweep: sweep, summaries: summaries))
        #expect(check.fixed?.value == 0.01 && check.widths == widths && check.steps == [0, 1, 2, 3, 4])
        for (s, step) in check.steps.enumerated() {
            for (l, k) in exponents.enumerated() {
                #expect(abs(check.slopes[s][l]! - k * Double(step) / 4) < 1e-12, "step \(step) layer \(l)")
                #expect(abs(check.values[s][l][0]! - 2.0.squareRoot() * pow(16, k * Double(step) / 4)) < 1e-9)
            }
        }
        let report = SweepReport.coordinateCheck([check], labels: ["t"]).joined(separator: "\n")
        #expect(report.contains("| output (logits) | 0.00 | 0.25 | 0.50 | 0.75 | 1.00 |"))
        #expect(report.contains("**Not flat**: after 4 updates, the coordinates change with width: layer 2 as width^0.50, "
                                + "not flat since after 2 updates; output (logits) as width^1.00, not flat since after 1 update."))
        #expect(!report.contains("layer 1 as"))
        let figure = CoordinateCheckFigure(checks: [check], labels: ["t"], title: "T", seeds: 2)
        #expect(figure.script.contains("set multiplot layout 2,3") && figure.script.contains("'output (logits), k = 1.00'"))
        #expect(figure.data.components(separatedBy: "# step").count == 6)

        // A run that stopped after step 2 (diverged), the first one read: the steps are every
        // run's, and its width's later steps come from its other seed alone.
        var truncated = summaries
        let k = truncated.firstIndex { $0.id == "p0-1" }!
        var runs = truncated[k].runs
        runs[0].coordinates = Array(runs[0].coordinates.prefix(3))
        truncated[k] = StrategySummary(id: "p0-1", label: "p0-1", runs: runs)
        let partial = try #require(CoordinateCheckSweep(sweep: sweep, summaries: truncated))
        #expect(partial.steps == [0, 1, 2, 3, 4])
        for (l, exponent) in exponents.enumerated() {
            #expect(abs(partial.values[3][l][0]! - 2 * pow(16, exponent * 3 / 4)) < 1e-9)
            #expect(abs(partial.values[2][l][0]! - 2.0.squareRoot() * pow(16, exponent * 2 / 4)) < 1e-9)
        }
    }

    /// The point of it all, end to end, in one config of two templates: a width sweep of the
    /// standard parametrization with Adam has coordinates that grow with width after the first
    /// updates (Adam moves every weight by about the rate, and a product sums width such moves),
    /// muP's stay flat; the figure has a row of panels for each, and the report says so of each.
    @Test func mupIsFlatWhereTheStandardParametrizationGrows() throws {
        let folder = temporaryFolder()
        defer { removeFolder(folder) }
        writeSyntheticDataset(in: folder)
        let sweep = #"{ "axes": [ { "setting": "width", "values": [32, 128, 512] } ] }"#
        let strategies = #"{ "id": "standard", "label": "Standard", "weights": "kaiming_normal" }, "#
            + #"{ "id": "mup", "label": "muP", "weights": "kaiming_normal", "parametrization": {"kind": "mup", "base_width": 32} }"#
        let text = SweepTests.config(dataset: folder, output: folder + "/out", sweep: sweep, strategy: strategies)
            .replacingOccurrences(of: #"{ "name": "sgd", "learning_rate": 0.05, "momentum": 0.9 }"#, with: #"{ "name": "adam", "learning_rate": 0.01 }"#)
            .replacingOccurrences(of: #"[36, 8, 3], "activation": "tanh""#, with: #"[36, 8, 8, 3], "activation": "relu""#)
        try text.write(toFile: folder + "/c.json", atomically: true, encoding: .utf8)
        let run = try runCommand([folder + "/c.json", "--quiet", "--no-cache", "--require-png"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try String(contentsOfFile: folder + "/out/report.md", encoding: .utf8)
        #expect(report.contains("## Coordinate check") && FileManager.default.fileExists(atPath: folder + "/out/sweep-coordinate-check.png"))
        #expect(report.contains("### Standard") && report.contains("### muP"))
        let script = try String(contentsOfFile: folder + "/out/sweep-coordinate-check.gp", encoding: .utf8)
        #expect(script.contains("set multiplot layout 2,5") && script.contains("'muP: after 4 updates'"))
        // Room above the lines for the key.
        #expect(script.contains("set offsets graph 0.05, graph 0.05, graph 0.3, 0"))
        let experiment = try Experiment.load(path: folder + "/c.json")
        let runs = try ResultsFile.runs(fromText: String(contentsOfFile: folder + "/out/results.json", encoding: .utf8))
        let grid = try #require(SweepGrid(experiment: experiment, summaries: StrategySummary.make(runs, experiment: experiment)))
        #expect(grid.coordinateChecks.map(\.template) == [0, 1])
        let slopes = Dictionary(uniqueKeysWithValues: grid.coordinateChecks.map { (experiment.sweep!.templates[$0.template].strategy.id, $0.slopes[4]) })
        // After four updates (measured: standard k = 0.40 for the second hidden layer, 0.84 for
        // the logits; muP −0.01 and −0.08): the standard network's grow with width, the logits
        // nearly as width itself; muP's stay flat.
        for (l, least) in [(1, 0.3), (2, 0.6)] {
            #expect(try #require(slopes["standard"]?[l] ?? nil) > least, "standard, layer \(l + 1)")
            #expect(abs(try #require(slopes["mup"]?[l] ?? nil)) < CoordinateCheckSweep.flatSlope, "muP, layer \(l + 1)")
        }
        let results = try JSONParser.parse(String(contentsOfFile: folder + "/out/results.json", encoding: .utf8))
        guard case .array(let checks)? = results["sweep"]?["coordinate_check"] else { Issue.record("no coordinate check"); return }
        #expect(checks.map { $0["template"] } == [.string("standard"), .string("mup")])
    }
}
