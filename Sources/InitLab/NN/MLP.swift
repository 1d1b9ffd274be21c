/// Where one dense layer y = x·Wᵀ + b keeps its parameters: W is (out, in) row-major, as
/// PyTorch's nn.Linear.weight, followed by b (out), and, when batch normalization follows the
/// layer, its γ (out) and β (out).
public struct DenseLayout: Sendable, Equatable {
    public let inputs: Int
    public let outputs: Int
    public let weightOffset: Int
    /// Where the layer's running mean (out), then running variance (out), start in the model's
    /// running statistics; nil without batch normalization.
    public let runningOffset: Int?

    public var normalized: Bool { runningOffset != nil }
    public var biasOffset: Int { weightOffset + inputs * outputs }
    public var gammaOffset: Int { biasOffset + outputs }
    public var betaOffset: Int { gammaOffset + outputs }
    public var parameterCount: Int { inputs * outputs + outputs + (normalized ? 2 * outputs : 0) }
}

/// A multilayer perceptron: dense layers with an activation and dropout after every hidden one,
/// optionally batch normalization between a hidden layer's product and its activation, raw
/// scores out. All parameters live in one contiguous buffer (layer by layer, W, b, then γ and β);
/// gradients, and the optimizer's state, share that layout, so an optimizer step is one loop.
public final class MLP: @unchecked Sendable {
    public let widths: [Int]
    public let layers: [DenseLayout]
    public let activation: Activation
    public let dropout: Float
    /// Whether hidden layers keep their linear bias b; without it (only with batch
    /// normalization, which subtracts it anyway) b stays 0: its gradient is set to 0.
    public let linearBias: Bool
    public let parameters: FloatBuffer
    public let gradients: FloatBuffer
    /// Batch normalization's running mean and variance (see DenseLayout.runningOffset), which
    /// training updates and evaluation uses; PyTorch's BatchNorm1d buffers, not parameters.
    public let running: FloatBuffer

    /// PyTorch's BatchNorm1d defaults.
    public static let batchNormMomentum: Float = 0.1, batchNormEpsilon: Float = 1e-5

    public init(widths: [Int], activation: Activation, dropout: Float, batchNorm: Bool = false, linearBias: Bool = true) {
        precondition(widths.count >= 2 && widths.allSatisfy { $0 >= 1 })
        precondition(linearBias || batchNorm)
        self.widths = widths
        self.activation = activation
        self.dropout = dropout
        self.linearBias = linearBias
        var offset = 0, runningCount = 0
        var layers: [DenseLayout] = []
        for (l, (inputs, outputs)) in zip(widths, widths.dropFirst()).enumerated() {
            let normalized = batchNorm && l < widths.count - 2
            let layer = DenseLayout(inputs: inputs, outputs: outputs, weightOffset: offset, runningOffset: normalized ? runningCount : nil)
            layers.append(layer)
            offset += layer.parameterCount
            if normalized { runningCount += 2 * outputs }
        }
        self.layers = layers
        parameters = FloatBuffer(count: offset)
        gradients = FloatBuffer(count: offset)
        running = FloatBuffer(count: runningCount)
        // γ starts at 1 and β at 0; the running variance at 1 and the mean at 0.
        for layer in layers where layer.normalized {
            (parameters.pointer + layer.gammaOffset).update(repeating: 1, count: layer.outputs)
            (running.pointer + layer.runningOffset! + layer.outputs).update(repeating: 1, count: layer.outputs)
        }
    }

    /// The network a model spec describes, its parameters zero but γ and the running variance.
    public convenience init(_ spec: ModelSpec) {
        self.init(widths: spec.layers, activation: spec.activation, dropout: spec.dropout, batchNorm: spec.batchNorm,
                  linearBias: spec.linearBias)
    }

    /// Per hidden layer, its width when batch normalization follows it, else 0: the sizes of
    /// the buffers that keep ẑ and 1/σ for the backward pass.
    var normalizedWidths: [Int] { layers.dropLast().map { $0.normalized ? $0.outputs : 0 } }

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
}
