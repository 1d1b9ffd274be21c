import Foundation
import Testing
@testable import InitLab

/// Each initializer on a 300×500 weight matrix (fan_out 300, fan_in 500): 150,000 draws.
@Suite struct InitializerTests {
    static let rows = 300, cols = 500
    static let fanIn = 500.0, fanOut = 300.0

    struct Expectation: Sendable, CustomTestStringConvertible {
        let initializer: Initializer
        let mean: Double
        let std: Double
        /// Closed bounds every draw must respect, if the distribution has them.
        let bounds: ClosedRange<Double>?
        /// Whether draws have real density at both bounds (uniform), so they must come close to each.
        var reachesBounds = false
        var testDescription: String { initializer.kindName }
    }

    static func uniform(_ i: Initializer, _ low: Double, _ high: Double) -> Expectation {
        Expectation(initializer: i, mean: (low + high) / 2, std: (high - low) / 12.0.squareRoot(), bounds: low...high,
                    reachesBounds: true)
    }

    static func normal(_ i: Initializer, _ mean: Double, _ std: Double) -> Expectation {
        Expectation(initializer: i, mean: mean, std: std, bounds: nil)
    }

    /// N(μ, σ²) truncated to [a, b]: the textbook mean and standard deviation.
    static func truncated(_ i: Initializer, _ mu: Double, _ sigma: Double, _ a: Double, _ b: Double) -> Expectation {
        let alpha = (a - mu) / sigma, beta = (b - mu) / sigma
        func pdf(_ x: Double) -> Double { exp(-x * x / 2) / (2 * Double.pi).squareRoot() }
        let z = normalCDF(beta) - normalCDF(alpha)
        let shift = (pdf(alpha) - pdf(beta)) / z
        let variance = sigma * sigma * (1 + (alpha * pdf(alpha) - beta * pdf(beta)) / z - shift * shift)
        return Expectation(initializer: i, mean: mu + sigma * shift, std: variance.squareRoot(), bounds: a...b)
    }

    static let cases: [Expectation] = {
        let xavierBound = (6 / (fanIn + fanOut)).squareRoot()
        let scaledStd = (2 / fanIn).squareRoot() / 0.87962566103423978
        return [
            uniform(.uniform(low: 0, high: 1), 0, 1),
            uniform(.uniform(low: -0.5, high: 0.5), -0.5, 0.5),
            normal(.normal(mean: 0.3, std: 2), 0.3, 2),
            truncated(.truncatedNormal(mean: 0, std: 1, low: -2, high: 2), 0, 1, -2, 2),
            truncated(.truncatedNormal(mean: 1, std: 0.5, low: 0.8, high: 3), 1, 0.5, 0.8, 3),
            truncated(.truncatedNormal(mean: 0, std: 0.1, low: -0.2, high: 0.2), 0, 0.1, -0.2, 0.2),
            // Far in the tail, where rejection sampling would all but never accept.
            truncated(.truncatedNormal(mean: 0, std: 1, low: 5, high: 6), 0, 1, 5, 6),
            uniform(.fanInUniform(scale: 1), -1 / fanIn.squareRoot(), 1 / fanIn.squareRoot()),
            normal(.fanInNormal(scale: 1), 0, 1 / fanIn.squareRoot()),
            uniform(.xavierUniform(gain: 1), -xavierBound, xavierBound),
            uniform(.xavierUniform(gain: 5.0 / 3), -5.0 / 3 * xavierBound, 5.0 / 3 * xavierBound),
            normal(.xavierNormal(gain: 1), 0, (2 / (fanIn + fanOut)).squareRoot()),
            uniform(.kaimingUniform(gain: Float(2.0.squareRoot()), mode: .fanIn), -(6 / fanIn).squareRoot(), (6 / fanIn).squareRoot()),
            uniform(.kaimingUniform(gain: Float(2.0.squareRoot()), mode: .fanOut), -(6 / fanOut).squareRoot(), (6 / fanOut).squareRoot()),
            normal(.kaimingNormal(gain: Float(2.0.squareRoot()), mode: .fanIn), 0, (2 / fanIn).squareRoot()),
            normal(.kaimingNormal(gain: 1, mode: .fanOut), 0, 1 / fanOut.squareRoot()),
            uniform(.lecunUniform, -(3 / fanIn).squareRoot(), (3 / fanIn).squareRoot()),
            normal(.lecunNormal, 0, 1 / fanIn.squareRoot()),
            uniform(.varianceScaling(scale: 2, mode: .fanAvg, distribution: .uniform),
                    -(6 / ((fanIn + fanOut) / 2)).squareRoot(), (6 / ((fanIn + fanOut) / 2)).squareRoot()),
            normal(.varianceScaling(scale: 1, mode: .fanOut, distribution: .untruncatedNormal), 0, 1 / fanOut.squareRoot()),
            // Keras's truncated VarianceScaling: std √(scale/fan) after truncation at ±2σ.
            truncated(.varianceScaling(scale: 2, mode: .fanIn, distribution: .truncatedNormal), 0, scaledStd, -2 * scaledStd, 2 * scaledStd),
        ]
    }()

