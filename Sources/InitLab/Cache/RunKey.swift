import CKernels
import Crypto
import Foundation

/// The content hash that names a run in the cache: SHA-256 of a canonical JSON of everything
/// that determines the run's results, bit for bit. The dataset's and test set's file bytes;
/// the strategy (its id and label are in the results, its model, initializers, procedure and
/// optimizer), the training, the diagnostics and the seed, each with every stored property its
/// type has (KeyEncoding); the tool: its version and the SHA-256 of the executable itself, so
/// a rebuilt tool never reads a run another build trained; and what it runs on that can
/// change the bits: what computes the matrix products (GEMMChoice.runKeyEntry: OpenBLAS's
/// kernels round differently from one core type to the next, the tool's own GEMM does not), for
/// a run that draws orthogonal weights or computes the Jacobian's spectrum LAPACK's kernels
/// (`lapackKeyEntry`), and the C library's version (exp and log).
public struct RunKey: Sendable, Hashable {
    public let hex: String
    /// What the hash is of: a cache entry records it, and a file is used only for the run whose
    /// material it records (a file copied or left under another run's name is not that run).
    let material: JSON

    /// What every run of an experiment shares: the data's and the tool's digests.
    public struct Context: Sendable {
        let json: JSON

        /// Reads and hashes the experiment's dataset files and this executable (Linux's
        /// /proc/self/exe: without it, a rebuilt tool could not be told apart, so no cache).
        public init(experiment: Experiment) throws {
            func digest(_ path: String) throws -> JSON {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw CacheError(message: "cannot read \(path) to name its runs in the cache")
                }
                return .string(RunCache.sha256(data))
            }
            let spec = experiment.dataset
            var files: [(key: String, value: JSON)] = [("images", try digest(spec.folder + "/" + spec.images)),
                                                       ("labels", try digest(spec.folder + "/" + spec.labels))]
            if let test = spec.test {
                files += [("test_images", try digest(test.folder + "/" + test.images)), ("test_labels", try digest(test.folder + "/" + test.labels))]
            }
            guard let executable = try? digest("/proc/self/exe") else {
                throw CacheError(message: "the run cache names runs by this executable's bytes, which only Linux's /proc/self/exe gives; use --no-cache")
            }
            json = .object([("tool", .string(toolName)), ("version", .string(toolVersion)), ("executable", executable),
                            ("blas", .string(GEMMChoice.current.runKeyEntry)), ("libc", .string(String(cString: ckernels_libc_version()))),
                            ("dataset", .object(files))])
        }
    }

    public init(_ plan: RunPlan, experiment: Experiment, context: Context) {
        // The experiment as it is now (options may have changed it since the config was read).
        let json = JSON.object([
            ("context", context.json),
            ("strategy", KeyEncoding.json(plan.strategy)),
            ("training", KeyEncoding.json(experiment.training)),
            ("diagnostics", KeyEncoding.json(experiment.diagnostics)),
            ("seed", KeyEncoding.json(plan.seed)),
        ] + (GEMMChoice.current.lapackKeyEntry(plan.strategy, diagnostics: experiment.diagnostics).map { [("lapack", .string($0))] } ?? []))
        material = json
        hex = RunCache.sha256(Data(json.formatted().utf8))
    }

    public static func == (a: RunKey, b: RunKey) -> Bool { a.hex == b.hex }
    public func hash(into hasher: inout Hasher) { hasher.combine(hex) }
}
