import Foundation
import Testing
@testable import InitLab

/// The pre-activation arrangement of residual blocks (#24, item 1; He et al. 2016, "Identity
/// Mappings in Deep Residual Networks"): h ← h + α·f(h), f = [BN → activation → dropout →
/// Linear] per branch layer, the first BN on a copy of the stream, a final BN and activation
/// before the readout. Checked against the Double reference's central differences.
@Suite struct PreActivationTests {
    /// 7 inputs, a stream of 6, three blocks of `branch`, 4 classes; every parameter random but a
    /// trained α (which keeps its initial value); the dropout masks forward will draw, gate by
    /// gate in plan order (a stage with a pre-activation has two gates).
    static func setUp(branch: [Int] = [5, 6], alpha: ResidualSpec.Alpha = .trained(initial: 0.6), activation: Activation = .tanh,
                      dropout: Float = 0.3, rows: Int = 6) -> (Network, [Float], [Int32], [[Double]]) {
        let spec = ModelSpec(residual: ResidualSpec(width: 6, blocks: 3, branch: branch, alpha: alpha, preActivation: true), input: 7,
                             classes: 4, activation: activation, dropout: dropout, batchNorm: true)
        let model = Network(spec)
        var rng = Xoshiro256(seed: 29)
        for segment in model.plan.segments where segment.role != .scalar {
            for i in segment.range { model.parameters.pointer[i] = Float(rng.normal() * 0.5) }
        }
        let x = (0..<(rows * 7)).map { _ in Float(rng.uniform()) }
        let labels = (0..<rows).map { _ in Int32(rng.next() % 4) }
        return (model, x, labels, ResidualTests.dropoutMasks(model, rows: rows))
    }

    static let branches = [[6], [5, 6], [4, 5, 6]]
    static let cases = branches.flatMap { branch in [ResidualSpec.Alpha.fixed(0.7), .trained(initial: 0.4)].map { (branch, $0) } }

    @Test(arguments: cases)
    func backwardMatchesFiniteDifferences(branch: [Int], alpha: ResidualSpec.Alpha) {
        let (model, x, labels, masks) = Self.setUp(branch: branch, alpha: alpha)
        let errors = GradientTests.errors(model, x: x, labels: labels, masks: masks)
        // As GradientTests: Float sums of ~10 terms, central differences in Double.
        #expect(errors.loss <= 1e-5)
        #expect(errors.worstGradient < 1e-3, "worst relative gradient error \(errors.worstGradient) for branch \(branch), \(alpha)")
    }

    @Test(arguments: GradientTests.activations)
    func everyActivation(activation: Activation) {
        for branch in [[6], [5, 6]] {
            let (model, x, labels, masks) = Self.setUp(branch: branch, activation: activation)
            let errors = GradientTests.errors(model, x: x, labels: labels, masks: masks)
            #expect(errors.loss <= 1e-5)
            #expect(errors.worstGradient < 1e-3, "worst relative gradient error \(errors.worstGradient) for \(activation), branch \(branch)")
        }
    }

