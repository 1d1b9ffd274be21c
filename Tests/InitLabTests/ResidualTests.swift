import Testing
@testable import InitLab

/// Residual blocks h ← h + α·f(h) (#24, item 1): the plan's stream read twice, the branch
/// multiplier fixed, 1/√L or trained, batch normalization after every product; each checked
/// against the Double reference's central differences.
@Suite struct ResidualTests {
    static let alphas: [ResidualSpec.Alpha] = [.fixed(1), .fixed(0.7), .inverseSqrtDepth, .trained(initial: 0.4), .trained(initial: 0)]

    /// 7 inputs, a stream of 6, three blocks whose branch is 5 then 6 wide, 4 classes; random
    /// parameters but a trained α, which keeps its initial value; the dropout masks forward will
    /// draw, stage by stage (a branch's last layer has none: ones, no draw).
    static func setUp(_ alpha: ResidualSpec.Alpha, batchNorm: Bool = false, activation: Activation = .tanh, dropout: Float = 0.3,
                      rows: Int = 5) -> (Network, [Float], [Int32], [[Double]]) {
        let spec = ModelSpec(residual: ResidualSpec(width: 6, blocks: 3, branch: [5, 6], alpha: alpha), input: 7, classes: 4,
                             activation: activation, dropout: dropout, batchNorm: batchNorm)
        let model = Network(spec)
        var rng = Xoshiro256(seed: 17)
        for segment in model.plan.segments where segment.role != .scalar {
            for i in segment.range { model.parameters.pointer[i] = Float(rng.normal() * 0.5) }
        }
        let x = (0..<(rows * 7)).map { _ in Float(rng.uniform()) }
        let labels = (0..<rows).map { _ in Int32(rng.next() % 4) }
        return (model, x, labels, ResidualTests.dropoutMasks(model, rows: rows))
    }

    /// The dropout masks a training forward of `model` draws from a stream seeded 99, gate by
    /// gate in plan order (each one feature-major, the whole layer's), handed to the reference
    /// one row per sample.
    static func dropoutMasks(_ model: Network, rows: Int) -> [[Double]] {
        var maskStream = DropoutStream(seededBy: Xoshiro256(seed: 99))
        return model.plan.stages.flatMap { stage in stage.elementwise.compactMap { $0 as? Gate } }.map { gate -> [Double] in
            let mask = FloatBuffer(count: rows * gate.width)
            fillDropoutMask(mask.pointer, count: rows * gate.width, p: gate.dropout, stream: &maskStream)
            return (0..<rows).flatMap { r in (0..<gate.width).map { f in Double(mask.pointer[f * rows + r]) } }
        }
    }

    static let cases = alphas.flatMap { alpha in [false, true].map { (alpha, $0) } }

    @Test(arguments: cases)
    func backwardMatchesFiniteDifferences(alpha: ResidualSpec.Alpha, batchNorm: Bool) {
        let (model, x, labels, masks) = Self.setUp(alpha, batchNorm: batchNorm)
        let errors = GradientTests.errors(model, x: x, labels: labels, masks: masks)
        // As GradientTests: Float sums of ~10 terms, central differences in Double.
        #expect(errors.loss <= 1e-5)
        #expect(errors.worstGradient < 1e-3, "worst relative gradient error \(errors.worstGradient) for α \(alpha), batch norm \(batchNorm)")
    }

    @Test(arguments: GradientTests.activations)
    func everyActivationThroughATrainedAlpha(activation: Activation) {
        let (model, x, labels, masks) = Self.setUp(.trained(initial: 0.6), activation: activation)
        let errors = GradientTests.errors(model, x: x, labels: labels, masks: masks)
        #expect(errors.loss <= 1e-5)
        #expect(errors.worstGradient < 1e-3, "worst relative gradient error \(errors.worstGradient) for \(activation)")
    }

