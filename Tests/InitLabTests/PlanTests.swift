import Testing
@testable import InitLab

/// A network compiled into a plan: its parameter segments, its stages and slots, the rule for
/// gradients written twice, and the products' α and β.
@Suite struct PlanTests {
    @Test func theLessonsSegmentsTileTheBufferInPyTorchsOrder() {
        let plan = Plan(ModelSpec(layers: [784, 256, 128, 10], activation: .relu, dropout: 0.2).layerKinds, inputWidth: 784)
        let table = plan.segments.map { [$0.offset, $0.rows, $0.columns, $0.layer, $0.fanIn, $0.fanOut] }
        #expect(plan.segments.map(\.role) == [.weight, .bias, .weight, .bias, .weight, .bias])
        #expect(table == [[0, 256, 784, 0, 784, 256], [200_704, 256, 1, 0, 784, 256],
                          [200_960, 128, 256, 1, 256, 128], [233_728, 128, 1, 1, 256, 128],
                          [233_856, 10, 128, 2, 128, 10], [235_136, 10, 1, 2, 128, 10]])
        #expect(plan.parameterCount == 235_146 && plan.runningCount == 0)
        // One learning rate everywhere: the optimizer's step on one core is one loop.
        #expect(plan.learningRateRuns.count == 1 && plan.learningRateRuns[0].range == 0..<235_146)
        // Two hidden stages split by feature, the readout whole; slots 0 (the batch) to 3 (the scores).
        #expect(plan.stages.map(\.splittable) == [true, true, false])
        #expect(plan.stages.map { $0.nodes.count } == [2, 2, 1])
        #expect(plan.slots.map(\.width) == [784, 256, 128, 10])
        #expect(plan.slots.map(\.layout) == [.sampleMajor, .featureMajor, .featureMajor, .sampleMajor])
        #expect(plan.layers.allSatisfy { !$0.accumulatesInputGradient })
    }

    @Test func batchNormalizationAddsItsSegmentsAfterItsLayersAndTheGateAddsBeta() {
        let spec = ModelSpec(layers: [4, 3, 2], activation: .tanh, dropout: 0, batchNorm: true, linearBias: false)
        let plan = Plan(spec.layerKinds, inputWidth: 4)
        #expect(plan.segments.map(\.role) == [.weight, .bias, .gamma, .beta, .weight, .bias])
        #expect(plan.segments.map(\.offset) == [0, 12, 15, 18, 21, 27])
        #expect(plan.runningCount == 6)
        let gate = plan.stages[0].nodes.compactMap { $0 as? Gate }.first
        #expect(gate?.shift == plan.segments[3] && gate?.activation == .tanh)
        #expect(plan.layers[0].normalized && !plan.layers[0].hasBias && plan.layers[1].hasBias)
        // A new network starts with γ = 1, β = 0 and a running variance of 1.
        let network = Network(plan)
        #expect(network.values(of: plan.segments[2]).allSatisfy { $0 == 1 } && network.values(of: plan.segments[3]).allSatisfy { $0 == 0 })
        #expect(network.running.array == [0, 0, 0, 1, 1, 1])
    }

    @Test func theUpPassReadsTheSameSegmentsWithItsOwnActivation() {
        let plan = Plan(ModelSpec(layers: [6, 5, 4, 3], activation: .relu, dropout: 0.5).layerKinds, inputWidth: 6)
        let up = Plan(upPassOf: plan, below: 2, activation: .sigmoid)
        #expect(up.layers.map(\.weight) == plan.layers.prefix(2).map(\.weight))
        #expect(up.layers.map(\.bias) == plan.layers.prefix(2).map(\.bias))
        #expect(up.stages.flatMap(\.nodes).compactMap { ($0 as? Gate).map { ($0.activation, $0.dropout) } }.allSatisfy { $0.0 == .sigmoid && $0.1 == 0 })
    }

    /// Where two nodes write one slot's gradient (a residual block's skip and its branch), the
    /// first in backward order overwrites and every later one accumulates.
    @Test func aGradientWrittenTwiceIsOverwrittenThenAccumulated() {
        func writes(_ readers: [Int]) -> [String] {
            Plan.gradientWrites(readers: readers).map { ($0.accumulates ? "+" : "=") + ($0.completes ? "." : "") }
        }
        // = overwrites, + accumulates, . completes (the nodes that made the slot go on from there).
        #expect(writes([3, 2, 1]) == ["=.", "=.", "=."])
        #expect(writes([3, 2, 2, 1, 2]) == ["=.", "=", "+", "=.", "+."])
    }

    /// C = α·op(A)·op(B) + β·C, as the products of a plan carry them, against the plain formula.
    @Test func productsCarryAlphaAndBeta() {
        let shape = ProductShape(m: 3, n: 4, k: 5, transposeA: true, transposeB: false)
        var rng = Xoshiro256(seed: 4)
        let a = (0..<15).map { _ in Float(rng.uniform()) - 0.5 }, b = (0..<20).map { _ in Float(rng.uniform()) - 0.5 }
        let start = (0..<12).map { _ in Float(rng.uniform()) - 0.5 }
        for (alpha, beta) in [(Float(1), Float(0)), (1, 1), (-0.5, 2)] {
            var c = start
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    c.withUnsafeMutableBufferPointer { c in
                        Product(shape, alpha: alpha, a.baseAddress!, b.baseAddress!, into: c.baseAddress!, beta: beta).compute()
                    }
                }
            }
            for i in 0..<3 {
                for j in 0..<4 {
                    let sum = (0..<5).reduce(0.0) { $0 + Double(a[$1 * 3 + i]) * Double(b[$1 * 4 + j]) }
                    let expected = Double(alpha) * sum + Double(beta) * Double(start[i * 4 + j])
                    #expect(abs(Double(c[i * 4 + j]) - expected) < 1e-6, "α \(alpha), β \(beta), (\(i), \(j))")
                }
            }
        }
    }

    /// A segment's learning-rate multiplier scales its step: Adam with the multiplier m moves a
    /// parameter as Adam with m times the rate.
    @Test func aLearningRateMultiplierScalesTheStep() {
        let parameters = FloatBuffer(count: 4), gradients = FloatBuffer(count: 4)
        gradients.copy(from: [0.3, -0.2, 0.1, 0.4])
        let scaled = OptimizerState(.adam(learningRate: 0.002, beta1: 0.9, beta2: 0.999, epsilon: 1e-8), parameterCount: 4)
        let multiplied = OptimizerState(.adam(learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8), parameterCount: 4)
        let other = FloatBuffer(count: 4)
        scaled.advance()
        scaled.apply(parameters, gradients, range: 0..<4)
        multiplied.advance()
        multiplied.apply(other, gradients, range: 0..<4, learningRateMultiplier: 2)
        #expect(parameters.array == other.array && parameters.array.allSatisfy { $0 != 0 })
    }

    /// Multipliers are segment attributes the plan is compiled with from its layers' scalings
    /// (muP's per-layer rates); the optimizer's step honours them run by run.
    @Test func learningRateMultipliersAreSegmentAttributesTheUpdateHonours() {
        let kinds = ModelSpec(layers: [6, 5, 3], activation: .relu, dropout: 0).layerKinds
        let plan = Plan(kinds, inputWidth: 6, scaling: [LayerScaling(weightLearningRate: 0), .standard])
        #expect(plan.learningRateRuns.map(\.multiplier) == [0, 1])
        #expect(plan.learningRateRuns.map(\.range) == [0..<30, 30..<53])
        let network = Network(plan)
        for i in 0..<53 {
            network.parameters.pointer[i] = 0.5
            network.gradients.pointer[i] = 0.1
        }
        OptimizerState(.defaults(.adam), parameterCount: 53).update(network, on: Executor(plan: plan))
        #expect(network.parameters.array[0..<30].allSatisfy { $0 == 0.5 })
        #expect(network.parameters.array[30..<53].allSatisfy { $0 < 0.5 })
    }
}
