/// How a run's work is split between its own core and a partner core lent to it: the one owner
/// of the cuts (per hidden layer, the first feature the partner computes), the features each
/// core computes, and the parameter ranges each core updates. Without a partner, everything is
/// the run's own core's, and a reader of the training can skip this folder.
///
/// Hidden layers are feature-major (see Workspace), so a layer's features are rows of W, b, the
/// optimizer's state, z, the gates and the deltas: a cut splits all of them into two blocks that
/// the two cores compute apart, each touching only its own rows. A cut is used only where it
/// keeps the bits of the whole products (RowCuts), so a run gives the same results with or
/// without a partner.
final class CoreSplit {
    private let model: MLP
    /// The partner lent to this run, if any.
    private(set) var partner: Partner?
    /// Whether the partner is handed work: the run keeps it but computes everything on its own
    /// core while its steps show that the partner does not pay (PartnerTrial), and can hand it
    /// work again in the next step. Both ways give the same bits.
    var handsWork = true
    /// Per hidden layer, the first feature the partner computes for `cutsRows` samples (nil: the
    /// whole layer stays on the run's own core).
    private var cuts: [Int?]
    private var cutsRows = -1

    init(model: MLP) {
        self.model = model
        cuts = Array(repeating: nil, count: model.hiddenLayerCount)
    }

    /// Lends `partner` to this run; `work` is what it runs for each task it is handed.
    func attach(_ partner: Partner, work: @escaping (PartnerTask) -> Void) {
        partner.work = work
        self.partner = partner
        handsWork = true
        cutsRows = -1
    }

    /// Whether the partner computes part of the current step.
    var isSplitting: Bool { partner != nil && handsWork }

    /// Gives the partner back (when the run ends).
    func release() {
        partner?.release()
        partner = nil
    }

    /// Finds the cuts for a batch of `rows` samples, the first time a partner meets that size.
    func prepare(rows: Int) {
        guard partner != nil, rows != cutsRows else { return }
        for l in cuts.indices { cuts[l] = RowCuts.cut(for: model.hiddenLayerProducts(l, rows: rows)) }
        cutsRows = rows
    }

    /// The features of layer `l` that `core` computes: all of them on the run's own core without
    /// a partner, for a layer without a cut, and for the output layer.
    func features(_ l: Int, on core: Core) -> Range<Int> {
        let width = model.layers[l].outputs
        guard partner != nil, handsWork, l < cuts.count, let cut = cuts[l] else { return core == .main ? 0..<width : 0..<0 }
        return core == .main ? 0..<cut : cut..<width
    }

    /// Calls `body` with each range of the parameter buffer whose features `core` computes: for
    /// every layer, the rows of W and the entries of b (and of γ and β) of those features.
    func forEachParameterRange(on core: Core, _ body: (Range<Int>) -> Void) {
        for (l, layer) in model.layers.enumerated() {
            let features = self.features(l, on: core)
            guard !features.isEmpty else { continue }
            body(layer.weightOffset + features.lowerBound * layer.inputs..<layer.weightOffset + features.upperBound * layer.inputs)
            body(layer.biasOffset + features.lowerBound..<layer.biasOffset + features.upperBound)
            guard layer.normalized else { continue }
            body(layer.gammaOffset + features.lowerBound..<layer.gammaOffset + features.upperBound)
            body(layer.betaOffset + features.lowerBound..<layer.betaOffset + features.upperBound)
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
}

extension CoreSplit {
    /// Lends `partner` to the run training `model`: what the partner does with each task.
    func lend(_ partner: Partner, model: MLP, workspace: Workspace, optimizer: OptimizerState) {
        attach(partner) { task in
            switch task {
            case .forward(let l): model.forwardHidden(l, on: .partner, workspace: workspace)
            case .backward(let l): model.backwardHidden(l, on: .partner, workspace: workspace)
            case .optimizer: optimizer.update(model, cores: self, on: .partner)
            }
        }
    }
}

extension OptimizerState {
    /// One update of a model being trained, its partner's features (if it has one) updated on
    /// the partner's core.
    func update(_ model: MLP, cores: CoreSplit) {
        advance()
        cores.split(.optimizer) { update(model, cores: cores, on: .main) }
    }

    /// The share of an update that `core` computes (after `advance`).
    func update(_ model: MLP, cores: CoreSplit, on core: Core) {
        cores.forEachParameterRange(on: core) { apply(model.parameters, model.gradients, range: $0) }
    }
}
