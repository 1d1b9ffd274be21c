import CKernels

/// One network measured on the probe batch, dropout off (batch normalization with the probe
/// batch's own statistics, its running ones left alone): the forward pass layer by layer with
/// the statistics of its pre-activations and activations, and, at initialization, the backward
/// pass of the batch's mean cross-entropy with the spread of every layer's gradients (the
/// measurements of Glorot & Bengio 2010 and He et al. 2015). Its forward buffers are the run's
/// own, allocated once; the backward's, needed once a run, only while it runs. It reads the
/// parameters and writes nothing the training uses, on this thread alone, so a run trains the
/// same bits with or without it.
final class Probe {
    let model: MLP
    let batch: ProbeBatch
    /// Hidden layer l's (outputs, rows): its pre-activations, then in place its activations.
    private let values: [FloatBuffer]
    private let scores: FloatBuffer
    /// Per batch-normalized hidden layer, ẑ and 1/√(σ² + ε), as in the Workspace.
    private let normalized: [FloatBuffer]
    private let inverseStd: [FloatBuffer]

    init(model: MLP, batch: ProbeBatch) {
        self.model = model
        self.batch = batch
        let rows = batch.rows, hidden = model.widths.dropFirst().dropLast()
        values = hidden.map { FloatBuffer(count: rows * $0) }
        scores = FloatBuffer(count: rows * model.classCount)
        normalized = model.normalizedWidths.map { FloatBuffer(count: rows * $0) }
        inverseStd = model.normalizedWidths.map { FloatBuffer(count: $0) }
    }

    /// The backward pass's buffers: per hidden layer f'(z) and the gradient with respect to its
    /// output (then, in place, its pre-activation); the scores' gradient; one layer's weight
    /// gradient at a time, and the bias gradient gateAndSum also computes.
    private struct Gradients {
        let gates: [FloatBuffer], deltas: [FloatBuffer], dscores: FloatBuffer, weights: FloatBuffer
        /// One layer's gradient of b (or with batch normalization of β), and of γ, per feature:
        /// the kernels compute them beside the deltas; the diagnostics read none.
        let sums: FloatBuffer, gammas: FloatBuffer

        init(model: MLP, rows: Int) {
            let hidden = model.widths.dropFirst().dropLast()
            gates = hidden.map { FloatBuffer(count: rows * $0) }
            deltas = hidden.map { FloatBuffer(count: rows * $0) }
            dscores = FloatBuffer(count: rows * model.classCount)
            weights = FloatBuffer(count: model.layers.map { $0.inputs * $0.outputs }.max() ?? 0)
            sums = FloatBuffer(count: hidden.max() ?? 0)
            gammas = FloatBuffer(count: hidden.max() ?? 0)
        }
    }

    /// Every layer's statistics on the probe batch; with `gradients`, those of the backward pass too.
    func measure(gradients: Bool) -> [LayerDiagnostics] {
        let rows = batch.rows, last = model.layers.count - 1
        let backward = gradients ? Gradients(model: model, rows: rows) : nil
        var layers = model.layers.indices.map { l in
            var entry = LayerDiagnostics(layer: l + 1)
            entry.batchNorm = model.layers[l].normalized
            entry.weightStd = Moments(UnsafePointer(model.weights(l).baseAddress!), count: model.weights(l).count).std
            return entry
        }
        for l in 0..<last {
            let layer = model.layers[l], width = layer.outputs, z = values[l].pointer
            var bias = UnsafePointer(model.biases(l).baseAddress!)
            Product(model.featureMajorForward(l, rows: rows), model.weights(l).baseAddress!, input(of: l), into: z).compute()
            if layer.normalized {
                ckernels_batchnorm_training(z, bias, model.parameters.pointer + layer.gammaOffset, normalized[l].pointer, inverseStd[l].pointer,
                                            nil, nil, 0, MLP.batchNormEpsilon, width, rows)
                bias = UnsafePointer(model.parameters.pointer + layer.betaOffset)
            }
            // The activation's input: z + b, or with batch normalization γ·ẑ + β.
            let preactivation = Moments(z, features: width, samples: rows, bias: bias)
            if let gates = backward?.gates {
                gates[l].pointer.update(repeating: 1, count: width * rows)
                activateTraining(z, gate: gates[l].pointer, bias: bias, features: width, samples: rows, activation: model.activation)
            } else {
                activateEvaluation(z, bias: bias, features: width, samples: rows, activation: model.activation)
            }
            let activation = Moments(z, count: width * rows)
            layers[l].preactivationMean = preactivation.mean
            layers[l].preactivationStd = preactivation.std
            layers[l].activationMean = activation.mean
            layers[l].activationStd = activation.std
            layers[l].deadFraction = UnitCounts.deadFraction(z, features: width, samples: rows)
            // A dead layer's units are all 0, alike but not copies of a working unit.
            layers[l].symmetric = layers[l].deadFraction! < 1 && UnitCounts.identical(z, features: width, samples: rows)
            layers[l].saturatedFraction = model.activation.unsaturated.map {
                UnitCounts.saturatedFraction(z, features: width, samples: rows, unsaturated: $0)
            }
        }
        let output = model.layers[last]
        Product(model.products(last, rows: rows).forward, input(of: last), model.weights(last).baseAddress!, into: scores.pointer).compute()
        addBias(scores.pointer, bias: model.biases(last).baseAddress!, rows: rows, n: output.outputs)
        let scoreMoments = Moments(scores.pointer, count: rows * output.outputs)
        layers[last].preactivationMean = scoreMoments.mean
        layers[last].preactivationStd = scoreMoments.std
        if let backward { self.backward(backward, into: &layers) }
        return layers.map(\.finite)
    }

