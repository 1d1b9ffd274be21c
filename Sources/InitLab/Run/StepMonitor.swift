/// Whatever watches a run's steps without changing them: the clock of each step's phases and
/// of its matrix products, the partner core (lent between two steps, when one is free, and
/// handed work only while the step times show that it pays: PartnerTrial), and the caller's
/// `onStep` (progress, cancellation). The training loop tells it where a step starts,
/// where each phase ends and where the step ends; it never touches the run's numbers or streams.
final class StepMonitor {
    enum Phase { case batch, forward, backward, optimizer }

    /// The steps trained on the run's own core alone, and those with a partner.
    private(set) var times = StepTimes(), partneredTimes = StepTimes()
    private var current = StepTimes()
    private var trial = PartnerTrial()
    private var phaseStart = 0.0, productsAtStart = 0.0
    private let workspace: Workspace
    private let freePartner: () -> Partner?
    private let lend: (Partner) -> Void
    private let onStep: (Int, Float) -> Bool

    /// `freePartner` is asked before every step until it gives one, which `lend` then attaches.
    init(workspace: Workspace, freePartner: @escaping () -> Partner?, lend: @escaping (Partner) -> Void,
         onStep: @escaping (Int, Float) -> Bool) {
        self.workspace = workspace
        self.freePartner = freePartner
        self.lend = lend
        self.onStep = onStep
    }

    func stepStarts() {
        let cores = workspace.cores
        if cores.partner == nil, let partner = freePartner() {
            lend(partner)
            trial.partnerAttached()
        }
        cores.handsWork = trial.lends
        current = StepTimes(steps: 1)
        productsAtStart = workspace.productSeconds
        phaseStart = monotonicSeconds()
    }

    func phaseEnds(_ phase: Phase) {
        let now = monotonicSeconds()
        switch phase {
        case .batch: current.batch = now - phaseStart
        case .forward: current.forward = now - phaseStart
        case .backward: current.backward = now - phaseStart
        case .optimizer: current.optimizer = now - phaseStart
        }
        phaseStart = now
    }

    /// Records the step; false when the caller asks the run to stop.
    func stepEnds(_ step: Int, loss: Float) -> Bool {
        current.products = workspace.productSeconds - productsAtStart
        let partnered = workspace.cores.isSplitting
        if partnered { partneredTimes += current } else { times += current }
        trial.record(seconds: current.total, partnered: partnered)
        return onStep(step, loss)
    }
}
