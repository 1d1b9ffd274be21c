import Foundation
import Testing
@testable import InitLab

/// The mean-field theory behind the edge-of-chaos figure, against an independent computation:
/// Simpson's rule on a fine grid over ±12 standard deviations, in Float64, and fixed-point
/// iterations of its own.
@Suite struct MeanFieldTests {
    /// E[f(z)], z ~ N(0, 1), by composite Simpson with step h on [−12, 12].
    static func simpson(h: Double = 0.001, _ f: (Double) -> Double) -> Double {
        let n = Int((24 / h).rounded())
        var sum = 0.0
        for i in 0...n {
            let z = -12 + Double(i) * h
            let weight: Double = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2)
            sum += weight * f(z) * exp(-z * z / 2)
        }
        return sum * h / 3 / (2 * Double.pi).squareRoot()
    }

    /// E[f(z₁, z₂)] over two independent standard normals, Simpson in both directions.
    static func simpson2(h: Double = 0.02, _ f: (Double, Double) -> Double) -> Double {
        simpson(h: h) { z1 in simpson(h: h) { z2 in f(z1, z2) } }
    }

    static func sech2(_ x: Double) -> Double { let t = tanh(x); return 1 - t * t }

    /// q* by iterating the variance map to convergence, every expectation by Simpson.
    static func referenceQ(_ sw: Double, _ sb: Double) -> Double {
        var q = 1.0
        for _ in 0..<10_000 {
            let next = sw * simpson { z in pow(tanh(q.squareRoot() * z), 2) } + sb
            if abs(next - q) < 1e-15 { return next }
            q = next
        }
        return q
    }

    @Test func gaussHermiteIntegratesNormalMomentsExactly() {
        let g = GaussHermite(points: 20)
        #expect(abs(g.weights.reduce(0, +) - 1) < 1e-14)
        // E[z^2k] = (2k − 1)!!, exact for degree ≤ 2n − 1 = 39.
        var doubleFactorial = 1.0
        for k in 1...19 {
            doubleFactorial *= Double(2 * k - 1)
            let moment = g.expectation { pow($0, Double(2 * k)) }
            #expect(abs(moment / doubleFactorial - 1) < 1e-10, "E[z^\(2 * k)]")
        }
        #expect(abs(g.expectation { pow($0, 3) }) < 1e-12)
    }

    /// Schoenholz et al.: for tanh without biases the edge of chaos is σ_w² = 1, where χ₁ = 1
    /// and the depth scale diverges; below it q* = 0 and χ₁ = σ_w².
    @Test func theEdgeOfChaosIsAtUnitWeightVarianceWithoutBiases() {
        let edge = MeanField(weightVariance: 1, biasVariance: 0).solve()
        #expect(edge.chi1 == 1 && edge.depthScale == .infinity)
        let ordered = MeanField(weightVariance: 0.5, biasVariance: 0).solve()
        #expect(ordered.q == 0 && ordered.chi1 == 0.5 && abs(ordered.depthScale - 1 / log(2)) < 1e-12)
        // Just past the edge the network is chaotic, with a long but finite depth scale.
        let chaotic = MeanField(weightVariance: 1.1, biasVariance: 0).solve()
        #expect(chaotic.chi1 > 1 && chaotic.c < 1 && chaotic.depthScale.isFinite && chaotic.depthScale > 5)
    }

    /// With biases the edge moves to larger σ_w²: where the reference's χ₁ is 1.
    @Test func theEdgeWithBiasesIsWhereChi1IsOne() throws {
        #expect(MeanField.edge(biasVariance: 0, in: 0.5...4) == 1 && MeanField.edge(biasVariance: 0, in: 2...4) == nil)
        let edge = try #require(MeanField.edge(biasVariance: 0.05, in: 0.5...4))
        let root = Self.referenceQ(edge, 0.05).squareRoot()
        #expect(abs(edge * Self.simpson { z in pow(Self.sech2(root * z), 2) } - 1) < 1e-8, "edge \(edge)")
        #expect(edge > 1.7 && edge < 1.8)
    }

    @Test(arguments: [(0.8, 0.05), (1.5, 0.05), (2.5, 0.0), (4.0, 0.05), (1.2, 0.3), (1.01, 0.0)])
    func fixedPointAndSlopesMatchAnIndependentComputation(_ sw: Double, _ sb: Double) {
        let solution = MeanField(weightVariance: sw, biasVariance: sb).solve()
        let q = Self.referenceQ(sw, sb), root = q.squareRoot()
        #expect(abs(solution.q - q) < 1e-9 * max(1, q), "q* at σ_w² \(sw), σ_b² \(sb)")
        let chi1 = sw * Self.simpson { z in pow(Self.sech2(root * z), 2) }
        #expect(abs(solution.chi1 - chi1) < 1e-8, "χ₁ at σ_w² \(sw), σ_b² \(sb)")
        guard chi1 > 1 else {
            #expect(solution.c == 1 && solution.chiC == solution.chi1)
            #expect(abs(solution.depthScale + 1 / log(chi1)) < 1e-6 * solution.depthScale)
            return
        }
        // Chaotic: c* is the fixed point of the correlation map, checked by the reference map
        // (one step from the solution's c* stays there), and χ_c at it.
        let c = solution.c, s = (1 - c * c).squareRoot()
        let mapped = (sw * Self.simpson2 { z1, z2 in tanh(root * z1) * tanh(root * (c * z1 + s * z2)) } + sb) / q
        #expect(abs(mapped - c) < 1e-7, "c* at σ_w² \(sw), σ_b² \(sb)")
        let chiC = sw * Self.simpson2 { z1, z2 in Self.sech2(root * z1) * Self.sech2(root * (c * z1 + s * z2)) }
        #expect(abs(solution.chiC - chiC) < 1e-7 && chiC < 1)
        #expect(abs(solution.depthScale + 1 / log(chiC)) < 1e-5 * solution.depthScale)
    }
}
