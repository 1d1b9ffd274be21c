import Foundation
import Testing
@testable import InitLab

/// Runs that go wrong, and what the user is left with.
@Suite struct FailureTests {
    func setUp(strategies: String? = nil, epochs: Int = 2, side: Int = 6) throws -> (folder: String, config: String) {
        let folder = temporaryFolder()
        writeSyntheticDataset(in: folder, side: side)
        var text = syntheticConfig(dataset: folder, output: folder + "/out")
            .replacingOccurrences(of: "\"epochs\": 2", with: "\"epochs\": \(epochs)")
            .replacingOccurrences(of: "[36, 16, 8, 3]", with: "[\(side * side), 16, 8, 3]")
        if let strategies {
            let start = text.range(of: "\"strategies\": [")!.lowerBound, end = text.range(of: "\"plots\"")!.lowerBound
            text.replaceSubrange(start..<end, with: "\"strategies\": \(strategies),\n  ")
        }
        try text.write(toFile: folder + "/c.json", atomically: true, encoding: .utf8)
        return (folder, folder + "/c.json")
    }

    @Test func aDivergingRunIsMarkedAndTheOthersGoOn() throws {
        // Constant weights of 1e12: the scores overflow to infinity at the first batch.
        let (folder, config) = try setUp(strategies: """
        [{"id": "zeros", "label": "All Zeros", "weights": "zeros"},
         {"id": "rule", "label": "Rule", "weights": "fan_in_uniform"},
         {"id": "default", "label": "Huge", "weights": {"kind": "constant", "value": 1e12}}]
        """)
        defer { removeFolder(folder) }
        let outcome = try ComparisonJob.prepare(configPath: config, options: JobOptions()).run()
        #expect(outcome.results.map(\.status) == [.ok, .ok, .diverged(batch: 1)])
        #expect(outcome.results[1].validationAccuracy != nil && outcome.results[2].validationAccuracy == nil)

        let out = folder + "/out"
        let results = try JSONParser.parse(String(contentsOfFile: out + "/results.json", encoding: .utf8))
        guard case .array(let runs)? = results["runs"] else { Issue.record("no runs"); return }
        #expect(runs[2]["status"] == .string("diverged") && runs[2]["diverged_at_batch"] == .number(1))
        #expect(runs[2]["batch_losses"] == .array([.null]) && runs[2]["validation_accuracy"] == .null)
        let report = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(report.contains("**Huge diverged**: its loss was not finite at batch 1"))
        #expect(report.contains("| Huge | diverged at batch 1 |"))
        let data = try String(contentsOfFile: out + "/all.dat", encoding: .utf8)
        #expect(data.split(separator: "\n")[1].hasSuffix(" ?")) // the non-finite point, skipped by gnuplot
        #expect(outcome.plotProblem == nil, "gnuplot must render a figure with a non-finite point: \(outcome.plotProblem ?? "")")
    }

    @Test func keepPartialWritesTheFinishedRunsAndMarksTheRest() throws {
        let (folder, config) = try setUp()
        defer { removeFolder(folder) }
        let stop = StopFlag()
        let job = try ComparisonJob.prepare(configPath: config, options: JobOptions(threads: 1, keepPartial: true))
        let outcome = try job.run(stop: stop) { event in
            if case .finished(run: 0, _) = event { stop.stop() }
        }
        #expect(outcome.interrupted && outcome.wrote)
        #expect(outcome.results.map(\.status.name) == ["ok", "interrupted", "interrupted"])
        let report = try String(contentsOfFile: folder + "/out/report.md", encoding: .utf8)
        #expect(report.contains("**Rule was interrupted** before it finished"))
    }

    @Test func aFailingGnuplotLeavesTheDataScriptsAndReport() throws {
        let (folder, config) = try setUp()
        defer { removeFolder(folder) }
        let outcome = try ComparisonJob.prepare(configPath: config, options: JobOptions(gnuplot: "/bin/false")).run()
        #expect(outcome.plotProblem == "PNGs not rendered (gnuplot failed (status 1))")
        for name in ["all.dat", "all.gp", "report.md", "results.json"] {
            #expect(FileManager.default.fileExists(atPath: "\(folder)/out/\(name)"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/out").allSatisfy { !$0.hasSuffix(".png") })
    }

    /// A gnuplot that fails on one script, leaving its PNG cut off: the message names exactly that
    /// figure, the cut-off file is not committed, and the earlier run's PNG of it goes (it would
    /// show the earlier run's curves beside this run's report).
    @Test func aFigureGnuplotCouldNotDrawIsNamedAndLeftOut() throws {
        let (folder, config) = try setUp()
        defer { removeFolder(folder) }
        _ = try ComparisonJob.prepare(configPath: config, options: JobOptions()).run()
        let gnuplot = try #require(Gnuplot.locate(), "gnuplot is required for this test (apt-get install gnuplot-nox)")
        let failing = folder + "/failing-gnuplot"
        try """
        #!/bin/sh
        status=0
        for script in "$@"; do
          if [ "$script" = all.gp ]; then
            printf '\\211PNG\\r\\n\\032\\n' > all.png; echo "all.gp, line 7: no such style" >&2; status=1
          else
            '\(gnuplot)' "$script" || status=1
          fi
        done
        exit $status
        """.write(toFile: failing, atomically: true, encoding: .utf8)
        chmod(failing, 0o755)
        var options = JobOptions(seed: 9, gnuplot: failing)
        let outcome = try ComparisonJob.prepare(configPath: config, options: options).run()
        let scripts = try FileManager.default.contentsOfDirectory(atPath: folder + "/out").filter { $0.hasSuffix(".gp") }.count
        #expect(outcome.plotProblem == "PNGs of 1 of \(scripts) figures not rendered (gnuplot failed (status 1): all.gp, line 7: no such style): all.png")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: folder + "/out"))
        #expect(!files.contains("all.png") && files.contains("all.gp") && files.contains("zeros-vs-rule.png"))
        #expect(files.filter { $0.hasSuffix(".png") }.count == scripts - 1)

        // Asked for (--require-png), the missing figure fails the write and the folder keeps what it had.
        let before = try snapshot(folder + "/out")
        options.seed = 11
        options.requirePNGs = true
        #expect {
            _ = try ComparisonJob.prepare(configPath: config, options: options).run()
        } throws: { error in
            "\(error)" == "cannot write output folder \(folder)/out: PNGs of 1 of \(scripts) figures not rendered (gnuplot failed (status 1): "
                + "all.gp, line 7: no such style): all.png, which --require-png asks for; the folder is left as it was"
        }
        #expect(try snapshot(folder + "/out") == before)
    }

