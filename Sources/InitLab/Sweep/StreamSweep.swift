import Foundation

/// The residual stream through the blocks at initialization over a depth sweep of residual
/// networks: per residual template, at the axis's deepest value, the stream's std after the
/// input projection (block 0) and after each block, the geometric mean over the seeds' runs. It
/// reads the runs' diagnostics only.
public struct StreamSweep: Sendable {
    public struct Series: Sendable {
        /// The sweep's template.
        public let template: Int
        /// stds[b]: after block b (0: the projection), nil where no run has a finite positive one.
        public let stds: [Double?]

        /// The first block with a std: 0, the projection, unless no run gives it a finite one above 0.
        public var first: Int? { stds.firstIndex { $0 != nil } }

        /// The factor per block of the std from the first block with one to the last block, as
        /// a geometric mean; nil without both ends.
        public var perBlock: Double? {
            guard let first, let start = stds[first], let end = stds.last ?? nil, stds.count - 1 > first else { return nil }
            return BlockReading.factorPerBlock(from: start, to: end, blocks: stds.count - 1 - first)
        }

        /// The first block whose std is BlockReading.explosion times the first one's, or whose
        /// runs give none (not finite).
        public var explosion: Int? {
            guard let first, let start = stds[first] else { return nil }
            return BlockReading.explodingBlock(stds.indices.dropFirst(first + 1).map { ($0, stds[$0]) }, start: start)
        }
    }

    /// The number of blocks the series are read at: the depth axis's largest value.
    public let blocks: Int
    public let series: [Series]

    /// Nil unless `sweep` has a depth axis over residual models whose runs recorded their
    /// blocks; a plain template beside them has no series.
    public init?(sweep: Sweep, summaries: [StrategySummary]) {
        // Over depth alone (and seeds): a second axis's values would pool into one line.
        guard sweep.axes.count == 1, sweep.axes[0].setting == .depth, let deepest = sweep.axes[0].values.max() else { return nil }
        let d = 0
        let byID = Dictionary(summaries.map { ($0.id, $0.runs) }, uniquingKeysWith: { first, _ in first })
        blocks = Int(deepest)
        series = sweep.templates.indices.compactMap { t in
            guard sweep.templates[t].strategy.model.residual != nil else { return nil }
            let runs = sweep.points(of: t).filter { $0.coordinates[d] == deepest }.flatMap { byID[$0.strategyID] ?? [] }
            let measured = runs.compactMap(\.diagnostics).filter { !$0.initialBlocks.isEmpty }
            guard !measured.isEmpty else { return nil }
            let stds = (0...Int(deepest)).map { b -> Double? in
                let values = measured.compactMap { d -> Double? in
                    b == 0 ? d.projectionStreamStd : d.initialBlocks.first { $0.block == b }?.streamStd
                }.filter { $0.isFinite && $0 > 0 }
                return values.isEmpty ? nil : exp(values.map(log).reduce(0, +) / Double(values.count))
            }
            return Series(template: t, stds: stds)
        }
        if series.isEmpty { return nil }
    }
}
