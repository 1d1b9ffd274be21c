import Foundation
import Testing
@testable import InitLab

/// The compare-inits executable, built beside the test bundle (the test target depends on it).
let executablePath: String = {
    let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    return folder.appendingPathComponent("compare-inits").path
}()

struct CommandResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs the command with `arguments`, without a terminal (so no progress line).
func runCommand(_ arguments: [String], environment: [String: String]? = nil, executable: String = executablePath) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    // Each call gets a cache folder of its own, so that no run comes from another call's (or the user's) cache.
    var defaults = ProcessInfo.processInfo.environment
    defaults["XDG_CACHE_HOME"] = NSTemporaryDirectory() + "compare-inits-test-cache-\(UUID().uuidString)"
    process.environment = environment ?? defaults
    defer { if environment == nil { try? FileManager.default.removeItem(atPath: defaults["XDG_CACHE_HOME"]!) } }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                         stderr: String(decoding: stderr, as: UTF8.self))
}

@Suite struct CommandLineTests {
    @Test func helpExplainsEveryOptionAndTheExitStatuses() throws {
        let root = try runCommand(["--help"])
        #expect(root.status == 0)
        #expect(root.stdout.contains("Exit status: 0 success; 1 a run-time failure"))
        let run = try runCommand(["run", "--help"])
        #expect(run.status == 0)
        for option in ["--seed", "--output", "--threads", "--quiet", "--require-png", "--keep-partial", "--cache", "--no-cache", "--matmul <own|openblas>"] {
            #expect(run.stdout.contains(option), "run --help lacks \(option)")
        }
        // merge reads the cache: its help offers the folder, not the option that turns the cache off.
        let merge = try runCommand(["merge", "--help"])
        #expect(merge.status == 0 && merge.stdout.contains("--cache <dir>") && !merge.stdout.contains("--no-cache"), "\(merge.stdout)")
    }

    /// What computes the products: the tool's GEMM by default, OpenBLAS when --matmul or
    /// COMPARE_INITS_MATMUL says so (the option winning over the variable); a value that is
    /// neither is one line and status 2, from either.
    @Test func theMatrixProductsAreChosenByOptionOrEnvironment() throws {
        var environment = ProcessInfo.processInfo.environment
        environment[GEMMChoice.environmentVariable] = nil
        let own = "products  compare-inits's own GEMM ("
        let openBLAS = "products  \(BLASKernel.current.library)'s "
        #expect(try runCommand(["blas"], environment: environment).stdout.contains(own))
        #expect(try runCommand(["blas", "--matmul", "openblas"], environment: environment).stdout.contains(openBLAS))
        environment[GEMMChoice.environmentVariable] = "openblas"
        #expect(try runCommand(["blas"], environment: environment).stdout.contains(openBLAS))
        #expect(try runCommand(["blas", "--matmul", "own"], environment: environment).stdout.contains(own))
        environment[GEMMChoice.environmentVariable] = "fast"
        let badVariable = try runCommand(["blas"], environment: environment)
        #expect(badVariable.status == 2 && badVariable.stdout.isEmpty)
        #expect(badVariable.stderr == "compare-inits: COMPARE_INITS_MATMUL=fast is not one of own, openblas\n", "\(badVariable.stderr)")
        for arguments in [["blas", "--matmul", "fast"], ["inspect", "configs/fashion.json", "--matmul", "fast"],
                          ["configs/fashion.json", "--matmul", "fast"], ["bench", "--gemm", "--matmul", "fast"]] {
            let badOption = try runCommand(arguments)
            #expect(badOption.status == 2, "\(arguments)")
            #expect(badOption.stderr.hasPrefix("compare-inits: The value 'fast' is invalid for '--matmul <own|openblas>'"), "\(badOption.stderr)")
            #expect(badOption.stderr.split(separator: "\n").count == 1, "\(badOption.stderr)")
        }
    }

