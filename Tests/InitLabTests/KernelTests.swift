import CKernels
import Foundation
import Testing
@testable import InitLab

@Suite struct KernelTests {
    @Test func crossEntropyOnKnownValues() {
        // scores (1, 2, 3), label 2: loss = log(e¹ + e² + e³) − 3 = 0.40760596…;
        // gradient = softmax − one-hot = (0.09003057, 0.24472847, 0.66524096 − 1).
        let scores: [Float] = [1, 2, 3, 1000, 1000, 1000]
        let labels: [Int32] = [2, 0]
        var gradient = [Float](repeating: 0, count: 6)
        let loss = softmaxCrossEntropy(scores: scores, labels: labels, rows: 2, classes: 3, dscores: &gradient)
        // Row 2 has equal huge scores: log 3 exactly, with no overflow (log-sum-exp).
        let expected = (0.40760596 + log(3.0)) / 2
        #expect(abs(Double(loss) - expected) < 1e-6)
        let third = 1.0 / 3
        let perRow: [Double] = [0.09003057, 0.24472847, -0.33475904, third - 1, third, third]
        let expectedGradient = perRow.map { $0 / 2 }
        for (g, e) in zip(gradient, expectedGradient) { #expect(abs(Double(g) - e) < 1e-6) }
    }

    @Test func crossEntropyOfUniformScoresIsLogClasses() {
        let scores = [Float](repeating: 0, count: 40)
        let labels: [Int32] = [0, 3, 9, 5]
        var gradient = [Float](repeating: 0, count: 40)
        let loss = softmaxCrossEntropy(scores: scores, labels: labels, rows: 4, classes: 10, dscores: &gradient)
        #expect(abs(Double(loss) - log(10.0)) < 1e-6)
    }

    @Test func dropoutMaskDropsTheRightFractionAndScalesTheRest() {
        let count = 200_000
        let mask = FloatBuffer(count: count)
        var stream = DropoutStream(seededBy: Xoshiro256(seed: 5))
        fillDropoutMask(mask.pointer, count: count, p: 0.2, stream: &stream)
        let values = mask.array
        let dropped = values.filter { $0 == 0 }.count
        #expect(values.allSatisfy { $0 == 0 || $0 == 1.25 })
        // Binomial(200000, 0.2): standard deviation 179; 5σ ≈ 900.
        #expect(abs(dropped - 40_000) < 900)
        // Inverted dropout keeps the expected activation: mean factor 1.
        let mean = values.reduce(0.0) { $0 + Double($1) } / Double(count)
        #expect(abs(mean - 1) < 0.006)
    }

    @Test func dropoutMaskKernelMatchesEightPlainGenerators() {
        // Reference: eight scalar xoshiro256** generators with the lanes' states; round k of lane
        // j decides entries 16k + 2j (low 32 bits) and 16k + 2j + 1 (high), dropped when below
        // p·2³². Two calls continue where the first stopped (its partial round's rest dropped).
        let threshold = UInt64((0.3 * 4_294_967_296.0).rounded())
        let scale = 1 / (1 - Float(0.3))
        var stream = DropoutStream(seededBy: Xoshiro256(seed: 42))
        var lanes = (0..<8).map { j in
            Xoshiro256(state: (stream.word(0, lane: j), stream.word(1, lane: j), stream.word(2, lane: j), stream.word(3, lane: j)))
        }
        for count in [37, 1000] {
            var expected = [Float](repeating: -1, count: (count + 15) / 16 * 16)
            for round in 0..<((count + 15) / 16) {
                for j in 0..<8 {
                    let bits = lanes[j].next()
                    expected[16 * round + 2 * j] = (bits & 0xFFFF_FFFF) < threshold ? 0 : scale
                    expected[16 * round + 2 * j + 1] = (bits >> 32) < threshold ? 0 : scale
                }
            }
            let mask = FloatBuffer(count: count)
            fillDropoutMask(mask.pointer, count: count, p: 0.3, stream: &stream)
            #expect(mask.array == Array(expected.prefix(count)))
        }
    }

    @Test func fusedReLUForwardMatchesItsDefinition() {
        // z = W·xᵀ (before bias), 3 features × 2 samples, bias b per feature, mask m:
        // out = relu(z + b)·m, gate = 1[z + b > 0]·m.
        var z: [Float] = [-1, -0.25, 0.5, 0.1, 2, 3]
        var gate: [Float] = [1.25, 1.25, 0, 1.25, 1.25, 1.25]
        let bias: [Float] = [0.5, -1, 0]
        activateTraining(&z, gate: &gate, bias: bias, features: 3, samples: 2, activation: .relu)
        #expect(z == [0, 0.3125, 0, 0, 2.5, 3.75])
        #expect(gate == [0, 1.25, 0, 0, 1.25, 1.25])
    }
}

extension KernelTests {
    /// A layer without dropout passes no mask: every activation's output and gate are, bit for bit,
    /// those of a gate filled with ones, whatever the gate held before (NaN, ±0, huge values and
    /// a tail past the vectors included).
    @Test(arguments: [Activation.relu, .tanh, .sigmoid, .selu, .leakyReLU(slope: 0.01), .identity])
    func withoutAMaskTheSameBitsAsAMaskOfOnes(_ activation: Activation) {
        let features = 3, samples = 37
        var rng = Xoshiro256(seed: 7)
        var values = (0..<(features * samples)).map { _ in Float(rng.uniform() * 8 - 4) }
        values[0] = .nan; values[1] = -0.0; values[2] = 0; values[3] = 80; values[4] = -80; values[5] = .infinity
        let bias: [Float] = [0.25, -0.5, 0]
        var masked = values, ones = [Float](repeating: 1, count: values.count)
        activateTraining(&masked, gate: &ones, masked: true, bias: bias, features: features, samples: samples, activation: activation)
        var unmasked = values, gate = [Float](repeating: .nan, count: values.count)
        activateTraining(&unmasked, gate: &gate, masked: false, bias: bias, features: features, samples: samples, activation: activation)
        #expect(unmasked.map(\.bitPattern) == masked.map(\.bitPattern))
        #expect(gate.map(\.bitPattern) == ones.map(\.bitPattern))
    }

