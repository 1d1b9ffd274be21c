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
    public let scores: FloatBuffer
    let dscores: FloatBuffer
    /// Seconds this core spent inside the matrix products so far, to tell them from everything else.
    public var productSeconds = 0.0

    /// A second core lent to this run, if any: it computes the features past each layer's cut.
    public internal(set) var partner: Partner?
    /// The batch of the current forward and backward, where a partner reads it.
    private(set) var x: UnsafePointer<Float>?
    private(set) var rows = 0
    private(set) var training = false
    /// Per hidden layer, the first feature the partner computes for `rows` samples (nil: the whole
    /// layer stays on this core).
    private var cuts: [Int?]
    private var cutsRows = -1
    private let model: MLP

    public init(model: MLP, capacity: Int) {
        self.model = model
        self.capacity = capacity
        let hidden = model.widths.dropFirst().dropLast()
        outputs = hidden.map { FloatBuffer(count: capacity * $0) }
        gates = hidden.map { FloatBuffer(count: capacity * $0) }
        deltas = hidden.map { FloatBuffer(count: capacity * $0) }
        scores = FloatBuffer(count: capacity * model.classCount)
        dscores = FloatBuffer(count: capacity * model.classCount)
        cuts = Array(repeating: nil, count: hidden.count)
    }

    /// Lends `partner` to this workspace's run; `work` is what it runs for each task it is handed.
    func attach(_ partner: Partner, work: @escaping (PartnerTask) -> Void) {
        partner.work = work
        self.partner = partner
        cutsRows = -1
    }

    /// Gives the partner back (when the run ends).
    func releasePartner() {
        partner?.release()
        partner = nil
    }

    /// Records the batch a forward pass starts on.
    func begin(x: UnsafePointer<Float>, rows: Int, training: Bool) {
        precondition(rows <= capacity)
        self.x = x
        self.rows = rows
        self.training = training
        if partner != nil && rows != cutsRows {
            for l in cuts.indices { cuts[l] = RowCuts.cut(for: model.hiddenLayerProducts(l, rows: rows)) }
            cutsRows = rows
        }
    }

    /// The features of layer `l` that `core` computes: all of them on the run's own core without
    /// a partner, for a layer without a cut, and for the output layer.
    func features(_ l: Int, on core: Core) -> Range<Int> {
        let width = model.layers[l].outputs
        guard partner != nil, l < cuts.count, let cut = cuts[l] else { return core == .main ? 0..<width : 0..<0 }
        return core == .main ? 0..<cut : cut..<width
    }

    /// Calls `body` with each range of the parameter buffer whose features `core` computes: for
    /// every layer, the rows of W and the entries of b of those features.
    func forEachParameterRange(on core: Core, _ body: (Range<Int>) -> Void) {
        for (l, layer) in model.layers.enumerated() {
            let features = self.features(l, on: core)
            guard !features.isEmpty else { continue }
            body(layer.weightOffset + features.lowerBound * layer.inputs..<layer.weightOffset + features.upperBound * layer.inputs)
            body(layer.biasOffset + features.lowerBound..<layer.biasOffset + features.upperBound)
        }
    }

    /// Runs `ownPart` here while the partner, if `task` gives it anything to do, runs `task`.
    func split(_ task: PartnerTask, ownPart: () -> Void) {
        guard let partner, hasWork(task) else { return ownPart() }
        partner.start(task)
        ownPart()
        partner.wait()
    }

    private func hasWork(_ task: PartnerTask) -> Bool {
        switch task {
        case .forward(let l): return !features(l, on: .partner).isEmpty
        case .backward(let l): return !features(l, on: .partner).isEmpty || (l > 0 && !features(l - 1, on: .partner).isEmpty)
        case .optimizer: return cuts.indices.contains { !features($0, on: .partner).isEmpty }
        }
    }

    /// Computes a product on `core`, timed on the run's own.
    func compute(_ product: Product, on core: Core) {
        guard core == .main else { return product.compute() }
        let start = monotonicSeconds()
        product.compute()
        productSeconds += monotonicSeconds() - start
    }
}
