/// Upper bounds of a config's counts and sizes. Beyond them, products of sizes (a layer's
/// weights, a run's losses) could overflow an Int or a BLAS dimension (Int32); far below them,
/// the memory estimate (MemoryEstimate) decides whether a run fits this machine. Each bound is
/// far past any experiment this tool is for, and each is reported with its key when exceeded.
public enum ConfigLimits {
    /// Units of one layer: 2²⁴, so that width × width × 4 bytes still fits an Int many times over.
    public static let width = 1 << 24
    /// Weight layers of a model.
    public static let layers = 1000
    /// Images of one batch (training, LSUV or RBM).
    public static let batchSize = 1 << 24
    /// Epochs of training or of RBM pre-training.
    public static let epochs = 100_000
    /// Seeds per strategy.
    public static let repeats = 1000
    /// Worker threads.
    public static let threads = 1024
    /// The base seed: seed + repeat stays below 2⁵³, so every seed is exact in results.json.
    public static let seed = 8_999_999_999_999_999
    /// Images of the diagnostics' probe batch (the images are shared; each run has buffers for them, as for a batch).
    public static let probeImages = 1 << 20
    /// The diagnostics' scheduled steps: how many, and how far (a step beyond the run's last is never reached).
    public static let diagnosticSteps = 10_000
    /// Probe images for the Jacobian's spectrum: each holds a (last hidden, first hidden) matrix of Doubles twice.
    public static let jacobianInputs = 64
    public static let steps = 1 << 40
    /// LSUV's rescaling passes per layer.
    public static let iterations = 10_000

    /// "an integer from 1 to N", the wording every bounded count uses.
    static func range(_ upper: Int, from lower: Int = 1) -> String { "an integer from \(lower) to \(upper)" }
}
