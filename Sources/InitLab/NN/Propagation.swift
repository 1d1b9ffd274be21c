/// Forward and backward passes. Every hidden layer is computed as blocks of features (see
/// Workspace): the whole layer on one core, or the features before the cut here and the rest on a
/// partner core, with the same bits either way.
extension MLP {
    var hiddenLayerCount: Int { layers.count - 1 }

    /// Scores (rows, classes) for inputs x (rows, widths[0]), into `workspace.scores`. With a
    /// dropout stream (training), each hidden layer draws its mask (feature-major, in the order of
    /// `outputs`) and keeps its gate for backward; without one (evaluation), no dropout.
    public func forward(_ x: UnsafePointer<Float>, rows: Int, workspace: Workspace, dropout stream: inout DropoutStream?) {
        workspace.begin(x: x, rows: rows, training: stream != nil)
        for l in 0..<hiddenLayerCount {
            if stream != nil {
                fillDropoutMask(workspace.gates[l].pointer, count: rows * layers[l].outputs, p: dropout, stream: &stream!)
            }
            workspace.split(.forward(layer: l)) { forwardHidden(l, on: .main, workspace: workspace) }
        }
        let last = layers.count - 1, layer = layers[last]
        let weights = UnsafePointer(parameters.pointer + layer.weightOffset)
        // scores (rows, classes) = input (rows, in) · Wᵀ, the input being x or the last hidden layer's hᵀ
        let product = last == 0
            ? Product(false, true, m: rows, n: layer.outputs, k: layer.inputs, x, lda: layer.inputs,
                      weights, ldb: layer.inputs, beta: 0, workspace.scores.pointer, ldc: layer.outputs)
            : Product(true, true, m: rows, n: layer.outputs, k: layer.inputs, workspace.outputs[last - 1].pointer, lda: rows,
                      weights, ldb: layer.inputs, beta: 0, workspace.scores.pointer, ldc: layer.outputs)
        workspace.compute(product, on: .main)
        addBias(workspace.scores.pointer, bias: parameters.pointer + layer.biasOffset, rows: rows, n: layer.outputs)
    }

    /// Hidden layer l, the features of `core` only: zᵀ = W·inputᵀ, then bias, activation and
    /// (training) dropout.
    func forwardHidden(_ l: Int, on core: Core, workspace: Workspace) {
        let features = workspace.features(l, on: core)
        guard !features.isEmpty else { return }
        let layer = layers[l], rows = workspace.rows
        let z = workspace.outputs[l].pointer
        workspace.compute(hiddenProduct(l, rows: rows, workspace: workspace, into: z).rows(features), on: core)
        let offset = features.lowerBound * rows
        let bias = parameters.pointer + layer.biasOffset + features.lowerBound
        if workspace.training {
            activateTraining(z + offset, gate: workspace.gates[l].pointer + offset, bias: bias, features: features.count,
                             samples: rows, activation: activation)
        } else {
            activateEvaluation(z + offset, bias: bias, features: features.count, samples: rows, activation: activation)
        }
    }

    /// zᵀ (out, rows) = W (out, in) · inputᵀ for hidden layer l: the input is x (rows, in) for the
    /// first layer, else the previous layer's hᵀ (in, rows).
    func hiddenProduct(_ l: Int, rows: Int, workspace: Workspace, into z: UnsafeMutablePointer<Float>) -> Product {
        let layer = layers[l]
        let weights = UnsafePointer(parameters.pointer + layer.weightOffset)
        return l == 0
            ? Product(false, true, m: layer.outputs, n: rows, k: layer.inputs, weights, lda: layer.inputs,
                      workspace.x!, ldb: layer.inputs, beta: 0, z, ldc: rows)
            : Product(false, false, m: layer.outputs, n: rows, k: layer.inputs, weights, lda: layer.inputs,
                      workspace.outputs[l - 1].pointer, ldb: rows, beta: 0, z, ldc: rows)
    }

    /// Mean cross-entropy of the last forward's scores; leaves its gradient in the workspace.
    public func loss(labels: UnsafePointer<Int32>, rows: Int, workspace: Workspace) -> Float {
        softmaxCrossEntropy(scores: workspace.scores.pointer, labels: labels, rows: rows, classes: classCount,
                            dscores: workspace.dscores.pointer)
    }

