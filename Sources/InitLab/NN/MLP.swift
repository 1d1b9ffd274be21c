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
}
