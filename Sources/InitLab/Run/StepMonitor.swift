/// Whatever watches a run's steps without changing them: the clock of each step's phases (from
/// the executor's marks) and of its matrix products, the partner core (lent between two steps,
/// when one is free, and handed work only while the step times show that it pays:
/// PartnerTrial), and the caller's `onStep` (progress, cancellation). The training loop tells it
/// where a step starts and ends; it never touches the run's numbers or streams.
final class StepMonitor {
    /// The steps trained on the run's own core alone, and those with a partner.
    private(set) var times = StepTimes(), partneredTimes = StepTimes()
    private var trial = PartnerTrial()
    private var stepStart = 0.0, productsAtStart = 0.0
    private let executor: Executor
    private let freePartner: () -> Partner?
    private let lend: (Partner) -> Void
    private let onStep: (Int, Float) -> Bool

    /// `freePartner` is asked before every step until it gives one, which `lend` then attaches.
    init(executor: Executor, freePartner: @escaping () -> Partner?, lend: @escaping (Partner) -> Void,
         onStep: @escaping (Int, Float) -> Bool) {
        self.executor = executor
        self.freePartner = freePartner
        self.lend = lend
        self.onStep = onStep
    }

    func stepStarts() {
        if executor.partner == nil, let partner = freePartner() {
            lend(partner)
            trial.partnerAttached()
        }
        executor.handsWork = trial.lends
        productsAtStart = executor.productSeconds
        stepStart = monotonicSeconds()
    }

    /// Records the step (after its update); false when the caller asks the run to stop.
    func stepEnds(_ step: Int, loss: Float) -> Bool {
        let marks = executor.marks
        let current = StepTimes(steps: 1, batch: marks.forward - stepStart, forward: marks.backward - marks.forward,
                                backward: marks.update - marks.backward, optimizer: marks.updated - marks.update,
                                products: executor.productSeconds - productsAtStart)
        let partnered = executor.isSplitting
        if partnered { partneredTimes += current } else { times += current }
        trial.record(seconds: current.total, partnered: partnered)
        return onStep(step, loss)
    }
}
