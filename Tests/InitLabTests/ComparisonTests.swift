import Foundation
import Testing
@testable import InitLab

@Suite struct ComparisonTests {
    func setUp(extra: String = "", function: String = #function) throws -> (folder: String, config: String) {
        try syntheticExperiment(extra: extra, function: function)
    }

    @Test func sameSeedGivesIdenticalLossesWhateverTheThreadCount() throws {
        let (folder, config) = try setUp()
        defer { removeFolder(folder) }
        let experiment = try Experiment.load(path: config)
        let dataset = try Dataset.load(experiment.dataset)
        let comparison = Comparison(experiment: experiment, dataset: dataset)
        let one = comparison.run(threads: 1)
        let two = comparison.run(threads: 2)
        let three = comparison.run(threads: 3)
        #expect(one.map(\.batchLosses) == two.map(\.batchLosses))
        #expect(one.map(\.batchLosses) == three.map(\.batchLosses))
        #expect(one.map(\.validationAccuracy) == two.map(\.validationAccuracy))
        #expect(one.allSatisfy { $0.steps == 2 * 23 }) // 450 training images in batches of 20: 23 steps an epoch
    }

    @Test func aDifferentSeedGivesDifferentLosses() throws {
        let (folder, config) = try setUp()
        defer { removeFolder(folder) }
        var experiment = try Experiment.load(path: config)
        let dataset = try Dataset.load(experiment.dataset)
        let first = Comparison(experiment: experiment, dataset: dataset).run(threads: 2)
        experiment.seed = 4
        let second = Comparison(experiment: experiment, dataset: dataset).run(threads: 2)
        #expect(first.map(\.batchLosses) != second.map(\.batchLosses))
    }

    @Test func theLessonsWayKeepsDropoutOnWhileValidating() throws {
        let (folder, config) = try setUp()
        defer { removeFolder(folder) }
        var experiment = try Experiment.load(path: config)
        experiment.model.dropout = 0.5
        experiment.strategies = experiment.strategies.map { var s = $0; s.model.dropout = 0.5; return s }
        let dataset = try Dataset.load(experiment.dataset)
        let evaluationMode = Comparison(experiment: experiment, dataset: dataset).run(threads: 2)
        experiment.training.validationDropout = true
        let lessonWay = Comparison(experiment: experiment, dataset: dataset).run(threads: 2)
        let lessonAgain = Comparison(experiment: experiment, dataset: dataset).run(threads: 1)
        // Training is the same; only validation differs, and it stays deterministic.
        #expect(evaluationMode.map(\.batchLosses) == lessonWay.map(\.batchLosses))
        #expect(evaluationMode.map(\.validationLoss) != lessonWay.map(\.validationLoss))
        #expect(lessonWay.map(\.validationAccuracy) == lessonAgain.map(\.validationAccuracy))
    }

    @Test func strategiesOfOneSeedSeeTheSameBatches() throws {
        // Zeros and ones make every class score equal at the first step, so with the same batch
        // their first losses are both exactly ln(classes).
        let (folder, config) = try setUp()
        defer { removeFolder(folder) }
        let experiment = try Experiment.load(path: config)
        let results = Comparison(experiment: experiment, dataset: try Dataset.load(experiment.dataset)).run(threads: 2)
        #expect(abs(results[0].batchLosses[0] - Float(log(3.0))) < 1e-6)
    }

    @Test func theLearnableDatasetIsLearnedAndZerosAreNot() throws {
        let (folder, config) = try setUp()
        defer { removeFolder(folder) }
        let experiment = try Experiment.load(path: config)
        let results = Comparison(experiment: experiment, dataset: try Dataset.load(experiment.dataset)).run(threads: 2)
        let accuracy = Dictionary(uniqueKeysWithValues: results.map { ($0.strategyID, $0.validationAccuracy ?? -1) })
        #expect(accuracy["rule"]! > 0.9 && accuracy["default"]! > 0.9)
        // All-zero weights keep every hidden unit at zero: the scores depend on the output bias only.
        #expect(accuracy["zeros"]! < 0.5)
    }

