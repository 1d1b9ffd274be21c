import Foundation

/// What an initializer's formula says about the values it draws for one tensor.
public struct PredictedStatistics: Sendable, Equatable {
    public var mean: Double
    public var std: Double
    /// The interval every value lies in, when the distribution is bounded.
    public var bounds: ClosedRange<Double>?
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

extension Initializer {
    /// The mean, standard deviation and bounds the formula gives a rows × cols tensor with these fans.
    public func predicted(rows: Int, cols: Int, fanIn: Int, fanOut: Int) -> PredictedStatistics {
        let fanIn = Double(fanIn), fanOut = Double(fanOut)
        func uniform(_ low: Double, _ high: Double) -> PredictedStatistics {
            PredictedStatistics(mean: (low + high) / 2, std: (high - low) / 12.0.squareRoot(), bounds: low...high)
        }
        func symmetric(_ bound: Double) -> PredictedStatistics { uniform(-bound, bound) }
        func normal(_ std: Double) -> PredictedStatistics { PredictedStatistics(mean: 0, std: std, bounds: nil) }
        switch self {
        case .constant(let value):
            return PredictedStatistics(mean: Double(value), std: 0, bounds: Double(value)...Double(value))
        case let .uniform(low, high):
            return uniform(Double(low), Double(high))
        case let .normal(mean, std):
            return PredictedStatistics(mean: Double(mean), std: Double(std), bounds: nil)
        case let .truncatedNormal(mean, std, low, high):
            return truncatedNormalStatistics(Double(mean), Double(std), Double(low), Double(high))
        case .fanInUniform(let scale):
            return symmetric(Double(scale) / fanIn.squareRoot())
        case .fanInNormal(let scale):
            return normal(Double(scale) / fanIn.squareRoot())
        case .xavierUniform(let gain):
            return symmetric(Double(gain) * (6 / (fanIn + fanOut)).squareRoot())
        case .xavierNormal(let gain):
            return normal(Double(gain) * (2 / (fanIn + fanOut)).squareRoot())
        case let .kaimingUniform(gain, mode):
            return symmetric(Double(gain) * (3 / mode.fan(fanIn: Int(fanIn), fanOut: Int(fanOut))).squareRoot())
        case let .kaimingNormal(gain, mode):
            return normal(Double(gain) / mode.fan(fanIn: Int(fanIn), fanOut: Int(fanOut)).squareRoot())
        case let .varianceScaling(scale, mode, distribution):
            let variance = Double(scale) / mode.fan(fanIn: Int(fanIn), fanOut: Int(fanOut))
            switch distribution {
            case .uniform: return symmetric((3 * variance).squareRoot())
            case .untruncatedNormal: return normal(variance.squareRoot())
            case .truncatedNormal:
                let sigma = variance.squareRoot() / 0.87962566103423978
                return truncatedNormalStatistics(0, sigma, -2 * sigma, 2 * sigma)
            }
        case .orthogonal(let gain):
            // min(rows, cols) orthonormal vectors of squared norm gain², spread over rows·cols entries.
            return PredictedStatistics(mean: 0, std: Double(gain) / Double(max(rows, cols)).squareRoot(), bounds: nil)
        case let .sparse(fraction, std):
            let zeros = (fraction * Double(rows)).rounded(.up)
            return PredictedStatistics(mean: 0, std: Double(std) * (1 - zeros / Double(rows)).squareRoot(), bounds: nil)
        case .identity(let gain):
            let share = Double(min(rows, cols)) / Double(rows * cols), g = Double(gain)
            return PredictedStatistics(mean: g * share, std: (g * g * share - g * g * share * share).squareRoot(),
                                       bounds: min(0, g)...max(0, g))
        }
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