    static func draw(_ initializer: Initializer, seed: UInt64 = 1) -> [Float] {
        let values = FloatBuffer(count: rows * cols)
        var rng = Xoshiro256(seed: seed)
        initializer.fill(values.buffer, rows: rows, cols: cols, fanIn: cols, fanOut: rows, rng: &rng)
        return values.array
    }

    @Test(arguments: cases)
    func momentsAndBoundsMatchTheFormula(_ expected: Expectation) {
        let values = Self.draw(expected.initializer).map(Double.init)
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let std = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
        // The sample mean's standard error is σ/√n; 5 of them fail once in ~3 million runs.
        #expect(abs(mean - expected.mean) < 5 * expected.std / n.squareRoot(), "mean \(mean) vs \(expected.mean)")
        // The sample std's relative standard error is ≈ 1/√(2n) = 0.18%; allow 1%.
        #expect(abs(std / expected.std - 1) < 0.01, "std \(std) vs \(expected.std)")
        if let bounds = expected.bounds {
            // Float rounding of a bound itself may land a hair outside the Double bound.
            let slack = 1e-6 * max(1, abs(bounds.lowerBound), abs(bounds.upperBound))
            #expect(values.min()! >= bounds.lowerBound - slack && values.max()! <= bounds.upperBound + slack)
            if expected.reachesBounds {
                // Uniform draws fill the range: ~1,500 of them are expected in each end's 1%.
                let width = bounds.upperBound - bounds.lowerBound
                #expect(values.min()! < bounds.lowerBound + 0.01 * width && values.max()! > bounds.upperBound - 0.01 * width)
            }
        }
    }

    @Test(arguments: [(300, 500), (500, 300), (64, 64)])
    func orthogonalHasOrthonormalRowsOrColumns(rows: Int, cols: Int) {
        let gain: Float = 1.5
        let values = FloatBuffer(count: rows * cols)
        var rng = Xoshiro256(seed: 4)
        Initializer.orthogonal(gain: gain).fill(values.buffer, rows: rows, cols: cols, fanIn: cols, fanOut: rows, rng: &rng)
        let w = values.array.map(Double.init)
        // Rows orthonormal when rows ≤ cols (W·Wᵀ = gain²·I), columns otherwise (Wᵀ·W = gain²·I).
        let k = min(rows, cols)
        var worst = 0.0
        for a in 0..<k {
            for b in 0..<k {
                var dot = 0.0
                if rows <= cols {
                    for j in 0..<cols { dot += w[a * cols + j] * w[b * cols + j] }
                } else {
                    for i in 0..<rows { dot += w[i * cols + a] * w[i * cols + b] }
                }
                worst = max(worst, abs(dot - (a == b ? Double(gain * gain) : 0)))
            }
        }
        // Float QR of a 500-long basis: errors of order 500·ε·gain² ≈ 1e-4 at most.
        #expect(worst < 2e-4, "largest deviation from gain²·I: \(worst)")
    }