    @Test func writesEveryOutputAndResultsJSONHasTheDocumentedFields() throws {
        let (folder, config) = try setUp()
        defer { removeFolder(folder) }
        let job = try ComparisonJob.prepare(configPath: config, options: JobOptions(threads: 2))
        let outcome = try job.run()
        #expect(outcome.wrote && !outcome.interrupted)
        let out = folder + "/out"
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: out))
        var expected: Set<String> = ["results.json", "report.md", ".compare-inits-manifest"]
        // All Zeros has no figure over training: no weight changes and every activation is 0, nothing a log axis can show.
        let figures = ["zeros-vs-rule", "all", "accuracy", "whole-run", "epochs", "weights-zeros", "weights-rule", "weights-default",
                       "activations", "gradients", "training-rule", "training-default"]
        for name in figures { expected.formUnion(["\(name).dat", "\(name).gp"]) }
        // The PNGs need gnuplot, which the test suite requires (apt-get install gnuplot-nox).
        #expect(outcome.plotProblem == nil, "\(outcome.plotProblem ?? "")")
        for name in figures { expected.insert("\(name).png") }
        #expect(files == expected)

        let results = try JSONParser.parse(String(contentsOfFile: out + "/results.json", encoding: .utf8))
        guard case .array(let runs)? = results["runs"] else { Issue.record("no runs array"); return }
        #expect(runs.count == 3)
        for run in runs {
            for key in ["strategy", "label", "seed", "status", "validation_accuracy", "last_batch_loss", "batch_losses", "train_seconds"] {
                #expect(run[key] != nil, "run lacks \(key)")
            }
            #expect(run["status"] == .string("ok"))
            guard case .array(let losses)? = run["batch_losses"], case .number(let accuracy)? = run["validation_accuracy"] else {
                Issue.record("bad run \(run)"); continue
            }
            #expect(losses.count == 46 && run["last_batch_loss"] == losses.last)
            // After every epoch, in evaluation mode; the last is the final validation.
            guard case .array(let epochs)? = run["epoch_validation_accuracy"] else { Issue.record("no epoch accuracies"); continue }
            #expect(epochs.count == 2 && epochs.last == run["validation_accuracy"])
            #expect((0...1).contains(accuracy))
            // The diagnostics, with every documented field in every layer entry.
            guard case .array(let initial)? = run["diagnostics"]?["init"]?["layers"], case .array(let steps)? = run["diagnostics"]?["steps"] else {
                Issue.record("no diagnostics"); continue
            }
            #expect(initial.count == 3 && steps.map { $0["step"] } == [0, 1, 2, 5, 10, 20, 23, 46].map { .number($0) })
            let fields = ["layer", "activation_mean", "activation_std", "preactivation_std", "dead_fraction", "saturated_fraction",
                          "output_gradient_std", "weight_gradient_std", "weight_std", "weight_gradient_norm", "update_ratio"]
            for entry in initial + steps.flatMap({ if case .array(let l)? = $0["layers"] { return l } else { return [] } }) {
                for key in fields { #expect(entry[key] != nil, "a diagnostics layer lacks \(key)") }
            }
            #expect(run["diagnostics"]?["probe_images"] == .number(600) && run["diagnostics_seconds"] != nil)
        }
        #expect(results["config"]?["strategies"] != nil)
        // What computed the products, as this process chose it.
        #expect(results["products"] == .string(GEMMChoice.current.description))

        let report = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(report.contains("| Strategy | Validation accuracy | Last batch loss | Training time |"))
        #expect(report.contains("| Matrix products | \(GEMMChoice.current.description) |"))
        #expect(report.contains("![Zeros vs Rule](zeros-vs-rule.png)") && report.contains("![Validation accuracy](accuracy.png)"))
        #expect(report.contains("## Inside the network") && report.contains("![Activation std at initialization](activations.png)"))
        #expect(report.contains("- **All Zeros**: every hidden unit gives one constant output on every probe image: no signal passes, and no weight below the output layer gets a gradient"))
        #expect(report.contains("![Rule over training](training-rule.png)") && !report.contains("(training-zeros.png)"))
        #expect(report.contains("**All Zeros** has no figure over training: at no recorded step is a layer's update ratio or activation std"))
        let script = try String(contentsOfFile: out + "/zeros-vs-rule.gp", encoding: .utf8)
        #expect(script.contains("'zeros-vs-rule.dat' using 1:2") && script.contains("title 'All Zeros (val. acc. "))
        let accuracyScript = try String(contentsOfFile: out + "/accuracy.gp", encoding: .utf8)
        #expect(accuracyScript.contains("$accuracy << EOD\nzeros ") && accuracyScript.contains("set xtics scale 0 ('All Zeros' 0, 'Rule' 1, 'Default' 2)"))
    }

    @Test func aGnuplotScriptReRendersItsPNGOnItsOwn() throws {
        guard let gnuplot = Gnuplot.locate() else {
            Issue.record("gnuplot is required for this test (apt-get install gnuplot-nox)")
            return
        }
        let (folder, config) = try setUp()
        defer { removeFolder(folder) }
        _ = try ComparisonJob.prepare(configPath: config, options: JobOptions()).run()
        let out = folder + "/out"
        for name in ["all", "accuracy"] {
            try FileManager.default.removeItem(atPath: "\(out)/\(name).png")
            #expect(Gnuplot.render(scripts: ["\(name).gp"], in: out, executable: gnuplot) == nil)
            let png = try Data(contentsOf: URL(fileURLWithPath: "\(out)/\(name).png"))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        }
    }

    @Test func aSecondRunReplacesTheFirstsOutputsWhole() throws {
        let (folder, config) = try setUp()
        defer { removeFolder(folder) }
        _ = try ComparisonJob.prepare(configPath: config, options: JobOptions()).run()
        let out = folder + "/out"
        try "mine".write(toFile: out + "/notes.txt", atomically: true, encoding: .utf8)
        // The second config draws a different figure: the first run's figure must go.
        let second = try String(contentsOfFile: config, encoding: .utf8).replacingOccurrences(of: "zeros-vs-rule", with: "rule-only")
        try second.write(toFile: config, atomically: true, encoding: .utf8)
        _ = try ComparisonJob.prepare(configPath: config, options: JobOptions(seed: 9)).run()
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: out))
        #expect(!files.contains("zeros-vs-rule.dat") && !files.contains("zeros-vs-rule.gp") && !files.contains("zeros-vs-rule.png"))
        #expect(files.contains("rule-only.gp") && files.contains("notes.txt"))
        #expect(!files.contains { $0.hasPrefix(".compare-inits-staging") })
        let results = try JSONParser.parse(String(contentsOfFile: out + "/results.json", encoding: .utf8))
        #expect(results["seeds"] == .array([.number(9)]))
    }

    @Test func repeatsTrainEveryStrategyWithEverySeedAndSummarize() throws {
        let (folder, config) = try setUp(extra: "\"repeats\": 3,")
        defer { removeFolder(folder) }
        let outcome = try ComparisonJob.prepare(configPath: config, options: JobOptions()).run()
        #expect(outcome.results.map(\.seed) == [3, 4, 5, 3, 4, 5, 3, 4, 5])
        let rule = outcome.summaries[1]
        #expect(rule.runs.count == 3 && rule.accuracyStandardDeviation != nil)
        #expect(rule.accuracyText.contains(" ± "))
    }

    @Test func aStoppedComparisonLeavesThePreviousOutputsAlone() throws {
        let (folder, config) = try setUp()
        defer { removeFolder(folder) }
        _ = try ComparisonJob.prepare(configPath: config, options: JobOptions()).run()
        let before = try String(contentsOfFile: folder + "/out/results.json", encoding: .utf8)
        let stop = StopFlag()
        let job = try ComparisonJob.prepare(configPath: config, options: JobOptions(seed: 8))
        let outcome = try job.run(stop: stop) { event in
            if case .step(_, 5, _) = event { stop.stop() }
        }
        #expect(outcome.interrupted && !outcome.wrote)
        #expect(outcome.results.allSatisfy { $0.status == .interrupted })
        #expect(try String(contentsOfFile: folder + "/out/results.json", encoding: .utf8) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/out").allSatisfy { !$0.hasPrefix(".compare-inits-staging") })
    }
}
