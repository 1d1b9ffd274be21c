import CKernels
import Foundation

/// Hinton's greedy layer-wise pre-training (Hinton & Salakhutdinov 2006, the rbm.m recipe): each
/// hidden layer in turn is a Bernoulli RBM whose visible units are the previous layer's hidden
/// probabilities (the pixels, in [0, 1], for the first), trained with one step of contrastive
/// divergence (CD-1), momentum and weight cost. It starts from the strategy's weights for that
/// layer; its learned weights W (hidden, visible) and hidden biases become the network's dense layer's. The
/// output layer keeps the strategy's initializer.
enum RBMPretraining {
    /// Returns, per hidden layer, the mean squared reconstruction error of each epoch.
    static func apply(to network: Network, dataset: Dataset, training: [Int32], seed: UInt64, settings: RBMSettings) -> JSON {
        var rng = Xoshiro256(seed: seed, stream: "rbm")
        var order = training
        let rows = settings.batchSize
        let pixels = FloatBuffer(count: rows * network.inputWidth)
        var labels = [Int32](repeating: 0, count: rows)
        var layerErrors: [JSON] = []
        for l in 0..<(network.layers.count - 1) {
            let layer = network.layers[l]
            // The data of layer l: the hidden probabilities of every layer below, from the
            // pixels, through the network's own forward pass over the same weights with
            // sigmoid units (feature-major); the pixels themselves (sample-major) for the first.
            let upPass = Network(Plan(upPassOf: network.plan, below: l, activation: .sigmoid), sharingParametersOf: network)
            let buffers = BatchBuffers(plan: upPass.plan, capacity: rows, backward: false)
            let executor = Executor(plan: upPass.plan)
            let rbm = RBMLayer(weights: network.weights(l).baseAddress!, hiddenBias: network.biases(l).baseAddress!,
                               visible: layer.inputs, hidden: layer.outputs, rows: rows, featureMajorData: l > 0)
            var errors: [JSON] = []
            for epoch in 0..<settings.epochs {
                rng.shuffle(&order)
                let momentum = epoch < settings.momentumSwitchEpoch ? settings.initialMomentum : settings.finalMomentum
                var squaredError = 0.0, count = 0
                for start in stride(from: 0, to: order.count - rows + 1, by: rows) {
                    dataset.gather(order[start..<(start + rows)], into: pixels.pointer, labels: &labels)
                    var data = UnsafePointer(pixels.pointer)
                    if l > 0 {
                        var pass = Pass.measurement(gradients: false)
                        upPass.forward(pixels.pointer, rows: rows, buffers: buffers, pass: &pass, on: executor)
                        data = UnsafePointer(buffers.values[l].pointer)
                    }
                    squaredError += rbm.contrastiveDivergenceStep(data: data, settings: settings, momentum: momentum, rng: &rng)
                    count += rows * layer.inputs
                }
                errors.append(JSON(squaredError / Double(max(count, 1))))
            }
            layerErrors.append(.object([("layer", .number(Double(l))), ("reconstruction_error", .array(errors))]))
        }
        return .object([("kind", .string(Procedure.Name.rbm.rawValue)), ("layers", .array(layerErrors))])
    }
}

/// One Bernoulli RBM over the weights of a dense layer: W (hidden, visible) row-major and the
/// hidden biases live in the model; the visible biases and the momentum terms are its own.
final class RBMLayer {
    let weights: UnsafeMutablePointer<Float>
    let hiddenBias: UnsafeMutablePointer<Float>
    let visible, hidden, rows: Int
    /// Whether the data arrive feature-major (visible, rows), as a hidden layer's output, or
    /// sample-major (rows, visible), as the pixels.
    let featureMajorData: Bool
    let visibleBias: FloatBuffer
    let weightStep, hiddenStep, visibleStep: FloatBuffer
    let gradient: FloatBuffer
    let positiveHidden, hiddenStates, reconstruction, negativeHidden: FloatBuffer

    init(weights: UnsafeMutablePointer<Float>, hiddenBias: UnsafeMutablePointer<Float>, visible: Int, hidden: Int, rows: Int,
         featureMajorData: Bool) {
        self.weights = weights
        self.featureMajorData = featureMajorData
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

    /// One CD-1 update from data v (rows, visible); returns the batch's summed squared
    /// reconstruction error.
    func contrastiveDivergenceStep(data: UnsafePointer<Float>, settings: RBMSettings, momentum: Float,
                                   rng: inout Xoshiro256) -> Double {
        let scale = 1 / Float(rows)
        // v stored as (visible, rows) is vᵀ: the products read it transposed.
        let dataStride = featureMajorData ? rows : visible
        func v(_ r: Int, _ j: Int) -> Float { featureMajorData ? data[j * rows + r] : data[r * visible + j] }
        // Positive phase: p(h | v) = σ(v·Wᵀ + b_h); ⟨v hᵀ⟩_data into the gradient.
        gemm(featureMajorData, true, m: rows, n: hidden, k: visible, data, lda: dataStride, weights, ldb: visible, beta: 0,
             positiveHidden.pointer, ldc: hidden)
        sigmoid(positiveHidden.pointer, bias: hiddenBias, rows: rows, n: hidden)
        gemm(true, featureMajorData, m: hidden, n: visible, k: rows, alpha: scale, positiveHidden.pointer, lda: hidden, data, ldb: dataStride,
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
                let d = v(r, j) - reconstruction.pointer[r * visible + j]
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
