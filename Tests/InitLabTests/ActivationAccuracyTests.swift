import CKernels
import Foundation
import Testing
@testable import InitLab

/// The vectorized activations against Double-precision references rounded to Float (taken as
/// the correctly rounded value: the Double is 29 bits more precise), over a sweep of every
/// exponent range, ±0, ±inf, NaN, subnormals and each function's saturation region.
@Suite struct ActivationAccuracyTests {
    /// Every 4099th bit pattern (every exponent, both signs, subnormals and NaNs) and the values
    /// where the functions change form or saturate.
    static let inputs: [Float] = {
        var values = stride(from: UInt32(0), to: UInt32.max, by: 4099).map { Float(bitPattern: $0) }
        let edges: [Float] = [0, .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, .infinity, .nan,
                              0.625, 0.62499994, 1e-4, 1e-20, 9, 10, 20, 44, 88.72283, 88.72284, 87.33655, 103.97, 104, 105,
                              0.34657359, 1, 2, 0.5, 1e-7]
        for edge in edges { values += [edge, -edge, edge.nextUp, edge.nextDown] }
        // Dense where training lives: [−12, 12] in steps of about 10⁻³.
        values += stride(from: Float(-12), through: 12, by: 0.000977)
        return values
    }()

    /// Error of `y` in units in the last place of the correctly rounded `reference`.
    static func ulps(_ y: Float, _ reference: Double) -> Double {
        let rounded = Float(reference)
        if reference.isNaN { return y.isNaN ? 0 : .infinity }
        if rounded.isInfinite || y.isInfinite { return y == rounded ? 0 : .infinity }
        return abs(Double(y) - reference) / Double(rounded == 0 ? Float.leastNonzeroMagnitude : rounded.ulp)
    }

    /// f over `inputs` through the evaluation kernel (bias −0, which leaves every input as it is).
    static func evaluate(_ activation: Activation) -> [Float] {
        var z = inputs
        let bias: [Float] = [-0.0]
        z.withUnsafeMutableBufferPointer { ckernels_activate_evaluation(activation.kernel, activation.slope, $0.baseAddress!, bias, 1, $0.count) }
        return z
    }

    /// f and f' over `inputs` through the training kernel (dropout factors 1).
    static func train(_ activation: Activation) -> (values: [Float], derivatives: [Float]) {
        var z = inputs
        var gate = [Float](repeating: 1, count: inputs.count)
        let bias: [Float] = [-0.0]
        z.withUnsafeMutableBufferPointer { zp in
            gate.withUnsafeMutableBufferPointer { ckernels_activate_training(activation.kernel, activation.slope, 1, zp.baseAddress!, $0.baseAddress!, bias, 1, zp.count) }
        }
        return (z, gate)
    }

    /// PyTorch's SELU constants, exactly (Activation keeps them as Floats).
    static let seluScale = 1.0507009873554804934193349852946, seluAlpha = 1.6732632423543772848170429916717
    static let selu: (Double) -> Double = { x in x > 0 ? seluScale * x : seluScale * seluAlpha * Foundation.expm1(x) }

    /// The largest error over the inputs, and where.
    static func worst(_ outputs: [Float], _ reference: (Double) -> Double) -> (ulps: Double, at: Float) {
        var worst = (ulps: 0.0, at: Float(0))
        for (x, y) in zip(inputs, outputs) {
            let e = ulps(y, reference(Double(x)))
            if e > worst.ulps || e.isNaN { worst = (e, x) }
        }
        return worst
    }

    /// The bounds: 1 ulp for exp, sigmoid and SELU, which round once from Double; 2 ulp for tanh,
    /// computed in Float (activations.c).
    @Test func expSigmoidAndSELUAreWithinOneUlpAndTanhWithinTwo() {
        var exps = [Float](repeating: 0, count: Self.inputs.count)
        Self.inputs.withUnsafeBufferPointer { x in exps.withUnsafeMutableBufferPointer { ckernels_exp(x.baseAddress!, $0.baseAddress!, x.count) } }
        let cases: [(String, [Float], (Double) -> Double, Double)] = [
            ("exp", exps, { Foundation.exp($0) }, 1),
            ("tanh", Self.evaluate(.tanh), { Foundation.tanh($0) }, 2),
            ("sigmoid", Self.evaluate(.sigmoid), { 1 / (1 + Foundation.exp(-$0)) }, 1),
            ("selu", Self.evaluate(.selu), Self.selu, 1),
        ]
        for (name, outputs, reference, bound) in cases {
            let (error, x) = Self.worst(outputs, reference)
            print("\(name): worst \(error) ulp at \(x)")
            #expect(error <= bound, "\(name): \(error) ulp at x = \(x) (bits \(String(x.bitPattern, radix: 16)))")
        }
    }

