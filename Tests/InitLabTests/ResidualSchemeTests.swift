import Foundation
import Testing
@testable import InitLab

/// The residual schemes (#24, item 2), each against its paper's definition: Fixup's scalar
/// biases and multipliers through the Double reference's central differences, its
/// initialization's zeros and L^(−1/(2m−2)) scale, and what every scheme sets.
@Suite struct ResidualSchemeTests {
    /// A Fixup network of three blocks with every parameter random, its scalars too (at their
    /// initial 0 and 1 half of Fixup's gradients would be 0 and prove nothing).
    static func fixupSetUp(branch: [Int] = [5, 6], dropout: Float = 0.3, activation: Activation = .relu, rows: Int = 5)
        -> (Network, [Float], [Int32], [[Double]]) {
        let spec = ModelSpec(residual: ResidualSpec(width: 6, blocks: 3, branch: branch, scheme: .fixup), input: 7, classes: 4,
                             activation: activation, dropout: dropout)
        let model = Network(spec)
        var rng = Xoshiro256(seed: 23)
        for i in 0..<model.parameters.count { model.parameters.pointer[i] = Float(rng.normal() * 0.5) }
        let x = (0..<(rows * 7)).map { _ in Float(rng.uniform()) }
        let labels = (0..<rows).map { _ in Int32(rng.next() % 4) }
        return (model, x, labels, ResidualTests.dropoutMasks(model, rows: rows))
    }

    /// He normal weights (fan-in, gain √2) and zero biases in every layer of `model`.
    static func heStrategy(_ model: ModelSpec) -> Strategy {
        let he = LayerInit(weights: .kaimingNormal(gain: Float(2.0.squareRoot()), mode: .fanIn), biases: .constant(0))
        return Strategy(id: "fixup", label: "Fixup", model: model, layers: Array(repeating: he, count: model.layerCount), procedure: nil)
    }

    /// Fixup's scalars per block of m layers: m before the products, m − 1 before the
    /// activations, m − 1 after them (the next product's), the multiplier and the bias after it;
    /// the projection's and the readout's one each.
    @Test func fixupAddsItsScalars() {
        for branch in [[5, 6], [4, 5, 6]] {
            let (model, _, _, _) = Self.fixupSetUp(branch: branch)
            let m = branch.count, nodes = model.plan.stages.flatMap(\.nodes)
            #expect(nodes.filter { $0 is InputShift }.count == 3 + 1)
            #expect(nodes.filter { $0 is ScalarShift }.count == 1 + 3 * (2 * (m - 1) + 1))
            #expect(model.plan.trainedScales.count == 3)
            #expect(model.plan.segments.filter { $0.role == .scalar }.count == 1 + 3 * (1 + 2 * (m - 1) + 2) + 1)
        }
    }

    @Test(arguments: [[5, 6], [4, 5, 6]])
    func fixupBackwardMatchesFiniteDifferences(branch: [Int]) {
        let (model, x, labels, masks) = Self.fixupSetUp(branch: branch)
        let errors = GradientTests.errors(model, x: x, labels: labels, masks: masks)
        // As GradientTests: Float sums of ~10 terms, central differences in Double.
        #expect(errors.loss <= 1e-5)
        #expect(errors.worstGradient < 1e-3, "worst relative gradient error \(errors.worstGradient) for branch \(branch)")
    }

    @Test(arguments: GradientTests.activations)
    func fixupThroughEveryActivation(activation: Activation) {
        let (model, x, labels, masks) = Self.fixupSetUp(dropout: 0, activation: activation)
        let errors = GradientTests.errors(model, x: x, labels: labels, masks: masks)
        #expect(errors.loss <= 1e-5)
        #expect(errors.worstGradient < 1e-3, "worst relative gradient error \(errors.worstGradient) for \(activation)")
    }

