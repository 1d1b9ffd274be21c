/// Mishkin & Matas's layer-sequential unit-variance initialization ("All you need is a good
/// init", 2016): starting from the strategy's weights (orthonormal in the paper), layer by layer,
/// divide W by √var of the layer's pre-activation output on one training batch, until
/// |var − 1| < tolerance or the iteration limit. Biases are left as they are. The batch goes
/// through the network's own forward pass (Pass.measurement: no dropout, batch normalization with
/// the batch's statistics).
enum LSUV {
    /// Returns the batch's image indices and, per layer, the iterations taken and the final variance.
    static func apply(to network: Network, dataset: Dataset, training: [Int32], seed: UInt64,
                      tolerance: Float, maxIterations: Int, batchSize: Int) -> JSON {
        var rng = Xoshiro256(seed: seed, stream: "lsuv")
        var order = training
        rng.shuffle(&order)
        let batch = order.prefix(min(batchSize, order.count))
        let rows = batch.count
        let x = FloatBuffer(count: rows * network.inputWidth)
        var labels = [Int32](repeating: 0, count: rows)
        dataset.gather(batch, into: x.pointer, labels: &labels)
        let buffers = BatchBuffers(plan: network.plan, capacity: rows, backward: false)
        let executor = Executor(plan: network.plan)
        let watch = PreactivationVariance()

        /// The variance of layer l's pre-activations on the batch, through the layers below as they are now.
        func measure(_ l: Int) -> Double {
            var pass = Pass.measurement(gradients: false)
            network.forward(x.pointer, rows: rows, buffers: buffers, pass: &pass, on: executor, observer: watch, through: l)
            return watch.variance
        }

        var layers: [JSON] = []
        for l in network.layers.indices {
            var variance = measure(l)
            var iterations = 0
            // A layer whose output does not vary (all-zero weights) cannot be scaled to unit variance.
            while abs(variance - 1) >= Double(tolerance), iterations < maxIterations, variance > 0, variance.isFinite {
                let scale = Float(1 / variance.squareRoot())
                let weights = network.weights(l)
                for i in weights.indices { weights[i] *= scale }
                iterations += 1
                variance = measure(l)
            }
            layers.append(.object([("iterations", .number(Double(iterations))), ("variance", JSON(variance))]))
        }
        return .object([
            ("kind", .string(Procedure.Name.lsuv.rawValue)),
            ("batch", .array(batch.map { .number(Double($0)) })),
            ("layers", .array(layers)),
        ])
    }

    /// The variance of the last stage's pre-activations a pass showed: what enters a hidden
    /// layer's activation (z + b, or γ·ẑ + β), or the scores.
    private final class PreactivationVariance: PassObserver {
        var variance = 0.0

        func willForward(_ node: any Node, _ context: PassContext) {
            guard let gate = node as? Gate else { return }
            variance = Moments(enteringActivationOf: gate, context).variance
        }

        func didForward(_ node: any Node, _ context: PassContext) {
            guard let readout = node as? Dense, readout.outputLayout == .sampleMajor else { return }
            variance = Moments(scoresOf: readout, context).variance
        }
    }
}
