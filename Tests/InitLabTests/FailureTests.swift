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
        #expect(outcome.plotProblem == "gnuplot failed (status 1): ")
        for name in ["all.dat", "all.gp", "report.md", "results.json"] {
            #expect(FileManager.default.fileExists(atPath: "\(folder)/out/\(name)"))
        }
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
