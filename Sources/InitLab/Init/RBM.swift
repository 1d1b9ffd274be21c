import CKernels
import Foundation

/// Hinton's greedy layer-wise pre-training (Hinton & Salakhutdinov 2006, the rbm.m recipe): each
/// hidden layer in turn is a Bernoulli RBM whose visible units are the previous layer's hidden
/// probabilities (the pixels, in [0, 1], for the first), trained with one step of contrastive
/// divergence (CD-1), momentum and weight cost. It starts from the strategy's weights for that
/// layer; its learned weights W (hidden, visible) and hidden biases become the MLP layer's. The
/// output layer keeps the strategy's initializer.
enum RBMPretraining {
    /// Returns, per hidden layer, the mean squared reconstruction error of each epoch.
    static func apply(to model: MLP, dataset: Dataset, training: [Int32], seed: UInt64, settings: RBMSettings) -> JSON {
        var rng = Xoshiro256(seed: seed, stream: "rbm")
        var order = training
        let rows = settings.batchSize
        let pixels = FloatBuffer(count: rows * model.inputWidth)
        var labels = [Int32](repeating: 0, count: rows)
        // Activations of the already pre-trained layers, for the data of the next RBM.
        let below = model.widths.dropLast().map { FloatBuffer(count: rows * $0) }
        var layerErrors: [JSON] = []
        for l in 0..<(model.layers.count - 1) {
            let visible = model.layers[l].inputs, hidden = model.layers[l].outputs
            let rbm = RBMLayer(weights: model.weights(l).baseAddress!, hiddenBias: model.biases(l).baseAddress!,
                               visible: visible, hidden: hidden, rows: rows)
            var errors: [JSON] = []
            for epoch in 0..<settings.epochs {
                rng.shuffle(&order)
                let momentum = epoch < settings.momentumSwitchEpoch ? settings.initialMomentum : settings.finalMomentum
                var squaredError = 0.0, count = 0
                for start in stride(from: 0, to: order.count - rows + 1, by: rows) {
                    dataset.gather(order[start..<(start + rows)], into: pixels.pointer, labels: &labels)
                    // The data of layer l: hidden probabilities of every layer below, from the pixels.
                    var data = pixels
                    for k in 0..<l {
                        let layer = model.layers[k]
                        gemm(false, true, m: rows, n: layer.outputs, k: layer.inputs, data.pointer, lda: layer.inputs,
                             model.weights(k).baseAddress!, ldb: layer.inputs, beta: 0, below[k + 1].pointer, ldc: layer.outputs)
                        sigmoid(below[k + 1].pointer, bias: model.biases(k).baseAddress!, rows: rows, n: layer.outputs)
                        data = below[k + 1]
                    }
                    squaredError += rbm.contrastiveDivergenceStep(data: data.pointer, settings: settings, momentum: momentum, rng: &rng)
                    count += rows * visible
                }
                errors.append(JSON(squaredError / Double(max(count, 1))))
            }
            layerErrors.append(.object([("layer", .number(Double(l))), ("reconstruction_error", .array(errors))]))
        }
        return .object([("kind", .string(Procedure.Name.rbm.rawValue)), ("layers", .array(layerErrors))])
    }
}

/// One Bernoulli RBM over the weights of an MLP layer: W (hidden, visible) row-major and the
/// hidden biases live in the model; the visible biases and the momentum terms are its own.
final class RBMLayer {
    let weights: UnsafeMutablePointer<Float>
    let hiddenBias: UnsafeMutablePointer<Float>
    let visible, hidden, rows: Int
    let visibleBias: FloatBuffer
    let weightStep, hiddenStep, visibleStep: FloatBuffer
    let gradient: FloatBuffer
    let positiveHidden, hiddenStates, reconstruction, negativeHidden: FloatBuffer

