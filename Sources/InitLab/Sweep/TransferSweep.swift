import Foundation

/// Whether the best learning rate survives a wider network (Tensor Programs V, Figure 1): over a
/// sweep of width × learning rate, per width the measure against the rate (the mean over seeds
/// and its 95% interval), the best rate, how many log₂ steps it moves from the narrowest width to
/// the widest, and whether that move is beyond seed noise: the widest width's runs at the
/// narrowest's best rate against its runs at its own best, paired by seed (the same seeds share
/// a split, batch order and initial stream), by the 95% interval of the differences.
public struct TransferSweep: Sendable {
    public struct Curve: Sendable {
        public let width: Double
        /// Per learning rate, in increasing order: the estimate over seeds, nil where no run finished.
        public let estimates: [Estimate?]
        /// Per learning rate, each seed's value (nil where that run has none), in the sweep's seed order.
        public let values: [[Double?]]
        /// The index of the best rate, nil where no rate has a value.
        public let best: Int?
    }

    public let measure: SweepMeasure
    /// The sweep's template whose points these are.
    public let template: Int
    public let rates: [Double]
    /// One per width, increasing.
    public let curves: [Curve]

    /// The widest width at the narrowest's best rate minus at its own best, per seed with both,
    /// as an estimate with its 95% interval; nil with fewer than two widths or no best.
    public var penalty: Estimate? {
        guard curves.count >= 2, let from = curves.first?.best, let wide = curves.last, let to = wide.best, from != to else { return nil }
        return Estimate(zip(wide.values[from], wide.values[to]).compactMap { a, b in a.flatMap { a in b.map { a - $0 } } })
    }

    /// log₂ of the widest width's best rate over the narrowest's.
    public var shift: Double? {
        guard let from = curves.first?.best, let to = curves.last?.best else { return nil }
        return log2(rates[to] / rates[from])
    }

    /// Whether the shift is beyond seed noise: the penalty's interval excludes 0 (worse at the
    /// narrow width's best rate); nil when it cannot tell (one seed, or no shift).
    public var shiftBeyondNoise: Bool? {
        guard let interval = penalty?.ci95 else { return nil }
        return measure.isAccuracy ? interval.upperBound < 0 : interval.lowerBound > 0
    }

    /// The transfer of `measure` over template `template`'s points of `sweep`, nil unless its
    /// two axes are width and learning rate.
    public init?(sweep: Sweep, template: Int = 0, summaries: [StrategySummary], measure: SweepMeasure) {
        guard sweep.axes.count == 2, sweep.templates.indices.contains(template), let w = sweep.axes.firstIndex(where: { $0.setting == .width }),
              let r = sweep.axes.firstIndex(where: { $0.setting == .learningRate }) else { return nil }
        self.measure = measure
        self.template = template
        let points = sweep.points(of: template)
        let rateOrder = sweep.axes[r].values.indices.sorted { sweep.axes[r].values[$0] < sweep.axes[r].values[$1] }
        rates = rateOrder.map { sweep.axes[r].values[$0] }
        let byID = Dictionary(summaries.map { ($0.id, $0.runs) }, uniquingKeysWith: { first, _ in first })
        let seeds = Array(Set(summaries.flatMap { $0.runs.map(\.seed) })).sorted()
        let widthOrder = sweep.axes[w].values.indices.sorted { sweep.axes[w].values[$0] < sweep.axes[w].values[$1] }
        curves = widthOrder.map { wi in
            let values = rateOrder.map { ri -> [Double?] in
                let point = points.first { $0.indices[w] == wi && $0.indices[r] == ri }
                let runs = point.flatMap { byID[$0.strategyID] } ?? []
                return seeds.map { seed in runs.first { $0.seed == seed }.flatMap(measure.value) }
            }
            let estimates = values.map { Estimate($0.compactMap { $0 }) }
            let means = estimates.map { $0?.mean }
            let best = means.indices.filter { means[$0] != nil }.max { a, b in
                measure.isAccuracy ? means[a]! < means[b]! : means[a]! > means[b]!
            }
            return Curve(width: sweep.axes[w].values[wi], estimates: estimates, values: values, best: best)
        }
    }
}