    /// The kernels run an activation over a whole block at once, where an element's place decides
    /// whether a vector or the loop's remainder computes it: each feature alone (37 samples: a
    /// remainder of 5 or 37) and all 13 at once give the same bits, in training and in evaluation.
    @Test(arguments: [Activation.relu, .tanh, .sigmoid, .selu, .leakyReLU(slope: 0.01), .identity])
    func anActivationsBitsDoNotDependOnTheBlocksShape(_ activation: Activation) {
        let features = 13, samples = 37
        var rng = Xoshiro256(seed: 5)
        let values = (0..<(features * samples)).map { _ in Float(rng.uniform() * 12 - 6) }
        let mask = (0..<(features * samples)).map { _ in rng.uniform() < 0.2 ? Float(0) : 1.25 }
        let bias = (0..<features).map { _ in Float(rng.uniform() - 0.5) }
        var whole = values, wholeGate = mask
        activateTraining(&whole, gate: &wholeGate, bias: bias, features: features, samples: samples, activation: activation)
        var evaluated = values
        activateEvaluation(&evaluated, bias: bias, features: features, samples: samples, activation: activation)
        for f in 0..<features {
            let row = f * samples..<(f + 1) * samples
            var z = Array(values[row]), gate = Array(mask[row]), e = Array(values[row])
            activateTraining(&z, gate: &gate, bias: [bias[f]], features: 1, samples: samples, activation: activation)
            activateEvaluation(&e, bias: [bias[f]], features: 1, samples: samples, activation: activation)
            #expect(z.map(\.bitPattern) == whole[row].map(\.bitPattern), "feature \(f)")
            #expect(gate.map(\.bitPattern) == wholeGate[row].map(\.bitPattern), "feature \(f)")
            #expect(e.map(\.bitPattern) == evaluated[row].map(\.bitPattern), "feature \(f)")
        }
    }

    /// A residual sum's backward in one pass: the skip's gradient copied (or added), α's gradient
    /// per feature as one chain in sample order (product rounded, then added: eight features'
    /// chains side by side and a tail of five give those bits), then δ scaled by α.
    @Test(arguments: [(Float(1), false), (0.3, true)])
    func aResidualSumsBackwardInOnePass(alpha: Float, accumulate: Bool) {
        let features = 13, samples = 37, count = features * samples
        var rng = Xoshiro256(seed: 11)
        func draw() -> [Float] { (0..<count).map { _ in Float(rng.uniform() * 2 - 1) } }
        let delta = draw(), branch = draw(), skip = draw()
        var expectedSums = [Float](repeating: 0, count: features)
        for f in 0..<features {
            var sum: Float = 0
            for s in 0..<samples {
                let product = delta[f * samples + s] * branch[f * samples + s]
                sum = sum + product
            }
            expectedSums[f] = sum
        }
        var d = delta, g = skip, sums = [Float](repeating: .nan, count: features)
        ckernels_residual_backward(&d, &g, accumulate ? 1 : 0, branch, &sums, alpha, features, samples)
        #expect(sums.map(\.bitPattern) == expectedSums.map(\.bitPattern))
        #expect(g == zip(skip, delta).map { accumulate ? $0 + $1 : $1 })
        #expect(d == delta.map { alpha * $0 })
        // Without a trained α nothing is summed, and nothing is read or written there.
        var d2 = delta, g2 = skip
        ckernels_residual_backward(&d2, &g2, 0, nil, nil, alpha, features, samples)
        #expect(g2 == delta && d2 == d)
    }

