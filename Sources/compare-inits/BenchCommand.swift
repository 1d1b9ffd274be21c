import ArgumentParser
import Foundation
import InitLab

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the full comparison's speed against this machine's sgemm rate.",
        discussion: """
        Runs the config's whole comparison (outputs go to a temporary folder), then prints its wall \
        time and peak memory, the training throughput per core in GFLOP/s (counted from the layer \
        shapes), this machine's single-core sgemm GFLOP/s at the same shapes and their ratio, the time \
        per step split into batch, forward, backward and optimizer, and how training time scales with \
        epochs and model size. With --gemm, trains nothing: the tool's own matrix product against \
        OpenBLAS on each product of the configs' training steps, one core, with this core's measured \
        FMA peak, and with --peer, PyTorch's torch.mm on one thread at the same shapes. Build with -c \
        release for meaningful numbers.
        """
    )

    /// The configs --gemm measures when none are given: the lesson's network and the deep tanh ones.
    static let gemmConfigs = ["configs/fashion.json", "configs/deep-tanh.json", "configs/deep-tanh-wide.json"]

    @Argument(help: ArgumentHelp("The experiment configs (one: the detailed report; several: a table, one row each).",
                                 discussion: "Default: configs/fashion.json; with --gemm, \(gemmConfigs.joined(separator: ", ")).",
                                 valueName: "configs"))
    var configs: [String] = []

    @Flag(help: "Measure the tool's own GEMM against OpenBLAS on the configs' step products, one core, instead of training.")
    var gemm = false

    @Option(help: "A Python with torch: also time scripts/pytorch-peer.py on every config, or with --gemm scripts/torch-mm.py (run from the package's folder).")
    var peer: String?

    @OptionGroup var parallel: ThreadOptions

    @OptionGroup var products: MatmulOptions

    @Flag(help: "Skip the scaling measurements (twice the epochs, a 784-1024-1024-10 model).")
    var noScaling = false

    @Option(name: .customLong("repeat"),
            help: "With several configs or a peer: measure each config (and its peer) this many times, alternating, and keep each one's fastest.")
    var repetitions = 1

    /// The configs given, or the default ones.
    var configPaths: [String] { !configs.isEmpty ? configs : gemm ? Self.gemmConfigs : ["configs/fashion.json"] }

    func validate() throws {
        guard repetitions >= 1 else { throw ValidationError("--repeat must be at least 1") }
        guard !gemm || repetitions == 1 else {
            throw ValidationError("--gemm measures products alone (100 rounds, alternating); --repeat is for whole configs")
        }
        guard repetitions == 1 || configPaths.count > 1 || peer != nil else {
            throw ValidationError("--repeat is for the table (several configs, or --peer); one config's report measures once")
        }
    }

    func run() throws {
        products.select()
        func log(_ line: String) { FileHandle.standardError.write(Data("bench: \(line)\n".utf8)) }
        let configs = configPaths
        if gemm {
            var networks: [(label: String, plan: Plan, rows: Int)] = []
            for config in configs {
                let experiment = try Failure.reporting { try Experiment.load(path: config) }
                // Each distinct network of the config (a strategy may have a model of its own).
                var seen: [[Int]] = []
                for strategy in experiment.strategies where !seen.contains(strategy.model.layers) {
                    seen.append(strategy.model.layers)
                    let rows = experiment.training.batchSize
                    let label = strategy.model.widthsName + ", batch \(rows) (\(config))"
                    guard !networks.contains(where: { $0.plan.widths == strategy.model.layers && $0.rows == rows }) else { continue }
                    networks.append((label, strategy.model.plan, rows))
                }
            }
            print(BenchmarkText.gemm(GEMMBenchmark.measure(networks: networks, python: peer, log: log)))
            return
        }
        guard configs.count == 1, peer == nil else {
            var rows: [ConfigBenchmark] = []
            for config in configs {
                // This machine's speed drifts with its host's load: alternating the two sides
                // spreads a slow spell over both, and each side's fastest is its least disturbed.
                var measured: [ConfigBenchmark] = []
                for round in 1...repetitions {
                    let of = repetitions > 1 ? " (\(round) of \(repetitions))" : ""
                    log("\(config)\(of)…")
                    var row = try Failure.reporting { try ConfigBenchmark.measure(configPath: config, threads: parallel.threads) }
                    if let peer {
                        log("\(config) in PyTorch\(of)…")
                        row.peerSeconds = try Failure.reporting { try ConfigBenchmark.peerSeconds(configPath: config, python: peer).get() }
                    }
                    measured.append(row)
                }
                rows.append(ConfigBenchmark.fastest(of: measured))
            }
            print(BenchmarkText.table(rows))
            return
        }
        let report = try Failure.reporting {
            try Benchmark.run(configPath: configs[0], threads: parallel.threads, scaling: !noScaling, log: log)
        }
        print(BenchmarkText.render(report, config: configs[0]))
    }
}

