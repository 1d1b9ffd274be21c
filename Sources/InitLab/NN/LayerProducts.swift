/// The matrix products of one dense layer in a training step of `rows` samples, in the layouts
/// training uses: hidden layers feature-major (zᵀ, hᵀ and their gradients are (features, rows),
/// see Workspace), the input x and the output layer's scores sample-major. This is the one
/// description of them: propagation computes these products, the partner core's cuts are
/// probed on them, the benchmark's sgemm reference times them and the FLOP counts add them up.
public struct LayerProducts: Sendable, Equatable {
    /// Hidden layer: zᵀ (out, rows) = W (out, in) · inputᵀ. Output layer: scores (rows, out) =
    /// input · Wᵀ. The input is x (rows, in) for the first layer, else hᵀ (in, rows) below.
    public let forward: ProductShape
    /// dW (out, in) = deltaᵀ · input.
    public let weightGradient: ProductShape
    /// The gradient of the layer's input, feature-major (in, rows) = Wᵀ · deltaᵀ; nil for the
    /// first layer, whose input is the data.
    public let inputGradient: ProductShape?

    public var all: [ProductShape] { [forward, weightGradient] + (inputGradient.map { [$0] } ?? []) }
    public var multiplyAdds: Double { all.reduce(0) { $0 + $1.flops / 2 } }
}

extension MLP {
    public func products(_ l: Int, rows: Int) -> LayerProducts {
        let layer = layers[l], first = l == 0
        guard l == layers.count - 1 else {
            return LayerProducts(
                forward: featureMajorForward(l, rows: rows),
                weightGradient: ProductShape(m: layer.outputs, n: layer.inputs, k: rows, transposeA: false, transposeB: !first),
                inputGradient: first ? nil : ProductShape(m: layer.inputs, n: rows, k: layer.outputs, transposeA: true, transposeB: false))
        }
        // The output layer's delta is dscores (rows, out), sample-major.
        return LayerProducts(
            forward: ProductShape(m: rows, n: layer.outputs, k: layer.inputs, transposeA: !first, transposeB: true),
            weightGradient: ProductShape(m: layer.outputs, n: layer.inputs, k: rows, transposeA: true, transposeB: !first),
            inputGradient: first ? nil : ProductShape(m: layer.inputs, n: rows, k: layer.outputs, transposeA: true, transposeB: true))
    }

    /// zᵀ (out, rows) = W · inputᵀ for layer l, feature-major: a hidden layer's forward, and how
    /// LSUV measures any layer's pre-activations.
    func featureMajorForward(_ l: Int, rows: Int) -> ProductShape {
        ProductShape(m: layers[l].outputs, n: rows, k: layers[l].inputs, transposeA: false, transposeB: l == 0)
    }

    /// Every product of one step, in the order training computes them: the forward products
    /// layer by layer, then from the last layer down each one's dW and its input's gradient.
    public func stepProducts(rows: Int) -> [ProductShape] {
        let all = layers.indices.map { products($0, rows: rows) }
        return all.map(\.forward) + all.reversed().flatMap { [$0.weightGradient] + ($0.inputGradient.map { [$0] } ?? []) }
    }

    /// The products whose rows are hidden layer l's features: its forward, its dW, and the
    /// next layer's input gradient when that layer is hidden too. A cut of the layer must keep
    /// the bits of all three.
    func hiddenLayerProducts(_ l: Int, rows: Int) -> [ProductShape] {
        let own = products(l, rows: rows)
        let next = l + 1 < hiddenLayerCount ? products(l + 1, rows: rows).inputGradient : nil
        return [own.forward, own.weightGradient] + (next.map { [$0] } ?? [])
    }

    /// FLOPs of one step's forward and backward products for `rows` samples.
    public func stepFlops(rows: Int) -> (forward: Double, backward: Double) {
        let all = layers.indices.map { products($0, rows: rows) }
        let forward = all.reduce(0) { $0 + $1.forward.flops }
        return (forward, all.reduce(0) { $0 + 2 * $1.multiplyAdds } - forward)
    }
}
