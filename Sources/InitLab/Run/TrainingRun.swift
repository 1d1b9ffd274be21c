/// One run of a Trainer: what it sets up (the initial network, every buffer a step touches, the
/// random streams), the loop over epochs and steps, and the validation that ends it.
final class TrainingRun {
    let trainer: Trainer
    let strategy: Strategy
    let seed: UInt64
    let split: Split
    let network: Network
    let executor: Executor
    private let buffers: BatchBuffers
    private let optimizer: OptimizerState
    private let x: FloatBuffer
    private var labels: [Int32]
    /// Same streams for every strategy of a seed: the runs then differ only in initialization.
    private var orderRNG: Xoshiro256
    private var pass: Pass
    private var order: [Int32]
    private(set) var losses: [Float] = []
    private let recorder: DiagnosticsRecorder?
    /// mup's coordinate check over the first updates, with the diagnostics.
    private let coordinates: CoordinateCheck?
    /// The weights training starts from, for the histograms of what training did to them.
    private let startingParameters: [Float]
    private var result: RunResult

    init(_ trainer: Trainer, strategy: Strategy, seed: UInt64, split: Split) {
        (self.trainer, self.strategy, self.seed, self.split) = (trainer, strategy, seed, split)
        let startInit = monotonicSeconds()
        let optimizerSettings = strategy.optimizer ?? trainer.experiment.training.optimizer
        let network = strategy.initialNetwork(seed: seed, optimizer: optimizerSettings.name)
        self.network = network
        result = RunResult(strategyID: strategy.id, label: strategy.label, seed: seed, status: .ok, batchLosses: [],
                           validationAccuracy: nil, validationLoss: nil, initSeconds: monotonicSeconds() - startInit,
                           trainSeconds: 0, validationSeconds: 0, stepTimes: StepTimes())
        if let procedure = strategy.procedure {
            let start = monotonicSeconds()
            result.procedure = trainer.apply(procedure, to: network, seed: seed, split: split)
            result.procedureSeconds = monotonicSeconds() - start
        }
        startingParameters = network.parameters.array
        let training = trainer.experiment.training
        buffers = BatchBuffers(plan: network.plan, capacity: training.batchSize)
        executor = Executor(plan: network.plan)
        optimizer = OptimizerState(optimizerSettings, parameterCount: network.parameters.count)
        x = FloatBuffer(count: training.batchSize * trainer.dataset.features)
        labels = [Int32](repeating: 0, count: training.batchSize)
        orderRNG = Split.orderStream(seed: seed)
        pass = .training(DropoutStream(seededBy: Xoshiro256(seed: seed, stream: "dropout")))
        order = split.training
        let stepsPerEpoch = training.stepsPerEpoch(trainingCount: order.count)
        losses.reserveCapacity(stepsPerEpoch * training.epochs)
        recorder = trainer.probe.map {
            DiagnosticsRecorder(network: network, batch: $0,
                                schedule: trainer.experiment.diagnostics.schedule(stepsPerEpoch: stepsPerEpoch, epochs: training.epochs),
                                jacobianInputs: trainer.experiment.diagnostics.jacobianInputs)
        }
        coordinates = trainer.probe.map { CoordinateCheck(network: network, batch: $0) }
    }

