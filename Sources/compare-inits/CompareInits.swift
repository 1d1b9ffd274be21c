import ArgumentParser
import Foundation
import InitLab

@main
struct CompareInits: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare-inits",
        abstract: "Train one MLP per weight-initialization strategy and compare them.",
        discussion: """
        Reads an experiment config (JSON), trains one network per strategy (and seed) on an \
        MNIST-format dataset, and writes results.json, report.md and gnuplot figures (.dat, .gp, .png) \
        to the output folder.

        Exit status: 0 success; 1 a run-time failure (unwritable output or cache, interrupted, plots \
        missing with --require-png, runs missing at merge, sbatch failing); 2 a usage, config or \
        dataset error.
        """,
        version: toolVersion,
        subcommands: [RunCommand.self, MergeCommand.self, SlurmCommand.self, InspectCommand.self, BenchCommand.self, BLASCommand.self],
        defaultSubcommand: RunCommand.self
    )

    /// Our own exit statuses: ArgumentParser's usage errors (64) become 2, like config errors.
    static func main() {
        // Before anything else: this may start the process again under better BLAS kernels.
        if let warning = BLASKernel.selectForThisProcess() {
            Failure.warn(warning)
        }
        do {
            if let choice = try GEMMChoice.inEnvironment(ProcessInfo.processInfo.environment) { GEMMChoice.select(choice) }
        } catch {
            FileHandle.standardError.write(Data("compare-inits: \(String(describing: error).withVisibleControlCharacters)\n".utf8))
            Foundation.exit(2)
        }
        var parsed = false
        do {
            var command = try parseAsRoot()
            parsed = true
            try command.run()
        } catch let failure as Failure {
            FileHandle.standardError.write(Data("compare-inits: \(failure.message)\n".utf8))
            Foundation.exit(failure.status)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)  // --help, --version: ArgumentParser prints them
            }
            // ArgumentParser's own errors (a missing argument, --threads 0) in the one format
            // every failure has: one line, the usage left to --help. A negative number it could
            // not place ("Missing value for '--tasks'") is said as what it is.
            let negative = parsed ? nil : NegativeValues.problem(in: Array(CommandLine.arguments.dropFirst()))
            let message = negative ?? self.message(for: error).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.joined(separator: "; ")
            FileHandle.standardError.write(Data("compare-inits: \(message) (see compare-inits --help)\n".utf8))
            Foundation.exit(code == .failure ? 1 : 2)
        }
    }
}

/// An error the command reports as one message with its exit status.
struct Failure: Error {
    let message: String
    let status: Int32

    static func usage(_ message: String) -> Failure { Failure(message: message, status: 2) }
    static func runtime(_ message: String) -> Failure { Failure(message: message, status: 1) }

    /// A problem that does not stop the command, on stderr in one line (control characters shown).
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("compare-inits: warning: \(message.withVisibleControlCharacters)\n".utf8))
    }

    /// Why the PNGs of `folder` are missing, and how to get them.
    static func missingPNGs(_ problem: String, folder: String) -> String {
        "\(problem); the .dat/.gp files and report.md are in \(folder). To get them: \(Gnuplot.installHint), then run `gnuplot NAME.gp` in that folder"
    }

    /// Runs `body`, turning the library's errors into Failures with their exit statuses.
    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw from(error)
        }
    }

    /// The library's errors, sorted into the documented exit statuses. A message may quote a path
    /// given on the command line: its control characters are shown, not sent to the terminal.
    static func from(_ error: Error) -> Failure {
        switch error {
        case let config as ConfigError:
            let file = config.file.withVisibleControlCharacters
            return .usage((config.problems.map { "\(file): \($0)" }.joined(separator: "\ncompare-inits: ")
                           + config.listings.map { "\n" + $0 }.joined()))
        case let dataset as DatasetError: return .usage(dataset.description.withVisibleControlCharacters)
        case let memory as MemoryError: return .usage(memory.description.withVisibleControlCharacters)
        case let output as OutputError: return .runtime(output.description.withVisibleControlCharacters)
        case let option as SlurmScripts.InvalidOption: return .usage(option.description.withVisibleControlCharacters)
        default: return .runtime(String(describing: error).withVisibleControlCharacters)
        }
    }
}
