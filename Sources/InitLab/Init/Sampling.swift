import CBLAS
import Foundation

extension Initializer {
    /// Fills `values` (rows × cols, row-major: rows = out, cols = in for a weight matrix, rows = out
    /// and cols = 1 for a bias) whose layer has the given fans, drawing from `rng`.
    public func fill(_ values: UnsafeMutableBufferPointer<Float>, rows: Int, cols: Int, fanIn: Int, fanOut: Int,
                     rng: inout Xoshiro256) {
        precondition(values.count == rows * cols)
        let fanIn = Double(fanIn), fanOut = Double(fanOut)
        switch self {
        case .constant(let value):
            values.update(repeating: value)
        case .uniform(let low, let high):
            fillUniform(values, Double(low), Double(high), &rng)
        case .normal(let mean, let std):
            fillNormal(values, Double(mean), Double(std), &rng)
        case .truncatedNormal(let mean, let std, let low, let high):
            fillTruncatedNormal(values, Double(mean), Double(std), Double(low), Double(high), &rng)
        case .fanInUniform(let scale):
            let bound = Double(scale) / fanIn.squareRoot()
            fillUniform(values, -bound, bound, &rng)
        case .fanInNormal(let scale):
            fillNormal(values, 0, Double(scale) / fanIn.squareRoot(), &rng)
        case .xavierUniform(let gain):
            let bound = Double(gain) * (6 / (fanIn + fanOut)).squareRoot()
            fillUniform(values, -bound, bound, &rng)
        case .xavierNormal(let gain):
            fillNormal(values, 0, Double(gain) * (2 / (fanIn + fanOut)).squareRoot(), &rng)
        case .kaimingUniform(let gain, let mode):
            let bound = Double(gain) * (3 / mode.fan(fanIn: Int(fanIn), fanOut: Int(fanOut))).squareRoot()
            fillUniform(values, -bound, bound, &rng)
        case .kaimingNormal(let gain, let mode):
            fillNormal(values, 0, Double(gain) / mode.fan(fanIn: Int(fanIn), fanOut: Int(fanOut)).squareRoot(), &rng)
        case .varianceScaling(let scale, let mode, let distribution):
            let variance = Double(scale) / mode.fan(fanIn: Int(fanIn), fanOut: Int(fanOut))
            switch distribution {
            case .uniform:
                let bound = (3 * variance).squareRoot()
                fillUniform(values, -bound, bound, &rng)
            case .untruncatedNormal:
                fillNormal(values, 0, variance.squareRoot(), &rng)
            case .truncatedNormal:
                // 0.8796…: std of a standard normal truncated to [-2, 2]; dividing by it makes the
                // truncated samples' variance the target one, as Keras does.
                let std = variance.squareRoot() / 0.87962566103423978
                fillTruncatedNormal(values, 0, std, -2 * std, 2 * std, &rng)
            }
        case .orthogonal(let gain):
            fillOrthogonal(values, rows: rows, cols: cols, gain: gain, &rng)
        case .sparse(let fraction, let std):
            fillNormal(values, 0, Double(std), &rng)
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
