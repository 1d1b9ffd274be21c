import Foundation

/// What a running comparison tells its observer; calls come from the worker threads.
public enum ComparisonEvent: Sendable {
    case started(run: Int)
    case step(run: Int, step: Int, loss: Float)
    case finished(run: Int, result: RunResult)
}

/// Set from a signal handler or another thread; every run checks it after each step.
public final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    public init() {}
    public func stop() { lock.withLock { stopped = true } }
    public var isStopped: Bool { lock.withLock { stopped } }
}

/// One training of the comparison: a strategy with a seed.
public struct RunPlan: Sendable, Equatable {
    public let strategy: Strategy
    public let seed: UInt64
}

/// All runs of an experiment (every strategy × every seed), spread over worker threads, one run
/// per thread at a time with single-threaded BLAS. Each run draws only from its own seeded
/// streams, so the results are the same whatever the number of threads or the order of runs.
public struct Comparison: Sendable {
    public let trainer: Trainer
    public let plans: [RunPlan]

    public init(experiment: Experiment, dataset: Dataset) {
        trainer = Trainer(experiment: experiment, dataset: dataset)
        plans = experiment.strategies.flatMap { strategy in experiment.seeds.map { RunPlan(strategy: strategy, seed: $0) } }
    }

    public var stepsPerRun: Int {
        let training = trainer.experiment.training
        return training.stepsPerEpoch(trainingCount: trainer.dataset.count - training.validationCount(of: trainer.dataset.count))
            * training.epochs
    }

    /// Runs every plan on `threads` workers; results come back in plan order.
    public func run(threads: Int, stop: StopFlag = StopFlag(), observe: @escaping @Sendable (ComparisonEvent) -> Void = { _ in }) -> [RunResult] {
        setBLASThreads(1)
        let experiment = trainer.experiment
        // The split depends only on the seed: every strategy of a seed sees the same data.
        var splits: [UInt64: Split] = [:]
        for seed in experiment.seeds {
            var rng = Xoshiro256(seed: seed, stream: "split")
            splits[seed] = Split(count: trainer.dataset.count,
                                 validationCount: experiment.training.validationCount(of: trainer.dataset.count), rng: &rng)
        }
        let queue = JobQueue(count: plans.count)
        let results = ResultSlots(count: plans.count)
        let workers = max(1, min(threads, plans.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while !stop.isStopped, let index = queue.next() {
                let plan = plans[index]
                observe(.started(run: index))
                let result = trainer.run(plan.strategy, seed: plan.seed, split: splits[plan.seed]!) { step, loss in
                    observe(.step(run: index, step: step, loss: loss))
                    return !stop.isStopped
                }
                results.store(result, at: index)
                observe(.finished(run: index, result: result))
            }
        }
        return results.all(orInterrupted: plans)
    }
}

/// Hands out plan indices to workers, in order.
private final class JobQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private let count: Int
    init(count: Int) { self.count = count }
    func next() -> Int? {
        lock.withLock {
            guard nextIndex < count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }
}

private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [RunResult?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func store(_ result: RunResult, at index: Int) { lock.withLock { slots[index] = result } }

    /// Every slot; a plan never started (the comparison was stopped first) reads as interrupted.
    func all(orInterrupted plans: [RunPlan]) -> [RunResult] {
        lock.withLock {
            zip(slots, plans).map { slot, plan in
                slot ?? RunResult(strategyID: plan.strategy.id, label: plan.strategy.label, seed: plan.seed,
                                  status: .interrupted, batchLosses: [], validationAccuracy: nil, validationLoss: nil,
                                  initSeconds: 0, trainSeconds: 0, validationSeconds: 0, stepTimes: StepTimes())
            }
        }
    }
}