    /// A folder where an output file goes: found while checking, before anything is moved (moved
    /// aside with the earlier files, it would be deleted with them).
    @Test func aFolderWhereAnOutputGoesStopsTheCommitBeforeAnythingMoves() throws {
        let (folder, config) = try setUp()
        defer { removeFolder(folder) }
        let out = folder + "/out"
        _ = try ComparisonJob.prepare(configPath: config, options: JobOptions()).run()
        try FileManager.default.removeItem(atPath: out + "/report.md")
        try FileManager.default.createDirectory(atPath: out + "/report.md", withIntermediateDirectories: false)
        try "mine".write(toFile: out + "/report.md/notes.txt", atomically: true, encoding: .utf8)
        let before = try snapshot(out, skipping: ["report.md"])
        #expect {
            _ = try ComparisonJob.prepare(configPath: config, options: JobOptions(seed: 9)).run()
        } throws: { error in
            "\(error)" == "cannot write output folder \(out): \(out)/report.md is a folder, where the outputs have a file of that name; "
                + "the folder is left as it was"
        }
        #expect(try snapshot(out, skipping: ["report.md"]) == before)
        #expect(try String(contentsOfFile: out + "/report.md/notes.txt", encoding: .utf8) == "mine")
    }

    @Test func anUnwritableOutputFolderIsReportedBeforeTraining() throws {
        let (folder, config) = try setUp()
        defer { removeFolder(folder) }
        try "x".write(toFile: folder + "/a-file", atomically: true, encoding: .utf8)
        for output in [folder + "/a-file", folder + "/a-file/below"] {
            #expect {
                _ = try ComparisonJob.prepare(configPath: config, options: JobOptions(output: output))
            } throws: { error in
                guard let error = error as? OutputError else { return false }
                return error.description.hasPrefix("cannot write output folder \(output): ")
            }
        }
        let result = try runCommand([config, "--output", folder + "/a-file/below"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("compare-inits: cannot write output folder \(folder)/a-file/below: "))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    func stagingExists(in folder: String) -> Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).contains { $0.hasPrefix(".compare-inits-staging") }
    }

    @Test func aSignalStopsTheRunAndLeavesThePreviousOutputsIntact() throws {
        // 784-pixel images and many epochs: seconds of training, so the signal lands mid-run.
        let (folder, config) = try setUp(epochs: 400, side: 28)
        defer { removeFolder(folder) }
        let out = folder + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try "previous".write(toFile: out + "/results.json", atomically: true, encoding: .utf8)

        for (signal, keepPartial) in [("SIGINT", false), ("SIGINT", true), ("SIGTERM", false)] {
            let before = try String(contentsOfFile: out + "/results.json", encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executablePath)
            process.arguments = [config, "--threads", "2"] + (keepPartial ? ["--keep-partial"] : [])
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            // The staging folder appears once the signal handlers are installed and the inputs
            // are checked; signalled then, the run is stopped wherever training has got to.
            for _ in 0..<2000 where !stagingExists(in: out) { Thread.sleep(forTimeInterval: 0.01) }
            Thread.sleep(forTimeInterval: 0.1)
            if signal == "SIGINT" { process.interrupt() } else { process.terminate() }
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationReason == .exit && process.terminationStatus == 1, "\(message)")
            let results = try String(contentsOfFile: out + "/results.json", encoding: .utf8)
            if keepPartial {
                #expect(message.contains("compare-inits: interrupted by \(signal); finished runs written to \(out)"))
                let json = try JSONParser.parse(results)
                guard case .array(let runs)? = json["runs"] else { Issue.record("no runs"); continue }
                #expect(runs.contains { $0["status"] == .string("interrupted") })
            } else {
                #expect(message == "compare-inits: interrupted by \(signal); \(out) left as it was\n")
                #expect(results == before)
            }
            #expect(!stagingExists(in: out))
        }
    }
}
