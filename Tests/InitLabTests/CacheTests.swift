import Foundation
import Testing
@testable import InitLab

/// The run cache: a run found in it is not trained again and gives the same bits; a damaged
/// file is reported and its run trained again; a comparison killed midway finishes what is
/// missing and ends as if it had never been stopped.
@Suite struct CacheTests {
    static func same(_ a: [RunResult], _ b: [RunResult]) -> Bool {
        zip(a, b).allSatisfy { x, y in
            x.batchLosses.map(\.bitPattern) == y.batchLosses.map(\.bitPattern) && x.validationAccuracy == y.validationAccuracy
                && x.testAccuracy == y.testAccuracy && x.diagnostics == y.diagnostics && x.weightHistograms == y.weightHistograms
        } && a.count == b.count
    }

    @Test func aSecondComparisonTakesEveryRunFromTheCache() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        let cache = folder + "/cache"
        let first = try ComparisonJob.prepare(configPath: config, options: JobOptions(cache: cache)).run()
        #expect(first.reusedRuns == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".json") }.count == 3)
        let second = try ComparisonJob.prepare(configPath: config, options: JobOptions(cache: cache)).run()
        #expect(second.reusedRuns == 3 && Self.same(first.results, second.results))
        // Not trained again: even the timings are the stored ones.
        #expect(second.results.map(\.trainSeconds) == first.results.map(\.trainSeconds))
        // Another seed is another run.
        let other = try ComparisonJob.prepare(configPath: config, options: JobOptions(seed: 9, cache: cache)).run()
        #expect(other.reusedRuns == 0)
    }

    @Test func aDamagedFileIsReportedAndItsRunTrainedAgain() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        let cache = folder + "/cache"
        let first = try ComparisonJob.prepare(configPath: config, options: JobOptions(cache: cache)).run()
        let files = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".json") }.sorted()
        // One file truncated, one with a byte changed: each is found out and trained again.
        let truncated = cache + "/" + files[0], flipped = cache + "/" + files[1]
        let text = try String(contentsOfFile: truncated, encoding: .utf8)
        try String(text.prefix(text.count / 2)).write(toFile: truncated, atomically: true, encoding: .utf8)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: flipped))
        bytes[bytes.count - 20] ^= 1
        try bytes.write(to: URL(fileURLWithPath: flipped))
        let problems = Problems()
        let second = try ComparisonJob.prepare(configPath: config, options: JobOptions(cache: cache)).run { event in
            if case .cacheDamaged(let message) = event { problems.add(message) }
        }
        #expect(second.reusedRuns == 1 && Self.same(first.results, second.results))
        #expect(problems.all.count == 2 && problems.all.allSatisfy { $0.contains("is damaged") && !$0.contains("\n") }, "\(problems.all)")
        // Stored again, whole: a third comparison reuses all three.
        #expect(try ComparisonJob.prepare(configPath: config, options: JobOptions(cache: cache)).run().reusedRuns == 3)
        // A valid file under another run's name is not that run.
        try FileManager.default.removeItem(atPath: truncated)
        try FileManager.default.copyItem(atPath: flipped, toPath: truncated)
        let swapped = Problems()
        let third = try ComparisonJob.prepare(configPath: config, options: JobOptions(cache: cache)).run { event in
            if case .cacheDamaged(let message) = event { swapped.add(message) }
        }
        #expect(third.reusedRuns == 2 && Self.same(first.results, third.results))
        #expect(swapped.all.count == 1 && swapped.all[0].contains("was computed for another run (its strategy"), "\(swapped.all)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.contains(".rejected-") }.count == 1)
    }

    /// The cache file of a run (strategy and seed) holding, correctly checksummed, the same
    /// strategy and seed of another experiment (another learning rate): it is reported in one
    /// line, kept aside, never deleted, and its run trained again; the report is this
    /// experiment's, bit for bit.
    @Test func anotherExperimentsEntryUnderARunsNameIsKeptAsideAndTrainedAgain() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        let other = folder + "/other.json"
        try String(contentsOfFile: config, encoding: .utf8)
            .replacingOccurrences(of: "\"batch_size\": 20,", with: "\"optimizer\": {\"name\": \"adam\", \"learning_rate\": 0.01}, \"batch_size\": 20,")
            .write(toFile: other, atomically: true, encoding: .utf8)
        let cache = folder + "/cache"
        func run(_ config: String, cache: String, output: String) throws -> CommandResult {
            try runCommand([config, "--quiet", "--seed", "1", "--cache", cache, "--output", folder + "/" + output])
        }
        #expect(try run(config, cache: cache, output: "first").status == 0)
        #expect(try run(other, cache: folder + "/other-cache", output: "other").status == 0)
        let mine = try Self.entry(in: cache, strategy: "rule", seed: 1)
        let foreign = try Data(contentsOf: URL(fileURLWithPath: try Self.entry(in: folder + "/other-cache", strategy: "rule", seed: 1)))
        try foreign.write(to: URL(fileURLWithPath: mine))

        let second = try run(config, cache: cache, output: "second")
        #expect(second.status == 0)
        #expect(second.stderr.split(separator: "\n").count == 1, "\(second.stderr)")
        #expect(second.stderr.hasPrefix("compare-inits: warning: cache file \(mine) was computed for another run "
                                        + "(its training.optimizer.adam.learning_rate differs from this run's); kept aside as "))
        #expect(second.stderr.hasSuffix("; training its run again\n"))
        #expect(second.stdout.contains(" 2 of 3 runs came from the cache"))
        func runs(_ output: String) throws -> [RunResult] {
            try ResultsFile.runs(fromText: String(contentsOfFile: folder + "/\(output)/results.json", encoding: .utf8))
        }
        // The other experiment's run is another run (else this test could not tell them apart),
        // and the report holds this one's.
        #expect(!Self.same([try runs("other")[1]], [try runs("first")[1]]))
        #expect(Self.same(try runs("second"), try runs("first")))
        // Kept aside whole, under a name that the cleanup of stale temporary files, however old, leaves alone.
        let rejected = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.contains(".rejected-") }
        #expect(rejected.count == 1 && rejected.first?.hasPrefix((mine as NSString).lastPathComponent + ".rejected-") == true)
        let aside = cache + "/" + (rejected.first ?? "")
        #expect(try Data(contentsOf: URL(fileURLWithPath: aside)) == foreign)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3 * 86_400)], ofItemAtPath: aside)
        let third = try run(config, cache: cache, output: "third")
        #expect(third.status == 0 && third.stderr.isEmpty && third.stdout.contains(" 3 of 3 runs came from the cache"), "\(third.stderr)")
        #expect(FileManager.default.fileExists(atPath: aside))
    }

    /// merge trains nothing: a damaged or foreign entry is reported as a missing run, and the
    /// read-only cache is left as it is.
    @Test func mergeMeetingAnUnusableEntrySaysItTrainsNothing() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        let cache = folder + "/cache", otherCache = folder + "/other-cache"
        #expect(try runCommand([config, "--quiet", "--shard", "1/1", "--cache", cache]).status == 0)
        #expect(try runCommand([config, "--quiet", "--seed", "4", "--shard", "1/1", "--cache", otherCache]).status == 0)
        let damaged = try Self.entry(in: cache, strategy: "rule", seed: 3), foreign = try Self.entry(in: cache, strategy: "default", seed: 3)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: damaged))
        bytes[bytes.count - 20] ^= 1
        try bytes.write(to: URL(fileURLWithPath: damaged))
        try Data(contentsOf: URL(fileURLWithPath: try Self.entry(in: otherCache, strategy: "default", seed: 4))).write(to: URL(fileURLWithPath: foreign))
        let before = try snapshot(cache)

        let merged = try runCommand(["merge", config, "--cache", cache, "--allow-partial"])
        #expect(merged.status == 0 && merged.stdout.contains("(2 missing, marked interrupted)"), "\(merged.stderr)")
        let expected = [
            "compare-inits: warning: cache file \(damaged) is damaged (its checksum does not match); merge trains nothing: its run counts as missing",
            "compare-inits: warning: cache file \(foreign) was computed for another run (its seed differs from this run's); left in place; "
                + "merge trains nothing: its run counts as missing",
        ]
        #expect(Set(merged.stderr.split(separator: "\n").map(String.init)) == Set(expected), "\(merged.stderr)")
        #expect(try snapshot(cache) == before)
    }

    /// A named pipe where a cache file should be: reported as a damaged file is, never opened
    /// for a read that would wait, and replaced by the run trained again.
    @Test func aNamedPipeWhereAnEntryShouldBeIsReportedAndReplaced() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        let cache = folder + "/cache"
        #expect(try runCommand([config, "--quiet", "--cache", cache]).status == 0)
        let entry = try Self.entry(in: cache, strategy: "zeros", seed: 3)
        unlink(entry)
        #expect(mkfifo(entry, 0o644) == 0)
        let second = try runCommand([config, "--quiet", "--cache", cache])
        #expect(second.status == 0)
        #expect(second.stderr == "compare-inits: warning: cache file \(entry) is a named pipe, not a file; training its run again\n")
        #expect(second.stdout.contains(" 2 of 3 runs came from the cache"))
        var status = stat()
        #expect(lstat(entry, &status) == 0 && status.st_mode & S_IFMT == S_IFREG)
    }

    /// A default cache folder under an XDG_CACHE_HOME that is a file: the warning says so.
    @Test func aCacheFolderUnderAFileSaysSoInWords() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        let file = folder + "/xdg"
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CACHE_HOME"] = file
        let result = try runCommand([config, "--quiet"], environment: environment)
        #expect(result.status == 0)
        #expect(result.stderr == "compare-inits: warning: cache folder \(file)/compare-inits cannot be written to (\(file) is a file, "
                + "not a folder); choose another with --cache DIR, or --no-cache; training without it\n")
    }

    /// The cache file of a strategy and seed (each file's run says whose it is).
    static func entry(in cache: String, strategy: String, seed: Int) throws -> String {
        for name in try FileManager.default.contentsOfDirectory(atPath: cache) where name.hasSuffix(".json") {
            let text = try String(contentsOfFile: cache + "/" + name, encoding: .utf8)
            guard let newline = text.firstIndex(of: "\n") else { continue }
            let body = try JSONParser.parse(String(text[text.index(after: newline)...]))
            if body["run"]?["strategy"] == .string(strategy) && body["run"]?["seed"] == .number(Double(seed)) { return cache + "/" + name }
        }
        throw CacheError(message: "no cache file of \(strategy), seed \(seed) in \(cache)")
    }

    @Test func anUnwritableCacheFolderIsOneClearLine() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        let result = try runCommand([config, "--quiet", "--cache", config + "/cache"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("compare-inits: cache folder \(config)/cache cannot be written to"))
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains("--no-cache"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }

    /// SIGKILL after the first runs are stored; the second command finishes only the rest and
    /// its results.json holds the runs of a comparison never stopped, bit for bit.
    @Test func aKilledComparisonFinishesWhatIsMissing() throws {
        let (folder, config) = try syntheticExperiment(extra: "\"repeats\": 3,")
        defer { removeFolder(folder) }
        // Eight epochs: runs long enough that the kill lands while some are still to train.
        let text = try String(contentsOfFile: config, encoding: .utf8).replacingOccurrences(of: "\"epochs\": 2", with: "\"epochs\": 8")
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        let cache = folder + "/cache"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executablePath)
        process.arguments = [config, "--quiet", "--threads", "1", "--cache", cache, "--output", folder + "/killed"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        func stored() -> Int { ((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []).filter { $0.hasSuffix(".json") }.count }
        let deadline = Date().addingTimeInterval(120)
        while stored() < 2 && process.isRunning && Date() < deadline { usleep(2_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let kept = stored()
        #expect(kept >= 2 && kept < 9, "\(kept) runs stored before the kill")
        #expect(!FileManager.default.fileExists(atPath: folder + "/killed/results.json"))

        let resumed = try runCommand([config, "--quiet", "--cache", cache, "--output", folder + "/resumed"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains(" \(kept) of 9 runs came from the cache"))
        let plain = try runCommand([config, "--quiet", "--no-cache", "--output", folder + "/plain"])
        #expect(plain.status == 0)
        let a = try ResultsFile.runs(fromText: String(contentsOfFile: folder + "/resumed/results.json", encoding: .utf8))
        let b = try ResultsFile.runs(fromText: String(contentsOfFile: folder + "/plain/results.json", encoding: .utf8))
        #expect(Self.same(a, b))
    }
}

private final class Problems: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    func add(_ message: String) { lock.withLock { messages.append(message) } }
    var all: [String] { lock.withLock { messages } }
}
