/// The diagnostics in results.json (`diagnostics` of a run), read back by the same code. A
/// statistic a layer does not have, or that is not finite (a diverging run's), is null.
extension LayerDiagnostics {
    /// results.json's names of the statistics, in the order they are written.
    static let fields: [(key: String, path: WritableKeyPath<LayerDiagnostics, Double?>)] = [
        ("weight_std", \.weightStd),
        ("preactivation_mean", \.preactivationMean), ("preactivation_std", \.preactivationStd),
        ("activation_mean", \.activationMean), ("activation_std", \.activationStd),
        ("dead_fraction", \.deadFraction), ("saturated_fraction", \.saturatedFraction),
        ("output_gradient_std", \.outputGradientStd), ("weight_gradient_std", \.weightGradientStd),
        ("weight_gradient_norm", \.weightGradientNorm), ("update_ratio", \.updateRatio),
    ]

    var json: JSON {
        .object([("layer", .number(Double(layer))), ("batch_norm", .bool(batchNorm)), ("symmetric", symmetric.map(JSON.bool) ?? .null)]
                 + Self.fields.map { ($0.key, self[keyPath: $0.path].map(JSON.init) ?? .null) })
    }

    init(json: JSON) throws {
        let reader = JSONFields(json, what: "diagnostics layer")
        self.init(layer: try reader.integer("layer"))
        switch json["batch_norm"] {
        case .bool(let value)?: batchNorm = value
        case nil: batchNorm = false
        default: throw JSONFieldError(message: "diagnostics layer: batch_norm is not true or false")
        }
        switch json["symmetric"] {
        case .bool(let value)?: symmetric = value
        case .null?, nil: symmetric = nil
        default: throw JSONFieldError(message: "diagnostics layer: symmetric is not true, false or null")
        }
        for field in Self.fields { self[keyPath: field.path] = try reader.optionalNumber(field.key) }
    }
}

extension RunDiagnostics {
    var json: JSON {
        .object([
            ("probe_images", .number(Double(probeImages))),
            ("init", .object([("layers", .array(initial.map(\.json)))] + Self.blocksJSON(initialBlocks)
                             + (initialBlocks.isEmpty ? [] : [("projection_stream_std", projectionStreamStd.map(JSON.init) ?? .null)]))),
            ("steps", .array(steps.map { .object([("step", .number(Double($0.step))), ("layers", .array($0.layers.map(\.json)))]
                                                 + Self.blocksJSON($0.blocks)) })),
        ] + (jacobian.map { [("jacobian", $0.json)] } ?? []))
    }

    init(json: JSON) throws {
        let reader = JSONFields(json, what: "diagnostics")
        func layers(_ json: JSON?) throws -> [LayerDiagnostics] {
            guard case .array(let entries)? = json?["layers"] else { throw JSONFieldError(message: "diagnostics: no layers array") }
            return try entries.map(LayerDiagnostics.init(json:))
        }
        // A plain stack's have no blocks array.
        func blocks(_ json: JSON?) throws -> [BlockDiagnostics] {
            switch json?["blocks"] {
            case nil: return []
            case .array(let entries)?: return try entries.map(BlockDiagnostics.init(json:))
            default: throw JSONFieldError(message: "diagnostics: blocks is not an array")
            }
        }
        guard case .array(let steps)? = json["steps"] else { throw JSONFieldError(message: "diagnostics: no steps array") }
        self.init(probeImages: try reader.integer("probe_images"), initial: try layers(json["init"]),
                  steps: try steps.map { StepDiagnostics(step: try JSONFields($0, what: "diagnostics step").integer("step"),
                                                         layers: try layers($0), blocks: try blocks($0)) },
                  jacobian: try json["jacobian"].map(JacobianSpectrum.init(json:)), initialBlocks: try blocks(json["init"]))
        // A residual network's, beside its blocks (a plain stack has neither).
        if let initial = json["init"], initial["projection_stream_std"] != nil {
            projectionStreamStd = try JSONFields(initial, what: "diagnostics init").optionalNumber("projection_stream_std")
        }
    }

    /// A residual network's `blocks` beside its `layers`; nothing for a plain stack, whose
    /// results.json stays as it was.
    static func blocksJSON(_ blocks: [BlockDiagnostics]) -> [(key: String, value: JSON)] {
        blocks.isEmpty ? [] : [("blocks", .array(blocks.map(\.json)))]
    }
}
