/// What a stretch of the parameter buffer is to the network.
public enum ParameterRole: String, Sendable {
    case weight, bias, gamma, beta
    /// A single learned number (a residual branch's scale, a readout multiplier).
    case scalar
}

/// One tensor of the network's single contiguous parameter buffer: where it starts, its shape
/// (rows, columns; a vector is (n, 1)), what it is, which dense layer it belongs to, its fans,
/// and its learning-rate multiplier (1 unless a parametrization scales it: muP's MuAdam and
/// MuSGD, a config's own multipliers; see LayerScaling). The gradients and the optimizer's state
/// share the parameters' layout, so the same table says where each of them is; initialization,
/// histograms, diagnostics, the memory estimate and the optimizer all read it.
public struct ParameterSegment: Sendable, Equatable {
    public let offset: Int
    public let rows: Int
    public let columns: Int
    public let role: ParameterRole
    /// The plan's dense layer (counted from 0) the segment belongs to: its own W and b, and the γ
    /// and β of the batch normalization after it.
    public let layer: Int
    /// The stage whose features are the segment's rows: a cut of that stage between two cores
    /// cuts the segment's rows too.
    public let stage: Int
    public let fanIn: Int
    public let fanOut: Int
    public var learningRateMultiplier: Float = 1

    public var count: Int { rows * columns }
    public var range: Range<Int> { offset..<offset + count }

    /// The part of the segment that features `features` of its stage own: whole rows.
    func rows(_ features: Range<Int>) -> Range<Int> {
        offset + features.lowerBound * columns..<offset + features.upperBound * columns
    }
}

extension Array where Element == ParameterSegment {
    /// The segment of `role` of dense layer `layer`, if the plan has one.
    func first(_ role: ParameterRole, of layer: Int) -> ParameterSegment? { first { $0.layer == layer && $0.role == role } }
}
