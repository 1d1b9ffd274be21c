/// What the seeds say about a strategy's accuracy: its mean with a 95% confidence interval, and
/// against a baseline strategy, the difference paired by seed (the seeds share the split, the
/// batches and the dropout masks, so a difference is the initialization's) with its interval, a
/// paired t-test's p-value, and Holm's correction over all strategies compared with the baseline.
public struct Estimate: Sendable, Equatable {
    public let mean: Double
    /// Student's t interval, mean ± t(0.975, n − 1)·s/√n with s over n − 1; nil for n < 2.
    public let ci95: ClosedRange<Double>?
    /// s, over n − 1; nil for n < 2.
    public let standardDeviation: Double?

    /// `values` (one per seed); nil when there are none.
    public init?(_ values: [Double]) {
        guard let mean = Sample.mean(values) else { return nil }
        self.mean = mean
        guard let variance = Sample.variance(values) else { ci95 = nil; standardDeviation = nil; return }
        let n = Double(values.count)
        let half = Student.quantile(0.975, df: n - 1) * (variance / n).squareRoot()
        ci95 = (mean - half)...(mean + half)
        standardDeviation = variance.squareRoot()
    }

    /// The interval as a report shows it, within the values the quantity can take: with few
    /// seeds t's interval can reach past them (two seeds at 20% and 80% accuracy: −331% to 431%),
    /// and an accuracy above 100% or a negative loss is no one's. results.json keeps it whole.
    public func ci95(within bounds: ClosedRange<Double>) -> ClosedRange<Double>? {
        ci95.map { $0.clamped(to: bounds) }
    }
}

public enum VerdictKind: String, Sendable {
    case better, worse
    case noDifference = "no detectable difference"
}

/// A strategy against the baseline.
public struct BaselineComparison: Sendable, Equatable {
    /// Strategy minus baseline, paired by seed.
    public let difference: Estimate
    /// Two-sided paired t-test (1 when every difference is 0; 0 when they are equal and not 0).
    public let pValue: Double
    /// Holm-corrected over the strategies compared with the baseline.
    public var pHolm: Double
    public var verdict: VerdictKind { pHolm < 0.05 ? (difference.mean > 0 ? .better : .worse) : .noDifference }

    /// nil with fewer than two paired seeds: no verdict is possible.
    init?(strategy: [UInt64: Double], baseline: [UInt64: Double]) {
        let seeds = strategy.keys.filter { baseline[$0] != nil }.sorted()
        guard seeds.count >= 2, let difference = Estimate(seeds.map { strategy[$0]! - baseline[$0]! }),
              let s = difference.standardDeviation else { return nil }
        self.difference = difference
        let n = Double(seeds.count)
        if s == 0 {
            pValue = difference.mean == 0 ? 1 : 0
        } else {
            pValue = Student.twoSidedP(difference.mean / (s / n.squareRoot()), df: n - 1)
        }
        pHolm = pValue
    }

    /// Holm's step-down correction: the i-th smallest of m p-values times (m − i + 1), made
    /// monotone, capped at 1.
    static func holm(_ pValues: [Double]) -> [Double] {
        let m = pValues.count
        let order = pValues.indices.sorted { pValues[$0] < pValues[$1] }
        var adjusted = [Double](repeating: 1, count: m)
        var running = 0.0
        for (rank, index) in order.enumerated() {
            running = max(running, min(1, Double(m - rank) * pValues[index]))
            adjusted[index] = running
        }
        return adjusted
    }
}