    @Test func gateAndSumMultipliesAndSumsEachFeaturesSamples() {
        // 2 features × 10 samples (eight lanes, then a tail of two); values exact in Float, so
        // any order of the sums gives the same result.
        var delta: [Float] = (1...10).map { Float($0) } + (1...10).map { -0.5 * Float($0) }
        let gate: [Float] = (0..<20).map { $0 % 2 == 0 ? 1.25 : 0 }
        var sums: [Float] = [7, 7]
        gateAndSum(&delta, gate: gate, features: 2, samples: 10, biasGradient: &sums)
        #expect(delta == [1.25, 0, 3.75, 0, 6.25, 0, 8.75, 0, 11.25, 0, -0.625, 0, -1.875, 0, -3.125, 0, -4.375, 0, -5.625, 0])
        #expect(sums == [31.25, -15.625])
    }
}

@Suite struct OptimizerTests {
    @Test func adamMatchesTwoHandComputedSteps() {
        // p = 1, lr 0.1, gradients 0.5 then −1, β 0.9/0.999, ε 1e-8, by the paper's formulas:
        // step 1: m = 0.05, v = 0.00025, m̂ = 0.5, v̂ = 0.25 → p = 1 − 0.1·0.5/(0.5 + ε) = 0.9
        // step 2: m = −0.055, v = 0.00124975, m̂ = −0.055/0.19, v̂ = 0.00124975/0.001999
        let optimizer = OptimizerState(.adam(learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8), parameterCount: 1)
        let p = FloatBuffer(count: 1), g = FloatBuffer(count: 1)
        p.pointer[0] = 1
        g.pointer[0] = 0.5
        optimizer.update(p, g)
        #expect(abs(p.pointer[0] - 0.9) < 1e-6)
        g.pointer[0] = -1
        optimizer.update(p, g)
        let mHat = -0.055 / 0.19, vHat = 0.00124975 / 0.001999
        let expected = 0.9 - 0.1 * mHat / (vHat.squareRoot() + 1e-8)
        #expect(abs(Double(p.pointer[0]) - expected) < 1e-6)
    }

