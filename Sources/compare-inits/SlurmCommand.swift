import ArgumentParser
import Foundation
import InitLab

struct SlurmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm",
        abstract: "Write (and with --submit, submit) the sbatch scripts that run a config on a Slurm cluster.",
        discussion: """
        Writes two sbatch scripts into --scripts: a job array whose task i runs `run CONFIG --shard \
        i/N` into the shared cache, and a merge job that writes the report once every task \
        succeeded. With --submit, submits both (the merge with --dependency=afterok on the array) \
        and prints the job ids. The cache folder must be one every node sees, and the nodes must \
        run the same BLAS kernels (the same CPU type, or OPENBLAS_CORETYPE set alike), as runs \
        from other kernels are other runs.
        """
    )

    @OptionGroup var experiment: ExperimentOptions

    @Option(help: "Array tasks (shards).")
    var tasks: Int

    @Option(help: "Slurm partition.")
    var partition: String?

    @Option(help: "Time limit of each task (HH:MM:SS).")
    var time: String?

    @Option(help: "CPUs per task: its runs trained at once.")
    var cpus = 1

    @OptionGroup var destination: OutputOptions

    @OptionGroup var products: MatmulOptions

    @Option(help: ArgumentHelp("Shared folder of finished runs (default: as for run).", valueName: "dir"))
    var cache: String?

    @Option(help: ArgumentHelp("Folder for the scripts and the jobs' logs (default: slurm/NAME).", valueName: "dir"))
    var scripts: String?

    @Flag(help: "Submit the jobs with sbatch and print their ids.")
    var submit = false

    @Flag(help: "Run a sweep of more than \(Sweep.confirmationRuns) runs (passed on to the shards).")
    var yes = false

    func validate() throws {
        guard (1...100_000).contains(tasks) else { throw ValidationError("--tasks must be from 1 to 100000") }
        guard (1...ConfigLimits.threads).contains(cpus) else { throw ValidationError("--cpus must be from 1 to \(ConfigLimits.threads)") }
    }

    func run() throws {
        let loaded = try Failure.reporting { try Experiment.load(path: experiment.config) }
        try Failure.reporting { try loaded.checkCommandLine(file: experiment.config, seed: experiment.seed, trains: true, confirmed: yes) }
        guard let cacheFolder = cache ?? RunCache.defaultFolder() else {
            throw Failure.usage("no cache folder: give --cache DIR (a folder every node sees)")
        }
        let here = FileManager.default.currentDirectoryPath
        func absolute(_ path: String) -> String { path.hasPrefix("/") ? path : here + "/" + path }
        let folder = absolute(scripts ?? "slurm/\(loaded.name)")
        // The jobs run a copy of this executable beside the scripts: a rebuild while they wait in
        // the queue would otherwise split their runs between two builds' cache keys.
        let executable = folder + "/compare-inits"
        var settings = SlurmScripts.Settings(executable: executable, config: absolute(experiment.config), cache: absolute(cacheFolder),
                                             output: destination.output.map(absolute), seed: experiment.seed, tasks: tasks, cpus: cpus,
                                             partition: partition, time: time, workingDirectory: here, scripts: folder, confirmed: yes)
        settings.matmul = products.matmul
        let jobs = try Failure.reporting { try SlurmScripts(experimentName: loaded.name, settings: settings) }
        let arrayPath = folder + "/shards.sbatch", mergePath = folder + "/merge.sbatch"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let copy = folder + "/.compare-inits-\(getpid())"
            try FileManager.default.copyItem(atPath: "/proc/self/exe", toPath: copy)
            guard rename(copy, executable) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))]) }
            try jobs.array.write(toFile: arrayPath, atomically: true, encoding: .utf8)
            try jobs.merge.write(toFile: mergePath, atomically: true, encoding: .utf8)
        } catch {
            throw Failure.runtime("cannot write the scripts into \(folder): \(error.localizedDescription)")
        }
        guard submit else {
            print("Wrote \(arrayPath) and \(mergePath). Submit them with:")
            print("  array=$(sbatch --parsable \(ShellText.quoted(arrayPath)))")
            print("  sbatch --dependency=afterok:${array%%;*} \(ShellText.quoted(mergePath))")
            return
        }
        let array = try sbatch([arrayPath])
        let merge: String
        do {
            merge = try sbatch(["--dependency=afterok:\(array)", mergePath])
        } catch let failure as Failure {
            throw Failure.runtime("\(failure.message); the shards are queued as job \(array) (scancel \(array) to cancel them)")
        }
        print("Submitted the shards as job \(array) (\(tasks) tasks) and the merge as job \(merge); the report goes to \(absolute(destination.output ?? loaded.output)).")
    }

    /// Submits with `sbatch --parsable`; the job id.
    func sbatch(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sbatch", "--parsable"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { throw Failure.runtime("cannot run sbatch: \(error.localizedDescription)") }
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problem = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let id = text.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        guard process.terminationStatus == 0, !id.isEmpty, id.allSatisfy(\.isNumber) else {
            let line = problem.split(separator: "\n").first.map(String.init) ?? "status \(process.terminationStatus)"
            throw Failure.runtime("sbatch failed: \(line)")
        }
        return id
    }
}
