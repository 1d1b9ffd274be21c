/// Mishkin & Matas's layer-sequential unit-variance initialization ("All you need is a good
/// init", 2016): starting from the strategy's weights (orthonormal in the paper), layer by layer,
/// divide W by √var of the layer's pre-activation output on one training batch, until
/// |var − 1| < tolerance or the iteration limit. Biases are left as they are.
enum LSUV {
    /// Returns the batch's image indices and, per layer, the iterations taken and the final variance.
    static func apply(to model: MLP, dataset: Dataset, training: [Int32], seed: UInt64,
                      tolerance: Float, maxIterations: Int, batchSize: Int) -> JSON {
        var rng = Xoshiro256(seed: seed, stream: "lsuv")
        var order = training
        rng.shuffle(&order)
        let batch = order.prefix(min(batchSize, order.count))
        let rows = batch.count
        var input = FloatBuffer(count: rows * model.inputWidth)
        var labels = [Int32](repeating: 0, count: rows)
        dataset.gather(batch, into: input.pointer, labels: &labels)

        var layers: [JSON] = []
        for (l, layer) in model.layers.enumerated() {
            let z = FloatBuffer(count: rows * layer.outputs)
            var variance = preActivationVariance(model, l, input: input, rows: rows, into: z)
            var iterations = 0
            // A layer whose output does not vary (all-zero weights) cannot be scaled to unit variance.
            while abs(variance - 1) >= Double(tolerance), iterations < maxIterations, variance > 0, variance.isFinite {
                let scale = Float(1 / variance.squareRoot())
                let weights = model.weights(l)
                for i in weights.indices { weights[i] *= scale }
                iterations += 1
                variance = preActivationVariance(model, l, input: input, rows: rows, into: z)
            }
            layers.append(.object([("iterations", .number(Double(iterations))), ("variance", JSON(variance))]))
            if l < model.layers.count - 1 {
                activateEvaluation(z.pointer, bias: model.biases(l).baseAddress!, features: layer.outputs, samples: rows,
                                   activation: model.activation)
                input = z
            }
        }
        return .object([
            ("kind", .string(Procedure.Name.lsuv.rawValue)),
            ("batch", .array(batch.map { .number(Double($0)) })),
            ("layers", .array(layers)),
        ])
    }

    /// zᵀ (out, rows) = W·inputᵀ (without bias, which `activateEvaluation` adds), and the variance
    /// of its entries plus their bias. The input is the batch (rows, in) for the first layer,
    /// else the previous layer's output, feature-major (in, rows), as in training.
    static func preActivationVariance(_ model: MLP, _ l: Int, input: FloatBuffer, rows: Int, into z: FloatBuffer) -> Double {
        let layer = model.layers[l]
        Product(model.featureMajorForward(l, rows: rows), model.weights(l).baseAddress!, input.pointer, into: z.pointer).compute()
        let bias = model.biases(l)
        var sum = 0.0, squares = 0.0
        for f in 0..<layer.outputs {
            for s in 0..<rows {
                let v = Double(z.pointer[f * rows + s] + bias[f])
                sum += v
                squares += v * v
            }
        }
        let n = Double(rows * layer.outputs)
        let mean = sum / n
        return max(0, squares / n - mean * mean)
    }
}
