import Foundation
import Testing
@testable import InitLab

/// A config may name a held-out test set: each trained network's accuracy on it is reported
/// beside the validation accuracy, and it changes nothing else.
@Suite struct TestSetTests {
    /// The synthetic experiment with 300 test images of the same kind, drawn with another seed.
    func experimentWithTestSet(function: String = #function) throws -> (folder: String, config: String) {
        let (folder, config) = try syntheticExperiment(function: function)
        let tests = folder + "/test"
        try FileManager.default.createDirectory(atPath: tests, withIntermediateDirectories: true)
        writeSyntheticDataset(in: tests, count: 300, seed: 99)
        try FileManager.default.moveItem(atPath: tests + "/images.gz", toPath: folder + "/test-images.gz")
        try FileManager.default.moveItem(atPath: tests + "/labels.gz", toPath: folder + "/test-labels.gz")
        let text = try String(contentsOfFile: config, encoding: .utf8)
            .replacingOccurrences(of: #""labels": "labels.gz" }"#,
                                  with: #""labels": "labels.gz", "test_images": "test-images.gz", "test_labels": "test-labels.gz" }"#)
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        return (folder, config)
    }

    @Test func everyRunReportsItsTestAccuracyAndTrainsAsWithout() throws {
        let (folder, config) = try experimentWithTestSet()
        defer { removeFolder(folder) }
        let job = try ComparisonJob.prepare(configPath: config, options: JobOptions())
        #expect(job.testSet?.count == 300)
        let outcome = try job.run()
        for result in outcome.results {
            let accuracy = try #require(result.testAccuracy)
            #expect((0...1).contains(accuracy))
        }
        // The learnable strategies classify the held-out images as well as the validation ones.
        #expect(outcome.results.filter { $0.strategyID != "zeros" }.allSatisfy { ($0.testAccuracy ?? 0) > 0.9 })
        // Without the test set, training is the same, bit for bit.
        var experiment = job.experiment
        experiment.dataset.testImages = nil
        experiment.dataset.testLabels = nil
        let without = Comparison(experiment: experiment, dataset: job.dataset).run(threads: 2)
        #expect(without.map(\.batchLosses) == outcome.results.map(\.batchLosses))
        #expect(without.map(\.validationAccuracy) == outcome.results.map(\.validationAccuracy))
        #expect(without.allSatisfy { $0.testAccuracy == nil })

        let report = try String(contentsOfFile: folder + "/out/report.md", encoding: .utf8)
        #expect(report.contains("| Strategy | Validation accuracy | Test accuracy | Last batch loss | Training time |"))
        #expect(report.contains("| Test set | test-images.gz, 300 images, read once after training |"))
        let results = try JSONParser.parse(String(contentsOfFile: folder + "/out/results.json", encoding: .utf8))
        #expect(results["dataset"]?["test_images"] == .number(300))
        guard case .array(let summary)? = results["summary"], case .array(let runs)? = results["runs"] else { Issue.record("no arrays"); return }
        #expect(summary.allSatisfy { if case .number = $0["mean_test_accuracy"] { return true } else { return false } })
        #expect(runs.allSatisfy { if case .number = $0["test_accuracy"] { return true } else { return false } })
        let chart = try String(contentsOfFile: folder + "/out/accuracy.gp", encoding: .utf8)
        #expect(chart.contains("using 0:5 with points") && chart.contains("diamonds: test accuracy"))
    }

    @Test func aTestSetThatDoesNotFitIsOneClearError() throws {
        let (folder, config) = try experimentWithTestSet()
        defer { removeFolder(folder) }
        writeFile(folder + "/test-images.gz", idxBytes(dimensions: [300, 5, 5], values: Array(repeating: 0, count: 300 * 25)))
        #expect(throws: ConfigError.self) { try ComparisonJob.prepare(configPath: config, options: JobOptions()) }
        let result = try runCommand([config])
        #expect(result.status == 2 && result.stderr.contains("dataset.test_images: its images have 25 pixels, the training images 36"))
        let half = try String(contentsOfFile: config, encoding: .utf8).replacingOccurrences(of: #", "test_labels": "test-labels.gz""#, with: "")
        #expect(configProblems(half).contains("dataset: test_images and test_labels go together: give both or neither"))
    }
}