    /// SkipInit's and ReZero's start: α = 0 passes no gradient into the branches, but α's own
    /// gradient is Σ δ·f(h), not 0, so training moves it.
    @Test func aTrainedAlphaAtZeroLearnsFirst() {
        let (model, x, labels, _) = Self.setUp(.trained(initial: 0), dropout: 0)
        let buffers = BatchBuffers(plan: model.plan, capacity: labels.count)
        // A training pass (which keeps what backward needs), without dropout.
        var stream: DropoutStream? = DropoutStream(seededBy: Xoshiro256(seed: 99))
        model.forward(x, rows: labels.count, buffers: buffers, dropout: &stream)
        _ = model.loss(labels: labels, rows: labels.count, buffers: buffers)
        model.backward(buffers, on: Executor(plan: model.plan))
        let alphas = model.plan.segments.filter { $0.role == .scalar }
        #expect(alphas.count == 3)
        #expect(alphas.allSatisfy { model.gradients.pointer[$0.offset] != 0 })
        let branches = model.plan.segments.filter { $0.role == .weight && (1...6).contains($0.layer) }
        #expect(branches.allSatisfy { segment in segment.range.allSatisfy { model.gradients.pointer[$0] == 0 } })
    }

    /// With α = 0 the blocks add nothing: the scores are, bit for bit, those of the input
    /// projection and the readout alone.
    @Test func blocksWithAlphaZeroAreTheIdentity() {
        let (residual, x, labels, _) = Self.setUp(.fixed(0), dropout: 0)
        let plain = Network(widths: [7, 6, 4], activation: .tanh, dropout: 0)
        for (to, from) in [(0, 0), (1, 7)] {
            _ = plain.weights(to).update(fromContentsOf: residual.weights(from))
            _ = plain.biases(to).update(fromContentsOf: residual.biases(from))
        }
        var none: DropoutStream? = nil
        let rows = labels.count
        let a = BatchBuffers(plan: residual.plan, capacity: rows), b = BatchBuffers(plan: plain.plan, capacity: rows)
        residual.forward(x, rows: rows, buffers: a, dropout: &none)
        plain.forward(x, rows: rows, buffers: b, dropout: &none)
        #expect(a.scores.array == b.scores.array)
    }

    /// The stream a block reads has two writers of its gradient: the sum (the skip) overwrites
    /// it, then the branch's first product adds to it and completes it.
    @Test func theStreamsGradientIsWrittenBySkipThenBranch() {
        let plan = ModelSpec(residual: ResidualSpec(width: 6, blocks: 2, branch: [5, 6], alpha: .trained(initial: 0)), input: 7, classes: 4,
                             activation: .relu, dropout: 0).plan
        // Projection (slot 1), block 1 (slots 2, 3), block 2 (slots 4, 5), readout.
        #expect(plan.stages.map(\.dense.input) == [0, 1, 2, 3, 4, 5])
        let sums = plan.stages.flatMap(\.nodes).compactMap { $0 as? ResidualAdd }
        #expect(sums.map(\.skip) == [1, 3] && sums.map(\.stage) == [2, 4] && sums.allSatisfy { !$0.accumulatesSkipGradient })
        #expect(plan.stages.map(\.dense.accumulatesInputGradient) == [false, true, false, true, false, false])
        #expect(plan.stages.allSatisfy { $0.dense.completesInputGradient })
        // The sum is the stage's last node, after the gate that adds b.
        #expect(plan.stages[2].nodes.last is ResidualAdd && plan.stages[2].nodes.dropLast().last is Gate)
        let alphas = plan.segments.filter { $0.role == .scalar }
        #expect(alphas.map(\.layer) == [2, 4] && alphas.allSatisfy { $0.count == 1 } && plan.trainedScales.count == 2)
        #expect(plan.parameterCount == (7 * 6 + 6) + 2 * (6 * 5 + 5 + 5 * 6 + 6 + 1) + (6 * 4 + 4))
    }

    /// A trained α starts at its initial value; 1/√L is a constant α.
    @Test func alphaSettings() {
        let trained = Network(ModelSpec(residual: ResidualSpec(width: 6, blocks: 4, alpha: .trained(initial: 0.25)), input: 7, classes: 4,
                                        activation: .relu, dropout: 0))
        #expect(trained.plan.segments.filter { $0.role == .scalar }.map { trained.parameters.pointer[$0.offset] } == [0.25, 0.25, 0.25, 0.25])
        #expect(ResidualSpec(width: 6, blocks: 64, alpha: .inverseSqrtDepth).branchScale == .fixed(0.125))
        #expect(ResidualSpec(width: 6, blocks: 3, alpha: .inverseSqrtDepth).branchScale == .fixed(Float(1 / 3.0.squareRoot())))
    }
}

extension ResidualSpec.Alpha: CustomTestStringConvertible {
    public var testDescription: String {
        switch self {
        case .fixed(let value): return "α \(value)"
        case .inverseSqrtDepth: return "α 1/√L"
        case .trained(let initial): return "α trained from \(initial)"
        }
    }
}
