import CKernels

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
        var bias = UnsafePointer(parameters.pointer + layer.biasOffset + features.lowerBound)
        if layer.normalized {
            normalize(l, features: features, workspace: workspace)
            // z now holds γ·ẑ: the activation adds β where it would add b.
            bias = UnsafePointer(parameters.pointer + layer.betaOffset + features.lowerBound)
        }
        if workspace.training {
            activateTraining(z + offset, gate: workspace.gates[l].pointer + offset, bias: bias, features: features.count,
                             samples: rows, activation: activation)
        } else {
            activateEvaluation(z + offset, bias: bias, features: features.count, samples: rows, activation: activation)
        }
    }

    /// Batch normalization of hidden layer l's features (z = W·inputᵀ, before its bias), in
    /// place, to γ·ẑ: with the batch's statistics in training (updating the running ones), with
    /// the running statistics in evaluation.
    func normalize(_ l: Int, features: Range<Int>, workspace: Workspace) {
        let layer = layers[l], rows = workspace.rows, f = features.lowerBound
        let z = workspace.outputs[l].pointer + f * rows
        let bias = parameters.pointer + layer.biasOffset + f, gamma = parameters.pointer + layer.gammaOffset + f
        let mean = running.pointer + layer.runningOffset! + f, variance = mean + layer.outputs
        if workspace.training {
            ckernels_batchnorm_training(z, bias, gamma, workspace.normalized[l].pointer + f * rows, workspace.inverseStd[l].pointer + f,
                                        mean, variance, MLP.batchNormMomentum, MLP.batchNormEpsilon, features.count, rows)
        } else {
            ckernels_batchnorm_evaluation(z, bias, gamma, mean, variance, MLP.batchNormEpsilon, features.count, rows)
        }
    }

    /// Hidden layer l's features: the gradient with respect to their output becomes the one
    /// with respect to their pre-activation (through dropout, f' and any batch normalization),
    /// in place, with the bias gradients (b's, or β's and γ's).
    func gateHidden(_ l: Int, features: Range<Int>, workspace: Workspace) {
        let layer = layers[l], rows = workspace.rows, f = features.lowerBound
        let delta = workspace.deltas[l].pointer + f * rows, gate = workspace.gates[l].pointer + f * rows
        guard layer.normalized else {
            return gateAndSum(delta, gate: gate, features: features.count, samples: rows, biasGradient: gradients.pointer + layer.biasOffset + f)
        }
        let betaGradient = gradients.pointer + layer.betaOffset + f
        gateAndSum(delta, gate: gate, features: features.count, samples: rows, biasGradient: betaGradient)
        let biasGradient = gradients.pointer + layer.biasOffset + f
        ckernels_batchnorm_backward(delta, workspace.normalized[l].pointer + f * rows, workspace.inverseStd[l].pointer + f,
                                    parameters.pointer + layer.gammaOffset + f, betaGradient, gradients.pointer + layer.gammaOffset + f,
                                    linearBias ? biasGradient : nil, features.count, rows)
        if !linearBias { biasGradient.update(repeating: 0, count: features.count) }
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
        gateHidden(last - 1, features: 0..<layer.inputs, workspace: workspace)
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
        gateHidden(l - 1, features: inputFeatures, workspace: workspace)
    }
}