enum BenchmarkText {
    /// One row per config: wall time, training time per run, GFLOP/s per core against sgemm's,
    /// peak memory, and with a peer, PyTorch's time and the ratio.
    static func table(_ rows: [ConfigBenchmark]) -> String {
        let kernel = BLASKernel.current
        var lines = ["compare-inits bench: \(ProcessInfo.processInfo.activeProcessorCount) cores; products: \(GEMMChoice.current.description); BLAS: \(kernel.library), \(kernel.core) kernels (\(kernel.howChosen))", ""]
        let peer = rows.contains { $0.peerSeconds != nil }
        var header = ["config", "runs", "wall", "per run", "GFLOP/s a core", "sgemm GFLOP/s", "of sgemm", "peak RSS", "diagnostics"]
        if peer { header += ["PyTorch", "speed-up"] }
        var cells = [header]
        for r in rows {
            var row = [r.config, "\(r.runs)", String(format: "%.2f s", r.wallSeconds), String(format: "%.2f s", r.meanRunSeconds),
                       String(format: "%.1f", r.trainingRate / 1e9), String(format: "%.1f", r.sgemmRate / 1e9),
                       String(format: "%.0f%%", 100 * r.sgemmFraction),
                       r.peakResidentBytes.map { String(format: "%.0f MB", Double($0) / 1e6) } ?? "n/a",
                       String(format: "%.1f%%", 100 * r.diagnosticsShare)]
            if peer {
                row += [r.peerSeconds.map { String(format: "%.2f s", $0) } ?? "n/a",
                        r.peerSeconds.map { String(format: "×%.1f", $0 / r.wallSeconds) } ?? "n/a"]
            }
            cells.append(row)
        }
        let widths = header.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
        for row in cells {
            lines.append(zip(row, widths).enumerated().map { column, pair in
                let (cell, width) = pair
                return column == 0 ? cell + String(repeating: " ", count: width - cell.count) : cell.leftPadded(width)
            }.joined(separator: "  "))
        }
        if let repeated = rows.first?.walls, repeated.count > 1 {
            func range(_ seconds: [Double]) -> String { String(format: "%.2f–%.2f s", seconds.min()!, seconds.max()!) }
            lines += ["", "Each config measured \(repeated.count) times, alternating; the table has each side's fastest. All of them:"]
            for r in rows {
                lines.append("  \(r.config): compare-inits \(range(r.walls))" + (r.peerRuns.isEmpty ? "" : ", PyTorch \(range(r.peerRuns))"))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `bench --gemm`: per network, each distinct product of its step with the GEMM's, OpenBLAS's
    /// and (when measured) torch.mm's GFLOP/s and their share of the measured FMA peak, then the
    /// step as a whole.
    static func gemm(_ g: GEMMBenchmark) -> String {
        func gflops(_ rate: Double?) -> String { rate.map { String(format: "%.1f", $0 / 1e9) } ?? "n/a" }
        func pct(_ rate: Double?) -> String { rate.map { String(format: "%.1f%%", 100 * $0 / g.peak.rate) } ?? "n/a" }
        let torch: String
        switch g.torch {
        case .success(let version): torch = "torch.mm: PyTorch \(version), one thread (torch.set_num_threads(1)), in a process of its own after the others, its fastest of as many rounds"
        case .failure(let why): torch = "torch.mm: \(why)"
        }
        var lines = [
            "compare-inits bench --gemm: one core; the tool's GEMM (\(g.pathName) path) against \(g.blas.library)'s \(g.blas.core) kernels (\(g.blas.howChosen))",
            "FMA peak, one core: \(g.peak.description)",
            "Each product measured \(g.rounds) times with each, alternating; each side's fastest. GFLOP/s counted as 2·m·n·k per product.",
            torch,
        ]
        let header = ["product", "m × n × k", "op", "GEMM GFLOP/s", "of peak", "OpenBLAS", "of peak", "GEMM / OpenBLAS", "torch.mm", "of peak"]
        for network in g.networks {
            var cells = [header]
            for row in network.rows {
                let s = row.shape
                cells.append([row.name + (row.count > 1 ? " (×\(row.count))" : ""), "\(s.m) × \(s.n) × \(s.k)",
                              (s.transposeA ? "T" : "N") + (s.transposeB ? "T" : "N"),
                              gflops(row.ownRate), pct(row.ownRate), gflops(row.openBLASRate), pct(row.openBLASRate),
                              String(format: "×%.2f", row.openBLASSeconds / row.ownSeconds), gflops(row.torchRate), pct(row.torchRate)])
            }
            let own = network.flops / network.ownSeconds, theirs = network.flops / network.openBLASSeconds
            let torchRate = network.torchSeconds.map { network.flops / $0 }
            cells.append(["one step (\(network.rows.reduce(0) { $0 + $1.count }) products)", "", "", gflops(own), pct(own), gflops(theirs),
                          pct(theirs), String(format: "×%.2f", network.openBLASSeconds / network.ownSeconds), gflops(torchRate), pct(torchRate)])
            let widths = header.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
            lines += ["", network.label]
            for row in cells {
                lines.append("  " + zip(row, widths).enumerated().map { column, pair in
                    let (cell, width) = pair
                    return column == 0 ? cell + String(repeating: " ", count: width - cell.count) : cell.leftPadded(width)
                }.joined(separator: "  "))
            }
        }
        return lines.joined(separator: "\n")
    }

    static func render(_ r: BenchmarkReport, config: String) -> String {
        func ms(_ seconds: Double) -> String { String(format: "%.3f ms", seconds * 1000) }
        func pct(_ part: Double, _ whole: Double) -> String { String(format: "%.1f%%", 100 * part / whole) }
        func gflops(_ rate: Double) -> String { String(format: "%.1f GFLOP/s", rate / 1e9) }
        let s = r.step, a = r.stepAlone, t = r.stepOnTwoCores
        func row(_ name: String, _ value: (StepTimes) -> Double) -> String {
            name.padding(toLength: 29, withPad: " ", startingAt: 0)
                + [s, a, t].map { $0.steps == 0 ? "—".padding(toLength: 16, withPad: " ", startingAt: 0)
                                                : "\(ms(value($0)))  \(pct(value($0), $0.total).leftPadded(6))" }.joined(separator: "    ")
        }
        var lines: [String] = [
            "compare-inits bench \(config): \(r.cores) cores, \(r.threads) runs at a time, single-threaded products per run",
            "Products: \(GEMMChoice.current.description); BLAS: \(r.blas.library), \(r.blas.core) kernels (\(r.blas.howChosen))",
            "",
            "Full comparison (\(r.runs) runs × \(r.stepsPerRun) steps: load, train, validate, report, gnuplot)",
            String(format: "  wall time                    %.2f s", r.wallSeconds),
            String(format: "  peak resident memory         %.0f MB", Double(r.peakResidentBytes) / 1e6),
        ]
        if let ab = r.diagnosticsWallSeconds {
            lines += [
                String(format: "  again, without diagnostics   %.2f s", ab.without),
                String(format: "  again, with diagnostics      %.2f s (%+.1f%%)", ab.with, 100 * (ab.with / ab.without - 1)),
                String(format: "  diagnostics, of runs' time   %.1f%% (their seconds, of the runs' seconds)", 100 * r.diagnosticsShare),
            ]
        }
        lines += [
            "",
            "Per training step of " + r.network.map(String.init).joined(separator: "-")
                + (r.networkRuns < r.runs ? " (the last strategy's network, \(r.networkRuns) of the runs)" : "")
                + String(format: ": %.1f MFLOP (forward %.1f, backward %.1f)", r.flopsPerStep / 1e6, r.forwardFlops / 1e6, r.backwardFlops / 1e6),
            "                             in the comparison      one run alone          one run, two cores",
            row("  time", \.total),
            row("    batch conversion", \.batch),
            row("    forward", \.forward),
            row("    backward", \.backward),
            row("    optimizer", \.optimizer),
            row("  in matrix products", \.products),
            row("  outside matrix products", \.outsideProducts),
            "The comparison's column is its steps on one core; \(r.partneredSteps) of its \(r.networkRuns * r.stepsPerRun) steps had a",
        ] + (t.steps > 0 ? [
            String(format: "partner core (a run with a core to spare), which makes a step ×%.2f faster than alone. On two", a.total / t.total),
            "cores, the products' time is the run's own core's share; its partner computes the rest meanwhile.",
        ] : [
            "partner core (a run with a core to spare). One run on two cores never had its partner: it ended",
            "before the second core was lent to it.",
        ]) + [
            "",
            "Throughput",
            "  training, per core           " + (s.steps > 0 ? "\(gflops(r.trainingRate)) in the comparison, " : "") + "\(gflops(r.trainingRateAlone)) alone",
            "  sgemm alone, one core        \(gflops(r.sgemmRate))  (\(ms(r.sgemmSecondsPerStep)) for one step's products)",
            "  training / sgemm             " + (s.steps > 0 ? "\(pct(r.trainingRate, r.sgemmRate)) in the comparison, " : "") + "\(pct(r.trainingRateAlone, r.sgemmRate)) alone",
        ]
        if let peak = r.peak {
            lines.append("  FMA peak, one core           \(peak.description); sgemm reaches \(pct(r.sgemmRate, peak.rate))")
            if r.sgemmFarBelowPeak {
                lines.append("  warning: sgemm runs at less than half of this core's measured FMA peak; the \(r.blas.core) kernels may not use its vectors (see `compare-inits blas`)")
            }
        }
        if !r.scaling.isEmpty {
            lines += ["", "Scaling (one strategy, one run at a time)"]
            for c in r.scaling {
                lines.append("  " + c.name.padding(toLength: 38, withPad: " ", startingAt: 0)
                             + String(format: "%6.2f s → %6.2f s   ×%.2f (work ×%.2f)", c.baseSeconds, c.scaledSeconds, c.factor, c.expectedFactor))
            }
        }
        return lines.joined(separator: "\n")
    }
}
