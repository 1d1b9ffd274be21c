import Foundation

/// What `inspect --export FOLDER` writes, for a peer to recompute from the same numbers the
/// Jacobian's spectrum (scripts/jacobian-peer.py) or the coordinate check's first steps
/// (scripts/pytorch-peer.py --initial): each strategy's initial parameters as drawn for the
/// seed, the probe images the spectrum is computed at, the dataset indices of the seed's first
/// training batches, and export.json, which says where in the parameters each layer's W and b
/// are and what the tool found. The binary files are Float32 and Int32 in the machine's byte
/// order, little-endian on every machine the tool builds for (x86-64, arm64).
public enum InspectionExport {
    /// The first batches exported: the coordinate check's four updates.
    static let batches = CoordinateCheck.steps.upperBound

    public static func write(_ experiment: Experiment, seed: UInt64, probe: ProbeBatch, datasetCount: Int, inspections: [StrategyInspection],
                             images: Int, to output: OutputFolder) throws {
        do {
            let count = min(images, probe.rows), features = probe.x.count / max(probe.rows, 1)
            try output.write(name: "probe.f32", data: Data(bytes: probe.x.pointer, count: 4 * count * features))
            let training = experiment.training
            let split = Split(seed: seed, count: datasetCount, validationCount: training.validationCount(of: datasetCount))
            let first = Array(split.firstEpochOrder(seed: seed).prefix(batches * training.batchSize))
            try output.write(name: "batches.i32", data: first.withUnsafeBytes { Data($0) })
            var strategies: [JSON] = []
            for inspection in inspections {
                let strategy = inspection.strategy, network = strategy.initialNetwork(seed: seed)
                let file = "parameters-\(strategy.id).f32"
                try output.write(name: file, data: Data(bytes: network.parameters.pointer, count: 4 * network.parameters.count))
                strategies.append(.object([
                    ("id", .string(strategy.id)), ("label", .string(strategy.label)), ("parameters", .string(file)),
                    ("activation", strategy.model.activation.json), ("batch_norm", .bool(strategy.model.batchNorm)),
                    // Each layer computes forward·(W·x) + bias·b (LayerScaling; 1 and 1 unless a parametrization says otherwise).
                    ("layers", .array(network.layers.map { layer in
                        let gate = network.plan.stages[layer.layer].elementwise.lazy.compactMap { $0 as? Gate }.first
                        return .object([("inputs", .number(Double(layer.inputs))), ("outputs", .number(Double(layer.outputs))),
                                        ("weight_offset", .number(Double(layer.weight.offset))), ("bias_offset", .number(Double(layer.bias.offset))),
                                        ("forward_multiplier", JSON(layer.multiplier)),
                                        ("bias_multiplier", JSON(gate?.shiftMultiplier ?? 1))])
                    })),
                    ("jacobian", inspection.jacobian?.json ?? .null),
                ]))
            }
            try output.write(OutputFile(name: "export.json", contents: JSON.object([
                ("seed", .number(Double(seed))), ("probe", .string("probe.f32")),
                // The first epoch's first batches (dataset indices, batch_size each; the last may be shorter).
                ("first_batches", .string("batches.i32")), ("batch_size", .number(Double(training.batchSize))),
                ("first_batch_images", .number(Double(first.count))),
                ("probe_images", .number(Double(count))), ("features", .number(Double(features))),
                ("strategies", .array(strategies)),
            ]).formatted()))
            try output.commit()
        } catch {
            output.discard()
            throw error
        }
    }
}
