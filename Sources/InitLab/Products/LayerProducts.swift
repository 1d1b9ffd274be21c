/// The matrix products of one dense layer in a training step of `rows` samples, in the layouts
/// of its slots (Dense.products): hidden layers feature-major (zᵀ, hᵀ and their gradients are
/// (features, rows), see Plan), the input x and the readout's scores sample-major. This is the
/// one description of them: propagation computes these products, the partner core's cuts are
/// tried on them, the benchmark's sgemm reference times them and the FLOP counts add them up.
/// What a product of a dense layer computes in a step, as bench names it.
public enum ProductRole: String, Sendable {
    case forward, weightGradient = "weights' gradient", inputGradient = "input's gradient"
}

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
