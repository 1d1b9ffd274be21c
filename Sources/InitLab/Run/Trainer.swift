/// Trains one strategy with one seed: initialize, then the lesson's loop (a fresh batch order
/// each epoch, forward with dropout, mean cross-entropy, backward, optimizer step), then
/// validation. Every buffer is allocated before the first step; a step allocates nothing.
public struct Trainer: Sendable {
    public let experiment: Experiment
    public let dataset: Dataset

    public init(experiment: Experiment, dataset: Dataset) {
        self.experiment = experiment
        self.dataset = dataset
    }

    /// Runs a data-dependent initialization on the training images; returns what it did.
    func apply(_ procedure: Procedure, to model: MLP, seed: UInt64, split: Split) -> JSON {
        switch procedure {
        case let .lsuv(tolerance, maxIterations, batchSize):
            return LSUV.apply(to: model, dataset: dataset, training: split.training, seed: seed, tolerance: tolerance,
                              maxIterations: maxIterations, batchSize: batchSize)
        case .rbm(let settings):
            return RBMPretraining.apply(to: model, dataset: dataset, training: split.training, seed: seed, settings: settings)
        }
    }

    /// `onStep(step, loss)` is called after every step (1-based) and stops the run by returning false.
    /// `partner()` is asked before every step until it lends one; the run releases it when it ends.
    public func run(_ strategy: Strategy, seed: UInt64, split: Split, partner: () -> Partner? = { nil },
                    onStep: (Int, Float) -> Bool = { _, _ in true }) -> RunResult {
        let training = experiment.training
        let startInit = monotonicSeconds()
        let model = strategy.initialModel(seed: seed)
        let initSeconds = monotonicSeconds() - startInit
        var procedureReport: JSON?
        var procedureSeconds = 0.0
        if let procedure = strategy.procedure {
            let start = monotonicSeconds()
            procedureReport = apply(procedure, to: model, seed: seed, split: split)
            procedureSeconds = monotonicSeconds() - start
        }

        let batchSize = training.batchSize
        let workspace = Workspace(model: model, capacity: batchSize)
        defer { workspace.releasePartner() }
        let optimizer = OptimizerState(training.optimizer, parameterCount: model.parameters.count)
        let x = FloatBuffer(count: batchSize * dataset.features)
        var labels = [Int32](repeating: 0, count: batchSize)
        // Same streams for every strategy of a seed: the runs then differ only in initialization.
        var orderRNG = Xoshiro256(seed: seed, stream: "order")
        var dropout: DropoutStream? = DropoutStream(seededBy: Xoshiro256(seed: seed, stream: "dropout"))
        var order = split.training
        let stepsPerEpoch = training.stepsPerEpoch(trainingCount: order.count)

        var losses: [Float] = []
        losses.reserveCapacity(stepsPerEpoch * training.epochs)
        var status = RunStatus.ok
        var times = StepTimes(), partneredTimes = StepTimes()
        let startTraining = monotonicSeconds()
        training: for _ in 0..<training.epochs {
            orderRNG.shuffle(&order)
            for batchStart in stride(from: 0, to: order.count, by: batchSize) {
                if workspace.partner == nil, let partner = partner() {
                    workspace.attach(partner) { task in Self.partnerWork(task, model: model, workspace: workspace, optimizer: optimizer) }
                }
                let t0 = monotonicSeconds(), products0 = workspace.productSeconds
                let batch = order[batchStart..<min(batchStart + batchSize, order.count)]
                let rows = batch.count
                dataset.gather(batch, into: x.pointer, labels: &labels)
                let t1 = monotonicSeconds()
                model.forward(x.pointer, rows: rows, workspace: workspace, dropout: &dropout)
                let loss = labels.withUnsafeBufferPointer { model.loss(labels: $0.baseAddress!, rows: rows, workspace: workspace) }
                let t2 = monotonicSeconds()
                losses.append(loss)
                guard loss.isFinite else {
                    status = .diverged(batch: losses.count)
                    break training
                }
                model.backward(workspace: workspace)
                // The next batch's images, scattered over a dataset larger than the cache, start
                // loading now and are in cache when the next step gathers them.
                let nextStart = batchStart + batchSize
                dataset.prefetch(order[min(nextStart, order.count)..<min(nextStart + batchSize, order.count)])
                let t3 = monotonicSeconds()
                optimizer.update(model, workspace: workspace)
                let t4 = monotonicSeconds()
                let step = StepTimes(steps: 1, batch: t1 - t0, forward: t2 - t1, backward: t3 - t2, optimizer: t4 - t3,
                                     products: workspace.productSeconds - products0)
                if workspace.partner == nil { times += step } else { partneredTimes += step }
                guard onStep(losses.count, loss) else {
                    status = .interrupted
                    break training
                }
            }
        }
        let trainSeconds = monotonicSeconds() - startTraining

        var result = RunResult(strategyID: strategy.id, label: strategy.label, seed: seed, status: status,
                               batchLosses: losses, validationAccuracy: nil, validationLoss: nil,
                               initSeconds: initSeconds, trainSeconds: trainSeconds, validationSeconds: 0,
                               stepTimes: times)
        result.partneredStepTimes = partneredTimes
        result.procedure = procedureReport
        result.procedureSeconds = procedureSeconds
        guard status == .ok else { return result }
        let startValidation = monotonicSeconds()
        var validationDropout = training.validationDropout
            ? DropoutStream(seededBy: Xoshiro256(seed: seed, stream: "validation-dropout")) : nil
        let (accuracy, loss) = evaluate(model, on: split.validation, workspace: workspace, x: x, dropout: &validationDropout)
        result.validationAccuracy = accuracy
        result.validationLoss = loss
        result.validationSeconds = monotonicSeconds() - startValidation
        return result
    }

    /// What a partner lent to a run does with each task the run hands it.
    static func partnerWork(_ task: PartnerTask, model: MLP, workspace: Workspace, optimizer: OptimizerState) {
        switch task {
        case .forward(let l): model.forwardHidden(l, on: .partner, workspace: workspace)
        case .backward(let l): model.backwardHidden(l, on: .partner, workspace: workspace)
        case .optimizer: optimizer.update(model, workspace: workspace, on: .partner)
        }
    }

    /// Accuracy (first highest score wins, as torch.argmax) and mean loss over `indices`, in
    /// batches; with a dropout stream, dropout stays on (the lesson's way), else evaluation mode.
    func evaluate(_ model: MLP, on indices: [Int32], workspace: Workspace, x: FloatBuffer,
                  dropout: inout DropoutStream?) -> (accuracy: Double, loss: Double) {
        var correct = 0
        var totalLoss = 0.0
        var labels = [Int32](repeating: 0, count: workspace.capacity)
        let classes = model.classCount
        for start in stride(from: 0, to: indices.count, by: workspace.capacity) {
            let batch = indices[start..<min(start + workspace.capacity, indices.count)]
            dataset.gather(batch, into: x.pointer, labels: &labels)
            model.forward(x.pointer, rows: batch.count, workspace: workspace, dropout: &dropout)
            let loss = labels.withUnsafeBufferPointer { model.loss(labels: $0.baseAddress!, rows: batch.count, workspace: workspace) }
            totalLoss += Double(loss) * Double(batch.count)
            let scores = workspace.scores.pointer
            for row in 0..<batch.count {
                let s = scores + row * classes
                var best = 0
                for j in 1..<classes where s[j] > s[best] { best = j }
                if best == Int(labels[row]) { correct += 1 }
            }
        }
        return (Double(correct) / Double(indices.count), totalLoss / Double(indices.count))
    }
}