    /// A negative number given to an option, before or after "=", to a count, a seed or a shard:
    /// said as what it is, by every command alike (ArgumentParser said "Missing value").
    @Test func aNegativeNumberIsSaidToBeOne() throws {
        let cases: [[String]] = [["configs/fashion.json", "--shard", "-1/2"], ["slurm", "configs/fashion.json", "--tasks", "-3"],
                                 ["inspect", "configs/fashion.json", "--seed", "-1"], ["configs/fashion.json", "--threads=-2"],
                                 ["bench", "--repeat", "-2"]]
        for arguments in cases {
            let result = try runCommand(arguments)
            let given = arguments.last!.contains("=") ? arguments.last! : arguments.suffix(2).joined(separator: " ")
            #expect(result.status == 2)
            #expect(result.stderr == "compare-inits: \(given): a negative number, which no option of compare-inits takes (see compare-inits --help)\n")
        }
        // A value that is a name, not a number, is still the option's to judge.
        #expect(try runCommand(["configs/fashion.json", "--shard", "-x"]).stderr.contains("Missing value for '--shard"))
    }

    @Test func usageErrorsExitWith2() throws {
        let missing = try runCommand([])
        #expect(missing.status == 2 && missing.stderr.contains("Missing expected argument '<config>'"))
        let emptyOutput = try runCommand(["configs/fashion.json", "--output", ""])
        #expect(emptyOutput.status == 2 && emptyOutput.stderr.contains("--output needs a folder path"), "\(emptyOutput.stderr)")
        let badThreads = try runCommand(["configs/fashion.json", "--threads", "0"])
        #expect(badThreads.status == 2 && badThreads.stderr.contains("--threads must be from 1 to 1024"))
        // Every failure, ArgumentParser's included, is one line in the tool's own format.
        for result in [missing, badThreads, try runCommand(["--bogus"]), try runCommand(["inspect"])] {
            #expect(result.stderr.hasPrefix("compare-inits: ") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(!result.stderr.contains("Usage:") && !result.stderr.hasPrefix("Error:"))
        }
        #expect(try runCommand(["--help"]).stdout.contains("USAGE: compare-inits"))
    }

    /// A problem that causes others (no strategies, so every figure names unknown ones) is
    /// reported alone.
    @Test func aProblemIsNotReportedAgainThroughItsConsequences() throws {
        let folder = temporaryFolder()
        defer { removeFolder(folder) }
        let config = folder + "/empty.json"
        try #"{"model": {"layers": [784, 10]}, "strategies": [], "plots": {"figures": [{"name": "a", "strategies": ["x", "y"]}, {"name": "b", "strategies": ["z"]}]}}"#
            .write(toFile: config, atomically: true, encoding: .utf8)
        let result = try runCommand([config])
        #expect(result.status == 2)
        #expect(result.stderr == "compare-inits: \(config): strategies: expected at least one strategy\n")
    }

