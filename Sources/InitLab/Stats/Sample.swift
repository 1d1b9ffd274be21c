/// A sample's mean and spread: one formula for the report's "± s" and the confidence intervals.
enum Sample {
    static func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }

    /// Over n − 1; nil with fewer than two values.
    static func variance(_ values: [Double]) -> Double? {
        guard values.count >= 2, let mean = mean(values) else { return nil }
        return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
    }

    static func standardDeviation(_ values: [Double]) -> Double? { variance(values)?.squareRoot() }
}
