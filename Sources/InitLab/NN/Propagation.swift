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
            workspace.cores.split(.forward(layer: l)) { forwardHidden(l, on: .main, workspace: workspace) }
        }
        let last = layers.count - 1, layer = layers[last]
        // scores (rows, classes) = input · Wᵀ
        workspace.compute(Product(products(last, rows: rows).forward, input(of: last, workspace: workspace),
                                  parameters.pointer + layer.weightOffset, into: workspace.scores.pointer), on: .main)
        addBias(workspace.scores.pointer, bias: parameters.pointer + layer.biasOffset, rows: rows, n: layer.outputs)
    }

    /// Hidden layer l, the features of `core` only: zᵀ = W·inputᵀ, then bias, activation and
    /// (training) dropout.
    func forwardHidden(_ l: Int, on core: Core, workspace: Workspace) {
        let features = workspace.cores.features(l, on: core)
        guard !features.isEmpty else { return }
        let layer = layers[l], rows = workspace.rows
        let z = workspace.outputs[l].pointer
        let product = Product(products(l, rows: rows).forward, parameters.pointer + layer.weightOffset,
                              input(of: l, workspace: workspace), into: z)
        workspace.compute(product.rows(features), on: core)
        let offset = features.lowerBound * rows
        let bias = parameters.pointer + layer.biasOffset + features.lowerBound
        if workspace.training {
            activateTraining(z + offset, gate: workspace.gates[l].pointer + offset, bias: bias, features: features.count,
                             samples: rows, activation: activation)
        } else {
            activateEvaluation(z + offset, bias: bias, features: features.count, samples: rows, activation: activation)
        }
    }

    /// Layer l's input: the batch x (rows, in) for the first layer, else hᵀ (in, rows) below.
    func input(of l: Int, workspace: Workspace) -> UnsafePointer<Float> {
        l == 0 ? workspace.x! : UnsafePointer(workspace.outputs[l - 1].pointer)
    }

    /// Mean cross-entropy of the last forward's scores; leaves its gradient in the workspace.
    public func loss(labels: [Int32], rows: Int, workspace: Workspace) -> Float {
        labels.withUnsafeBufferPointer { loss(labels: $0.baseAddress!, rows: rows, workspace: workspace) }
    }

    public func loss(labels: UnsafePointer<Int32>, rows: Int, workspace: Workspace) -> Float {
        softmaxCrossEntropy(scores: workspace.scores.pointer, labels: labels, rows: rows, classes: classCount,
                            dscores: workspace.dscores.pointer)
    }

    /// Gradients of the last training forward's loss into `gradients` (overwritten, not
    /// accumulated: every step starts from zero, so no separate zero-grad pass is needed).
    public func backward(workspace: Workspace) {
        let rows = workspace.rows
        let last = layers.count - 1, layer = layers[last], shapes = products(last, rows: rows)
        let dscores = UnsafePointer(workspace.dscores.pointer)
        // dW (classes, in) = dscoresᵀ · input
        workspace.compute(Product(shapes.weightGradient, dscores, input(of: last, workspace: workspace),
                                  into: gradients.pointer + layer.weightOffset), on: .main)
        columnSums(dscores, rows: rows, n: layer.outputs, into: gradients.pointer + layer.biasOffset)
        guard let inputGradient = shapes.inputGradient else { return }
        // dhᵀ (in, rows) = Wᵀ · dscoresᵀ, then through dropout and f'
        let delta = workspace.deltas[last - 1].pointer
        workspace.compute(Product(inputGradient, parameters.pointer + layer.weightOffset, dscores, into: delta), on: .main)
        gateAndSum(delta, gate: workspace.gates[last - 1].pointer, features: layer.inputs, samples: rows,
                   biasGradient: gradients.pointer + layers[last - 1].biasOffset)
        for l in stride(from: last - 1, through: 0, by: -1) {
            workspace.cores.split(.backward(layer: l)) { backwardHidden(l, on: .main, workspace: workspace) }
        }
    }

    /// Hidden layer l's weight gradient for the features of `core`, and the gradient of its input
    /// for the features of `core` in layer l − 1, through that layer's dropout and f', with that
    /// layer's bias gradient. (Layer l's own bias gradient came with its delta.)
    func backwardHidden(_ l: Int, on core: Core, workspace: Workspace) {
        let layer = layers[l], rows = workspace.rows, shapes = products(l, rows: rows)
        let features = workspace.cores.features(l, on: core)
        let delta = UnsafePointer(workspace.deltas[l].pointer)
        if !features.isEmpty {
            // dW (out, in) = deltaᵀ · input
            let product = Product(shapes.weightGradient, delta, input(of: l, workspace: workspace), into: gradients.pointer + layer.weightOffset)
            workspace.compute(product.rows(features), on: core)
        }
        guard let inputGradient = shapes.inputGradient else { return }
        let inputFeatures = workspace.cores.features(l - 1, on: core)
        guard !inputFeatures.isEmpty else { return }
        // dhᵀ (in, rows) of layer l − 1 = Wᵀ · deltaᵀ
        let dinput = workspace.deltas[l - 1].pointer
        let product = Product(inputGradient, parameters.pointer + layer.weightOffset, delta, into: dinput)
        workspace.compute(product.rows(inputFeatures), on: core)
        let offset = inputFeatures.lowerBound * rows
        gateAndSum(dinput + offset, gate: workspace.gates[l - 1].pointer + offset, features: inputFeatures.count, samples: rows,
                   biasGradient: gradients.pointer + layers[l - 1].biasOffset + inputFeatures.lowerBound)
    }
}