    @Test func configAndDatasetErrorsAreOneLineEachWithStatus2() throws {
        let folder = temporaryFolder()
        defer { removeFolder(folder) }
        let config = folder + "/bad.json"
        try #"{"model": {"layers": [784, 10], "dropout": 2}, "strategies": [{"id": "x", "weights": "zeros", "colour": 1}]}"#
            .write(toFile: config, atomically: true, encoding: .utf8)
        let bad = try runCommand([config])
        #expect(bad.status == 2)
        #expect(bad.stderr == """
        compare-inits: \(config): model.dropout: expected a probability in [0, 1), found 2
        compare-inits: \(config): strategies[0].colour: unknown key; valid here: id, label, model, weights, biases, layers, procedure, parametrization

        """)

        let noData = folder + "/nodata.json"
        try #"{"dataset": {"folder": "\#(folder)/none"}, "model": {"layers": [784, 10]}, "strategies": [{"id": "x", "weights": "zeros"}]}"#
            .write(toFile: noData, atomically: true, encoding: .utf8)
        let missing = try runCommand([noData])
        #expect(missing.status == 2)
        #expect(missing.stderr == "compare-inits: \(noData): dataset.folder: the folder \(folder)/none does not exist\n")
    }

    /// Relative paths are relative to the current folder, and the messages say so: a config that
    /// is not there, and the outputs of a config whose `output` is relative.
    @Test func relativePathsSayWhatTheyAreRelativeTo() throws {
        let (folder, config) = try syntheticExperiment(extra: "")
        defer { removeFolder(folder) }
        let current = FileManager.default.currentDirectoryPath
        let missing = try runCommand(["no/such/config.json"])
        #expect(missing.status == 2 && missing.stderr == "compare-inits: no/such/config.json: no such file (relative to the current folder \(current))\n")
        let relative = "compare-inits-test-out-\(UUID().uuidString.prefix(8))"
        defer { removeFolder(current + "/" + relative) }
        let result = try runCommand([config, "--output", relative, "--no-cache", "--threads", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(" into \(current)/\(relative) (\(relative), relative to the current folder)."), "\(result.stdout)")
        // One run is "1 run", not "1 runs".
        let single = syntheticConfig(dataset: folder, output: folder + "/single").replacingOccurrences(
            of: #"{ "id": "zeros", "label": "All Zeros", "weights": "zeros" },"#, with: "")
            .replacingOccurrences(of: #"{ "id": "rule", "label": "Rule", "weights": { "kind": "fan_in_uniform" } },"#, with: "")
            .replacingOccurrences(of: #""strategies": ["zeros", "rule"]"#, with: #""strategies": ["default"]"#)
            .replacingOccurrences(of: #""strategies": ["zeros", "rule", "default"]"#, with: #""strategies": ["default"]"#)
        try single.write(toFile: folder + "/single.json", atomically: true, encoding: .utf8)
        let cache = folder + "/cache"
        #expect(try runCommand([folder + "/single.json", "--cache", cache]).status == 0)
        let again = try runCommand([folder + "/single.json", "--cache", cache])
        #expect(again.stdout.contains(" 1 of 1 run came from the cache"), "\(again.stdout)\(again.stderr)")
    }

    @Test func aRunPrintsTheSummaryTableAndWritesTheFolder() throws {
        let (folder, config) = try syntheticExperiment(output: "ignored")
        defer { removeFolder(folder) }
        let result = try runCommand([config, "--output", folder + "/chosen", "--seed", "5", "--threads", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("After 2 epochs:") && result.stdout.contains("All Zeros"))
        #expect(result.stderr.isEmpty, "no progress without a terminal: \(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/chosen/report.md"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/ignored"))
        // The count it prints is the figures it wrote: weight and distribution figures included.
        let scripts = try FileManager.default.contentsOfDirectory(atPath: folder + "/chosen").filter { $0.hasSuffix(".gp") }
        #expect(scripts.count > 3 && result.stdout.contains("results.json and \(scripts.count) figures into \(folder)/chosen."), "\(result.stdout)")
    }

    @Test func missingGnuplotKeepsTheDataAndSaysHowToInstallIt() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        let noGnuplot = ["PATH": folder] // no gnuplot in an empty PATH
        let lenient = try runCommand([config], environment: noGnuplot)
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("warning: PNGs not rendered (gnuplot is not installed)"))
        #expect(lenient.stderr.contains("apt-get install gnuplot-nox"))
        #expect(FileManager.default.fileExists(atPath: folder + "/out/all.gp"))
        #expect(FileManager.default.fileExists(atPath: folder + "/out/report.md"))
        // Asked for, PNGs that cannot be drawn stop the command before it trains, the folder as it was.
        let before = try snapshot(folder + "/out")
        let strict = try runCommand([config, "--require-png"], environment: noGnuplot)
        #expect(strict.status == 1)
        #expect(strict.stderr == "compare-inits: gnuplot is not installed, and --require-png asks for the PNGs: \(Gnuplot.installHint)\n")
        #expect(try snapshot(folder + "/out") == before)
    }
}
