import Synchronization
import Foundation
import Testing
@testable import InitLab

/// A run lent a second core splits each hidden layer's features between the two cores; it must
/// give the bits of the same run on one core.
@Suite struct PartnerTests {
    /// The synthetic dataset with 28×28 images, and a model wide enough that both hidden layers
    /// are split (their products exceed RowCuts.minimumMultiplyAdds). 256 features a layer, not
    /// fewer: OpenBLAS's AVX-512 sgemm (SkylakeX, Cooperlake) computes products under about 10⁶
    /// multiply-adds with other kernels, so on those CPUs a 120-wide layer's forward product has
    /// no cut whose halves keep the whole product's bits.
    func wideExperiment(batchNorm: Bool = false, epochs: Int = 2, function: String = #function) throws
        -> (folder: String, experiment: Experiment, dataset: Dataset) {
        let folder = temporaryFolder(function + (batchNorm ? "-bn" : ""))
        writeSyntheticDataset(in: folder, count: 600, side: 28)
        let text = syntheticConfig(dataset: folder, output: folder + "/out")
            .replacingOccurrences(of: "[36, 16, 8, 3]", with: "[784, 256, 256, 3]")
            .replacingOccurrences(of: "\"batch_size\": 20, \"epochs\": 2", with: "\"batch_size\": 100, \"epochs\": \(epochs)")
            .replacingOccurrences(of: "\"dropout\": 0.2", with: "\"dropout\": 0.2, \"batch_norm\": \(batchNorm)")
        let experiment = try parseExperiment(text)
        return (folder, experiment, try Dataset.load(experiment.dataset))
    }

    /// The experiment's third strategy trained with seed 3 on one core, and what a run of it with a partner needs.
    func runAlone(_ experiment: Experiment, _ dataset: Dataset) -> (Trainer, Split, Strategy, RunResult) {
        let trainer = Trainer(experiment: experiment, dataset: dataset)
        let split = Split(seed: 3, count: dataset.count, validationCount: experiment.training.validationCount(of: dataset.count))
        let strategy = experiment.strategies[2]
        return (trainer, split, strategy, trainer.run(strategy, seed: 3, split: split))
    }

    /// The same run with a partner core lent once, at its start; returns when the run has given
    /// the partner back.
    func runPaired(_ trainer: Trainer, _ strategy: Strategy, _ split: Split) -> RunResult {
        let partner = Partner()
        let released = DispatchSemaphore(value: 0)
        Thread { partner.serve(); released.signal() }.start()
        var lent = false
        let paired = trainer.run(strategy, seed: 3, split: split, partner: {
            defer { lent = true }
            return lent ? nil : partner
        })
        released.wait()
        return paired
    }

    /// With batch normalization too: its statistics are per feature, so each core normalizes its own.
    @Test(arguments: [false, true])
    func aRunWithAPartnerHasTheBitsOfTheRunAlone(batchNorm: Bool) throws {
        let (folder, experiment, dataset) = try wideExperiment(batchNorm: batchNorm)
        #expect(experiment.model.batchNorm == batchNorm)
        defer { removeFolder(folder) }
        let model = Network(widths: experiment.model.layers, activation: .relu, dropout: 0)
        for l in 0..<2 { #expect(RowCuts.cut(for: model.plan.cutProducts(l, rows: 100)) != nil, "layer \(l) is not split") }

        let (trainer, split, strategy, alone) = runAlone(experiment, dataset)
        let paired = runPaired(trainer, strategy, split)

        #expect(alone.partneredStepTimes.steps == 0)
        // The partner computes part of the first steps, its trial (PartnerTrial), then the run
        // measures its steps alone: the bits are the same either way and across the switch.
        #expect(paired.steps == 2 * 5 && paired.partneredStepTimes.steps == PartnerTrial.window + 1 && paired.stepTimes.steps == 1)
        #expect(paired.batchLosses == alone.batchLosses)
        #expect(paired.validationLoss == alone.validationLoss)
        #expect(paired.validationAccuracy == alone.validationAccuracy)
    }

    /// A residual network: each block's sum is cut with its stage (the stream's gradient written
    /// by the skip on the cut of one stage, accumulated by the branch on the cut of another), a
    /// trained α's gradient summed from its features' parts on the run's own core, and α
    /// updated there.
    @Test(arguments: [false, true])
    func aResidualRunWithAPartnerHasTheBitsOfTheRunAlone(batchNorm: Bool) throws {
        let folder = temporaryFolder(#function + (batchNorm ? "-bn" : ""))
        defer { removeFolder(folder) }
        let (experiment, dataset) = try Self.residualExperiment(
            in: folder, "\"blocks\": 2, \"alpha\": {\"trained\": true, \"init\": 0.5}, \"batch_norm\": \"\(batchNorm ? "post" : "none")\"")
        #expect(experiment.model.residual?.blocks == 2 && experiment.model.batchNorm == batchNorm)
        let plan = experiment.model.plan
        #expect((1..<5).allSatisfy { RowCuts.cut(for: plan.cutProducts($0, rows: 100)) != nil }, "a block's stage is not split")

        let alone = try sameBitsWithAPartner(experiment, dataset)
        #expect(alone.batchLosses.allSatisfy { $0.isFinite })
    }

    /// A 784-256-3 residual network of `residual`'s keys, batch 100, over a synthetic dataset of
    /// 600 28×28 images written into `folder`: wide enough that every stage is cut.
    static func residualExperiment(in folder: String, _ residual: String) throws -> (Experiment, Dataset) {
        writeSyntheticDataset(in: folder, count: 600, side: 28)
        let text = syntheticConfig(dataset: folder, output: folder + "/out")
            .replacingOccurrences(of: "\"layers\": [36, 16, 8, 3]", with: "\"layers\": [784, 256, 3], \"residual\": {\(residual)}")
            .replacingOccurrences(of: "\"batch_size\": 20, \"epochs\": 2", with: "\"batch_size\": 100, \"epochs\": 2")
        let experiment = try parseExperiment(text)
        return (experiment, try Dataset.load(experiment.dataset))
    }

    /// Trains the experiment's strategy alone and with a partner lent at its start; expects the
    /// partner's trial and the same losses and accuracy; the run alone.
    func sameBitsWithAPartner(_ experiment: Experiment, _ dataset: Dataset) throws -> RunResult {
        let (trainer, split, strategy, alone) = runAlone(experiment, dataset)
        let paired = runPaired(trainer, strategy, split)
        #expect(paired.partneredStepTimes.steps == PartnerTrial.window + 1)
        #expect(paired.batchLosses == alone.batchLosses)
        #expect(paired.validationLoss == alone.validationLoss)
        #expect(paired.validationAccuracy == alone.validationAccuracy)
        return alone
    }

    /// The pre-activation arrangement: each stream's normalization (into a slot of its own) is
    /// cut with the stage that made the stream, its gradient added to the skip's on that cut;
    /// the stream's running statistics, γ, β and a trained α the same on one core or two.
    @Test func aPreActivationRunWithAPartnerHasTheBitsOfTheRunAlone() throws {
        let folder = temporaryFolder(#function)
        defer { removeFolder(folder) }
        let (experiment, dataset) = try Self.residualExperiment(
            in: folder, "\"blocks\": 2, \"branch\": [192, 256], \"alpha\": {\"trained\": true, \"init\": 0.5}, \"batch_norm\": \"pre\"")
        #expect(experiment.model.residual?.preActivation == true && experiment.model.batchNorm)
        let plan = experiment.model.plan
        #expect(plan.stages.flatMap(\.nodes).filter { $0 is StreamBatchNorm }.count == 3)
        #expect((0..<5).allSatisfy { RowCuts.cut(for: plan.cutProducts($0, rows: 100)) != nil }, "a stage is not split")

        let alone = try sameBitsWithAPartner(experiment, dataset)
        #expect(alone.batchLosses.allSatisfy { $0.isFinite } && alone.batchLosses.first != alone.batchLosses.last)
    }

    /// Fixup's scalar biases and multipliers: each scalar's features' parts summed on the run's
    /// own core, the input shift's dW completed there, all of them updated there.
    @Test func aFixupRunWithAPartnerHasTheBitsOfTheRunAlone() throws {
        let folder = temporaryFolder(#function)
        defer { removeFolder(folder) }
        writeSyntheticDataset(in: folder, count: 600, side: 28)
        let text = syntheticConfig(dataset: folder, output: folder + "/out")
            .replacingOccurrences(of: "\"layers\": [36, 16, 8, 3]", with: "\"layers\": [784, 256, 3], \"residual\": {\"blocks\": 2, \"scheme\": \"fixup\"}")
            .replacingOccurrences(of: "\"batch_size\": 20, \"epochs\": 2", with: "\"batch_size\": 100, \"epochs\": 2")
        let experiment = try parseExperiment(text)
        let dataset = try Dataset.load(experiment.dataset)
        let plan = experiment.model.plan
        // Per block: the input shift, before and after the activation, the multiplier, after the sum.
        #expect(plan.segments.filter { $0.role == .scalar }.count == 1 + 2 * 5 + 1)
        #expect((1..<5).allSatisfy { RowCuts.cut(for: plan.cutProducts($0, rows: 100)) != nil }, "a block's stage is not split")

        let (trainer, split, strategy, alone) = runAlone(experiment, dataset)
        #expect(strategy.model.residual?.scheme == .fixup)
        let paired = runPaired(trainer, strategy, split)
        #expect(paired.partneredStepTimes.steps == PartnerTrial.window + 1)
        #expect(paired.batchLosses == alone.batchLosses)
        #expect(paired.validationLoss == alone.validationLoss)
        #expect(alone.batchLosses.allSatisfy { $0.isFinite } && alone.batchLosses.first != alone.batchLosses.last)
    }

    @Test func aComparisonGivesASpareCoreToTheRunStillTraining() throws {
        let (folder, experiment, dataset) = try wideExperiment()
        defer { removeFolder(folder) }
        let comparison = Comparison(experiment: experiment, dataset: dataset)
        let one = comparison.run(threads: 1)
        let two = comparison.run(threads: 2)
        #expect(one.map(\.batchLosses) == two.map(\.batchLosses))
        #expect(one.map(\.validationLoss) == two.map(\.validationLoss))
        #expect(one.allSatisfy { $0.partneredStepTimes.steps == 0 })
    }

    @Test func aCutKeepsTheBitsOfEveryProductOfItsLayer() throws {
        let model = Network(widths: [784, 256, 128, 10], activation: .relu, dropout: 0)
        var rng = Xoshiro256(seed: 5)
        for l in 0..<2 {
            let shapes = model.plan.cutProducts(l, rows: 100)
            let cut = try #require(RowCuts.cut(for: shapes))
            let rows = model.layers[l].outputs
            #expect(cut % 4 == 0 && 4 * cut >= rows && 4 * cut <= 3 * rows)
            for shape in shapes {
                // Operands other than the probe's, and the blocks' offsets written out here.
                let a = (0..<(shape.m * shape.k)).map { _ in Float(rng.normal()) }
                let b = (0..<(shape.k * shape.n)).map { _ in Float(rng.normal()) }
                let lda = shape.transposeA ? shape.m : shape.k, ldb = shape.transposeB ? shape.k : shape.n
                var whole = [Float](repeating: 0, count: shape.m * shape.n), blocks = whole
                gemm(shape.transposeA, shape.transposeB, m: shape.m, n: shape.n, k: shape.k, a, lda: lda, b, ldb: ldb,
                     beta: 0, &whole, ldc: shape.n)
                a.withUnsafeBufferPointer { a in
                    blocks.withUnsafeMutableBufferPointer { c in
                        for (start, end) in [(0, cut), (cut, shape.m)] {
                            gemm(shape.transposeA, shape.transposeB, m: end - start, n: shape.n, k: shape.k,
                                 a.baseAddress! + (shape.transposeA ? start : start * lda), lda: lda, b, ldb: ldb,
                                 beta: 0, c.baseAddress! + start * shape.n, ldc: shape.n)
                        }
                    }
                }
                #expect(whole == blocks, "\(shape) cut at \(cut)")
            }
        }
    }

    @Test func smallLayersAreNotSplit() {
        let model = Network(widths: [36, 16, 8, 3], activation: .relu, dropout: 0)
        #expect(RowCuts.cut(for: model.plan.cutProducts(0, rows: 20)) == nil)
    }

    /// A busy machine, made certain: the run's thread and its partner's are both pinned to one
    /// core, so every step that the partner shares takes longer than the step alone. The run
    /// must find that out in its first trial and train on alone, to the bits of the run that
    /// never had a partner.
    @Test func aPartnerWithoutACoreOfItsOwnGetsNoWorkAfterItsTrial() throws {
        // 30 steps: the trial (window + 1 with the partner, window alone), then a rest of 64.
        let (folder, experiment, dataset) = try wideExperiment(epochs: 6)
        defer { removeFolder(folder) }
        let (trainer, split, strategy, alone) = runAlone(experiment, dataset)

        let partner = Partner()
        let done = DispatchSemaphore(value: 0)
        Thread { #expect(pinToFirstCPU()); partner.serve(); done.signal() }.start()
        let result = Mutex<RunResult?>(nil)
        Thread {
            #expect(pinToFirstCPU())
            var lent = false
            let run = trainer.run(strategy, seed: 3, split: split, partner: {
                defer { lent = true }
                return lent ? nil : partner
            })
            result.withLock { $0 = run }
            done.signal()
        }.start()
        done.wait()
        done.wait()
        guard let crowded = result.withLock({ $0 }) else { Issue.record("no run"); return }
        #expect(crowded.steps == 30 && crowded.partneredStepTimes.steps == PartnerTrial.window + 1, "\(crowded.partneredStepTimes)")
        #expect(crowded.batchLosses == alone.batchLosses && crowded.validationLoss == alone.validationLoss)
    }
}

/// Pins the calling thread to the machine's first CPU (Linux's sched_setaffinity, which the
/// Glibc module does not declare); false when that fails.
func pinToFirstCPU() -> Bool {
    typealias SetAffinity = @convention(c) (pid_t, Int, UnsafeRawPointer) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sched_setaffinity") else { return false }
    var mask = [UInt64](repeating: 0, count: 16)  // a cpu_set_t: 1024 bits
    mask[0] = 1
    return mask.withUnsafeBytes { unsafeBitCast(symbol, to: SetAffinity.self)(0, $0.count, $0.baseAddress!) } == 0
}