    /// The kernel divides √v by √(1 − β2ᵗ) as a Double product with the reciprocal (ckernels.c
    /// says why that is the same float); here against the division itself, bit for bit, over a
    /// million second moments of every exponent (0, subnormal, huge, inf and NaN included) and
    /// corrections from several β2 and steps.
    @Test func adamsUpdateIsTheDivisionsFloatBitForBit() {
        var rng = Xoshiro256(seed: 3)
        let count = 1 << 17
        for (beta2, step) in [(Float(0.999), 1), (0.999, 7), (0.999, 1000), (0.95, 3), (0.5, 2), (0.99999994, 1), (0.9, 400), (0, 1)] {
            let rootCorrection2 = Float((1 - pow(Double(beta2), Double(step))).squareRoot())
            var second = (0..<count).map { _ in Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()) & 0x7FFF_FFFF) }
            second[0] = 0; second[1] = .leastNonzeroMagnitude; second[2] = .greatestFiniteMagnitude; second[3] = .infinity; second[4] = .nan
            let first = (0..<count).map { _ in Float(bitPattern: UInt32(truncatingIfNeeded: rng.next())) }
            let gradients = (0..<count).map { _ in Float(rng.uniform() * 2 - 1) }
            var parameters = [Float](repeating: 0.5, count: count), m = first, v = second
            ckernels_adam(&parameters, gradients, &m, &v, count, 0.1, beta2, 1 - beta2, 1e-3, rootCorrection2, 1e-8)
            var mismatches = 0
            for i in 0..<count {
                let mi = first[i] + 0.1 * (gradients[i] - first[i])
                let vi = beta2 * second[i] + (1 - beta2) * gradients[i] * gradients[i]
                let expected = 0.5 - 1e-3 * (mi / (vi.squareRoot() / rootCorrection2 + 1e-8))
                if expected.bitPattern != parameters[i].bitPattern && !(expected.isNaN && parameters[i].isNaN) { mismatches += 1 }
            }
            #expect(mismatches == 0, "β2 \(beta2), step \(step)")
        }
    }

    /// Parameters whose gradient is 0 after the tenth step (every third, and all of some blocks of
    /// 16) drive Adam's m and SGD's momentum to the smallest subnormal, where the kernels compute in
    /// Double: 1,500 steps against the Float operations in Swift, bit for bit at every step.
    @Test func updatesOfParametersWithoutGradientKeepTheirBitsInTheSubnormals() {
        let count = 100
        func gradient(_ i: Int, _ step: Int) -> Float {
            step > 10 && (i % 3 == 0 || (32..<64).contains(i)) ? 0 : Float((i * 7 + step) % 11 + 1) / 1000
        }
        let adam = OptimizerState(.adam(learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8), parameterCount: count)
        let sgd = OptimizerState(.sgd(learningRate: 0.1, momentum: 0.9), parameterCount: count)
        let p = FloatBuffer(count: count), q = FloatBuffer(count: count), g = FloatBuffer(count: count)
        var expectedP = (0..<count).map { Float($0) / 50 - 1 }, m = [Float](repeating: 0, count: count), v = m
        var expectedQ = expectedP, buffer = m
        p.copy(from: expectedP)
        q.copy(from: expectedQ)
        var mismatches = 0
        for step in 1...1500 {
            let gradients = (0..<count).map { gradient($0, step) }
            g.copy(from: gradients)
            adam.update(p, g)
            sgd.update(q, g)
            // As OptimizerState computes them: the corrections in Double from the Float β's.
            let stepSize = Float(Double(Float(0.01)) / (1 - pow(Double(Float(0.9)), Double(step))))
            let rootCorrection2 = Float((1 - pow(Double(Float(0.999)), Double(step))).squareRoot())
            for i in 0..<count {
                m[i] = m[i] + (1 - Float(0.9)) * (gradients[i] - m[i])
                v[i] = 0.999 * v[i] + (1 - Float(0.999)) * gradients[i] * gradients[i]
                expectedP[i] -= stepSize * (m[i] / (v[i].squareRoot() / rootCorrection2 + 1e-8))
                buffer[i] = (step == 1 ? 0 : 0.9) * buffer[i] + gradients[i]
                expectedQ[i] -= 0.1 * buffer[i]
            }
            mismatches += zip(p.array, expectedP).filter { $0.bitPattern != $1.bitPattern }.count
            mismatches += zip(q.array, expectedQ).filter { $0.bitPattern != $1.bitPattern }.count
        }
        #expect(mismatches == 0)
        // The state did reach the subnormals (else the test would not test that path).
        #expect(m.contains { $0 != 0 && !$0.isNormal } && buffer.contains { $0 != 0 && !$0.isNormal })
    }

    @Test func adamStepIsAboutTheLearningRateWhateverTheGradientScale() {
        // Adam's first step moves every parameter by lr·sign(g), for tiny and huge gradients alike.
        let optimizer = OptimizerState(.adam(learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8), parameterCount: 3)
        let p = FloatBuffer(count: 3), g = FloatBuffer(count: 3)
        g.copy(from: [1e-3, -50, 1e4])
        optimizer.update(p, g)
        #expect(p.array.map { ($0 * 1e4).rounded() / 1e4 } == [-0.001, 0.001, -0.001])
    }

    @Test func sgdWithMomentumMatchesPyTorch() {
        // torch.optim.SGD(lr 0.1, momentum 0.9): buf = g at step 1, then 0.9·buf + g.
        let optimizer = OptimizerState(.sgd(learningRate: 0.1, momentum: 0.9), parameterCount: 1)
        let p = FloatBuffer(count: 1), g = FloatBuffer(count: 1)
        g.pointer[0] = 1
        optimizer.update(p, g) // buf 1 → p −0.1
        optimizer.update(p, g) // buf 1.9 → p −0.29
        #expect(abs(p.pointer[0] + 0.29) < 1e-6)
    }

    @Test func sgdRoundsEachOperationAsWritten() {
        // 37 parameters (vectors, then a tail), three steps with and without momentum, against the
        // same operations in Swift, bit for bit: buf ← keep·buf + g, p ← p − lr·buf.
        for momentum: Float in [0, 0.9] {
            let count = 37, optimizer = OptimizerState(.sgd(learningRate: 0.3, momentum: momentum), parameterCount: count)
            let p = FloatBuffer(count: count), g = FloatBuffer(count: count)
            var expected = (0..<count).map { Float($0) / 7 - 2 }, buffer = [Float](repeating: 0, count: count)
            p.copy(from: expected)
            for step in 1...3 {
                let gradients = (0..<count).map { Float(($0 * 13 + step * 5) % 17) / 3 - 2.5 }
                g.copy(from: gradients)
                optimizer.update(p, g)
                for i in 0..<count {
                    if momentum == 0 {
                        expected[i] -= 0.3 * gradients[i]
                    } else {
                        buffer[i] = (step == 1 ? 0 : momentum) * buffer[i] + gradients[i]
                        expected[i] -= 0.3 * buffer[i]
                    }
                }
            }
            #expect(p.array.map(\.bitPattern) == expected.map(\.bitPattern), "momentum \(momentum)")
        }
    }
}
