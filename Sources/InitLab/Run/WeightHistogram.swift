/// One layer's weights at the start of training and at its end, counted in the same equal bins
/// over the range both cover, so that a figure can draw one over the other.
public struct WeightHistogram: Sendable, Equatable {
    public static let bins = 50

    /// 1-based, as the report numbers layers.
    public let layer: Int
    public let low: Double
    public let high: Double
    public let initial: [Int]
    public let trained: [Int]

    /// Non-finite weights (a diverged run's) are not counted; with none finite, the range is [0, 0].
    init(layer: Int, initial: UnsafeBufferPointer<Float>, trained: UnsafeBufferPointer<Float>) {
        self.layer = layer
        var low = Float.infinity, high = -Float.infinity
        for value in initial where value.isFinite { low = min(low, value); high = max(high, value) }
        for value in trained where value.isFinite { low = min(low, value); high = max(high, value) }
        if low > high { (low, high) = (0, 0) }
        self.low = Double(low)
        self.high = Double(high)
        self.initial = Self.count(initial, low: Double(low), high: Double(high))
        self.trained = Self.count(trained, low: Double(low), high: Double(high))
    }

    public init(layer: Int, low: Double, high: Double, initial: [Int], trained: [Int]) {
        self.layer = layer
        self.low = low
        self.high = high
        self.initial = initial
        self.trained = trained
    }

    /// Bin i = [low + i·w, low + (i + 1)·w), w = (high − low)/bins, the last one closed; all
    /// values in one bin when low = high (a constant initializer).
    static func count(_ values: UnsafeBufferPointer<Float>, low: Double, high: Double) -> [Int] {
        var counts = [Int](repeating: 0, count: bins)
        let width = (high - low) / Double(bins)
        for value in values where value.isFinite {
            let bin = width > 0 ? Int((Double(value) - low) / width) : 0
            counts[min(bins - 1, max(0, bin))] += 1
        }
        return counts
    }
}
