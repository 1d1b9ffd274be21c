import ArgumentParser
import Foundation
import InitLab

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Train every strategy of a config and write the report (the default command)."
    )

    @OptionGroup var experiment: ExperimentOptions

    @OptionGroup var destination: OutputOptions

    @OptionGroup var parallel: ThreadOptions

    @OptionGroup var products: MatmulOptions

    @Flag(help: "No progress on stderr.")
    var quiet = false

    @Flag(help: "Exit 1 when the PNGs cannot be rendered (gnuplot missing or failing), leaving the output folder as it was.")
    var requirePng = false

    @Flag(help: "When interrupted, still write the finished runs (the others marked interrupted).")
    var keepPartial = false

    @OptionGroup var caching: CacheOptions

    @Flag(help: "Train a sweep of more than \(Sweep.confirmationRuns) runs.")
    var yes = false

    @Option(help: ArgumentHelp("Train only shard I of N of the runs (1 ≤ I ≤ N, balanced by cost) into the cache, and write no report; `merge` writes it.",
                               valueName: "I/N"), transform: { text in
        guard let shard = Shard(text) else { throw ValidationError("--shard: expected I/N with 1 ≤ I ≤ N, found \"\(text)\"") }
        return shard
    })
    var shard: Shard?

    func validate() throws {
        if shard != nil && caching.noCache { throw ValidationError("--shard trains into the run cache, which --no-cache turns off") }
    }

    func run() throws {
        products.select()
        // Signals are watched from the start: a Ctrl-C while the dataset loads stops cleanly too.
        let stop = StopFlag()
        let signals = SignalWatcher(stop: stop)
        let cacheFolder = caching.folder
        if shard != nil && cacheFolder == nil { throw Failure.usage("--shard trains into the run cache: give --cache DIR") }
        var options = JobOptions(seed: experiment.seed, output: destination.output, threads: parallel.threads, keepPartial: keepPartial,
                                 cache: cacheFolder, shard: shard, confirmed: yes)
        options.requirePNGs = requirePng
        let job = try Failure.reporting { try ComparisonJob.prepare(configPath: experiment.config, options: options) }
        let progress = ProgressDisplay(job: job, enabled: !quiet && isatty(STDERR_FILENO) == 1)
        let outcome = try Failure.reporting { try job.run(stop: stop) { progress.handle($0) } }
        progress.finish()
        if let shard, let cacheFolder {
            if let signal = signals.received { throw Failure.runtime("interrupted by \(signal); the runs finished before are in \(cacheFolder)") }
            if let failure = outcome.cacheFailure { throw Failure.runtime(failure.withVisibleControlCharacters) }
            print("Shard \(shard): \(counted(outcome.results.count, "run")) in \(cacheFolder), \(outcome.reusedRuns) of them there already.")
            return
        }
        if outcome.wrote { print(SummaryTable.text(outcome.summaries, experiment: job.experiment)) }
        if let signal = signals.received {
            let what = outcome.wrote ? "finished runs written to \(job.outputPath)" : "\(job.outputPath) left as it was"
            throw Failure.runtime("interrupted by \(signal); \(what)")
        }
        // With --require-png, missing PNGs failed the write itself: this is the lenient case.
        if let problem = outcome.plotProblem { Failure.warn(Failure.missingPNGs(problem, folder: job.outputPath)) }
        let reused = outcome.reusedRuns > 0 ? " \(outcome.reusedRuns) of \(counted(outcome.results.count, "run")) came from the cache (\(cacheFolder ?? ""))." : ""
        print("Wrote report.md, results.json and \(counted(outcome.figures, "figure")) into \(job.outputFolderText).\(reused)")
        // The outputs are complete; a run the cache could not keep will be trained again next time.
        if let failure = outcome.cacheFailure { throw Failure.runtime(failure.withVisibleControlCharacters) }
    }
}

/// Turns SIGINT and SIGTERM into a stop request the training loop sees after its current step;
/// a second signal ends the process at once, as users expect of a second Ctrl-C (the staging
/// folder it may leave is hidden, and the next run into that folder replaces it).
final class SignalWatcher: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var name: String?

    init(stop: StopFlag) {
        for (number, label) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                let first = lock.withLock { () -> Bool in
                    defer { if self.name == nil { self.name = label } }
                    return self.name == nil
                }
                guard first else {
                    signal(number, SIG_DFL)
                    raise(number)
                    return
                }
                stop.stop()
            }
            source.resume()
            sources.append(source)
        }
    }

    var received: String? { lock.withLock { name } }
}
