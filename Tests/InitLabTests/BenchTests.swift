import Foundation
import Testing
@testable import InitLab
@testable import compare_inits

/// `bench` with several configs: one row each, measured from the config's own comparison.
@Suite struct BenchTests {
    @Test func aRowPerConfigWithItsRatesAndMemory() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        let row = try ConfigBenchmark.measure(configPath: config, threads: 2)
        #expect(row.runs == 3)
        #expect(row.wallSeconds > 0 && row.meanRunSeconds > 0 && row.meanRunSeconds < row.wallSeconds)
        #expect(row.trainingRate > 0 && row.sgemmRate > 0 && row.sgemmFraction == row.trainingRate / row.sgemmRate)
        #expect((row.peakResidentBytes ?? 0) > 1_000_000, "VmHWM of this process")

        let result = try runCommand(["bench", config, config])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("compare-inits bench: ") == true && lines.first?.contains(" kernels (") == true)
        #expect(lines.contains { $0.hasPrefix("config ") && $0.contains("of sgemm") && $0.contains("peak RSS") && !$0.contains("PyTorch") })
        #expect(lines.filter { $0.hasPrefix(Substring(config)) }.count == 2)
    }

    /// One config's bench measures its last strategy's network alone: a strategy with a model of
    /// its own is measured as that model, its FLOPs and its steps in the comparison too; a model
    /// of the same widths with another activation is another network.
    @Test func theStepFiguresAreOfTheLastStrategysOwnNetwork() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        let original = try String(contentsOfFile: config, encoding: .utf8)
        let own = #"{ "id": "default", "model": { "layers": [36, 32, 32, 3] },"#
        try original.replacingOccurrences(of: #"{ "id": "default","#, with: own).write(toFile: config, atomically: true, encoding: .utf8)
        let report = try Benchmark.run(configPath: config, threads: 2, scaling: false) { _ in }
        #expect(report.network == [36, 32, 32, 3] && report.networkRuns == 1 && report.runs == 3)
        // Batch 20: forward 2·20·(36·32 + 32·32 + 32·3) = 90,880; the weight gradients as many;
        // the input gradients of the two upper layers 2·20·(32·32 + 32·3) = 44,800.
        #expect(report.forwardFlops == 90_880 && report.backwardFlops == 90_880 + 44_800)
        #expect(report.stepAlone.steps == 1 && report.stepAlone.total > 0)

        let tanh = #"{ "id": "default", "model": { "layers": [36, 16, 8, 3], "activation": "tanh" },"#
        try original.replacingOccurrences(of: #"{ "id": "default","#, with: tanh).write(toFile: config, atomically: true, encoding: .utf8)
        let sameWidths = try Benchmark.run(configPath: config, threads: 2, scaling: false) { _ in }
        #expect(sameWidths.network == [36, 16, 8, 3] && sameWidths.networkRuns == 1)
    }

    /// Steps averaged: none to average gives a step count of 0, which the report shows empty.
    @Test func theMeanOfNoStepsHasNoSteps() {
        var one = StepTimes(steps: 2)
        one.forward = 0.004
        #expect(Benchmark.meanStep([]).steps == 0 && Benchmark.meanStep([StepTimes(), StepTimes()]).steps == 0)
        let mean = Benchmark.meanStep([one, StepTimes()])
        #expect(mean.steps == 1 && mean.forward == 0.002)
    }

    /// Every step of the one-core column had a partner, or no step of the two-core column had one
    /// (a network too small to split): a column with no steps is shown empty, nothing divides by zero.
    @Test func aColumnWithNoStepsIsShownEmpty() throws {
        var step = StepTimes(steps: 1)
        step.forward = 0.001
        step.backward = 0.001
        step.products = 0.0015
        for (oneCore, twoCores) in [(StepTimes(steps: 0), step), (step, StepTimes(steps: 0))] {
            let report = BenchmarkReport(cores: 2, threads: 2, wallSeconds: 1, peakResidentBytes: 1 << 20, runs: 1, stepsPerRun: 10,
                                         network: [784, 256, 10], networkRuns: 1, forwardFlops: 1e8, backwardFlops: 1e8,
                                         step: oneCore, partneredSteps: oneCore.steps == 0 ? 10 : 0, stepAlone: step,
                                         stepOnTwoCores: twoCores, sgemmSecondsPerStep: 0.001, scaling: [])
            let text = BenchmarkText.render(report, config: "c.json")
            #expect(text.contains("—") && text.contains("Per training step of 784-256-10: 200.0 MFLOP"), "\(text)")
            for bad in ["nan", "inf ", "inf%", "×inf"] { #expect(!text.lowercased().contains(bad), "\(text)") }
            #expect(text.contains("One run on two cores never had its partner") == (twoCores.steps == 0), "\(text)")
            #expect(text.contains("in the comparison, ") == (oneCore.steps > 0), "\(text)")
        }
    }

    /// Measured several times, a config keeps its fastest wall time and its peer's fastest time,
    /// which may come from different rounds, and lists every time.
    @Test func repeatedMeasurementsKeepEachSidesFastest() throws {
        func row(wall: Double, peer: Double?) -> ConfigBenchmark {
            var r = ConfigBenchmark(config: "c.json", runs: 2, wallSeconds: wall, meanRunSeconds: wall / 4, trainingRate: 8e10,
                                    sgemmRate: 1e11, peakResidentBytes: nil)
            r.peerSeconds = peer
            return r
        }
        let best = ConfigBenchmark.fastest(of: [row(wall: 6, peer: 19), row(wall: 5, peer: 23), row(wall: 7, peer: 21)])
        #expect(best.wallSeconds == 5 && best.peerSeconds == 19)
        #expect(best.walls == [6, 5, 7] && best.peerRuns == [19, 23, 21])
        let alone = ConfigBenchmark.fastest(of: [row(wall: 3, peer: nil), row(wall: 2, peer: nil)])
        #expect(alone.wallSeconds == 2 && alone.peerSeconds == nil && alone.peerRuns.isEmpty)

        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        let result = try runCommand(["bench", config, config, "--repeat", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Each config measured 2 times, alternating"))
        #expect(result.stderr.contains("(2 of 2)"))
        let refused = try runCommand(["bench", config, config, "--repeat", "0"])
        #expect(refused.status != 0 && refused.stderr.contains("--repeat must be at least 1"))
        let once = try runCommand(["bench", config, "--repeat", "2"])
        #expect(once.status != 0 && once.stderr.contains("--repeat is for the table"), "\(once.stderr)")
    }

    @Test func aPeerThatCannotRunIsOneClearError() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        let result = try runCommand(["bench", config, "--peer", folder + "/no-python"])
        #expect(result.status == 1)
        // Progress lines ("bench: …"), then the error, one line.
        let errors = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("bench: ") }
        #expect(errors.count == 1 && errors[0].hasPrefix("compare-inits: ") && errors[0].contains("no-python"), "\(result.stderr)")
    }
}
