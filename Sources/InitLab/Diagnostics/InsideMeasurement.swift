/// One network measured on the probe batch with the network's own forward and backward passes
/// (Pass.measurement: dropout off, batch normalization with the probe batch's own statistics,
/// its running ones left alone): the statistics of every layer's pre-activations and
/// activations, and, at initialization, the spread of every layer's gradients for the batch's
/// mean cross-entropy (the measurements of Glorot & Bengio 2010 and He et al. 2015). The
/// backward pass's buffers exist only while it runs, and the forward pass's from the first
/// measurement without it, so the two sets are never held at once. The backward pass writes the
/// network's gradients, before training (which overwrites every one of them each step); the
/// measurement writes nothing else the training uses and runs on this thread alone, so a run
/// trains the same bits with or without it.
final class InsideMeasurement {
    let network: Network
    let batch: ProbeBatch
    private lazy var forwardActivations = BatchBuffers(plan: network.plan, capacity: batch.rows, backward: false)
    private let executor: Executor
    /// The residual blocks of the last measurement (none for a plain stack).
    private(set) var blocks: [BlockDiagnostics] = []
    /// The residual stream entering the first block, the input projection's output, in the last
    /// measurement (nil for a plain stack).
    private(set) var projectionStreamStd: Double?

    init(network: Network, batch: ProbeBatch) {
        self.network = network
        self.batch = batch
        executor = Executor(plan: network.plan)
    }

    /// Every layer's statistics on the probe batch; with `gradients` (at initialization), those of
    /// the backward pass too.
    func measure(gradients: Bool) -> [LayerDiagnostics] {
        let layers = network.layers
        let recorder = Recorder(network: network, layers: layers.map { layer in
            var entry = LayerDiagnostics(layer: layer.layer + 1)
            entry.batchNorm = layer.normalized
            entry.weightStd = Moments(UnsafePointer(network.weights(layer.layer).baseAddress!), count: layer.weight.count).std
            return entry
        })
        let buffers = gradients ? BatchBuffers(plan: network.plan, capacity: batch.rows) : forwardActivations
        var pass = Pass.measurement(gradients: gradients)
        network.forward(batch.x.pointer, rows: batch.rows, buffers: buffers, pass: &pass, on: executor, observer: recorder)
        defer {
            blocks = BlockDiagnostics.blocks(network, streams: recorder.streams, layers: recorder.layers)
            projectionStreamStd = recorder.projection.flatMap { $0.isFinite ? $0 : nil }
        }
        guard gradients else { return recorder.layers.map(\.finite) }
        _ = network.loss(labels: batch.labels, rows: batch.rows, buffers: buffers)
        recorder.layers[layers.count - 1].outputGradientStd = Moments(buffers.dscores.pointer, count: buffers.dscores.count).std
        network.backward(buffers, on: executor, observer: recorder)
        // Layers below a gradient that is zero up to rounding have none: 0, not what their
        // products made of rounding noise.
        for layer in layers {
            let weightGradient = network.gradients.pointer + layer.weight.offset
            recorder.layers[layer.layer].weightGradientStd = layer.layer < recorder.roundingBelow ? 0
                : Moments(weightGradient, count: layer.weight.count).std
        }
        return recorder.layers.map(\.finite)
    }

    /// The spectrum of the Jacobian from the first hidden layer's output to the last's at the
    /// first `inputs` probe images (JacobianChain); nil for a network of fewer than two hidden
    /// layers, or one whose Jacobian is not finite (an overflowing network's).
    func jacobianSpectrum(inputs: Int) -> JacobianSpectrum? {
        guard inputs > 0, JacobianChain.applies(to: network.plan) else { return nil }
        let slopes = JacobianChain.Slopes(plan: network.plan, images: min(inputs, batch.rows))
        var pass = Pass.measurement(gradients: false)
        network.forward(batch.x.pointer, rows: batch.rows, buffers: forwardActivations, pass: &pass, on: executor, observer: slopes)
        let hidden = network.layers.dropLast(), rows = hidden.last!.outputs, columns = hidden.first!.outputs
        let jacobians = JacobianChain.jacobians(network: network, slopes: slopes)
        guard jacobians.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { return nil }
        let values = jacobians.map { JacobianChain.singularValues($0, rows: rows, columns: columns).map(Float.init) }
        guard values.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { return nil }
        return JacobianSpectrum(rows: rows, columns: columns, factors: hidden.count - 1, singularValues: values,
                                meanFieldMeanSquared: JacobianChain.meanField(network: network, firstVariance: slopes.firstVariance))
    }

