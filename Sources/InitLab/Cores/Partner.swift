import CKernels
import Foundation
import Synchronization

/// Which core computes a block of a layer: the run's own, or its partner.
enum Core { case main, partner }

/// What a run hands its partner: the partner's features of one stage's forward or backward, or
/// its features' share of the optimizer step.
enum PartnerTask {
    case forward(stage: Int)
    case backward(stage: Int)
    case optimizer
}

/// A worker thread with no run of its own, lent to a run so that the run uses two cores: each
/// stage's features past a cut are the partner's (Executor), which computes their forward, backward
/// and optimizer step while the run's own core does the rest. A block takes tens to hundreds of
/// microseconds, so the handoff is a spin on one atomic word; putting the thread to sleep and
/// waking it would cost about as much as it saves.
public final class Partner: @unchecked Sendable {
    private static let idle = 0, handed = 1, done = 2, released = 3
    /// Spins before a partner with nothing to do starts sleeping between looks (about a
    /// millisecond, longer than any gap between two tasks of a step).
    private static let spinsBeforeSleeping = 50_000
    /// Spins before a run waiting for its partner yields its core: a task takes at most a few
    /// hundred microseconds, and 2,000 pauses are some tens of them; a yield with no other thread
    /// waiting for this core returns at once, so yielding early costs a task that is still
    /// running nothing.
    private static let spinsBeforeYielding = 2_000
    /// The longest nap between two looks of a partner with nothing to do (microseconds): one
    /// whose run does not hand it work for a while (PartnerTrial) costs the machine little.
    private static let longestNap: UInt32 = 1_000

    private let state = Atomic<Int>(0)
    /// Written by the run before it stores `handed`, read by the partner after it loads it.
    private var task = PartnerTask.optimizer
    /// Set by the run that claims the partner, before it hands over the first task.
    var work: ((PartnerTask) -> Void)?

    public init() {}

    /// The run: starts `task` on the partner's core; `wait` returns once it is done.
    func start(_ task: PartnerTask) {
        self.task = task
        state.store(Self.handed, ordering: .releasing)
    }

    func wait() {
        var spins = 0
        while state.load(ordering: .acquiring) != Self.done {
            spins += 1
            // A partner this slow has lost its core (a busy machine): let the scheduler run it,
            // here if it must, rather than spin through the time slice it needs.
            if spins < Self.spinsBeforeYielding { ckernels_spin_pause() } else { sched_yield() }
        }
        state.store(Self.idle, ordering: .relaxed)
    }

    /// Ends `serve` (called between tasks, by the run or by whoever lent the partner).
    func release() { state.store(Self.released, ordering: .releasing) }

    /// The partner's thread: runs what it is handed until it is released.
    func serve() {
        var spins = 0
        var nap: UInt32 = 50
        while true {
            switch state.load(ordering: .acquiring) {
            case Self.handed:
                work!(task)
                state.store(Self.done, ordering: .releasing)
                spins = 0
                nap = 50
            case Self.released:
                work = nil
                state.store(Self.idle, ordering: .relaxed)
                return
            default:
                spins += 1
                if spins < Self.spinsBeforeSleeping {
                    ckernels_spin_pause()
                } else {
                    usleep(nap)
                    nap = min(2 * nap, Self.longestNap)
                }
            }
        }
    }
}