    @Test func sparseZeroesTheFractionOfEveryColumn() {
        let values = Self.draw(.sparse(fraction: 0.3, std: 0.01))
        for col in 0..<Self.cols {
            let zeros = (0..<Self.rows).filter { values[$0 * Self.cols + col] == 0 }.count
            #expect(zeros == 90) // ⌈0.3·300⌉
        }
        let nonzero = values.filter { $0 != 0 }.map(Double.init)
        let std = (nonzero.reduce(0) { $0 + $1 * $1 } / Double(nonzero.count)).squareRoot()
        #expect(abs(std / 0.01 - 1) < 0.01)
    }

    @Test func constantsAndIdentity() {
        #expect(Self.draw(.constant(0)).allSatisfy { $0 == 0 })
        #expect(Self.draw(.constant(1)).allSatisfy { $0 == 1 })
        #expect(Self.draw(.constant(-0.25)).allSatisfy { $0 == -0.25 })
        let eye = Self.draw(.identity(gain: 2))
        for r in 0..<Self.rows {
            for c in 0..<Self.cols { #expect(eye[r * Self.cols + c] == (r == c ? 2 : 0)) }
        }
    }

    @Test func gainsAreThoseOfCalculateGain() {
        #expect(gain(for: .identity) == 1)
        #expect(gain(for: .sigmoid) == 1)
        #expect(gain(for: .tanh) == 5.0 / 3)
        #expect(gain(for: .relu) == Float(2.0.squareRoot()))
        #expect(abs(gain(for: .leakyReLU(slope: 0.2)) - Float((2 / 1.04).squareRoot())) < 1e-7)
        #expect(gain(for: .selu) == 0.75)
    }

    @Test func inverseNormalCDFInvertsTheCDF() {
        for p in [1e-12, 1e-6, 0.01, 0.02425, 0.3, 0.5, 0.77, 0.99, 1 - 1e-9] {
            #expect(abs(normalCDF(inverseNormalCDF(p)) / p - 1) < 1e-9)
        }
    }

    @Test func pytorchDefaultBoundsWeightsAndBiasesByFanIn() throws {
        let experiment = try parseExperiment("""
        {"model": {"layers": [784, 256, 10]},
         "strategies": [{"id": "default", "weights": "pytorch_default", "biases": "pytorch_default"}]}
        """)
        let model = experiment.strategies[0].initialNetwork(seed: 1)
        for (l, fanIn) in [784, 256].enumerated() {
            let bound = 1 / Float(fanIn).squareRoot()
            let weights = Array(model.weights(l)), biases = Array(model.biases(l))
            #expect(weights.allSatisfy { abs($0) <= bound } && biases.allSatisfy { abs($0) <= bound })
            #expect(weights.map(abs).max()! > 0.99 * bound)
            #expect(biases.contains { $0 != 0 })
        }
    }

    @Test func initializationDependsOnSeedAndStrategyNotOnOrder() throws {
        let experiment = try parseExperiment("""
        {"model": {"layers": [20, 10, 3]},
         "strategies": [{"id": "a", "weights": "xavier_uniform"}, {"id": "b", "weights": "xavier_uniform"}]}
        """)
        let a1 = experiment.strategies[0].initialNetwork(seed: 1).parameters.array
        let b1 = experiment.strategies[1].initialNetwork(seed: 1).parameters.array
        let a1Again = experiment.strategies[0].initialNetwork(seed: 1).parameters.array
        let a2 = experiment.strategies[0].initialNetwork(seed: 2).parameters.array
        #expect(a1 == a1Again)
        #expect(a1 != b1)
        #expect(a1 != a2)
    }
}
