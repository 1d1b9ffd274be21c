/// The one forward and one backward pass: training, evaluation, the diagnostics' measurements,
/// LSUV and RBM pre-training all run these. Each stage is computed as blocks of its features
/// (see Plan): the whole stage on one core, or the features before the executor's cut here and
/// the rest on a partner core, with the same bits either way.
extension Network {
    /// Scores (rows, classes) for the batch x (rows, inputWidth), into `buffers.scores`,
    /// drawing dropout masks from `pass` when it has a stream. With an observer, every stage runs
    /// on this core alone and the observer sees each node before and after it; `through` stops
    /// after that stage.
    func forward(_ x: UnsafePointer<Float>, rows: Int, buffers: BatchBuffers, pass: inout Pass, on executor: Executor,
                 observer: (any PassObserver)? = nil, through lastStage: Int? = nil) {
        executor.mark(.forward)
        buffers.begin(x: x, rows: rows, pass: pass)
        executor.prepare(rows: rows)
        let context = passContext(buffers, executor: executor)
        for (s, stage) in plan.stages.enumerated() {
            for node in stage.nodes { node.prepare(&pass, context) }
            if let observer {
                precondition(!executor.isSplitting, "a pass with an observer runs on one core")
                for node in stage.nodes {
                    observer.willForward(node, context)
                    node.forward(features: 0..<stage.width, on: .main, context)
                    observer.didForward(node, context)
                }
            } else if stage.splittable {
                executor.split(.forward(stage: s), context) { forwardStage(s, on: .main, context) }
            } else {
                forwardStage(s, on: .main, context)
            }
            if s == lastStage { return }
        }
    }

    /// Stage s, the features of `core` only.
    func forwardStage(_ s: Int, on core: Core, _ context: PassContext) {
        let features = context.executor.features(s, on: core)
        guard !features.isEmpty else { return }
        for node in plan.stages[s].nodes { node.forward(features: features, on: core, context) }
    }

    /// Mean cross-entropy of the last forward's scores against `labels`; leaves its gradient in
    /// the buffers, where backward starts.
    func loss(labels: UnsafePointer<Int32>, rows: Int, buffers: BatchBuffers) -> Float {
        softmaxCrossEntropy(scores: buffers.scores.pointer, labels: labels, rows: rows, classes: classCount,
                            dscores: buffers.dscores.pointer)
    }

    func loss(labels: [Int32], rows: Int, buffers: BatchBuffers) -> Float {
        labels.withUnsafeBufferPointer { loss(labels: $0.baseAddress!, rows: rows, buffers: buffers) }
    }

    /// Gradients of the last forward's loss into `gradients`: every segment overwritten, not
    /// accumulated, so a step needs no zero-grad pass; a trained residual α's and Fixup's scalars'
    /// last, from their features' sums. With an observer, every stage runs on this core alone, and the observer
    /// may stop the pass after a layer's input gradient.
    func backward(_ buffers: BatchBuffers, on executor: Executor, observer: (any PassObserver)? = nil) {
        executor.mark(.backward)
        let context = passContext(buffers, executor: executor)
        for s in plan.stages.indices.reversed() {
            if let observer {
                precondition(!executor.isSplitting, "a pass with an observer runs on one core")
                guard backwardStage(s, on: .main, context, observer: observer) else { return }
            } else if plan.stages[s].splittable {
                executor.split(.backward(stage: s), context) { _ = backwardStage(s, on: .main, context) }
            } else {
                _ = backwardStage(s, on: .main, context)
            }
        }
        for node in plan.gradientFinishers { node.finishGradient(context) }
    }

    /// Stage s's parameter gradients for the features of `core`, and the gradient of its input
    /// for the features of `core` in the stage that made the input (in a stack, the one below;
    /// `Plan.producer`); when it is that gradient's last writer (Plan.gradientWrites), on through
    /// that stage's nodes after its product (a stream's pre-activation, the sum, gate, batch
    /// normalization) with their parameter gradients. A stage that is not split computes all of both on the run's own core. False
    /// when the observer stops the pass.
    func backwardStage(_ s: Int, on core: Core, _ context: PassContext, observer: (any PassObserver)? = nil) -> Bool {
        let stage = plan.stages[s], executor = context.executor
        let own = executor.features(s, on: core)
        if !own.isEmpty { stage.dense.backwardParameters(features: own, on: core, context) }
        guard let p = plan.producer[stage.dense.input] else { return true }
        let below = plan.stages[p]
        let features = stage.splittable ? executor.features(p, on: core) : (core == .main ? 0..<below.width : 0..<0)
        guard !features.isEmpty else { return true }
        stage.dense.backwardInput(features: features, on: core, context)
        guard stage.dense.completesInputGradient else { return true }
        // A pre-activation first: it completes the gradient of the stream below it, the product's
        // output, which the observer sees before the product's own nodes go on with it.
        for node in below.preactivation.reversed() { node.backwardInput(features: features, on: core, context) }
        if let observer, !observer.didPropagate(into: below.dense, from: stage.dense, context) { return false }
        for node in below.onProduct.reversed() { node.backwardInput(features: features, on: core, context) }
        return true
    }

    private func passContext(_ buffers: BatchBuffers, executor: Executor) -> PassContext {
        PassContext(parameters: parameters.pointer, gradients: gradients.pointer, running: running.pointer, buffers: buffers,
                    executor: executor, rows: buffers.rows, normalization: buffers.normalization, keepsGates: buffers.keptGates)
    }
}

/// Watches a pass node by node (the diagnostics, LSUV). A pass with an observer runs on the
/// run's own core alone.
protocol PassObserver: AnyObject {
    func willForward(_ node: any Node, _ context: PassContext)
    func didForward(_ node: any Node, _ context: PassContext)
    /// After the gradient of `layer`'s output is complete (the last writer, `above`, wrote it),
    /// before it goes through that stage's gate and normalization; false stops the backward pass
    /// there.
    func didPropagate(into layer: Dense, from above: Dense, _ context: PassContext) -> Bool
}

extension PassObserver {
    func willForward(_ node: any Node, _ context: PassContext) {}
    func didForward(_ node: any Node, _ context: PassContext) {}
    func didPropagate(into layer: Dense, from above: Dense, _ context: PassContext) -> Bool { true }
}
