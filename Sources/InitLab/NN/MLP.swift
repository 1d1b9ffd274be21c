/// Where one dense layer y = x·Wᵀ + b keeps its parameters: W is (out, in) row-major, as
/// PyTorch's nn.Linear.weight, followed by b (out).
public struct DenseLayout: Sendable, Equatable {
    public let inputs: Int
    public let outputs: Int
    public let weightOffset: Int
    public var biasOffset: Int { weightOffset + inputs * outputs }
    public var parameterCount: Int { inputs * outputs + outputs }
}

/// A multilayer perceptron: dense layers with an activation and dropout after every hidden one,
/// raw scores out. All parameters live in one contiguous buffer (layer by layer, W then b);
/// gradients, and the optimizer's state, share that layout, so an optimizer step is one loop.
public final class MLP: @unchecked Sendable {
    public let widths: [Int]
    public let layers: [DenseLayout]
    public let activation: Activation
    public let dropout: Float
    public let parameters: FloatBuffer
    public let gradients: FloatBuffer

    public init(widths: [Int], activation: Activation, dropout: Float) {
        precondition(widths.count >= 2 && widths.allSatisfy { $0 >= 1 })
        self.widths = widths
        self.activation = activation
        self.dropout = dropout
        var offset = 0
        var layers: [DenseLayout] = []
        for (inputs, outputs) in zip(widths, widths.dropFirst()) {
            let layer = DenseLayout(inputs: inputs, outputs: outputs, weightOffset: offset)
            layers.append(layer)
            offset += layer.parameterCount
        }
        self.layers = layers
        parameters = FloatBuffer(count: offset)
        gradients = FloatBuffer(count: offset)
    }

    public var inputWidth: Int { widths[0] }
    public var classCount: Int { widths[widths.count - 1] }

    public func weights(_ layer: Int) -> UnsafeMutableBufferPointer<Float> {
        let l = layers[layer]
        return UnsafeMutableBufferPointer(start: parameters.pointer + l.weightOffset, count: l.inputs * l.outputs)
    }

    public func biases(_ layer: Int) -> UnsafeMutableBufferPointer<Float> {
        let l = layers[layer]
        return UnsafeMutableBufferPointer(start: parameters.pointer + l.biasOffset, count: l.outputs)
    }

    /// Multiply-adds of one forward pass for `rows` samples (the FLOP count is twice this).
    public func forwardMultiplyAdds(rows: Int) -> Int { layers.reduce(0) { $0 + rows * $1.inputs * $1.outputs } }

    /// Multiply-adds of one backward pass: dW for every layer, dx for all but the first.
    public func backwardMultiplyAdds(rows: Int) -> Int {
        layers.enumerated().reduce(0) { $0 + rows * $1.element.inputs * $1.element.outputs * ($1.offset == 0 ? 1 : 2) }
    }
}

/// The activations and gradients of one batch, allocated once per run for the largest batch.
/// For hidden layer l: `outputs[l]` is (rows, width) = the layer's output after activation and
/// dropout, `gates[l]` the factor f'(z)·mask, `deltas[l]` the gradient of the loss with respect to
/// the layer's output, then (in place) to its pre-activation. `scores`/`dscores` are the last layer's.
public final class Workspace: @unchecked Sendable {
    public let capacity: Int
    let outputs: [FloatBuffer]
    let gates: [FloatBuffer]
    let deltas: [FloatBuffer]
    public let scores: FloatBuffer
    let dscores: FloatBuffer
    /// Seconds spent inside the matrix products so far, to tell them from everything else.
    public var productSeconds = 0.0

    public init(model: MLP, capacity: Int) {
        self.capacity = capacity
        let hidden = model.widths.dropFirst().dropLast()
        outputs = hidden.map { FloatBuffer(count: capacity * $0) }
        gates = hidden.map { FloatBuffer(count: capacity * $0) }
        deltas = hidden.map { FloatBuffer(count: capacity * $0) }
        scores = FloatBuffer(count: capacity * model.classCount)
        dscores = FloatBuffer(count: capacity * model.classCount)
    }
}

