import Foundation

/// Student's t distribution, for confidence intervals and paired tests over a handful of seeds.
/// Edge cases: `df` must be ≥ 1; the CDF of ±infinity is 1 and 0.
enum Student {
    /// P(T ≤ t) for T with `df` degrees of freedom: 1 − I_x(df/2, 1/2)/2 for t > 0, with
    /// x = df/(df + t²) and I the regularized incomplete beta function.
    static func cdf(_ t: Double, df: Double) -> Double {
        if t.isInfinite { return t > 0 ? 1 : 0 }
        let tail = 0.5 * incompleteBeta(df / (df + t * t), a: df / 2, b: 0.5)
        return t > 0 ? 1 - tail : tail
    }

    /// The t with P(T ≤ t) = p, by bisection on the CDF (to 1e-12, ample for reporting).
    static func quantile(_ p: Double, df: Double) -> Double {
        precondition(p > 0 && p < 1 && df >= 1)
        var low = -1e6, high = 1e6
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if cdf(mid, df: df) < p { low = mid } else { high = mid }
            if high - low < 1e-12 * max(1, abs(mid)) { break }
        }
        return (low + high) / 2
    }

    /// Two-sided p-value of a t statistic: both tails, I_x(df/2, 1/2) with x = df/(df + t²),
    /// computed directly so that a small p keeps its precision.
    static func twoSidedP(_ t: Double, df: Double) -> Double {
        if t.isInfinite { return 0 }
        return min(1, incompleteBeta(df / (df + t * t), a: df / 2, b: 0.5))
    }

    /// I_x(a, b), the regularized incomplete beta function: the continued fraction of Numerical
    /// Recipes (Lentz's method), used where it converges fast and by symmetry elsewhere.
    static func incompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logGammas: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logFront: Double = logGammas + a * log(x) + b * log(1 - x)
        if x < (a + 1) / (a + b + 2) { return exp(logFront) * continuedFraction(x, a, b) / a }
        return 1 - exp(logFront) * continuedFraction(1 - x, b, a) / b
    }

    private static func continuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...300 {
            let m = Double(m)
            var term = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + term * d; if abs(d) < tiny { d = tiny }
            c = 1 + term / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            term = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + term * d; if abs(d) < tiny { d = tiny }
            c = 1 + term / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            result *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return result
    }
}
