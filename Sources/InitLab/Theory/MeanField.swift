import Foundation

/// The mean-field theory of signal propagation in a deep random network (Poole et al. 2016;
/// Schoenholz et al. 2017, "Deep Information Propagation"): hidden layers of equal width, weights
/// N(0, σ_w²/fan_in), biases N(0, σ_b²). A pre-activation's variance goes to the fixed point q*
/// of q ↦ σ_w² E[φ(√q z)²] + σ_b²; the correlation of two inputs' pre-activations goes to c*;
/// how fast it gets there sets the depth scale ξ_c, over which a network can tell inputs apart
/// (and be trained: the paper finds networks deeper than about 6ξ_c untrainable).
public struct MeanField: Sendable {
    /// The activations the theory is computed for here: tanh, the paper's.
    public static func supports(_ activation: Activation) -> Bool { activation == .tanh }

    public let weightVariance: Double
    public let biasVariance: Double

    public init(weightVariance: Double, biasVariance: Double) {
        self.weightVariance = weightVariance
        self.biasVariance = biasVariance
    }

    /// The fixed points and the depth scale.
    public struct Solution: Sendable, Equatable {
        /// The pre-activations' variance at the fixed point.
        public var q: Double
        /// χ₁ = σ_w² E[φ'(√q* z)²]: the slope of the correlation map at c = 1. Below 1 the network
        /// is ordered (inputs' correlations go to 1), above 1 chaotic.
        public var chi1: Double
        /// The correlation's fixed point: 1 in the ordered phase, below it in the chaotic.
        public var c: Double
        /// χ_c = σ_w² E[φ'(u₁)φ'(u₂)] at c*, which is χ₁ in the ordered phase.
        public var chiC: Double
        /// ξ_c = −1/ln χ_c (infinite at the edge of chaos, where χ_c = 1).
        public var depthScale: Double

        /// 6ξ_c: the depth beyond which Schoenholz et al. find networks untrainable.
        public var trainableDepth: Double { 6 * depthScale }
    }

    /// The pre-activation variances up to which `quadrature` is accurate (σ_w² ≤ 4 keeps q*
    /// below it); above it, tanh's derivative narrows between its nodes.
    static let accurateVariances = 0.0...4.0

    /// Nodes enough for tanh's integrands at the variances σ_w² ≤ 4 gives (q* up to about 2):
    /// the tests hold q* and χ₁ to 1e-8, c* and χ_c to 1e-7, against an independent integration. The
    /// bisection for c* evaluates its double integral forty times, with fewer (the cost is the square).
    static let quadrature = GaussHermite(points: 200)
    static let pairQuadrature = GaussHermite(points: 100)

    static func phi(_ x: Double) -> Double { tanh(x) }
    static func phiPrime(_ x: Double) -> Double {
        let t = tanh(x)
        return 1 - t * t
    }

    /// q*: with σ_b = 0 and σ_w² ≤ 1, q = 0 (tanh(0) = 0, and σ_w² φ'(0)² ≤ 1 makes it the
    /// attracting fixed point); else the one root of h(q) = σ_w² E[φ(√q z)²] + σ_b² − q above 0, by
    /// bisection: h > 0 below it, h < 0 above it (h(σ_w² + σ_b²) < 0, as φ² < 1). Iterating the map
    /// instead would crawl near the edge of chaos, where its slope nears 1.
    func fixedPointVariance() -> Double {
        let sw = weightVariance, sb = biasVariance
        if sb == 0 && sw <= 1 { return 0 }
        func h(_ q: Double) -> Double { nextVariance(q) - q }
        // With σ_b = 0 the root is above 0, where h is 0 too: start just above it, where h > 0.
        // Halving from σ_w² + σ_b² down to the 1e-308 start takes about 1100 steps at most.
        return Self.bisect(sb > 0 ? 0 : Double.leastNormalMagnitude, sw + sb, steps: 2000, tolerance: 1e-16) { h($0) > 0 }
    }

    /// The variance map: the next layer's pre-activation variance, σ_w² E[φ(√q z)²] + σ_b², from
    /// this layer's q.
    func nextVariance(_ q: Double) -> Double {
        weightVariance * Self.quadrature.expectation { z in let y = Self.phi(q.squareRoot() * z); return y * y } + biasVariance
    }

    /// Where `isBelow` stops holding between `low` (where it holds) and `high` (where it does
    /// not), by halving the interval `steps` times, or until it is narrower than `tolerance`
    /// times its upper end.
    static func bisect(_ low: Double, _ high: Double, steps: Int, tolerance: Double = 0, isBelow: (Double) -> Bool) -> Double {
        var (low, high) = (low, high)
        var step = 0
        while step < steps && high - low > tolerance * high {
            let mid = (low + high) / 2
            if isBelow(mid) { low = mid } else { high = mid }
            step += 1
        }
        return (low + high) / 2
    }

    /// χ₁ = σ_w² E[φ'(√q z)²] at q.
    func chi1(at q: Double) -> Double {
        let root = q.squareRoot()
        return weightVariance * Self.quadrature.expectation { z in let d = Self.phiPrime(root * z); return d * d }
    }

    /// The σ_w² in `range` where χ₁ = 1 (the edge of chaos), nil if it is not in it: exactly 1
    /// without biases; else by bisection, χ₁ growing with σ_w².
    public static func edge(biasVariance sb: Double, in range: ClosedRange<Double>) -> Double? {
        if sb == 0 { return range.contains(1) ? 1 : nil }
        func excess(_ sw: Double) -> Double { let field = MeanField(weightVariance: sw, biasVariance: sb); return field.chi1(at: field.fixedPointVariance()) - 1 }
        guard excess(range.lowerBound) <= 0, excess(range.upperBound) >= 0 else { return nil }
        return bisect(range.lowerBound, range.upperBound, steps: 50) { excess($0) < 0 }
    }

    public func solve() -> Solution {
        let g = Self.quadrature, sw = weightVariance, sb = biasVariance
        let q = fixedPointVariance(), root = q.squareRoot()
        let chi1 = chi1(at: q)
        // At q = 0, χ₁ = σ_w² φ'(0)² = σ_w² exactly.
        if q == 0 { return Solution(q: 0, chi1: sw, c: 1, chiC: sw, depthScale: Self.depthScale(sw)) }
        guard chi1 > 1 else { return Solution(q: q, chi1: chi1, c: 1, chiC: chi1, depthScale: Self.depthScale(chi1)) }
        // Chaotic: the correlation map c ↦ f(c) has a fixed point c* below 1, where f(c) − c
        // changes sign (f(c) > c below it; above it, towards 1, f(c) ≈ 1 − χ₁(1 − c) < c).
        // Bisection: iterating the map would crawl near the edge, where its slope nears 1.
        let g2 = Self.pairQuadrature
        func excess(_ c: Double) -> Double {
            let s = (1 - c * c).squareRoot()
            return (sw * g2.expectation { z1, z2 in Self.phi(root * z1) * Self.phi(root * (c * z1 + s * z2)) } + sb) / q - c
        }
        let c = excess(0) > 0 ? Self.bisect(0, 1 - 1e-9, steps: 40) { excess($0) > 0 } : 0
        let s = (1 - c * c).squareRoot()
        let chiC = sw * g.expectation { z1, z2 in Self.phiPrime(root * z1) * Self.phiPrime(root * (c * z1 + s * z2)) }
        return Solution(q: q, chi1: chi1, c: c, chiC: chiC, depthScale: Self.depthScale(chiC))
    }

    static func depthScale(_ chi: Double) -> Double { chi >= 1 ? .infinity : -1 / log(chi) }
}
