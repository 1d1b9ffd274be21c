/// The activations and gradients of one batch, allocated once per run for the largest batch.
///
/// Hidden layers are stored feature-major: for hidden layer l, `outputs[l]` is (width, rows), one
/// row per feature, holding the layer's output after activation and dropout; `gates[l]` the
/// factor f'(z)·mask; `deltas[l]` the gradient of the loss with respect to the layer's output,
/// then (in place) to its pre-activation. A feature's weights, bias, activations and gradients
/// are then all rows of their own, so a layer splits into two blocks of features that two cores
/// compute apart, each touching only its own rows. The inputs and the last layer's
/// `scores`/`dscores` are sample-major (rows, width), as the batch and the loss use them.
public final class Workspace: @unchecked Sendable {
    public let capacity: Int
    let outputs: [FloatBuffer]
    let gates: [FloatBuffer]
    let deltas: [FloatBuffer]
    /// Per batch-normalized hidden layer, ẑ (width, rows) and 1/√(σ² + ε) (width) of the last
    /// training forward, which backward needs; empty for the other layers.
    let normalized: [FloatBuffer]
    let inverseStd: [FloatBuffer]
    public let scores: FloatBuffer
    let dscores: FloatBuffer
    /// Seconds this core spent inside the matrix products so far, to tell them from everything else.
    public var productSeconds = 0.0
    /// Which core computes which features (all the run's own, unless a partner is lent to it).
    let cores: CoreSplit

    /// The batch of the current forward and backward, where a partner reads it.
    private(set) var x: UnsafePointer<Float>?
    private(set) var rows = 0
    private(set) var training = false

    public init(model: MLP, capacity: Int) {
        self.capacity = capacity
        let hidden = model.widths.dropFirst().dropLast()
        outputs = hidden.map { FloatBuffer(count: capacity * $0) }
        gates = hidden.map { FloatBuffer(count: capacity * $0) }
        deltas = hidden.map { FloatBuffer(count: capacity * $0) }
        normalized = model.normalizedWidths.map { FloatBuffer(count: capacity * $0) }
        inverseStd = model.normalizedWidths.map { FloatBuffer(count: $0) }
        scores = FloatBuffer(count: capacity * model.classCount)
        dscores = FloatBuffer(count: capacity * model.classCount)
        cores = CoreSplit(model: model)
    }

    /// Records the batch a forward pass starts on.
    func begin(x: UnsafePointer<Float>, rows: Int, training: Bool) {
        precondition(rows <= capacity)
        self.x = x
        self.rows = rows
        self.training = training
        cores.prepare(rows: rows)
    }

    /// Computes a product on `core`, timed on the run's own.
    func compute(_ product: Product, on core: Core) {
        guard core == .main else { return product.compute() }
        let start = monotonicSeconds()
        product.compute()
        productSeconds += monotonicSeconds() - start
    }
}