    /// The plan: the projection is a dense layer alone, whose stage then normalizes the stream into
    /// a slot of its own for the first branch; a branch's inner layer is the post arrangement's
    /// stage (product, BN in place, gate: the next layer's pre-activation); a branch's last
    /// stage sums, then normalizes for the next block, or, for the last, for the readout. The
    /// stream's gradient: the skip overwrites it, the normalization adds to it and completes it.
    @Test func thePlan() {
        let (model, _, _, _) = Self.setUp(branch: [5, 6], alpha: .fixed(1))
        let plan = model.plan, stages = plan.stages
        func kinds(_ s: Int) -> [String] { stages[s].nodes.map { String(describing: type(of: $0)) } }
        #expect(kinds(0) == ["Dense", "Gate", "StreamBatchNorm", "Gate"])
        #expect(kinds(1) == ["Dense", "BatchNorm", "Gate"] && kinds(3) == ["Dense", "BatchNorm", "Gate"])
        #expect(kinds(2) == ["Dense", "Gate", "ResidualAdd", "StreamBatchNorm", "Gate"] && kinds(6) == kinds(2))
        #expect(kinds(7) == ["Dense"])
        // Slots: the batch, then per stage its product and (for a stream) its pre-activation.
        #expect(stages.map(\.dense.input) == [0, 2, 3, 5, 6, 8, 9, 11])
        #expect(stages.map(\.dense.output) == [1, 3, 4, 6, 7, 9, 10, 12] && stages.map(\.output) == [2, 3, 5, 6, 8, 9, 11, 12])
        let norms = stages.flatMap(\.nodes).compactMap { $0 as? StreamBatchNorm }
        #expect(norms.map(\.source) == [1, 4, 7, 10] && norms.map(\.slot) == [2, 5, 8, 11])
        #expect(norms.map(\.accumulatesSourceGradient) == [true, true, true, false])
        let sums = stages.flatMap(\.nodes).compactMap { $0 as? ResidualAdd }
        #expect(sums.map(\.skip) == [1, 4, 7] && sums.allSatisfy { !$0.accumulatesSkipGradient })
        #expect(stages.allSatisfy { !$0.dense.accumulatesInputGradient && $0.dense.completesInputGradient })
        // The projection and each branch's last layer keep b (the stream carries it); inner ones are normalized.
        #expect(plan.layers.map(\.normalized) == [false, true, false, true, false, true, false, false])
        #expect(plan.layers.allSatisfy { $0.hasBias })
        // γ and β per normalization: 4 of the stream's, 3 inner ones of 5.
        #expect(plan.segments.filter { $0.role == .gamma }.map(\.count) == [6, 5, 6, 5, 6, 5, 6])
        #expect(plan.runningCount == 2 * (4 * 6 + 3 * 5))
    }

    /// The skip reads the stream as the projection left it: with α = 0 no branch adds anything,
    /// and the stream after every block is, bit for bit, the projection's output.
    @Test func theSkipReadsTheStreamUnchanged() {
        let (model, x, labels, _) = Self.setUp(alpha: .fixed(0), dropout: 0)
        let rows = labels.count, buffers = BatchBuffers(plan: model.plan, capacity: rows)
        var none: DropoutStream? = nil
        model.forward(x, rows: rows, buffers: buffers, dropout: &none)
        let projection = Array(UnsafeBufferPointer(start: buffers.values[1].pointer, count: 6 * rows))
        for slot in [4, 7, 10] { #expect(Array(UnsafeBufferPointer(start: buffers.values[slot].pointer, count: 6 * rows)) == projection) }
    }

    /// A training pass updates the stream normalization's running statistics as BatchNorm1d
    /// (momentum 0.1, the unbiased variance), and an evaluation pass normalizes with them.
    @Test func runningStatisticsAreBatchNorm1d() {
        let (model, x, labels, _) = Self.setUp(dropout: 0)
        let rows = labels.count, buffers = BatchBuffers(plan: model.plan, capacity: rows)
        let norm = model.plan.stages[0].nodes.compactMap { $0 as? StreamBatchNorm }.first!
        var stream: DropoutStream? = DropoutStream(seededBy: Xoshiro256(seed: 99))
        model.forward(x, rows: rows, buffers: buffers, dropout: &stream)
        let h = buffers.values[norm.source].pointer, running = model.running.pointer + norm.runningOffset
        for f in 0..<6 {
            let column = (0..<rows).map { Double(h[f * rows + $0]) }
            let mean = column.reduce(0, +) / Double(rows)
            let unbiased = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(rows - 1)
            // Float rounding of a few sums: 1e-5 relative.
            #expect(abs(Double(running[f]) - 0.1 * mean) <= 1e-5 * max(1, abs(mean)))
            #expect(abs(Double(running[6 + f]) - (0.9 + 0.1 * unbiased)) <= 1e-5 * max(1, unbiased))
        }
        var none: DropoutStream? = nil
        model.forward(x, rows: rows, buffers: buffers, dropout: &none)
        let u = buffers.values[norm.slot].pointer, gamma = model.parameters.pointer + norm.gamma.offset
        let beta = model.parameters.pointer + norm.beta.offset
        for f in 0..<6 {
            let scale = Double(gamma[f]) / (Double(running[6 + f]) + Double(BatchNorm.epsilon)).squareRoot()
            for r in 0..<rows {
                let expected = tanh((Double(h[f * rows + r]) - Double(running[f])) * scale + Double(beta[f]))
                #expect(abs(Double(u[f * rows + r]) - expected) <= 1e-5, "feature \(f), row \(r)")
            }
        }
    }
}
