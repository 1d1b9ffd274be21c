import ArgumentParser
import Foundation
import InitLab

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Write the report of a config's runs from the run cache, training none.",
        discussion: """
        After `run CONFIG --shard I/N` has trained every shard into a shared cache (on one machine \
        or many, e.g. a Slurm job array), `merge CONFIG` writes results.json, report.md and the \
        figures, the same bits as one local run. It fails, naming them, when runs are missing, \
        unless --allow-partial, which writes the runs that exist and marks the others interrupted.
        """
    )

    @OptionGroup var experiment: ExperimentOptions

    @OptionGroup var destination: OutputOptions

    @OptionGroup var caching: CacheFolderOption

    @OptionGroup var products: MatmulOptions

    @Flag(help: "Write the runs the cache holds when some are missing (those are marked interrupted).")
    var allowPartial = false

    func run() throws {
        // The runs' keys name what computed their products: the merge looks them up under the same.
        products.select()
        guard let cache = caching.directory ?? RunCache.defaultFolder() else {
            throw Failure.usage("no cache folder to read: give --cache DIR (neither XDG_CACHE_HOME nor HOME is set)")
        }
        // It trains nothing: one thread, so the memory check counts no parallel runs.
        var options = JobOptions(seed: experiment.seed, output: destination.output, threads: 1, cache: cache)
        options.cacheReadOnly = true
        let job = try Failure.reporting { try ComparisonJob.prepare(configPath: experiment.config, options: options) }
        let outcome = try Failure.reporting {
            try job.merge(allowPartial: allowPartial) { event in
                if case .cacheDamaged(let message) = event { Failure.warn(message) }
            }
        }
        print(SummaryTable.text(outcome.summaries, experiment: job.experiment))
        if let problem = outcome.plotProblem { Failure.warn(Failure.missingPNGs(problem, folder: job.outputPath)) }
        let missing = outcome.results.count - outcome.reusedRuns
        print("Wrote report.md, results.json and \(counted(outcome.figures, "figure")) into \(job.outputFolderText) from \(counted(outcome.reusedRuns, "cached run"))"
              + (missing > 0 ? " (\(missing) missing, marked interrupted)." : "."))
    }
}