    /// The lesson's loop: a fresh batch order each epoch, one step per batch, the validation
    /// accuracy after each epoch. Stops at a loss that is not finite, or when `onStep` says so.
    func train(partner: @escaping () -> Partner?, onStep: @escaping (Int, Float) -> Bool) -> RunStatus {
        let monitor = StepMonitor(executor: executor, freePartner: partner, lend: { [self] partner in
            executor.lend(partner, network: network, optimizer: optimizer)
        }, onStep: onStep)
        defer { result.stepTimes = monitor.times; result.partneredStepTimes = monitor.partneredTimes }
        let training = trainer.experiment.training, batchSize = training.batchSize
        let trainingStart = monotonicSeconds()
        var evaluationSeconds = 0.0
        // Only the steps' share of the diagnostics counts against training; initialization's was before.
        defer {
            result.trainSeconds = monotonicSeconds() - trainingStart - evaluationSeconds - (recorder?.stepSeconds ?? 0)
                - (coordinates?.stepSeconds ?? 0)
            result.validationSeconds = evaluationSeconds
        }
        for epoch in 1...training.epochs {
            orderRNG.shuffle(&order)
            for start in stride(from: 0, to: order.count, by: batchSize) {
                monitor.stepStarts()
                let loss = step(order[start..<min(start + batchSize, order.count)],
                                next: order[min(start + batchSize, order.count)..<min(start + 2 * batchSize, order.count)])
                guard loss.isFinite else { return .diverged(batch: losses.count) }
                guard monitor.stepEnds(losses.count, loss: loss) else { return .interrupted }
            }
            // In evaluation mode the last epoch's accuracy is the final validation's (`result`).
            if epoch < training.epochs || training.validationDropout {
                let evaluationStart = monotonicSeconds()
                var noDropout: DropoutStream?
                result.epochValidationAccuracy.append(validate(on: split.validation, dropout: &noDropout).accuracy)
                evaluationSeconds += monotonicSeconds() - evaluationStart
            }
        }
        return .ok
    }

    /// One training step on `batch`: the loss before the step.
    private func step(_ batch: ArraySlice<Int32>, next: ArraySlice<Int32>) -> Float {
        trainer.dataset.gather(batch, into: x.pointer, labels: &labels)
        network.forward(x.pointer, rows: batch.count, buffers: buffers, pass: &pass, on: executor)
        let loss = network.loss(labels: labels, rows: batch.count, buffers: buffers)
        losses.append(loss)
        guard loss.isFinite else { return loss }
        network.backward(buffers, on: executor)
        // The next batch's images, scattered over a dataset larger than the cache, start loading
        // now and are in cache when the next step gathers them.
        trainer.dataset.prefetch(next)
        optimizer.update(network, on: executor, observer: recorder)
        coordinates?.measure(step: optimizer.step)
        return loss
    }

    /// The run's result: its losses, its diagnostics and histograms, and, when it finished, the
    /// final validation and the test set's accuracy.
    func result(_ status: RunStatus) -> RunResult {
        var result = self.result
        result.status = status
        result.batchLosses = losses
        result.diagnostics = recorder?.diagnostics
        result.coordinates = coordinates?.records ?? []
        result.diagnosticsSeconds = (recorder?.seconds ?? 0) + (coordinates?.seconds ?? 0)
        result.weightHistograms = network.layers.map { layer in
            startingParameters.withUnsafeBufferPointer { start in
                WeightHistogram(layer: layer.layer + 1, initial: UnsafeBufferPointer(rebasing: start[layer.weight.range]),
                                trained: UnsafeBufferPointer(network.values(of: layer.weight)))
            }
        }
        guard status == .ok else { return result }
        let start = monotonicSeconds(), training = trainer.experiment.training
        var validationDropout = training.validationDropout
            ? DropoutStream(seededBy: Xoshiro256(seed: seed, stream: "validation-dropout")) : nil
        // Validating with dropout on (the lesson's way) is PyTorch's training mode, in which batch
        // normalization updates its running statistics from the validation batches; the test set
        // is measured with the ones training left, which the validation set must not choose.
        let trainedStatistics = validationDropout != nil && network.running.count > 0 ? network.running.array : nil
        (result.validationAccuracy, result.validationLoss) = validate(on: split.validation, dropout: &validationDropout)
        if let trainedStatistics { network.running.copy(from: trainedStatistics) }
        if !training.validationDropout { result.epochValidationAccuracy.append(result.validationAccuracy!) }
        if let testSet = trainer.testSet {
            var noDropout: DropoutStream?
            result.testAccuracy = trainer.evaluate(network, on: Array(0..<Int32(testSet.count)), of: testSet, buffers: buffers,
                                                   executor: executor, x: x, dropout: &noDropout).accuracy
        }
        result.validationSeconds += monotonicSeconds() - start
        return result
    }

    private func validate(on indices: [Int32], dropout: inout DropoutStream?) -> (accuracy: Double, loss: Double) {
        trainer.evaluate(network, on: indices, buffers: buffers, executor: executor, x: x, dropout: &dropout)
    }
}
