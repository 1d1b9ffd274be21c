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
        #expect(swapped.all.count == 1 && swapped.all[0].contains("holds another run"), "\(swapped.all)")
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
