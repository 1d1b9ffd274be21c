/// What the diagnostics saw in one residual block (#24, item 3), on the probe batch: the
/// stream after the block, the gradient arriving there (at initialization), and the branch
/// multiplier α (Fixup's multiplier is its trained α). A plain stack has none; results.json
/// then writes no `blocks`.
public struct BlockDiagnostics: Sendable, Equatable {
    /// 1-based.
    public var block: Int
    /// The block's last dense layer (1-based), whose output slot the sum writes the stream into.
    public var layer: Int
    /// The residual stream h after the block: std over its features × probe images.
    public var streamStd: Double?
    /// At initialization, the std of the probe batch's mean cross-entropy's gradient with
    /// respect to that stream (0 where the gradient is zero up to rounding, as a layer's).
    public var streamGradientStd: Double?
    /// α as the sum applies it: a fixed one, or a trained one's value at that moment.
    public var alpha: Double?

    public init(block: Int, layer: Int, streamStd: Double? = nil, streamGradientStd: Double? = nil, alpha: Double? = nil) {
        self.block = block
        self.layer = layer
        self.streamStd = streamStd
        self.streamGradientStd = streamGradientStd
        self.alpha = alpha
    }

    /// results.json's names, in the order they are written; a number that is not finite is null.
    static let fields: [(key: String, path: WritableKeyPath<BlockDiagnostics, Double?>)] = [
        ("stream_std", \.streamStd), ("stream_gradient_std", \.streamGradientStd), ("alpha", \.alpha),
    ]

    var json: JSON {
        .object([("block", .number(Double(block))), ("layer", .number(Double(layer)))]
                + Self.fields.map { ($0.key, self[keyPath: $0.path].flatMap { $0.isFinite ? JSON($0) : nil } ?? .null) })
    }

    init(json: JSON) throws {
        let reader = JSONFields(json, what: "diagnostics block")
        self.init(block: try reader.integer("block"), layer: try reader.integer("layer"))
        for field in Self.fields { self[keyPath: field.path] = try reader.optionalNumber(field.key) }
    }

    /// The blocks of `network` from the stream std each sum left (by the sum's stage) and the
    /// layers' gradient stds (the stream's is its last layer's output gradient).
    static func blocks(_ network: Network, streams: [Int: Double], layers: [LayerDiagnostics]) -> [BlockDiagnostics] {
        let sums = network.plan.stages.flatMap(\.nodes).compactMap { $0 as? ResidualAdd }
        return sums.enumerated().map { b, sum in
            var alpha: Double?
            if let segment = sum.trainedScale { alpha = Double(network.parameters.pointer[segment.offset]) }
            if case .fixed(let value) = sum.branchScale { alpha = Double(value) }
            let entry = BlockDiagnostics(block: b + 1, layer: sum.stage + 1, streamStd: streams[sum.stage],
                                         streamGradientStd: layers.indices.contains(sum.stage) ? layers[sum.stage].outputGradientStd : nil,
                                         alpha: alpha)
            return entry.finite
        }
    }

    var finite: BlockDiagnostics {
        var copy = self
        for field in Self.fields { copy[keyPath: field.path] = self[keyPath: field.path].flatMap { $0.isFinite ? $0 : nil } }
        return copy
    }
}
