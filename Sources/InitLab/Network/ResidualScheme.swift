import Foundation

/// The initializations made for residual networks, as a config names them
/// (`"residual": {"scheme": "fixup"}`). A scheme fixes what its paper fixes: the branch
/// multiplier α, batch normalization and, for Fixup, the layers it initializes itself and the
/// scalar parameters it adds. Every other layer (the input projection, and for the other schemes
/// all of them) takes the strategy's initializers, so a strategy reproducing the papers gives
/// `"weights": "kaiming_normal"` beside its scheme.
public enum ResidualScheme: String, CaseIterable, Sendable {
    /// The plain residual block h ← h + f(h): α = 1, no normalization. With He weights its
    /// stream's variance grows about ×3 per Linear → ReLU → Linear block (a branch that starts
    /// with its activation doubles it: 2^L at L blocks).
    case he
    /// The same with batch normalization after every product (the original ResNet's arrangement
    /// without the ReLU after the sum): the baseline the other schemes replace normalization for.
    case heBatchNorm = "he_batch_norm"
    /// The same with the pre-activation arrangement (He et al. 2016, "Identity Mappings in Deep
    /// Residual Networks"): BN → activation → dense in every branch layer, the final BN and
    /// activation before the readout.
    case heBatchNormPre = "he_batch_norm_pre"
    /// Zhang, Dauphin & Ma 2019: per block, a scalar bias before each product and each
    /// activation, a trained multiplier (from 1) and a scalar bias after the branch; the
    /// branch's last layer and the readout start at 0, its other layers He normal scaled by
    /// L^(−1/(2m−2)) for m layers per branch; a scalar bias before the readout too. No
    /// normalization.
    case fixup
    /// De & Smith 2020: a trained scalar α per branch from 0, no normalization.
    case skipinit
    /// Bachlechner et al. 2020: α = 0, trained, no normalization. On these MLP blocks it is
    /// SkipInit's definition; the papers differ in the architectures they apply it to.
    case rezero
    /// Depth-muP's branch scaling (Yang et al. 2023; Bordelon et al. 2023): α = 1/√L, fixed.
    case inverseSqrtDepth = "inverse_sqrt_depth"

    /// The branch multiplier the scheme prescribes (Fixup's multiplier is a trained α from 1).
    var alpha: ResidualSpec.Alpha {
        switch self {
        case .he, .heBatchNorm, .heBatchNormPre: return .fixed(1)
        case .fixup: return .trained(initial: 1)
        case .skipinit, .rezero: return .trained(initial: 0)
        case .inverseSqrtDepth: return .inverseSqrtDepth
        }
    }

    var batchNorm: Bool { self == .heBatchNorm || self == .heBatchNormPre }
    var preActivation: Bool { self == .heBatchNormPre }
}

extension ResidualSpec {
    /// Whether the blocks carry Fixup's scalar biases.
    public var fixup: Bool { scheme == .fixup }

    /// Fixup's scale of a branch's He-initialized layers: L^(−1/(2m−2)) for L blocks of m layers
    /// (m ≥ 2; two layers per branch: 1/√L).
    public var fixupScale: Double { pow(Double(blocks), -1 / Double(2 * branch.count - 2)) }

    /// The initializers a scheme imposes on dense layer `layer` (counted from 0: the input
    /// projection, each block's branch in order, the readout), if it imposes any: Fixup's He
    /// normal (fan-in, gain √2) times its scale for a branch's inner layers, zeros for a
    /// branch's last layer and the readout, zero biases for all of them (Fixup's products have
    /// none; these layers keep theirs at 0 to start).
    public func schemeInitializers(layer: Int) -> (weights: Initializer, biases: Initializer)? {
        guard fixup, layer >= 1 else { return nil }
        let readout = 1 + blocks * branch.count
        if layer >= readout { return (.constant(0), .constant(0)) }
        let position = (layer - 1) % branch.count
        if position == branch.count - 1 { return (.constant(0), .constant(0)) }
        return (.kaimingNormal(gain: Float(2.0.squareRoot() * fixupScale), mode: .fanIn), .constant(0))
    }
}
