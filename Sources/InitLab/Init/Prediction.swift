import Foundation

/// What an initializer's formula says about the values it draws for one tensor.
public struct PredictedStatistics: Sendable, Equatable {
    public var mean: Double
    public var std: Double
    /// The interval every value lies in, when the distribution is bounded.
    public var bounds: ClosedRange<Double>?

    /// The values multiplied by `factor` ≥ 0 after drawing (a parametrization's rescaling,
    /// LayerScaling.initialFactors; 1 leaves them as drawn).
    public func scaled(by factor: Float) -> PredictedStatistics {
        guard factor != 1 else { return self }
        let f = Double(factor)
        return PredictedStatistics(mean: mean * f, std: std * f, bounds: bounds.map { $0.lowerBound * f...$0.upperBound * f })
    }
}

/// Observed statistics of a tensor.
public struct ObservedStatistics: Sendable, Equatable {
    public var min: Double
    public var max: Double
    public var mean: Double
    public var std: Double

    public init<C: Collection>(_ values: C) where C.Element == Float {
        let n = Double(Swift.max(values.count, 1))
        let mean = values.reduce(0.0) { $0 + Double($1) } / n
        let variance = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / n
        self.min = Double(values.min() ?? 0)
        self.max = Double(values.max() ?? 0)
        self.mean = mean
        std = variance.squareRoot()
    }
}

/// N(μ, σ²) restricted to [a, b]: the textbook mean and standard deviation.
func truncatedNormalStatistics(_ mu: Double, _ sigma: Double, _ a: Double, _ b: Double) -> PredictedStatistics {
    let alpha = (a - mu) / sigma, beta = (b - mu) / sigma
    func pdf(_ x: Double) -> Double { exp(-x * x / 2) / (2 * Double.pi).squareRoot() }
    let z = normalCDF(beta) - normalCDF(alpha)
    let shift = (pdf(alpha) - pdf(beta)) / z
    let variance = sigma * sigma * (1 + (alpha * pdf(alpha) - beta * pdf(beta)) / z - shift * shift)
    return PredictedStatistics(mean: mu + sigma * shift, std: variance.squareRoot(), bounds: a...b)
}
