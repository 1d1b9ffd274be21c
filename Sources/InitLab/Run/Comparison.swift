import Synchronization
import Foundation

/// What a running comparison tells its observer; calls come from the worker threads.
public enum ComparisonEvent: Sendable {
    case started(run: Int)
    case step(run: Int, step: Int, loss: Float)
    case finished(run: Int, result: RunResult)
    /// The run was found in the cache and not trained.
    case reused(run: Int, result: RunResult)
    /// A damaged cache file (its run is trained again), or a run that could not be stored: one
    /// line each; the comparison goes on.
    case cacheDamaged(String)
    case cacheNotStored(String)
}

/// Set from a signal handler or another thread; every run checks it after each step.
public final class StopFlag: Sendable {
    private let stopped = Atomic<Bool>(false)
    public init() {}
    public func stop() { stopped.store(true, ordering: .releasing) }
    public var isStopped: Bool { stopped.load(ordering: .acquiring) }
}

/// One training of the comparison: a strategy with a seed.
public struct RunPlan: Sendable, Equatable {
    public let strategy: Strategy
    public let seed: UInt64
}

/// All runs of an experiment (every strategy × every seed), spread over worker threads, one run
/// per thread at a time with single-threaded BLAS. A thread with no run left to start becomes the
/// partner of one still training, which then splits its stages' features over both cores
/// (only where that keeps the bits, see RowCuts). Each run draws only from its own seeded streams, so the
/// results are the same whatever the number of threads or the order of runs.
public struct Comparison: Sendable {
    public let trainer: Trainer
    public let plans: [RunPlan]
    /// Where finished runs are kept and looked up, with each plan's key; nil: train every run.
    public let cache: (store: RunCache, keys: [RunKey])?

    public init(experiment: Experiment, dataset: Dataset, testSet: Dataset? = nil, cache: (RunCache, RunKey.Context)? = nil) {
        trainer = Trainer(experiment: experiment, dataset: dataset, testSet: testSet)
        let plans = experiment.strategies.flatMap { strategy in experiment.seeds.map { RunPlan(strategy: strategy, seed: $0) } }
        self.plans = plans
        self.cache = cache.map { store, context in (store, plans.map { RunKey($0, experiment: experiment, context: context) }) }
    }

    public var stepsPerRun: Int {
        let training = trainer.experiment.training
        return training.split(of: trainer.dataset.count).stepsPerEpoch * training.epochs
    }

    /// Runs every plan (or the plans `only` lists) on `threads` workers; results come back in
    /// plan order, a plan not run reading as interrupted.
    public func run(threads: Int, only: [Int]? = nil, stop: StopFlag = StopFlag(),
                    observe: @escaping @Sendable (ComparisonEvent) -> Void = { _ in }) -> [RunResult] {
        let experiment = trainer.experiment
        // The split depends only on the seed: every strategy of a seed sees the same data.
        var splits: [UInt64: Split] = [:]
        for seed in experiment.seeds {
            splits[seed] = Split(seed: seed, count: trainer.dataset.count, validationCount: experiment.training.validationCount(of: trainer.dataset.count))
        }
        let queue = RunQueue(indices: only ?? Array(plans.indices))
        let results = ResultSlots(count: plans.count)
        // A run takes at most one partner, so more than two workers a run would only wait.
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, 2 * (only?.count ?? plans.count)))) { _ in
            while !stop.isStopped, let index = queue.next() {
                let plan = plans[index]
                if let cache, var cached = cache.store.load(cache.keys[index], plan: plan, problem: { observe(.cacheDamaged($0)) }) {
                    cached.fromCache = true
                    queue.finished()
                    results.store(cached, at: index)
                    observe(.reused(run: index, result: cached))
                    continue
                }
                observe(.started(run: index))
                let result = trainer.run(plan.strategy, seed: plan.seed, split: splits[plan.seed]!, partner: queue.claimPartner) { step, loss in
                    observe(.step(run: index, step: step, loss: loss))
                    return !stop.isStopped
                }
                // A finished or diverged run is kept; an interrupted one is not a result.
                if let cache, result.status != .interrupted {
                    do { try cache.store.store(result, key: cache.keys[index]) } catch { observe(.cacheNotStored("\(error)")) }
                }
                queue.finished()
                results.store(result, at: index)
                observe(.finished(run: index, result: result))
            }
            // No run left to start: this core helps the runs still training, until none is.
            let partner = Partner()
            while queue.offer(partner) { partner.serve() }
        }
        return results.all(orInterrupted: plans)
    }
}

