import CKernels
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

    /// A residual config's scaling cases (twice the epochs, a wider plain model) run: the wider
    /// model was the residual one's with other widths, a network that could not be built.
    @Test func aResidualConfigScales() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        let original = try String(contentsOfFile: config, encoding: .utf8)
        let residual = #"{ "id": "default", "model": { "layers": [36, 16, 3], "residual": { "blocks": 3, "scheme": "rezero" } },"#
        try original.replacingOccurrences(of: #"{ "id": "default","#, with: residual).write(toFile: config, atomically: true, encoding: .utf8)
        let report = try Benchmark.run(configPath: config, threads: 1, scaling: true) { _ in }
        #expect(report.scaling.count == 2 && report.scaling.allSatisfy { $0.scaledSeconds > 0 })
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

    /// The limit bench holds sgemm against is measured (#26 item 5: "sgemm reaches 200.5%" of a
    /// limit computed from the nominal clock): FMA units × floats per vector × 2 × the clock they
    /// ran at, the units inferred from the measured rate and the measured scalar clock.
    @Test func theFMAPeakIsMeasuredUnitsTimesLanesTimesTwoTimesClock() throws {
        let skylake = FMAPeak(lanes: 16, rate: 192e9, clockHertz: 3.0e9)
        #expect(skylake.units == 2 && skylake.fmaClockHertz == 3.0e9)
        #expect(skylake.description == "192.0 GFLOP/s measured (2 FMA units × 16 floats × 2 FLOP × 3.00 GHz)")
        // Wide vectors at a lower clock than scalar code: still 2 units, at the clock they ran at.
        let slower = FMAPeak(lanes: 16, rate: 170e9, clockHertz: 3.0e9)
        #expect(slower.units == 2 && slower.description.hasSuffix("× 2.66 GHz)"))
        #expect(FMAPeak(lanes: 8, rate: 40e9, clockHertz: 2.5e9).description == "40.0 GFLOP/s measured (1 FMA unit × 8 floats × 2 FLOP × 2.50 GHz)")
        #expect(FMAPeak(lanes: 16, rate: 150e9, clockHertz: 0).description == "150.0 GFLOP/s measured")
        #expect(skylake.combined(with: FMAPeak(lanes: 16, rate: 150e9, clockHertz: 3.2e9)) == FMAPeak(lanes: 16, rate: 192e9, clockHertz: 3.2e9))

        let measured = FMAPeak.measure(seconds: 0.002, rounds: 3)
        #expect(measured.lanes == Int(ckernels_gemm_lanes(ckernels_gemm_best_path())) && measured.rate > 0)

        var step = StepTimes(steps: 1)
        step.forward = 0.001
        var report = BenchmarkReport(cores: 2, threads: 2, wallSeconds: 1, peakResidentBytes: 1 << 20, runs: 1, stepsPerRun: 10,
                                     network: [784, 256, 10], networkRuns: 1, forwardFlops: 1e8, backwardFlops: 1e8,
                                     step: step, partneredSteps: 0, stepAlone: step, stepOnTwoCores: step,
                                     sgemmSecondsPerStep: 0.002, scaling: [])
        report.peak = skylake
        let text = BenchmarkText.render(report, config: "c.json")
        // 2e8 FLOP in 2 ms: 100 GFLOP/s, 52.1% of 192.
        #expect(text.contains("  FMA peak, one core           192.0 GFLOP/s measured (2 FMA units × 16 floats × 2 FLOP × 3.00 GHz); sgemm reaches 52.1%"),
                "\(text)")
        #expect(!text.contains("CPU vectors") && !text.contains("warning"), "\(text)")
        report.sgemmSecondsPerStep = 0.004
        #expect(BenchmarkText.render(report, config: "c.json").contains("warning: sgemm runs at less than half of this core's measured FMA peak"))
        report.peak = nil
        #expect(!BenchmarkText.render(report, config: "c.json").contains("FMA peak"))
    }

    /// A step's products, the same shapes grouped, named by layer and role, in training's order.
    @Test func theGEMMSectionHasARowPerDistinctProductOfTheStep() throws {
        let lesson = GEMMBenchmark.stepRows(Plan(ModelSpec(layers: [784, 256, 128, 10], activation: .relu, dropout: 0).layerKinds, inputWidth: 784), rows: 100)
        #expect(lesson.map(\.shape) == ModelSpec(layers: [784, 256, 128, 10], activation: .relu, dropout: 0).plan.stepProducts(rows: 100))
        #expect(lesson.map(\.name) == ["layer 1 forward", "layer 2 forward", "layer 3 forward", "layer 3 weights' gradient",
                                       "layer 3 input's gradient", "layer 2 weights' gradient", "layer 2 input's gradient",
                                       "layer 1 weights' gradient"])
        let deep = ModelSpec(layers: [784] + Array(repeating: 128, count: 10) + [10], activation: .tanh, dropout: 0).plan
        let rows = GEMMBenchmark.stepRows(deep, rows: 100)
        #expect(rows.reduce(0) { $0 + $1.count } == deep.stepProducts(rows: 100).count)
        #expect(rows.count == 8 && rows[1].name == "layers 2–10 forward" && rows[1].count == 9)
        #expect(rows.contains { $0.name == "layers 2–10 input's gradient" && $0.count == 9 })
        // A shape shared by different roles lists each of them.
        #expect(GEMMBenchmark.name([("forward", 1), ("input's gradient", 3)]) == "layer 1 forward, layer 3 input's gradient")

        let small = GEMMBenchmark.measure(networks: [("36-16-8-3", Network(widths: [36, 16, 8, 3], activation: .relu, dropout: 0).plan, 20)],
                                          rounds: 2)
        #expect(small.networks.count == 1 && small.networks[0].rows.count == 8 && small.peak.rate > 0)
        #expect(small.networks[0].rows.allSatisfy { $0.ownSeconds > 0 && $0.openBLASSeconds > 0 && $0.ownSeconds.isFinite })
        let text = BenchmarkText.gemm(small)
        #expect(text.hasPrefix("compare-inits bench --gemm: one core; the tool's GEMM (") && text.contains("FMA peak, one core: "))
        #expect(text.contains("\n36-16-8-3\n  product ") && text.contains("  one step (8 products)  "), "\(text)")
        for bad in ["nan", "inf ", "inf%"] { #expect(!text.lowercased().contains(bad), "\(text)") }

        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        let result = try runCommand(["bench", "--gemm", config])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("36-16-8-3, batch 20 (\(config))") && result.stdout.contains("layer 1 weights' gradient"), "\(result.stdout)")
        // torch.mm's column without a Python with torch: n/a, and a note that says why.
        #expect(result.stdout.contains("torch.mm: not measured: give --peer PYTHON") && result.stdout.contains("  n/a  "), "\(result.stdout)")
        let noTorch = try runCommand(["bench", "--gemm", config, "--peer", folder + "/no-python"])
        #expect(noTorch.status == 0 && noTorch.stdout.contains("torch.mm: not measured: cannot run \(folder)/no-python"), "\(noTorch.stdout)")
        // A stand-in for a Python with torch, which answers as scripts/torch-mm.py does: 1 ms a product.
        let python = folder + "/python"
        try "#!/bin/sh\nshift 2\nprintf '{\"torch\": \"0.0-test\", \"seconds\": ['\nsep=''\nfor s in \"$@\"; do printf '%s0.001' \"$sep\"; sep=','; done\necho ']}'\n"
            .write(toFile: python, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: python)
        let torch = try runCommand(["bench", "--gemm", config, "--peer", python])
        #expect(torch.status == 0 && torch.stdout.contains("torch.mm: PyTorch 0.0-test, one thread") && !torch.stdout.contains("n/a"),
                "\(torch.stdout)")
        // 36-16-8-3's first forward product, 16 × 20 × 36: 23,040 FLOP in 1 ms.
        #expect(torch.stdout.contains("16 × 20 × 36") && torch.stdout.contains("0.0  "), "\(torch.stdout)")
        let refused = try runCommand(["bench", "--gemm", config, "--repeat", "2"])
        #expect(refused.status != 0 && refused.stderr.contains("--gemm measures products alone"), "\(refused.stderr)")
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
