import Foundation

/// The two sbatch scripts of a comparison on a Slurm cluster: a job array whose task i trains
/// shard i of N into a shared cache (`run CONFIG --shard i/N`), and a merge job, submitted to
/// start after every task succeeded (`afterok`), that writes the report (`merge CONFIG`).
/// Every path in a command is quoted for the shell; what goes on `#SBATCH` lines, which sbatch
/// reads itself, must be plain.
public struct SlurmScripts: Sendable {
    public struct Settings: Sendable {
        public var executable: String
        public var config: String
        public var cache: String
        public var output: String?
        public var seed: UInt64?
        public var tasks: Int
        public var cpus: Int
        public var partition: String?
        public var time: String?
        /// Absolute: where the jobs run and their logs go.
        public var workingDirectory: String
        public var scripts: String
        /// The user's go-ahead for a large sweep, passed on to every shard (--yes).
        public var confirmed: Bool
        /// What computes the products, passed on to every shard and the merge (--matmul), whose
        /// run keys must agree; nil: the jobs' environment decides, as the command's.
        public var matmul: GEMMChoice?

        public init(executable: String, config: String, cache: String, output: String?, seed: UInt64?, tasks: Int, cpus: Int,
                    partition: String?, time: String?, workingDirectory: String, scripts: String, confirmed: Bool = false) {
            self.confirmed = confirmed
            self.executable = executable
            self.config = config
            self.cache = cache
            self.output = output
            self.seed = seed
            self.tasks = tasks
            self.cpus = cpus
            self.partition = partition
            self.time = time
            self.workingDirectory = workingDirectory
            self.scripts = scripts
        }
    }

    public let array: String
    public let merge: String

    /// An option that cannot go into a script.
    public struct InvalidOption: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Checks what goes on #SBATCH lines; throws one line naming the option that is not plain.
    public init(experimentName name: String, settings s: Settings) throws {
        func plain(_ value: String, _ option: String, _ allowed: CharacterSet) throws {
            guard !value.isEmpty, value.unicodeScalars.allSatisfy({ allowed.contains($0) }) else {
                throw InvalidOption(message: "\(option) \"\(value)\" cannot go on an #SBATCH line: use letters, digits and - _ . / only")
            }
        }
        let pathCharacters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./")
        try plain(name, "the experiment's name", pathCharacters.subtracting(CharacterSet(charactersIn: "/")))
        try plain(s.workingDirectory, "the working directory", pathCharacters)
        try plain(s.scripts, "--scripts", pathCharacters)
        if let partition = s.partition { try plain(partition, "--partition", pathCharacters.subtracting(CharacterSet(charactersIn: "/"))) }
        if let time = s.time, time.range(of: #"^([0-9]+-)?[0-9]{1,2}(:[0-9]{2}){1,2}$"#, options: .regularExpression) == nil {
            throw InvalidOption(message: "--time \"\(time)\": expected HH:MM:SS, MM:SS or D-HH:MM:SS")
        }
        func header(_ job: String, log: String, extra: [String]) -> [String] {
            ["#!/bin/bash", "#SBATCH --job-name=compare-inits-\(name)\(job)"] + extra
                + ["#SBATCH --cpus-per-task=\(job.isEmpty ? s.cpus : 1)", "#SBATCH --output=\(s.scripts)/\(log)", "#SBATCH --chdir=\(s.workingDirectory)"]
                + (s.partition.map { ["#SBATCH --partition=\($0)"] } ?? []) + (s.time.map { ["#SBATCH --time=\($0)"] } ?? [])
        }
        let q = ShellText.quoted
        let seed = (s.seed.map { " --seed \($0)" } ?? "") + (s.matmul.map { " --matmul \($0.rawValue)" } ?? "")
        array = (header("", log: "shard-%a.log", extra: ["#SBATCH --array=1-\(s.tasks)"]) + [
            "# Task i trains shard i of \(s.tasks) of the config's runs into the shared cache, written by \(toolName).",
            "set -euo pipefail",
            "exec \(q(s.executable)) run \(q(s.config)) --shard \"${SLURM_ARRAY_TASK_ID}/\(s.tasks)\" --cache \(q(s.cache)) --threads \(s.cpus) --quiet\(seed)\(s.confirmed ? " --yes" : "")",
        ]).joined(separator: "\n") + "\n"
        merge = (header("-merge", log: "merge.log", extra: []) + [
            "# After every shard: the report from the shared cache, written by \(toolName).",
            "set -euo pipefail",
            "exec \(q(s.executable)) merge \(q(s.config)) --cache \(q(s.cache))" + (s.output.map { " --output \(q($0))" } ?? "") + seed,
        ]).joined(separator: "\n") + "\n"
    }
}

/// Text for a POSIX shell.
public enum ShellText {
    /// One word whatever it holds: single-quoted, a quote in it written '"'"'.
    public static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: #"'"'"'"#) + "'" }
}
