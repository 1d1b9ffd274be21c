import ArgumentParser
import Foundation
import InitLab

/// The config and the seed that override its own, as `run` and `inspect` take them.
struct ExperimentOptions: ParsableArguments {
    @Argument(help: "The experiment config, e.g. configs/fashion.json.")
    var config: String

    @Option(help: "Seed for initialization, split, batch order and dropout (overrides the config's \"seed\").")
    var seed: UInt64?

    func validate() throws {
        if let seed, seed > ConfigLimits.seed { throw ValidationError("--seed must be at most \(ConfigLimits.seed)") }
    }
}

/// Where a report goes, as `run`, `merge` and `slurm` take it.
struct OutputOptions: ParsableArguments {
    @Option(help: "Folder for results.json, report.md and the figures (overrides the config's \"output\").")
    var output: String?

    func validate() throws {
        // An empty path would put the outputs in the current folder under names joined to "/".
        if output?.isEmpty == true { throw ValidationError("--output needs a folder path") }
    }
}

/// How many runs train at once, as `run` and `bench` take it.
struct ThreadOptions: ParsableArguments {
    @Option(help: "Runs trained at once, one per thread (default: one per core; results are the same for any count).")
    var threads: Int?

    func validate() throws {
        if let threads, !(1...ConfigLimits.threads).contains(threads) {
            throw ValidationError("--threads must be from 1 to \(ConfigLimits.threads)")
        }
    }
}

/// The cache folder, as `run` and `merge` take it.
struct CacheFolderOption: ParsableArguments {
    @Option(name: .customLong("cache"), help: ArgumentHelp("Folder of finished runs (default: $XDG_CACHE_HOME/compare-inits, else ~/.cache/compare-inits).",
                                                          valueName: "dir"))
    var directory: String?
}

/// Where finished runs are kept, so that a run already trained is not trained again, or none
/// (`run`; merge, which only reads the cache, takes the folder alone).
struct CacheOptions: ParsableArguments {
    @OptionGroup var location: CacheFolderOption

    @Flag(help: "Train every run and keep none.")
    var noCache = false

    /// The folder to use: the one given, or the default one if it can be used (else, with a
    /// warning, none: a cache the user did not ask for must not stop a run).
    var folder: String? {
        if noCache { return nil }
        if let directory = location.directory { return directory }
        guard let folder = RunCache.defaultFolder() else { return nil }
        do {
            _ = try RunCache(folder: folder)
            return folder
        } catch {
            Failure.warn("\(error); training without it")
            return nil
        }
    }
}

extension GEMMChoice: ExpressibleByArgument {}

/// Which code computes the matrix products, as `run`, `inspect` and `bench` take it. Without the
/// option, COMPARE_INITS_MATMUL decides (read by `main` before any command), else the tool's own.
struct MatmulOptions: ParsableArguments {
    @Option(help: ArgumentHelp("What computes the matrix products: the tool's own GEMM (the same bits on every CPU) or OpenBLAS's sgemm (bits that differ between CPUs) (default: $\(GEMMChoice.environmentVariable), else own).",
                               valueName: GEMMChoice.allCases.map(\.rawValue).joined(separator: "|")))
    var matmul: GEMMChoice?

    /// For the command's `run`, before anything computes a product.
    func select() {
        if let matmul { GEMMChoice.select(matmul) }
    }
}
