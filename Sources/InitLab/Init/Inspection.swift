/// One layer's initial parameters against their formulas.
public struct LayerInspection: Sendable {
    public let layer: Int
    public let outputs: Int
    public let inputs: Int
    public let weights: ObservedStatistics
    public let predictedWeights: PredictedStatistics
    public let biases: ObservedStatistics
    public let predictedBiases: PredictedStatistics
}

public struct StrategyInspection: Sendable {
    public let strategy: Strategy
    public let layers: [LayerInspection]
    /// The network on the probe batch, as the diagnostics see it (nil without a probe batch).
    public let inside: [LayerDiagnostics]?
    /// The input-output Jacobian's spectrum at the first probe images (nil without a probe
    /// batch, or for fewer than two hidden layers).
    public let jacobian: JacobianSpectrum?
}

public enum Inspection {
    /// Every strategy's initial weights for `seed`, as the runs would start (before any
    /// data-dependent procedure, which needs a run's split), and with a probe batch the
    /// diagnostics' statistics of the network on it, and the Jacobian's spectrum at
    /// `jacobianInputs` of its images.
    public static func inspect(_ experiment: Experiment, seed: UInt64, probe: ProbeBatch? = nil,
                               jacobianInputs: Int = DiagnosticsSpec.defaultJacobianInputs) -> [StrategyInspection] {
        experiment.strategies.map { strategy in
            let network = strategy.initialNetwork(seed: seed)
            let layers = network.layers.map { layer in
                let initializers = strategy.layers[layer.layer], w = layer.weight, b = layer.bias
                // A parametrization's rescaling of the drawn values (muP's set_base_shapes).
                let factors = network.plan.scaling.isEmpty ? (weights: 1, biases: 1) : network.plan.scaling[layer.layer].initialFactors
                return LayerInspection(
                    layer: layer.layer + 1, outputs: layer.outputs, inputs: layer.inputs,
                    weights: ObservedStatistics(network.values(of: w)),
                    predictedWeights: initializers.weights.predicted(rows: w.rows, cols: w.columns, fanIn: w.fanIn, fanOut: w.fanOut)
                        .scaled(by: factors.weights),
                    biases: ObservedStatistics(network.values(of: b)),
                    predictedBiases: initializers.biases.predicted(rows: b.rows, cols: b.columns, fanIn: b.fanIn, fanOut: b.fanOut)
                        .scaled(by: factors.biases))
            }
            let measurement = probe.map { InsideMeasurement(network: network, batch: $0) }
            return StrategyInspection(strategy: strategy, layers: layers, inside: measurement?.measure(gradients: true),
                                      jacobian: measurement?.jacobianSpectrum(inputs: jacobianInputs))
        }
    }

    public static func json(_ inspections: [StrategyInspection], seed: UInt64) -> JSON {
        func observed(_ s: ObservedStatistics, _ p: PredictedStatistics) -> JSON {
            .object([("min", JSON(s.min)), ("max", JSON(s.max)), ("mean", JSON(s.mean)), ("std", JSON(s.std)),
                     ("predicted_mean", JSON(p.mean)), ("predicted_std", JSON(p.std)),
                     ("predicted_low", p.bounds.map { JSON($0.lowerBound) } ?? .null),
                     ("predicted_high", p.bounds.map { JSON($0.upperBound) } ?? .null)])
        }
        return .object([
            ("seed", .number(Double(seed))),
            ("strategies", .array(inspections.map { inspection in
                .object([
                    ("strategy", .string(inspection.strategy.id)),
                    ("label", .string(inspection.strategy.label)),
                    ("procedure", inspection.strategy.procedure?.json ?? .null),
                    ("batch_norm", .bool(inspection.strategy.model.batchNorm)),
                    ("inside", inspection.inside.map { .object([("layers", .array($0.map(\.json)))]) } ?? .null),
                    ("jacobian", inspection.jacobian?.json ?? .null),
                    ("layers", .array(inspection.layers.map { layer in
                        .object([("layer", .number(Double(layer.layer))),
                                 ("shape", .array([.number(Double(layer.outputs)), .number(Double(layer.inputs))])),
                                 ("weights", observed(layer.weights, layer.predictedWeights)),
                                 ("biases", observed(layer.biases, layer.predictedBiases))])
                    })),
                ])
            })),
        ])
    }
}
