/// One layer of a network as an experiment describes it, from the input to the scores. A plan
/// (Plan) is compiled from a sequence of them.
///
/// The kinds to come fit the same plan: a residual block is a node whose input slot is read twice
/// (its branch and the skip), so the gradient of that slot is written by the first and
/// accumulated (β = 1) by the second (Plan.gradientWrites), and the backward pass routes each
/// gradient to the stage that made its slot (Plan.producer), not to the stage below; its branch
/// scale is a node attribute. A
/// 2-D convolution is a node whose features are its output channels and whose products are
/// im2col + GEMM, cut between cores by channel as a dense layer is by feature.
public enum LayerKind: Sendable, Equatable {
    /// y = x·Wᵀ + b, W (outputs, inputs) as PyTorch's nn.Linear.weight. Without `bias` (only
    /// before batch normalization, which subtracts it anyway) b stays 0.
    case dense(outputs: Int, bias: Bool)
    /// PyTorch's BatchNorm1d over the features of the layer before.
    case batchNorm
    case activation(Activation)
    /// Inverted dropout with probability p, in training passes only.
    case dropout(Float)
    /// The last dense layer: raw scores (samples, classes) for the loss.
    case readout(classes: Int)
}

extension ModelSpec {
    /// The lesson's stack: per hidden layer dense, (batch normalization,) activation and dropout;
    /// then the readout.
    public var layerKinds: [LayerKind] {
        let hidden = layers.dropFirst().dropLast()
        return hidden.flatMap { width -> [LayerKind] in
            [.dense(outputs: width, bias: linearBias || !batchNorm)] + (batchNorm ? [.batchNorm] : [])
                + [.activation(activation), .dropout(dropout)]
        } + [.readout(classes: layers[layers.count - 1])]
    }

    /// Its layer kinds compiled: the segments, shapes and products of the network, without
    /// allocating it (what the cost estimates, the memory estimate and bench count).
    public var plan: Plan { Plan(layerKinds, inputWidth: layers[0]) }
}
