import CBLAS
import Foundation

/// What an initializer draws a tensor from once its formula is evaluated for the tensor's fans:
/// `Initializer.draw` states every formula once, and each distribution's sampler (`fill`) and
/// predicted moments (`predicted`, which `inspect` checks the samples against) sit side by side.
enum Draw {
    case constant(Double)
    case uniform(low: Double, high: Double)
    case normal(mean: Double, std: Double)
    case truncatedNormal(mean: Double, std: Double, low: Double, high: Double)
    case orthogonal(gain: Float)
    case sparse(fraction: Double, std: Double)
    case identity(gain: Float)
}

extension Initializer {
    /// The formula: what this initializer draws a tensor with these fans from.
    func draw(fanIn: Int, fanOut: Int) -> Draw {
        let fanInD = Double(fanIn)
        func fan(_ mode: FanMode) -> Double { mode.fan(fanIn: fanIn, fanOut: fanOut) }
        func symmetric(_ bound: Double) -> Draw { .uniform(low: -bound, high: bound) }
        switch self {
        case .constant(let value): return .constant(Double(value))
        case let .uniform(low, high): return .uniform(low: Double(low), high: Double(high))
        case let .normal(mean, std): return .normal(mean: Double(mean), std: Double(std))
        case let .truncatedNormal(mean, std, low, high):
            return .truncatedNormal(mean: Double(mean), std: Double(std), low: Double(low), high: Double(high))
        case .fanInUniform(let scale): return symmetric(Double(scale) / fanInD.squareRoot())
        case .fanInNormal(let scale): return .normal(mean: 0, std: Double(scale) / fanInD.squareRoot())
        case .xavierUniform(let gain): return symmetric(Double(gain) * (6 / (fanInD + Double(fanOut))).squareRoot())
        case .xavierNormal(let gain): return .normal(mean: 0, std: Double(gain) * (2 / (fanInD + Double(fanOut))).squareRoot())
        case let .kaimingUniform(gain, mode): return symmetric(Double(gain) * (3 / fan(mode)).squareRoot())
        case let .kaimingNormal(gain, mode): return .normal(mean: 0, std: Double(gain) / fan(mode).squareRoot())
        case let .varianceScaling(scale, mode, distribution):
            let variance = Double(scale) / fan(mode)
            switch distribution {
            case .uniform: return symmetric((3 * variance).squareRoot())
            case .untruncatedNormal: return .normal(mean: 0, std: variance.squareRoot())
            case .truncatedNormal:
                // 0.8796…: std of a standard normal truncated to [-2, 2]; dividing by it makes the
                // truncated samples' variance the target one, as Keras does.
                let std = variance.squareRoot() / 0.87962566103423978
                return .truncatedNormal(mean: 0, std: std, low: -2 * std, high: 2 * std)
            }
        case .orthogonal(let gain): return .orthogonal(gain: gain)
        case let .sparse(fraction, std): return .sparse(fraction: fraction, std: Double(std))
        case .identity(let gain): return .identity(gain: gain)
        }
    }

    /// Fills `values` (rows × cols, row-major: rows = out, cols = in for a weight matrix, rows = out
    /// and cols = 1 for a bias) whose layer has the given fans, drawing from `rng`.
    public func fill(_ values: UnsafeMutableBufferPointer<Float>, rows: Int, cols: Int, fanIn: Int, fanOut: Int,
                     rng: inout Xoshiro256) {
        precondition(values.count == rows * cols)
        draw(fanIn: fanIn, fanOut: fanOut).fill(values, rows: rows, cols: cols, rng: &rng)
    }

    /// The mean, standard deviation and bounds the formula gives a rows × cols tensor with these fans.
    public func predicted(rows: Int, cols: Int, fanIn: Int, fanOut: Int) -> PredictedStatistics {
        draw(fanIn: fanIn, fanOut: fanOut).predicted(rows: rows, cols: cols)
    }
}

extension Draw {
    func fill(_ values: UnsafeMutableBufferPointer<Float>, rows: Int, cols: Int, rng: inout Xoshiro256) {
        switch self {
        case .constant(let value):
            values.update(repeating: Float(value))
        case let .uniform(low, high):
            fillUniform(values, low, high, &rng)
        case let .normal(mean, std):
            fillNormal(values, mean, std, &rng)
        case let .truncatedNormal(mean, std, low, high):
            fillTruncatedNormal(values, mean, std, low, high, &rng)
        case .orthogonal(let gain):
            fillOrthogonal(values, rows: rows, cols: cols, gain: gain, &rng)
        case let .sparse(fraction, std):
            fillNormal(values, 0, std, &rng)
            let zerosPerColumn = Int((fraction * Double(rows)).rounded(.up))
            var rowOrder = (0..<rows).map(Int32.init)
            for col in 0..<cols {
                rng.shuffle(&rowOrder)
                for row in rowOrder.prefix(zerosPerColumn) { values[Int(row) * cols + col] = 0 }
            }
        case .identity(let gain):
            values.update(repeating: 0)
            for i in 0..<min(rows, cols) { values[i * cols + i] = gain }
        }
    }