extension MLP {
    /// Scores (rows, classes) for inputs x (rows, widths[0]), into `workspace.scores`. With a
    /// dropout stream (training), each hidden layer draws its mask and keeps its gate for
    /// backward; without one (evaluation), no dropout.
    public func forward(_ x: UnsafePointer<Float>, rows: Int, workspace: Workspace, dropout stream: inout DropoutStream?) {
        precondition(rows <= workspace.capacity)
        var input = x
        for (l, layer) in layers.enumerated() {
            let weights = UnsafePointer(parameters.pointer + layer.weightOffset)
            let bias = UnsafePointer(parameters.pointer + layer.biasOffset)
            let isLast = l == layers.count - 1
            let z = isLast ? workspace.scores.pointer : workspace.outputs[l].pointer
            // z (rows, out) = input (rows, in) · Wᵀ, W (out, in)
            let start = monotonicSeconds()
            gemm(false, true, m: rows, n: layer.outputs, k: layer.inputs, input, lda: layer.inputs,
                 weights, ldb: layer.inputs, beta: 0, z, ldc: layer.outputs)
            workspace.productSeconds += monotonicSeconds() - start
            if isLast {
                addBias(z, bias: bias, rows: rows, n: layer.outputs)
            } else if stream != nil {
                let gate = workspace.gates[l].pointer
                fillDropoutMask(gate, count: rows * layer.outputs, p: dropout, stream: &stream!)
                activateTraining(z, gate: gate, bias: bias, rows: rows, n: layer.outputs, activation: activation)
            } else {
                activateEvaluation(z, bias: bias, rows: rows, n: layer.outputs, activation: activation)
            }
            input = UnsafePointer(z)
        }
    }

    /// Mean cross-entropy of the last forward's scores; leaves its gradient in the workspace.
    public func loss(labels: UnsafePointer<Int32>, rows: Int, workspace: Workspace) -> Float {
        softmaxCrossEntropy(scores: workspace.scores.pointer, labels: labels, rows: rows, classes: classCount,
                            dscores: workspace.dscores.pointer)
    }

    /// Gradients of the last training forward's loss into `gradients` (overwritten, not
    /// accumulated: every step starts from zero, so no separate zero-grad pass is needed).
    public func backward(_ x: UnsafePointer<Float>, rows: Int, workspace: Workspace) {
        var delta = UnsafePointer(workspace.dscores.pointer)
        for l in stride(from: layers.count - 1, through: 0, by: -1) {
            let layer = layers[l]
            let input = l == 0 ? x : UnsafePointer(workspace.outputs[l - 1].pointer)
            let dweights = gradients.pointer + layer.weightOffset
            // dW (out, in) = deltaᵀ (out, rows) · input (rows, in)
            var start = monotonicSeconds()
            gemm(true, false, m: layer.outputs, n: layer.inputs, k: rows, delta, lda: layer.outputs,
                 input, ldb: layer.inputs, beta: 0, dweights, ldc: layer.inputs)
            workspace.productSeconds += monotonicSeconds() - start
            sumRows(delta, rows: rows, n: layer.outputs, into: gradients.pointer + layer.biasOffset)
            guard l > 0 else { break }
            // dinput (rows, in) = delta (rows, out) · W (out, in), then through dropout and f'
            let dinput = workspace.deltas[l - 1].pointer
            start = monotonicSeconds()
            gemm(false, false, m: rows, n: layer.inputs, k: layer.outputs, delta, lda: layer.outputs,
                 parameters.pointer + layer.weightOffset, ldb: layer.inputs, beta: 0, dinput, ldc: layer.inputs)
            workspace.productSeconds += monotonicSeconds() - start
            multiply(dinput, by: workspace.gates[l - 1].pointer, count: rows * layer.inputs)
            delta = UnsafePointer(dinput)
        }
    }
}