    init(weights: UnsafeMutablePointer<Float>, hiddenBias: UnsafeMutablePointer<Float>, visible: Int, hidden: Int, rows: Int) {
        self.weights = weights
        self.hiddenBias = hiddenBias
        self.visible = visible
        self.hidden = hidden
        self.rows = rows
        visibleBias = FloatBuffer(count: visible)
        weightStep = FloatBuffer(count: hidden * visible)
        hiddenStep = FloatBuffer(count: hidden)
        visibleStep = FloatBuffer(count: visible)
        gradient = FloatBuffer(count: hidden * visible)
        positiveHidden = FloatBuffer(count: rows * hidden)
        hiddenStates = FloatBuffer(count: rows * hidden)
        reconstruction = FloatBuffer(count: rows * visible)
        negativeHidden = FloatBuffer(count: rows * hidden)
    }

    /// One CD-1 update from data (rows, visible); returns the batch's summed squared
    /// reconstruction error.
    func contrastiveDivergenceStep(data: UnsafeMutablePointer<Float>, settings: RBMSettings, momentum: Float,
                                   rng: inout Xoshiro256) -> Double {
        let scale = 1 / Float(rows)
        // Positive phase: p(h | v) = σ(v·Wᵀ + b_h); ⟨v hᵀ⟩_data into the gradient.
        gemm(false, true, m: rows, n: hidden, k: visible, data, lda: visible, weights, ldb: visible, beta: 0,
             positiveHidden.pointer, ldc: hidden)
        sigmoid(positiveHidden.pointer, bias: hiddenBias, rows: rows, n: hidden)
        gemm(true, false, m: hidden, n: visible, k: rows, alpha: scale, positiveHidden.pointer, lda: hidden, data, ldb: visible,
             beta: 0, gradient.pointer, ldc: visible)
        // Sample binary hidden states, reconstruct p(v | h) = σ(h·W + b_v), then p(h | v').
        for i in 0..<(rows * hidden) { hiddenStates.pointer[i] = Float(rng.uniform()) < positiveHidden.pointer[i] ? 1 : 0 }
        gemm(false, false, m: rows, n: visible, k: hidden, hiddenStates.pointer, lda: hidden, weights, ldb: visible, beta: 0,
             reconstruction.pointer, ldc: visible)
        sigmoid(reconstruction.pointer, bias: visibleBias.pointer, rows: rows, n: visible)
        gemm(false, true, m: rows, n: hidden, k: visible, reconstruction.pointer, lda: visible, weights, ldb: visible, beta: 0,
             negativeHidden.pointer, ldc: hidden)
        sigmoid(negativeHidden.pointer, bias: hiddenBias, rows: rows, n: hidden)
        // Negative phase: gradient = (⟨v hᵀ⟩_data − ⟨v hᵀ⟩_reconstruction) / rows.
        gemm(true, false, m: hidden, n: visible, k: rows, alpha: -scale, negativeHidden.pointer, lda: hidden,
             reconstruction.pointer, ldb: visible, beta: 1, gradient.pointer, ldc: visible)

        let rate = settings.learningRate, cost = settings.weightCost
        for i in 0..<(hidden * visible) {
            weightStep.pointer[i] = momentum * weightStep.pointer[i] + rate * (gradient.pointer[i] - cost * weights[i])
            weights[i] += weightStep.pointer[i]
        }
        var squaredError = 0.0
        for j in 0..<visible {
            var difference: Float = 0
            for r in 0..<rows {
                let d = data[r * visible + j] - reconstruction.pointer[r * visible + j]
                difference += d
                squaredError += Double(d * d)
            }
            visibleStep.pointer[j] = momentum * visibleStep.pointer[j] + rate * scale * difference
            visibleBias.pointer[j] += visibleStep.pointer[j]
        }
        for j in 0..<hidden {
            var difference: Float = 0
            for r in 0..<rows { difference += positiveHidden.pointer[r * hidden + j] - negativeHidden.pointer[r * hidden + j] }
            hiddenStep.pointer[j] = momentum * hiddenStep.pointer[j] + rate * scale * difference
            hiddenBias[j] += hiddenStep.pointer[j]
        }
        return squaredError
    }
}

/// z (rows, n) ← σ(z + b), in place, with the training's vectorized sigmoid.
func sigmoid(_ z: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, rows: Int, n: Int) {
    ckernels_sigmoid_bias(z, bias, rows, n)
}