    func predicted(rows: Int, cols: Int) -> PredictedStatistics {
        switch self {
        case .constant(let value):
            return PredictedStatistics(mean: value, std: 0, bounds: value...value)
        case let .uniform(low, high):
            return PredictedStatistics(mean: (low + high) / 2, std: (high - low) / 12.0.squareRoot(), bounds: low...high)
        case let .normal(mean, std):
            return PredictedStatistics(mean: mean, std: std, bounds: nil)
        case let .truncatedNormal(mean, std, low, high):
            return truncatedNormalStatistics(mean, std, low, high)
        case .orthogonal(let gain):
            // min(rows, cols) orthonormal vectors of squared norm gain², spread over rows·cols entries.
            return PredictedStatistics(mean: 0, std: Double(gain) / Double(max(rows, cols)).squareRoot(), bounds: nil)
        case let .sparse(fraction, std):
            let zeros = (fraction * Double(rows)).rounded(.up)
            return PredictedStatistics(mean: 0, std: std * (1 - zeros / Double(rows)).squareRoot(), bounds: nil)
        case .identity(let gain):
            let share = Double(min(rows, cols)) / Double(rows * cols), g = Double(gain)
            return PredictedStatistics(mean: g * share, std: (g * g * share - g * g * share * share).squareRoot(),
                                       bounds: min(0, g)...max(0, g))
        }
    }
}

private func fillUniform(_ values: UnsafeMutableBufferPointer<Float>, _ low: Double, _ high: Double,
                         _ rng: inout Xoshiro256) {
    for i in values.indices { values[i] = Float(low + (high - low) * rng.uniform()) }
}

private func fillNormal(_ values: UnsafeMutableBufferPointer<Float>, _ mean: Double, _ std: Double,
                        _ rng: inout Xoshiro256) {
    for i in values.indices { values[i] = Float(mean + std * rng.normal()) }
}

/// Inverse-CDF sampling, as PyTorch's trunc_normal_: a uniform draw between Φ(a) and Φ(b) mapped
/// back through Φ⁻¹. Unlike rejection it costs the same however far in the tail [a, b] lies.
private func fillTruncatedNormal(_ values: UnsafeMutableBufferPointer<Float>, _ mean: Double, _ std: Double,
                                 _ low: Double, _ high: Double, _ rng: inout Xoshiro256) {
    let lowCDF = normalCDF((low - mean) / std), highCDF = normalCDF((high - mean) / std)
    for i in values.indices {
        let p = lowCDF + (highCDF - lowCDF) * rng.uniform()
        let x = mean + std * inverseNormalCDF(p)
        values[i] = Float(min(max(x, low), high))
    }
}

func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

/// Φ⁻¹(p) for p in (0, 1): Acklam's rational approximation (relative error 1.2e-9), polished by
/// one Halley step against erfc to full double precision.
func inverseNormalCDF(_ p: Double) -> Double {
    if p <= 0 { return -.infinity }
    if p >= 1 { return .infinity }
    let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
             1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
    let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
             6.680131188771972e+01, -1.328068155288572e+01]
    let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
             -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
    let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
    let pLow = 0.02425
    var x: Double
    if p < pLow {
        let q = (-2 * log(p)).squareRoot()
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    } else if p <= 1 - pLow {
        let q = p - 0.5, r = q * q
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    } else {
        let q = (-2 * log(1 - p)).squareRoot()
        x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    }
    let e = normalCDF(x) - p
    let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
    x -= u / (1 + x * u / 2)
    return x
}

/// PyTorch's orthogonal_: for W of shape rows × cols, QR-factorize a Gaussian matrix of the
/// taller orientation, sign Q's columns by diag(R) (so Q is uniformly distributed), and lay Q
/// out as W (rows orthonormal when rows ≤ cols, columns orthonormal otherwise).
private func fillOrthogonal(_ values: UnsafeMutableBufferPointer<Float>, rows: Int, cols: Int, gain: Float,
                            _ rng: inout Xoshiro256) {
    // A is tall (m ≥ n), column-major. For rows ≥ cols, W = A exactly (W[r][c] = A[r + c·m]);
    // otherwise W = Aᵀ, which is A's column-major buffer read row-major.
    let m = max(rows, cols), n = min(rows, cols)
    var a = (0..<(m * n)).map { _ in Float(rng.normal()) }
    var tau = [Float](repeating: 0, count: n)
    var info: Int32 = 0
    var mm = Int32(m), nn = Int32(n), lda = Int32(m)
    var lwork: Int32 = -1
    var query: Float = 0
    sgeqrf_(&mm, &nn, &a, &lda, &tau, &query, &lwork, &info)
    lwork = Int32(query)
    var work = [Float](repeating: 0, count: max(1, Int(lwork)))
    sgeqrf_(&mm, &nn, &a, &lda, &tau, &work, &lwork, &info)
    precondition(info == 0, "sgeqrf failed: \(info)")
    let diagonalSigns = (0..<n).map { a[$0 + $0 * m] < 0 ? Float(-1) : Float(1) }
    lwork = -1
    sorgqr_(&mm, &nn, &nn, &a, &lda, &tau, &query, &lwork, &info)
    lwork = Int32(query)
    work = [Float](repeating: 0, count: max(1, Int(lwork)))
    sorgqr_(&mm, &nn, &nn, &a, &lda, &tau, &work, &lwork, &info)
    precondition(info == 0, "sorgqr failed: \(info)")
    for col in 0..<n {
        for row in 0..<m { a[row + col * m] *= diagonalSigns[col] * gain }
    }
    if rows >= cols {
        for r in 0..<rows { for c in 0..<cols { values[r * cols + c] = a[r + c * m] } }
    } else {
        for i in 0..<(rows * cols) { values[i] = a[i] }
    }
}