    /// The paper's initialization: each branch's last layer and the readout 0, the other branch
    /// layers N(0, 2/fan_in)·L^(−1/(2m−2)), biases 0, scalar biases 0 and multipliers 1; the
    /// input projection the strategy's own. Moments over 64 blocks' layers of 128×128 (10⁶ draws
    /// per m): the std within 0.5% (its standard error is 0.07%).
    @Test(arguments: [2, 3])
    func fixupInitializationIsThePapers(m: Int) throws {
        let blocks = 64, width = 128
        let strategy = Self.heStrategy(ModelSpec(residual: ResidualSpec(width: width, blocks: blocks, branch: Array(repeating: width, count: m),
                                                                        scheme: .fixup),
                                                 input: 20, classes: 10, activation: .relu, dropout: 0))
        let network = strategy.initialNetwork(seed: 1)
        let layers = network.layers, readout = layers.count - 1
        #expect(readout == 1 + blocks * m)
        let scale = pow(Double(blocks), -1 / Double(2 * m - 2))
        var inner: [Double] = []
        for l in 1...readout {
            let weights = Array(network.weights(l)), biases = Array(network.biases(l))
            #expect(biases.allSatisfy { $0 == 0 })
            if l == readout || (l - 1) % m == m - 1 {
                #expect(weights.allSatisfy { $0 == 0 }, "layer \(l) starts at 0")
            } else {
                inner += weights.map(Double.init)
            }
        }
        let std = (inner.reduce(0) { $0 + $1 * $1 } / Double(inner.count)).squareRoot()
        let expected = (2.0 / Double(width)).squareRoot() * scale
        #expect(abs(std / expected - 1) < 0.005, "std \(std), expected \(expected)")
        // The projection is the strategy's He normal, unscaled.
        let projection = network.weights(0).map(Double.init)
        let projectionStd = (projection.reduce(0) { $0 + $1 * $1 } / Double(projection.count)).squareRoot()
        #expect(abs(projectionStd / (2.0 / 20).squareRoot() - 1) < 0.03)
        for sum in network.plan.trainedScales { #expect(network.parameters.pointer[sum.trainedScale!.offset] == 1) }
        let shifts = network.plan.stages.flatMap(\.nodes).compactMap { ($0 as? ScalarShift)?.parameter ?? ($0 as? InputShift)?.parameter }
        #expect(shifts.count == 1 + blocks * (2 * m - 1) + blocks + 1 && shifts.allSatisfy { network.parameters.pointer[$0.offset] == 0 })
    }

    /// At initialization every Fixup block is the identity, bit for bit (its branch ends at 0),
    /// and the scores are 0: each class 1/10, the loss ln 10.
    @Test func aFixupNetworkStartsAsItsProjection() {
        let strategy = Self.heStrategy(ModelSpec(residual: ResidualSpec(width: 16, blocks: 8, scheme: .fixup), input: 12, classes: 10,
                                                 activation: .relu, dropout: 0))
        let network = strategy.initialNetwork(seed: 2)
        var rng = Xoshiro256(seed: 4)
        let rows = 6, x = (0..<(rows * 12)).map { _ in Float(rng.uniform()) }
        let buffers = BatchBuffers(plan: network.plan, capacity: rows)
        var none: DropoutStream? = nil
        network.forward(x, rows: rows, buffers: buffers, dropout: &none)
        let streams = network.plan.stages.flatMap(\.nodes).compactMap { $0 as? ResidualAdd }.map { buffers.values[$0.slot].array }
        #expect(streams.allSatisfy { $0 == buffers.values[1].array })
        #expect(buffers.scores.array.allSatisfy { $0 == 0 })
        let loss = network.loss(labels: [Int32](repeating: 3, count: rows), rows: rows, buffers: buffers)
        #expect(abs(Double(loss) - log(10)) < 1e-6)
    }

    /// What each scheme sets, as its paper defines it.
    @Test func everySchemeSetsItsAlphaAndNormalization() {
        let expected: [ResidualScheme: (ResidualSpec.Alpha, Bool)] = [
            .he: (.fixed(1), false), .heBatchNorm: (.fixed(1), true), .heBatchNormPre: (.fixed(1), true), .fixup: (.trained(initial: 1), false),
            .skipinit: (.trained(initial: 0), false), .rezero: (.trained(initial: 0), false), .inverseSqrtDepth: (.inverseSqrtDepth, false),
        ]
        #expect(Set(expected.keys) == Set(ResidualScheme.allCases))
        for scheme in ResidualScheme.allCases {
            #expect(scheme.alpha == expected[scheme]!.0 && scheme.batchNorm == expected[scheme]!.1, "\(scheme)")
            #expect(ResidualSpec(width: 8, blocks: 16, alpha: .fixed(3), scheme: scheme).alpha == expected[scheme]!.0)
            // He et al. 2016's pre-activation only where the scheme names it; he_batch_norm stays post.
            #expect(ResidualSpec(width: 8, blocks: 16, scheme: scheme).preActivation == (scheme == .heBatchNormPre), "\(scheme)")
        }
        #expect(ResidualSpec(width: 8, blocks: 16, scheme: .inverseSqrtDepth).branchScale == .fixed(0.25))
        #expect(ResidualSpec(width: 8, blocks: 16, scheme: .fixup).fixupScale == 0.25)
        #expect(ResidualSpec(width: 8, blocks: 16, branch: [8, 8, 8], scheme: .fixup).fixupScale == 0.5)
        // Only Fixup imposes initializers, and never on the input projection.
        for scheme in ResidualScheme.allCases where scheme != .fixup {
            #expect((0..<40).allSatisfy { ResidualSpec(width: 8, blocks: 16, scheme: scheme).schemeInitializers(layer: $0) == nil })
        }
        #expect(ResidualSpec(width: 8, blocks: 16, scheme: .fixup).schemeInitializers(layer: 0) == nil)
    }
}

extension ResidualScheme: CustomTestStringConvertible {
    public var testDescription: String { rawValue }
}