    /// Gradients of the last training forward's loss into `gradients` (overwritten, not
    /// accumulated: every step starts from zero, so no separate zero-grad pass is needed).
    public func backward(workspace: Workspace) {
        let rows = workspace.rows
        let last = layers.count - 1, layer = layers[last]
        let dscores = UnsafePointer(workspace.dscores.pointer)
        let dweights = gradients.pointer + layer.weightOffset
        // dW (classes, in) = dscoresᵀ (classes, rows) · input (rows, in)
        let product = last == 0
            ? Product(true, false, m: layer.outputs, n: layer.inputs, k: rows, dscores, lda: layer.outputs,
                      workspace.x!, ldb: layer.inputs, beta: 0, dweights, ldc: layer.inputs)
            : Product(true, true, m: layer.outputs, n: layer.inputs, k: rows, dscores, lda: layer.outputs,
                      workspace.outputs[last - 1].pointer, ldb: rows, beta: 0, dweights, ldc: layer.inputs)
        workspace.compute(product, on: .main)
        columnSums(dscores, rows: rows, n: layer.outputs, into: gradients.pointer + layer.biasOffset)
        guard last > 0 else { return }
        // dhᵀ (in, rows) = Wᵀ (in, classes) · dscoresᵀ (classes, rows), then through dropout and f'
        let delta = workspace.deltas[last - 1].pointer
        workspace.compute(Product(true, true, m: layer.inputs, n: rows, k: layer.outputs, parameters.pointer + layer.weightOffset,
                                  lda: layer.inputs, dscores, ldb: layer.outputs, beta: 0, delta, ldc: rows), on: .main)
        gateAndSum(delta, gate: workspace.gates[last - 1].pointer, features: layer.inputs, samples: rows,
                   biasGradient: gradients.pointer + layers[last - 1].biasOffset)
        for l in stride(from: last - 1, through: 0, by: -1) {
            workspace.split(.backward(layer: l)) { backwardHidden(l, on: .main, workspace: workspace) }
        }
    }

    /// Hidden layer l's weight gradient for the features of `core`, and the gradient of its input
    /// for the features of `core` in layer l − 1, through that layer's dropout and f', with that
    /// layer's bias gradient. (Layer l's own bias gradient came with its delta.)
    func backwardHidden(_ l: Int, on core: Core, workspace: Workspace) {
        let layer = layers[l], rows = workspace.rows
        let features = workspace.features(l, on: core)
        let delta = UnsafePointer(workspace.deltas[l].pointer)
        if !features.isEmpty {
            let dweights = gradients.pointer + layer.weightOffset
            // dW (out, in) = deltaᵀ (out, rows) · input (rows, in), the input being x or hᵀ of layer l − 1
            let product = l == 0
                ? Product(false, false, m: layer.outputs, n: layer.inputs, k: rows, delta, lda: rows,
                          workspace.x!, ldb: layer.inputs, beta: 0, dweights, ldc: layer.inputs)
                : Product(false, true, m: layer.outputs, n: layer.inputs, k: rows, delta, lda: rows,
                          workspace.outputs[l - 1].pointer, ldb: rows, beta: 0, dweights, ldc: layer.inputs)
            workspace.compute(product.rows(features), on: core)
        }
        guard l > 0 else { return }
        let inputFeatures = workspace.features(l - 1, on: core)
        guard !inputFeatures.isEmpty else { return }
        // dhᵀ (in, rows) of layer l − 1 = Wᵀ (in, out) · deltaᵀ (out, rows)
        let dinput = workspace.deltas[l - 1].pointer
        let product = Product(true, false, m: layer.inputs, n: rows, k: layer.outputs, parameters.pointer + layer.weightOffset,
                              lda: layer.inputs, delta, ldb: rows, beta: 0, dinput, ldc: rows)
        workspace.compute(product.rows(inputFeatures), on: core)
        let offset = inputFeatures.lowerBound * rows
        gateAndSum(dinput + offset, gate: workspace.gates[l - 1].pointer + offset, features: inputFeatures.count, samples: rows,
                   biasGradient: gradients.pointer + layers[l - 1].biasOffset + inputFeatures.lowerBound)
    }

    /// The products whose rows are hidden layer l's features, for a batch of `rows`: its forward,
    /// its dW, and the next layer's dx when that layer is hidden too. A cut of the layer must
    /// keep the bits of all three.
    func hiddenLayerProducts(_ l: Int, rows: Int) -> [ProductShape] {
        let layer = layers[l]
        var shapes = [
            ProductShape(m: layer.outputs, n: rows, k: layer.inputs, transposeA: false, transposeB: l == 0),
            ProductShape(m: layer.outputs, n: layer.inputs, k: rows, transposeA: false, transposeB: l > 0),
        ]
        if l + 1 < hiddenLayerCount {
            shapes.append(ProductShape(m: layer.outputs, n: rows, k: layers[l + 1].outputs, transposeA: true, transposeB: false))
        }
        return shapes
    }
}