    /// What the passes show, layer by layer, as they run.
    private final class Recorder: PassObserver {
        let network: Network
        var layers: [LayerDiagnostics]
        /// A residual stream's std after each block, by the stage of its sum.
        var streams: [Int: Double] = [:]
        /// The stream's std entering the first block: what the first sum's skip holds. (A
        /// pre-activation model's first layer records the normalized copy its first branch reads.)
        var projection: Double?
        /// The layers from which down the gradient is zero up to rounding (0: none).
        var roundingBelow = 0

        /// Whether the network has residual blocks.
        let residual: Bool

        init(network: Network, layers: [LayerDiagnostics]) {
            self.network = network
            residual = network.plan.stages.contains { $0.nodes.contains { $0 is ResidualAdd } }
            self.layers = layers
        }

        /// The activation's input: z + b, or with batch normalization γ·ẑ + β.
        func willForward(_ node: any Node, _ context: PassContext) {
            if let sum = node as? ResidualAdd, projection == nil {
                projection = Moments(UnsafePointer(context.values(sum.skip)), count: sum.width * context.rows).std
            }
            guard let gate = node as? Gate else { return }
            let preactivation = Moments(enteringActivationOf: gate, context)
            layers[gate.stage].preactivationMean = preactivation.mean
            layers[gate.stage].preactivationStd = preactivation.std
        }

        func didForward(_ node: any Node, _ context: PassContext) {
            if let sum = node as? ResidualAdd {
                streams[sum.stage] = Moments(UnsafePointer(context.values(sum.slot)), count: sum.width * context.rows).std
            } else if let gate = node as? Gate {
                let y = UnsafePointer(context.values(gate.slot)), width = gate.width, rows = context.rows, l = gate.stage
                let activation = Moments(y, count: width * rows)
                layers[l].activationMean = activation.mean
                layers[l].activationStd = activation.std
                layers[l].deadFraction = UnitCounts.deadFraction(y, features: width, samples: rows)
                // A dead layer's units are all 0, alike but not copies of a working unit.
                layers[l].symmetric = layers[l].deadFraction! < 1 && UnitCounts.identical(y, features: width, samples: rows)
                layers[l].saturatedFraction = gate.activation.unsaturated.map {
                    UnitCounts.saturatedFraction(y, features: width, samples: rows, unsaturated: $0)
                }
            } else if let readout = node as? Dense, readout.outputLayout == .sampleMajor {
                let scores = Moments(scoresOf: readout, context)
                layers[readout.layer].preactivationMean = scores.mean
                layers[readout.layer].preactivationStd = scores.std
            }
        }

        /// The spread of the gradient arriving at `layer`'s output; a gradient that is zero up
        /// to rounding ends the pass (isRounding).
        func didPropagate(into layer: Dense, from above: Dense, _ context: PassContext) -> Bool {
            let rows = context.rows
            let below = context.gradient(layer.output), delta = context.gradient(above.output)
            let weights = network.weights(above.layer)
            // In a residual network the skip carries the gradient past a branch whose own is 0
            // (α = 0, Fixup's zero layers): a zero there ends nothing below it.
            if !residual, InsideMeasurement.isRounding(Moments.norm(below, count: layer.outputs * rows), sumsOf: above.outputs,
                                                       Moments.norm(weights.baseAddress!, count: weights.count),
                                                       Moments.norm(delta, count: above.outputs * rows)) {
                for j in 0...layer.layer { layers[j].outputGradientStd = 0 }
                roundingBelow = layer.layer + 1
                return false
            }
            layers[layer.layer].outputGradientStd = Moments(below, count: layer.outputs * rows).std
            return true
        }
    }

    /// Whether a product of norm `result`, each element a sum of k products of an operand of
    /// norm `a` and one of norm `b`, is within twice its worst-case rounding error of 0.
    ///
    /// A gradient that is zero up to rounding is recorded as 0, and so is every gradient below
    /// it, which is computed from it. It happens where a product cancels exactly in real
    /// numbers: with All Ones, Wᵀ·δ sums each image's δ over the classes, Σ softmax − 1 = 0, and
    /// what the product returns (0 with one BLAS kernel, 5.6e-10 with another) is the rounding of
    /// that sum, not a gradient. The test is rigorous: any order of k Float multiply-adds errs by
    /// at most k·u·Σ|w||δ| per element (u = 2⁻²⁴), so ‖error‖ ≤ k·u·‖W‖·‖δ‖ (Frobenius norms, by
    /// Cauchy–Schwarz); a result within twice that, leaving room for δ's own rounding, cannot be
    /// told from 0. A real gradient, even a vanishing one, sits near ‖W‖·‖δ‖/√k, far above it
    /// (30 times for k = 4096), as the test is relative to the δ arriving.
    static func isRounding(_ result: Double, sumsOf k: Int, _ a: Double, _ b: Double) -> Bool {
        result <= 2 * Double(k) * 0x1p-24 * a * b
    }
}
