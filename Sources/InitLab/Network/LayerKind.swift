/// One layer of a network as an experiment describes it, from the input to the scores. A plan
/// (Plan) is compiled from a sequence of them.
///
/// A 2-D convolution, to come, is a node whose features are its output channels and whose
/// products are im2col + GEMM, cut between cores by channel as a dense layer is by feature.
public enum LayerKind: Sendable, Equatable {
    /// y = x·Wᵀ + b, W (outputs, inputs) as PyTorch's nn.Linear.weight. Without `bias` (before
    /// batch normalization, which subtracts it anyway, or a model without biases) b stays 0.
    case dense(outputs: Int, bias: Bool)
    /// PyTorch's BatchNorm1d over the features of the layer before.
    case batchNorm
    case activation(Activation)
    /// Inverted dropout with probability p, in training passes only.
    case dropout(Float)
    /// The last dense layer: raw scores (samples, classes) for the loss; without `bias`, b stays 0.
    case readout(classes: Int, bias: Bool)
    /// A residual block h ← h + α·f(h): `branch` (dense layers with their batch normalization,
    /// activation and dropout; the last one's width the stream's, and nothing after it) reads
    /// the stream, and a ResidualAdd at its end adds the stream back.
    case residual(branch: [LayerKind], scale: BranchScale)
    /// A learned scalar added to every feature of the layer before, in place (Fixup's scalar
    /// biases before an activation, after one, after a block's sum).
    case scalarShift
    /// A learned scalar added to the input of the dense layer before (Fixup's scalar bias before
    /// a product that reads the stream, and before the readout).
    case inputShift
}

extension ModelSpec {
    /// The lesson's stack: per hidden layer dense, (batch normalization,) activation and dropout;
    /// then the readout. A residual model: the input projection (a hidden layer as the lesson's),
    /// its blocks, the readout.
    public var layerKinds: [LayerKind] {
        if let residual { return residualKinds(residual) }
        let hidden = layers.dropFirst().dropLast()
        return hidden.flatMap { width -> [LayerKind] in
            [.dense(outputs: width, bias: bias && (linearBias || !batchNorm))] + (batchNorm ? [.batchNorm] : [])
                + [.activation(activation), .dropout(dropout)]
        } + [.readout(classes: layers[layers.count - 1], bias: bias)]
    }

    /// Post-activation batch normalization (the original ResNet's, without the ReLU after the
    /// sum) follows every product of a branch, its last one too; the activation and dropout
    /// follow every branch layer but the last.
    ///
    /// Fixup's blocks (Zhang, Dauphin & Ma 2019, its FixupBasicBlock without the ReLU after the
    /// sum) add its scalar biases: before the input projection's activation (`bias1`), before
    /// every product of a branch and every activation in it, after the branch's multiplier
    /// (`bias2b`, after the sum here: the same real numbers) and before the readout (`bias2`).
    private func residualKinds(_ residual: ResidualSpec) -> [LayerKind] {
        if batchNorm && residual.preActivation { return preactivationKinds(residual) }
        func dense(_ width: Int) -> [LayerKind] { [.dense(outputs: width, bias: bias && (linearBias || !batchNorm))] + (batchNorm ? [.batchNorm] : []) }
        let fixup = residual.fixup
        let gate: [LayerKind] = fixup ? [.scalarShift, .activation(activation), .dropout(dropout), .scalarShift]
            : [.activation(activation), .dropout(dropout)]
        let branch = residual.branch.enumerated().flatMap { i, width in
            dense(width) + (fixup && i == 0 ? [.inputShift] : []) + (i < residual.branch.count - 1 ? gate : [])
        }
        let block = [LayerKind.residual(branch: branch, scale: residual.branchScale)] + (fixup ? [.scalarShift] : [])
        let projection = dense(residual.width) + (fixup ? [.scalarShift] : []) + [.activation(activation), .dropout(dropout)]
        return projection + Array(repeating: block, count: residual.blocks).flatMap { $0 } + [.readout(classes: layers[layers.count - 1], bias: bias)]
            + (fixup ? [.inputShift] : [])
    }

    /// The pre-activation arrangement (He et al. 2016, "Identity Mappings in Deep Residual
    /// Networks"; their CIFAR networks in fb.resnet.torch's preresnet.lua, timm's ResNetV2): the
    /// input projection is a dense layer alone, since the first block normalizes what it reads;
    /// every branch layer is batch normalization → activation → dropout → dense, so a branch
    /// starts on the stream (a copy of it: the skip reads it unchanged) and ends with a product;
    /// after the last block a final batch normalization and activation precede the readout, as
    /// nothing normalizes the stream otherwise. A dense layer keeps its bias where the stream
    /// takes its output as it is (the projection, a branch's last), and drops it before a
    /// normalization unless `linearBias`.
    private func preactivationKinds(_ residual: ResidualSpec) -> [LayerKind] {
        let last = residual.branch.count - 1
        let branch = residual.branch.enumerated().flatMap { i, width -> [LayerKind] in
            [.batchNorm, .activation(activation), .dropout(dropout), .dense(outputs: width, bias: bias && (linearBias || i == last))]
        }
        let block = LayerKind.residual(branch: branch, scale: residual.branchScale)
        return [.dense(outputs: residual.width, bias: bias)] + Array(repeating: block, count: residual.blocks)
            + [.batchNorm, .activation(activation), .readout(classes: layers[layers.count - 1], bias: bias)]
    }

    /// Its layer kinds compiled: the segments, shapes and products of the network, without
    /// allocating it (what the cost estimates, the memory estimate and bench count).
    public var plan: Plan { Plan(layerKinds, inputWidth: layers[0]) }
}