    @Test func specialValuesComeOutAsTheFunctionsDefineThem() {
        let x: [Float] = [0, -0.0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, -.leastNonzeroMagnitude]
        var z = x
        let bias: [Float] = [-0.0]
        for activation in [Activation.tanh, .sigmoid, .selu] {
            z = x
            z.withUnsafeMutableBufferPointer { ckernels_activate_evaluation(activation.kernel, 0, $0.baseAddress!, bias, 1, $0.count) }
            switch activation {
            case .tanh:
                #expect(z[0].bitPattern == Float(0).bitPattern && z[1].bitPattern == Float(-0.0).bitPattern)
                #expect(z[2] == 1 && z[3] == -1 && z[4].isNaN && z[5] == .leastNonzeroMagnitude && z[6] == -.leastNonzeroMagnitude)
            case .sigmoid:
                #expect(z[0] == 0.5 && z[1] == 0.5 && z[2] == 1 && z[3] == 0 && z[4].isNaN)
            default:
                #expect(z[0] == 0 && z[2] == .infinity && z[4].isNaN)
                #expect(z[3] == Float(-Self.seluScale * Self.seluAlpha))
            }
        }
    }

    /// Backward uses the forward's output as PyTorch does (1 − y², y(1 − y)), bit for bit;
    /// SELU's derivative for v ≤ 0 is scale·α·eᵛ within 1 ulp; leaky ReLU's and ReLU's are exact.
    @Test func derivativesAreThoseOfTheForwardOutputs() {
        let (tanh, dtanh) = Self.train(.tanh)
        #expect(zip(tanh, dtanh).allSatisfy { y, d in y.isNaN ? d.isNaN : d == 1 - y * y })
        #expect(tanh.elementsEqual(Self.evaluate(.tanh)) { $0.bitPattern == $1.bitPattern })
        let (sigmoid, dsigmoid) = Self.train(.sigmoid)
        #expect(zip(sigmoid, dsigmoid).allSatisfy { y, d in y.isNaN ? d.isNaN : d == y * (1 - y) })
        let (selu, dselu) = Self.train(.selu)
        #expect(selu.elementsEqual(Self.evaluate(.selu)) { $0.bitPattern == $1.bitPattern })
        let (error, x) = Self.worst(dselu) { $0 > 0 ? Self.seluScale : Self.seluScale * Self.seluAlpha * Foundation.exp($0) }
        #expect(error <= 1, "SELU derivative: \(error) ulp at \(x)")
        let (_, dleaky) = Self.train(.leakyReLU(slope: 0.01))
        #expect(zip(Self.inputs, dleaky).allSatisfy { x, d in x.isNaN || d == (x > 0 ? 1 : 0.01) })
    }

    /// Each feature is a row of its own: computing any block of rows apart (as the partner core
    /// does) gives the same bits as the whole.
    @Test func anySplitOfTheFeaturesGivesTheSameBits() {
        let features = 13, samples = 37
        var rng = Xoshiro256(seed: 5)
        let z0 = (0..<(features * samples)).map { _ in Float(rng.normal() * 3) }
        let gate0 = (0..<(features * samples)).map { _ in rng.uniform() < 0.2 ? Float(0) : 1.25 }
        let bias = (0..<features).map { _ in Float(rng.normal()) }
        for activation in [Activation.tanh, .sigmoid, .selu, .leakyReLU(slope: 0.1), .identity, .relu] {
            var whole = z0, wholeGate = gate0
            ckernels_activate_training(activation.kernel, activation.slope, 1, &whole, &wholeGate, bias, features, samples)
            var parts = z0, partsGate = gate0
            for (first, count) in [(0, 5), (5, 8)] {
                parts.withUnsafeMutableBufferPointer { z in
                    partsGate.withUnsafeMutableBufferPointer { g in
                        bias.withUnsafeBufferPointer { b in
                            ckernels_activate_training(activation.kernel, activation.slope, 1, z.baseAddress! + first * samples,
                                                       g.baseAddress! + first * samples, b.baseAddress! + first, count, samples)
                        }
                    }
                }
            }
            #expect(whole.map(\.bitPattern) == parts.map(\.bitPattern) && wholeGate.map(\.bitPattern) == partsGate.map(\.bitPattern))
        }
    }
}
