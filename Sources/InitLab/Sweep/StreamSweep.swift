import Foundation

/// The residual stream through the blocks at initialization over a depth sweep of residual
/// networks: per template, at the axis's deepest value, the stream's std after the input
/// projection (block 0) and after each block, the geometric mean over the seeds' runs. It
/// reads the runs' diagnostics only.
public struct StreamSweep: Sendable {
    public struct Series: Sendable {
        /// The sweep's template.
        public let template: Int
        /// stds[b]: after block b (0: the projection), nil where no run has a finite positive one.
        public let stds: [Double?]

        /// The factor per block of the std from the projection to the last block, as a geometric
        /// mean; nil without both ends.
        public var perBlock: Double? {
            guard let start = stds.first ?? nil, let end = stds.last ?? nil, stds.count > 1 else { return nil }
            return pow(end / start, 1 / Double(stds.count - 1))
        }

        /// The first block whose std is BlockReading.explosion times the projection's, or whose
        /// runs give none (not finite).
        public var explosion: Int? {
            guard let start = stds.first ?? nil else { return nil }
            return stds.indices.dropFirst().first { (stds[$0] ?? .infinity) > BlockReading.explosion * start }
        }
    }

    /// The number of blocks the series are read at: the depth axis's largest value.
    public let blocks: Int
    public let series: [Series]

    /// Nil unless `sweep` has a depth axis over residual models whose runs recorded their blocks.
    public init?(sweep: Sweep, summaries: [StrategySummary]) {
        guard let d = sweep.axes.firstIndex(where: { $0.setting == .depth }),
              sweep.templates.allSatisfy({ $0.strategy.model.residual != nil }),
              let deepest = sweep.axes[d].values.max() else { return nil }
        let byID = Dictionary(summaries.map { ($0.id, $0.runs) }, uniquingKeysWith: { first, _ in first })
        blocks = Int(deepest)
        series = sweep.templates.indices.compactMap { t in
            // With a second axis, every value of it at the deepest depth: its runs pool.
            let runs = sweep.points(of: t).filter { $0.coordinates[d] == deepest }.flatMap { byID[$0.strategyID] ?? [] }
            let measured = runs.compactMap(\.diagnostics).filter { !$0.initialBlocks.isEmpty }
            guard !measured.isEmpty else { return nil }
            let stds = (0...Int(deepest)).map { b -> Double? in
                let values = measured.compactMap { d -> Double? in
                    b == 0 ? d.initial.first?.activationStd : d.initialBlocks.first { $0.block == b }?.streamStd
                }.filter { $0.isFinite && $0 > 0 }
                return values.isEmpty ? nil : exp(values.map(log).reduce(0, +) / Double(values.count))
            }
            return Series(template: t, stds: stds)
        }
        if series.isEmpty { return nil }
    }
}
