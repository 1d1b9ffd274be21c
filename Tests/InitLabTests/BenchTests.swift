import Foundation
import Testing
@testable import InitLab

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