extension Comparison {
    /// Every plan's run as the cache holds it (nil: not there), without training any.
    public func cachedResults(observe: (ComparisonEvent) -> Void = { _ in }) -> [RunResult?] {
        guard let cache else { return plans.map { _ in nil } }
        return zip(cache.keys, plans).map { key, plan in
            var run = cache.store.load(key, plan: plan, problem: { observe(.cacheDamaged($0)) })
            run?.fromCache = true
            return run
        }
    }

    /// The estimated cost of each plan's run, in multiply-adds: its training steps' products,
    /// and RBM pre-training's (LSUV's few passes are left out). Shards are balanced by it.
    public var costs: [Double] {
        let training = trainer.experiment.training, steps = Double(stepsPerRun)
        return plans.map { plan in
            let network = plan.strategy.model.plan
            var cost = steps * network.stepProducts(rows: training.batchSize).reduce(0) { $0 + $1.flops / 2 }
            if case .rbm(let settings)? = plan.strategy.procedure {
                let weights = network.layers.dropLast().reduce(0.0) { $0 + Double($1.weight.count) }
                cost += Double(settings.epochs) * Double(trainer.dataset.count) * 4 * weights
            }
            return cost
        }
    }
}

/// Hands out plan indices to workers, in order, and lends the workers left without a plan to
/// the runs still training, as their partners.
private final class RunQueue: Sendable {
    private struct State {
        var nextIndex = 0, running = 0
        var offered: [Partner] = []
    }
    private let state = Mutex(State())
    private let indices: [Int]

    init(indices: [Int]) { self.indices = indices }

    func next() -> Int? {
        state.withLock { state in
            guard state.nextIndex < indices.count else { return nil }
            state.running += 1
            defer { state.nextIndex += 1 }
            return indices[state.nextIndex]
        }
    }

    /// A run handed out by `next` has ended. Once none is running, no partner will be claimed.
    func finished() {
        state.withLock { state in
            state.running -= 1
            guard state.running == 0 else { return }
            state.offered.forEach { $0.release() }
            state.offered.removeAll()
        }
    }

    /// Offers a worker's partner to the running runs; false when none is running.
    func offer(_ partner: Partner) -> Bool {
        state.withLock { state in
            guard state.running > 0 else { return false }
            state.offered.append(partner)
            return true
        }
    }

    func claimPartner() -> Partner? { state.withLock { $0.offered.popLast() } }
}

private final class ResultSlots: Sendable {
    private let slots: Mutex<[RunResult?]>
    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }
    func store(_ result: RunResult, at index: Int) { slots.withLock { $0[index] = result } }

    /// Every slot; a plan never started (the comparison was stopped first) reads as interrupted.
    func all(orInterrupted plans: [RunPlan]) -> [RunResult] {
        slots.withLock { slots in zip(slots, plans).map { slot, plan in slot ?? RunResult.notRun(plan) } }
    }
}

extension RunResult {
    /// A plan that was not run (the comparison was stopped, or merge found it missing): interrupted.
    static func notRun(_ plan: RunPlan) -> RunResult {
        RunResult(strategyID: plan.strategy.id, label: plan.strategy.label, seed: plan.seed, status: .interrupted, batchLosses: [],
                  validationAccuracy: nil, validationLoss: nil, initSeconds: 0, trainSeconds: 0, validationSeconds: 0, stepTimes: StepTimes())
    }
}
