import ArgumentParser
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
