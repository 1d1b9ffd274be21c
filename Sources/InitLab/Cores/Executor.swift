/// Runs a network's passes on the run's own core, or split with a partner core lent to it, and
/// keeps the clock of the matrix products. It owns the cuts (per stage, the first feature the
/// partner computes), the features each core computes, and the parameter ranges each core
/// updates. Without a partner, everything is the run's own core's.
///
/// Stages are feature-major (see Plan), so a stage's features are rows of W, b, the optimizer's
/// state, z, the gates and the gradients: a cut splits all of them into two blocks that the two
/// cores compute apart, each touching only its own rows. A cut is used only where it keeps the
/// bits of the whole products (RowCuts), so a run gives the same results with or without a
/// partner.
public final class Executor: @unchecked Sendable {
    private let plan: Plan
    /// The partner lent to this run, if any.
    private(set) var partner: Partner?
    /// Whether the partner is handed work: the run keeps it but computes everything on its own
    /// core while its steps show that the partner does not pay (PartnerTrial), and can hand it
    /// work again in the next step. Both ways give the same bits.
    var handsWork = true
    /// Per stage, the first feature the partner computes for `cutsRows` samples (nil: the whole
    /// stage stays on the run's own core).
    private var cuts: [Int?]
    private var cutsRows = -1
    /// The pass the partner works on, while it works: written before `Partner.start`'s releasing
    /// store and read by the partner after its acquiring load, cleared after `wait` returns, so
    /// the two threads never touch it at once.
    private(set) var context: PassContext?
    /// Seconds the run's own core spent inside matrix products so far, to tell them from everything else.
    public private(set) var productSeconds = 0.0
    /// When the last forward pass, backward pass and optimizer update started, and when the
    /// update ended: a training step's phases, which StepMonitor reads.
    private(set) var marks = PhaseMarks()

    public init(plan: Plan) {
        self.plan = plan
        cuts = Array(repeating: nil, count: plan.stages.count)
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
        for s in cuts.indices where plan.stages[s].splittable { cuts[s] = RowCuts.cut(for: plan.cutProducts(s, rows: rows)) }
        cutsRows = rows
    }

    /// The features of stage s that `core` computes: all of them on the run's own core without
    /// a partner, for a stage without a cut, and for the readout.
    func features(_ s: Int, on core: Core) -> Range<Int> {
        let width = plan.stages[s].width
        guard isSplitting, let cut = cuts[s] else { return core == .main ? 0..<width : 0..<0 }
        return core == .main ? 0..<cut : cut..<width
    }

    /// Calls `body` with each segment and the range of it whose features `core` computes: the
    /// rows that its stage's features own (a scalar: the run's own core).
    func forEachParameterShare(on core: Core, _ body: (ParameterSegment, Range<Int>) -> Void) {
        for segment in plan.segments {
            // A scalar (a residual branch's trained α) is no feature's: the run's own core has it.
            if segment.role == .scalar {
                if core == .main { body(segment, segment.range) }
                continue
            }
            let features = self.features(segment.stage, on: core)
            if !features.isEmpty { body(segment, segment.rows(features)) }
        }
    }

    /// Runs `ownPart` here while the partner, if `task` gives it anything to do, runs `task` on `context`.
    func split(_ task: PartnerTask, _ context: PassContext?, ownPart: () -> Void) {
        guard let partner, isSplitting, hasWork(task) else { return ownPart() }
        self.context = context
        partner.start(task)
        ownPart()
        partner.wait()
        self.context = nil
    }

    private func hasWork(_ task: PartnerTask) -> Bool {
        switch task {
        case .forward(let s): return !features(s, on: .partner).isEmpty
        case .backward(let s):
            let input = plan.producer[plan.stages[s].dense.input]
            return !features(s, on: .partner).isEmpty || input.map { !features($0, on: .partner).isEmpty } == true
        case .optimizer: return cuts.indices.contains { !features($0, on: .partner).isEmpty }
        }
    }

    func mark(_ event: PhaseMarks.Event) {
        let now = monotonicSeconds()
        switch event {
        case .forward: marks.forward = now
        case .backward: marks.backward = now
        case .update: marks.update = now
        case .updated: marks.updated = now
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

/// See Executor.marks.
struct PhaseMarks {
    enum Event { case forward, backward, update, updated }
    var forward = 0.0, backward = 0.0, update = 0.0, updated = 0.0
}

extension Executor {
    /// Lends `partner` to the run training `network`: what the partner does with each task.
    func lend(_ partner: Partner, network: Network, optimizer: OptimizerState) {
        attach(partner) { [unowned self] task in
            switch task {
            case .forward(let s): network.forwardStage(s, on: .partner, context!)
            case .backward(let s): _ = network.backwardStage(s, on: .partner, context!)
            case .optimizer: optimizer.apply(network, on: .partner, executor: self)
            }
        }
    }
}
