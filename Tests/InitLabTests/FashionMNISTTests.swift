import Foundation
import Testing
@testable import InitLab

/// The lesson itself, on the real Fashion-MNIST from Debian's dataset-fashion-mnist package
/// (CI installs it). Not skipped when the data is missing: it fails and says how to get it.
@Suite struct FashionMNISTTests {
    /// Ranges an honest PyTorch run lands in (shared reference, four seeds, evaluation mode),
    /// widened a little for seed-to-seed noise: what the issue's acceptance criteria ask.
    static let expectedAccuracy: [String: ClosedRange<Double>] = [
        "zeros": 0.085...0.115, "ones": 0.085...0.115, "uniform": 0.30...0.60, "centered": 0.77...0.84,
        "rule": 0.845...0.88, "normal": 0.845...0.88, "default": 0.845...0.88,
    ]

    @Test func theLessonsComparisonLandsWherePyTorchLands() throws {
        let config = packageRoot + "/configs/fashion.json"
        let experiment = try Experiment.load(path: config)
        guard FileManager.default.fileExists(atPath: experiment.dataset.folder + "/" + experiment.dataset.images) else {
            Issue.record("needs the real Fashion-MNIST: apt-get install dataset-fashion-mnist")
            return
        }
        let folder = temporaryFolder()
        defer { removeFolder(folder) }
        let job = try ComparisonJob.prepare(configPath: config, options: JobOptions(output: folder))
        let outcome = try job.run()
        #expect(outcome.results.count == 7)
        for result in outcome.results {
            #expect(result.status == .ok)
            #expect(result.steps == 960) // 480 steps an epoch, 2 epochs
            let accuracy = try #require(result.validationAccuracy)
            let range = try #require(Self.expectedAccuracy[result.strategyID])
            #expect(range.contains(accuracy), "\(result.strategyID): \(accuracy) outside \(range)")
            // The t10k images are a little harder than the validation split: a point lower at most.
            let test = try #require(result.testAccuracy)
            #expect((range.lowerBound - 0.015...range.upperBound).contains(test), "\(result.strategyID): test \(test)")
        }
        #expect(job.testSet?.count == 10_000)
        // Zeros: every output is the same, so the loss stays at ln 10 while only the last bias learns.
        #expect(abs(outcome.results[0].batchLosses[0] - Float(log(10.0))) < 1e-5)
    }

    /// The deep-tanh config's claims, at initialization on the real probe batch: N(0, 1)
    /// saturates every layer, N(0, 0.01) lets the signal vanish, Xavier and orthogonal keep it
    /// steady; and the report's reading says so.
    @Test func theDeepTanhNetworkSaturatesVanishesOrPropagatesAsItsReportSays() throws {
        let experiment = try Experiment.load(path: packageRoot + "/configs/deep-tanh.json")
        guard FileManager.default.fileExists(atPath: experiment.dataset.folder + "/" + experiment.dataset.images) else {
            Issue.record("needs the real Fashion-MNIST: apt-get install dataset-fashion-mnist")
            return
        }
        let probe = ProbeBatch(dataset: try Dataset.load(experiment.dataset), count: experiment.diagnostics.probeImages)
        func initial(_ id: String) throws -> [LayerDiagnostics] {
            let strategy = try #require(experiment.strategies.first { $0.id == id })
            return InsideMeasurement(network: strategy.initialNetwork(seed: experiment.seed), batch: probe).measure(gradients: true)
        }
        func reading(_ layers: [LayerDiagnostics]) -> String { InsideReading.atInitialization(layers, activation: .tanh).joined(separator: "; ") }

        let large = try initial("normal-1")
        for layer in large.dropLast().dropFirst(4) { #expect(layer.saturatedFraction! >= 0.9, "N(0, 1) layer \(layer.layer)") }
        #expect(reading(large).contains("units are saturated"))

        let small = try initial("normal-0.01")
        let stds = small.dropLast().map { $0.activationStd! }
        #expect(stds.last! < 1e-3 * stds.first!, "N(0, 0.01): \(stds)")
        #expect(reading(small).contains("the signal vanishes"))

        for id in ["xavier", "orthogonal"] {
            let layers = try initial(id), stds = layers.dropLast().map { $0.activationStd! }
            #expect(stds.allSatisfy { (0.1...1).contains($0) } && stds.max()! / stds.min()! < 5, "\(id): \(stds)")
            #expect(layers.dropLast().allSatisfy { $0.saturatedFraction! < 0.1 }, "\(id)")
            #expect(reading(layers).contains("the signal propagates"), "\(id)")
        }
    }

    /// configs/batchnorm.json's claim, on one seed: batch normalization rescues
    /// N(0, 0.01), which without it never leaves chance, and does not rescue all-equal weights.
    @Test func batchNormalizationRescuesAVanishedSignalButNotSymmetry() throws {
        var experiment = try Experiment.load(path: packageRoot + "/configs/batchnorm.json")
        guard FileManager.default.fileExists(atPath: experiment.dataset.folder + "/" + experiment.dataset.images) else {
            Issue.record("needs the real Fashion-MNIST: apt-get install dataset-fashion-mnist")
            return
        }
        experiment.repeats = 1
        experiment.diagnostics.enabled = false
        experiment.strategies = experiment.strategies.filter { ["normal-0.01", "normal-0.01-bn", "ones-bn"].contains($0.id) }
        let results = Comparison(experiment: experiment, dataset: try Dataset.load(experiment.dataset)).run(threads: 2)
        let accuracy = Dictionary(uniqueKeysWithValues: results.map { ($0.strategyID, $0.validationAccuracy ?? -1) })
        #expect(accuracy["normal-0.01"]! < 0.2 && accuracy["normal-0.01-bn"]! > 0.8 && accuracy["ones-bn"]! < 0.3, "\(accuracy)")
    }

    /// configs/edge-of-chaos.json's claim at depth 50, one of its points each: beyond the
    /// theory's 6ξ_c on the ordered side (σ_w² 0.5, 6ξ_c ≈ 8.5) and on the chaotic side
    /// (σ_w² 4, 6ξ_c ≈ 47) the network does not train; near the edge of chaos (σ_w² 1.25) it does.
    @Test func atDepth50OnlyTheEdgeOfChaosTrains() throws {
        let experiment = try Experiment.load(path: packageRoot + "/configs/edge-of-chaos.json")
        guard var sweep = experiment.sweep, FileManager.default.fileExists(atPath: experiment.dataset.folder + "/" + experiment.dataset.images) else {
            Issue.record("needs the real Fashion-MNIST: apt-get install dataset-fashion-mnist")
            return
        }
        let chosen = ["gauss-sw2_0.5-depth_50", "gauss-sw2_1.25-depth_50", "gauss-sw2_4-depth_50"]
        var subset = experiment
        subset.diagnostics.enabled = false
        subset.strategies = experiment.strategies.filter { chosen.contains($0.id) }
        #expect(subset.strategies.count == 3)
        sweep.axes[0].values = [0.5, 1.25, 4]
        let theory = try #require(SweepTheory(sweep))
        #expect(theory.trainableDepth(0.5) < 50 && theory.trainableDepth(4) < 50 && theory.trainableDepth(1.25) > 100)
        let results = Comparison(experiment: subset, dataset: try Dataset.load(experiment.dataset)).run(threads: 2)
        let accuracy = Dictionary(uniqueKeysWithValues: results.map { ($0.strategyID, $0.validationAccuracy ?? -1) })
        #expect(accuracy[chosen[0]]! < 0.2 && accuracy[chosen[1]]! > 0.7 && accuracy[chosen[2]]! < 0.2, "\(accuracy)")
    }
}
