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

    /// `onStep(step, loss)` is called after every step (1-based) and stops the run by returning false.
    /// `partner()` is asked before every step until it lends one; the run releases it when it ends.
    public func run(_ strategy: Strategy, seed: UInt64, split: Split, partner: @escaping () -> Partner? = { nil },
                    onStep: @escaping (Int, Float) -> Bool = { _, _ in true }) -> RunResult {
        let run = TrainingRun(self, strategy: strategy, seed: seed, split: split)
        defer { run.executor.release() }
        let status = run.train(partner: partner, onStep: onStep)
        return run.result(status)
    }

    /// Runs a data-dependent initialization on the training images; returns what it did.
    func apply(_ procedure: Procedure, to network: Network, seed: UInt64, split: Split) -> JSON {
        switch procedure {
        case let .lsuv(tolerance, maxIterations, batchSize):
            return LSUV.apply(to: network, dataset: dataset, training: split.training, seed: seed, tolerance: tolerance,
                              maxIterations: maxIterations, batchSize: batchSize)
        case .rbm(let settings):
            return RBMPretraining.apply(to: network, dataset: dataset, training: split.training, seed: seed, settings: settings)
        }
    }

    /// Accuracy (first highest score wins, as torch.argmax) and mean loss over `indices`, in
    /// batches; with a dropout stream, dropout stays on (the lesson's way: PyTorch's training
    /// mode), else evaluation mode.
    func evaluate(_ network: Network, on indices: [Int32], of dataset: Dataset? = nil, buffers: BatchBuffers, executor: Executor,
                  x: FloatBuffer, dropout: inout DropoutStream?) -> (accuracy: Double, loss: Double) {
        let dataset = dataset ?? self.dataset
        var correct = 0
        var totalLoss = 0.0
        var labels = [Int32](repeating: 0, count: buffers.capacity)
        let classes = network.classCount
        var pass = dropout.map(Pass.training) ?? .evaluation
        defer { dropout = pass.dropout }
        for start in stride(from: 0, to: indices.count, by: buffers.capacity) {
            let batch = indices[start..<min(start + buffers.capacity, indices.count)]
            dataset.gather(batch, into: x.pointer, labels: &labels)
            network.forward(x.pointer, rows: batch.count, buffers: buffers, pass: &pass, on: executor)
            let loss = network.loss(labels: labels, rows: batch.count, buffers: buffers)
            totalLoss += Double(loss) * Double(batch.count)
            let scores = buffers.scores.pointer
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
