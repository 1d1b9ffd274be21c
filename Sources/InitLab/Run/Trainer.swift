/// Trains one strategy with one seed: initialize, then the lesson's loop (a fresh batch order
/// each epoch, forward with dropout, mean cross-entropy, backward, optimizer step), then
/// validation. Every buffer is allocated before the first step; a step allocates nothing.
public struct Trainer: Sendable {
    public let experiment: Experiment
    public let dataset: Dataset
    /// Held-out images whose accuracy a trained network reports; they choose nothing.
    public let testSet: Dataset?
    /// The images the diagnostics measure every network on; nil with diagnostics off.
    public let probe: ProbeBatch?

    public init(experiment: Experiment, dataset: Dataset, testSet: Dataset? = nil) {
        self.experiment = experiment
        self.dataset = dataset
        self.testSet = testSet
        let diagnostics = experiment.diagnostics
        probe = diagnostics.enabled ? ProbeBatch(dataset: dataset, count: diagnostics.probeImages) : nil
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
    public func run(_ strategy: Strategy, seed: UInt64, split: Split, partner: @escaping () -> Partner? = { nil },
                    onStep: @escaping (Int, Float) -> Bool = { _, _ in true }) -> RunResult {
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

        // The weights training starts from, for the histograms of what training did to them.
        let startingParameters = model.parameters.array

        // Everything a step touches, allocated once.
        let training = experiment.training, batchSize = training.batchSize
        let workspace = Workspace(model: model, capacity: batchSize)
        defer { workspace.cores.release() }
        let optimizer = OptimizerState(strategy.optimizer ?? training.optimizer, parameterCount: model.parameters.count)
        let x = FloatBuffer(count: batchSize * dataset.features)
        var labels = [Int32](repeating: 0, count: batchSize)
        // Same streams for every strategy of a seed: the runs then differ only in initialization.
        var orderRNG = Xoshiro256(seed: seed, stream: "order")
        var dropout: DropoutStream? = DropoutStream(seededBy: Xoshiro256(seed: seed, stream: "dropout"))
        var order = split.training
        var losses: [Float] = []
        let stepsPerEpoch = training.stepsPerEpoch(trainingCount: order.count)
        losses.reserveCapacity(stepsPerEpoch * training.epochs)
        let recorder = probe.map {
            DiagnosticsRecorder(model: model, batch: $0,
                                schedule: experiment.diagnostics.schedule(stepsPerEpoch: stepsPerEpoch, epochs: training.epochs))
        }
        let monitor = StepMonitor(workspace: workspace, freePartner: partner, lend: { partner in
            workspace.cores.lend(partner, model: model, workspace: workspace, optimizer: optimizer)
        }, onStep: onStep)

        var status = RunStatus.ok
        var epochAccuracies: [Double] = []
        var epochEvaluationSeconds = 0.0
        let startTraining = monotonicSeconds()
        training: for epoch in 1...training.epochs {
            orderRNG.shuffle(&order)
            for start in stride(from: 0, to: order.count, by: batchSize) {
                monitor.stepStarts()
                let batch = order[start..<min(start + batchSize, order.count)]
                dataset.gather(batch, into: x.pointer, labels: &labels)
                monitor.phaseEnds(.batch)
                model.forward(x.pointer, rows: batch.count, workspace: workspace, dropout: &dropout)
                let loss = model.loss(labels: labels, rows: batch.count, workspace: workspace)
                monitor.phaseEnds(.forward)
                losses.append(loss)
                guard loss.isFinite else { status = .diverged(batch: losses.count); break training }
                model.backward(workspace: workspace)
                // The next batch's images, scattered over a dataset larger than the cache, start
                // loading now and are in cache when the next step gathers them.
                dataset.prefetch(order[min(start + batchSize, order.count)..<min(start + 2 * batchSize, order.count)])
                monitor.phaseEnds(.backward)
                recorder?.stepWillUpdate(losses.count)
                optimizer.update(model, cores: workspace.cores)
                monitor.phaseEnds(.optimizer)
                recorder?.stepDidUpdate(losses.count)
                guard monitor.stepEnds(losses.count, loss: loss) else { status = .interrupted; break training }
            }
            // In evaluation mode the last epoch's accuracy is the final validation's, below.
            if epoch < training.epochs || training.validationDropout {
                let start = monotonicSeconds()
                var noDropout: DropoutStream?
                epochAccuracies.append(evaluate(model, on: split.validation, workspace: workspace, x: x, dropout: &noDropout).accuracy)
                epochEvaluationSeconds += monotonicSeconds() - start
            }
        }
        let diagnosticsSeconds = recorder?.seconds ?? 0
        // The recorder measured the initial network before training started: only its steps' share was inside.
        let trainSeconds = monotonicSeconds() - startTraining - epochEvaluationSeconds - (recorder?.stepSeconds ?? 0)

        var result = RunResult(strategyID: strategy.id, label: strategy.label, seed: seed, status: status,
                               batchLosses: losses, validationAccuracy: nil, validationLoss: nil,
                               initSeconds: initSeconds, trainSeconds: trainSeconds, validationSeconds: 0,
                               stepTimes: monitor.times)
        result.partneredStepTimes = monitor.partneredTimes
        result.procedure = procedureReport
        result.procedureSeconds = procedureSeconds
        result.epochValidationAccuracy = epochAccuracies
        result.diagnostics = recorder?.diagnostics
        result.diagnosticsSeconds = diagnosticsSeconds
        result.weightHistograms = model.layers.enumerated().map { l, layer in
            startingParameters.withUnsafeBufferPointer { start in
                WeightHistogram(layer: l + 1, initial: UnsafeBufferPointer(rebasing: start[layer.weightOffset..<layer.biasOffset]),
                                trained: UnsafeBufferPointer(model.weights(l)))
            }
        }
        guard status == .ok else { return result }
        let startValidation = monotonicSeconds()
        var validationDropout = training.validationDropout
            ? DropoutStream(seededBy: Xoshiro256(seed: seed, stream: "validation-dropout")) : nil
        // Validating with dropout on (the lesson's way) is PyTorch's training mode, in which batch
        // normalization updates its running statistics from the validation batches; the test set
        // is measured with the ones training left, which the validation set must not choose.
        let trainedStatistics = validationDropout != nil && model.running.count > 0 ? model.running.array : nil
        let (accuracy, loss) = evaluate(model, on: split.validation, workspace: workspace, x: x, dropout: &validationDropout)
        if let trainedStatistics { model.running.copy(from: trainedStatistics) }
        result.validationAccuracy = accuracy
        result.validationLoss = loss
        if !training.validationDropout { result.epochValidationAccuracy.append(accuracy) }
        if let testSet {
            var noDropout: DropoutStream?
            result.testAccuracy = evaluate(model, on: Array(0..<Int32(testSet.count)), of: testSet, workspace: workspace, x: x,
                                           dropout: &noDropout).accuracy
        }
        result.validationSeconds = monotonicSeconds() - startValidation + epochEvaluationSeconds
        return result
    }

    /// Accuracy (first highest score wins, as torch.argmax) and mean loss over `indices`, in
    /// batches; with a dropout stream, dropout stays on (the lesson's way), else evaluation mode.
    func evaluate(_ model: MLP, on indices: [Int32], of dataset: Dataset? = nil, workspace: Workspace, x: FloatBuffer,
                  dropout: inout DropoutStream?) -> (accuracy: Double, loss: Double) {
        let dataset = dataset ?? self.dataset
        var correct = 0
        var totalLoss = 0.0
        var labels = [Int32](repeating: 0, count: workspace.capacity)
        let classes = model.classCount
        for start in stride(from: 0, to: indices.count, by: workspace.capacity) {
            let batch = indices[start..<min(start + workspace.capacity, indices.count)]
            dataset.gather(batch, into: x.pointer, labels: &labels)
            model.forward(x.pointer, rows: batch.count, workspace: workspace, dropout: &dropout)
            let loss = model.loss(labels: labels, rows: batch.count, workspace: workspace)
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