    /// The gradients of the probe batch's mean cross-entropy, from the scores down: at each
    /// layer the spread of the gradient arriving at its output, and of its weight gradient.
    ///
    /// A gradient that is zero up to rounding is recorded as 0, and so is every gradient below
    /// it, which is computed from it (`isRounding`). It happens where a product cancels exactly
    /// in real numbers: with All Ones, Wᵀ·δ sums each image's δ over the classes, Σ softmax − 1
    /// = 0, and what the product returns (0 with one BLAS kernel, 5.6e-10 with another) is the
    /// rounding of that sum, not a gradient. The test is rigorous: any order of k Float
    /// multiply-adds errs by at most k·u·Σ|w||δ| per element (u = 2⁻²⁴), so ‖error‖ ≤
    /// k·u·‖W‖·‖δ‖ (Frobenius norms, by Cauchy–Schwarz); a result within twice that, leaving room
    /// for δ's own rounding, cannot be told from 0. A real gradient, even a vanishing one, sits
    /// near ‖W‖·‖δ‖/√k, far above it (30 times for k = 4096), as the test is relative to the δ
    /// arriving.
    private func backward(_ buffers: Gradients, into layers: inout [LayerDiagnostics]) {
        let rows = batch.rows, last = model.layers.count - 1
        let (gates, deltas, dscores, weightGradient) = (buffers.gates, buffers.deltas, buffers.dscores, buffers.weights)
        _ = batch.labels.withUnsafeBufferPointer {
            softmaxCrossEntropy(scores: scores.pointer, labels: $0.baseAddress!, rows: rows, classes: model.classCount,
                                dscores: dscores.pointer)
        }
        layers[last].outputGradientStd = Moments(dscores.pointer, count: rows * model.classCount).std
        for l in stride(from: last, through: 0, by: -1) {
            let layer = model.layers[l], shapes = model.products(l, rows: rows)
            let delta = UnsafePointer(l == last ? dscores.pointer : deltas[l].pointer)
            Product(shapes.weightGradient, delta, input(of: l), into: weightGradient.pointer).compute()
            layers[l].weightGradientStd = Moments(weightGradient.pointer, count: layer.inputs * layer.outputs).std
            guard let inputGradient = shapes.inputGradient else { break }
            let below = deltas[l - 1].pointer
            Product(inputGradient, model.weights(l).baseAddress!, delta, into: below).compute()
            let weights = model.weights(l)
            if Self.isRounding(Moments.norm(below, count: layer.inputs * rows), sumsOf: inputGradient.k,
                               Moments.norm(weights.baseAddress!, count: weights.count), Moments.norm(delta, count: layer.outputs * rows)) {
                for j in 0..<l {
                    layers[j].outputGradientStd = 0
                    layers[j].weightGradientStd = 0
                }
                break
            }
            layers[l - 1].outputGradientStd = Moments(below, count: layer.inputs * rows).std
            let beneath = model.layers[l - 1]
            gateAndSum(below, gate: gates[l - 1].pointer, features: layer.inputs, samples: rows, biasGradient: buffers.sums.pointer)
            if beneath.normalized {
                ckernels_batchnorm_backward(below, normalized[l - 1].pointer, inverseStd[l - 1].pointer, model.parameters.pointer + beneath.gammaOffset,
                                            buffers.sums.pointer, buffers.gammas.pointer, nil, layer.inputs, rows)
            }
        }
    }

    /// Whether a product of norm `result`, each element a sum of k products of an operand of
    /// norm `a` and one of norm `b`, is within twice its worst-case rounding error of 0.
    static func isRounding(_ result: Double, sumsOf k: Int, _ a: Double, _ b: Double) -> Bool {
        result <= 2 * Double(k) * 0x1p-24 * a * b
    }

    /// Layer l's input: the probe images (rows, in) for the first layer, else the activations below (in, rows).
    private func input(of l: Int) -> UnsafePointer<Float> {
        UnsafePointer(l == 0 ? batch.x.pointer : values[l - 1].pointer)
    }
}
