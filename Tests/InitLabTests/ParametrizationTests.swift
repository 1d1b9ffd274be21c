import Foundation
import Testing
@testable import InitLab

/// The parametrizations' machinery: forward and bias multipliers exact in backward (finite
/// differences of the Double reference), NTK as it is defined, the standard parametrization as
/// no parametrization, a partner core's bits with multipliers, and the config's checks.
@Suite struct ParametrizationTests {
    /// Multipliers far from 1 and from each other, on every layer (the readout's too).
    static let multipliers = [LayerScaling(forward: 0.7, bias: 1.3), LayerScaling(forward: 1.9, bias: 0.6),
                              LayerScaling(forward: 0.35, bias: 2.5)]

    /// z = forward·(x·Wᵀ) + bias·b through every activation and dropout: the loss is the
    /// reference's, and every gradient its central differences (tolerances as GradientTests').
    @Test(arguments: GradientTests.activations)
    func multipliersAreExactInBackward(activation: Activation) {
        let (model, x, labels, masks) = GradientTests.setUp(activation, dropout: 0.3, scaling: Self.multipliers)
        let errors = GradientTests.errors(model, x: x, labels: labels, masks: masks)
        #expect(errors.loss <= 1e-5)
        #expect(errors.worstGradient < 1e-3, "worst relative gradient error \(errors.worstGradient) for \(activation)")
    }

    /// Forward multipliers before batch normalization (which takes no bias multiplier) and on the readout.
    @Test func forwardMultipliersAreExactThroughBatchNormalization() {
        let scaling = Self.multipliers.map { LayerScaling(forward: $0.forward) }
        let (model, x, labels, masks) = GradientTests.setUp(.tanh, dropout: 0.2, batchNorm: true, scaling: scaling)
        let errors = GradientTests.errors(model, x: x, labels: labels, masks: masks)
        #expect(errors.loss <= 1e-5)
        #expect(errors.worstGradient < 1e-3, "worst relative gradient error \(errors.worstGradient)")
    }

    /// The reference does see the multipliers: without them its loss is another one.
    @Test func theReferenceAppliesTheMultipliers() {
        let (model, x, labels, masks) = GradientTests.setUp(.relu, dropout: 0, scaling: Self.multipliers)
        let (plain, _, _, _) = GradientTests.setUp(.relu, dropout: 0)
        #expect(model.parameters.array == plain.parameters.array)
        let xs = x.map(Double.init), ls = labels.map(Int.init)
        let scaled = ReferenceMLP(model).loss(x: xs, labels: ls, rows: labels.count, masks: masks)
        let unscaled = ReferenceMLP(plain).loss(x: xs, labels: ls, rows: labels.count, masks: masks)
        #expect(abs(scaled - unscaled) > 1e-2)
    }

    /// A network with `scaling`'s multipliers and N(0, 1) parameters from `rng`, and the standard
    /// network whose W and b are those times the multipliers: what the first computes, the second does.
    static func scaledTwins(_ spec: ModelSpec, scaling: [LayerScaling], rng: inout Xoshiro256) -> (scaled: Network, standard: Network) {
        let scaled = Network(Plan(spec.layerKinds, inputWidth: spec.layers[0], scaling: scaling)), standard = Network(spec)
        for i in 0..<scaled.parameters.count { scaled.parameters.pointer[i] = Float(rng.normal()) }
        for (l, layer) in scaling.enumerated() {
            for (i, w) in scaled.weights(l).enumerated() { standard.weights(l)[i] = w * layer.forward }
            for (i, b) in scaled.biases(l).enumerated() { standard.biases(l)[i] = b * layer.bias }
        }
        return (scaled, standard)
    }

    /// Jacot et al.'s network: N(0, 1) parameters with σ_w/√fan_in on each product and σ_b on
    /// each bias compute what the standard network with W·σ_w/√fan_in and b·σ_b computes; its
    /// gradients are σ_w/√fan_in (σ_b) times the standard network's.
    @Test func ntkIsTheStandardNetworkWithScaledProducts() {
        let spec = ModelSpec(layers: [7, 6, 5, 4], activation: .tanh, dropout: 0)
        let ntk = NeuralTangent(sigmaW: 1.4, sigmaB: 0.3)
        let scaling = Parametrization.ntk(ntk).scaling(of: spec, optimizer: .adam)
        #expect(scaling.map(\.forward) == [7, 6, 5].map { Float(Double(Float(1.4)) / Double($0).squareRoot()) })
        #expect(scaling.allSatisfy { $0.bias == 0.3 && $0.weightLearningRate == 1 && $0.biasLearningRate == 1 && $0.weightInit == 1 })
        var rng = Xoshiro256(seed: 5)
        let (tangent, standard) = Self.scaledTwins(spec, scaling: scaling, rng: &rng)
        let x = (0..<(3 * 7)).map { _ in Float(rng.uniform()) }, labels: [Int32] = [0, 3, 1]
        var outputs: [[Float]] = [], gradients: [[Float]] = []
        for network in [tangent, standard] {
            let buffers = BatchBuffers(plan: network.plan, capacity: 3)
            var stream: DropoutStream? = DropoutStream(seededBy: Xoshiro256(seed: 1))
            network.forward(x, rows: 3, buffers: buffers, dropout: &stream)
            _ = network.loss(labels: labels, rows: 3, buffers: buffers)
            network.backward(buffers, on: Executor(plan: network.plan))
            outputs.append(buffers.scores.array)
            gradients.append(network.gradients.array)
        }
        // One rounding more on either side (the product scaled after the sum, or W before it).
        #expect(MaximalUpdateTests.worst(outputs[0], outputs[1], scale: 1) < 1e-5)
        for (l, layer) in scaling.enumerated() {
            for (segment, factor) in [(tangent.layers[l].weight, layer.forward), (tangent.layers[l].bias, layer.bias)] {
                let ours = Array(gradients[0][segment.range]), theirs = gradients[1][segment.range].map { $0 * factor }
                #expect(MaximalUpdateTests.worst(ours, theirs, scale: Double(theirs.map(abs).max()!)) < 1e-5, "layer \(l) \(segment.role)")
            }
        }
    }

    /// The standard parametrization is no parametrization: no scaling, every multiplier 1.
    @Test func standardLeavesThePlanAsItWas() throws {
        let spec = ModelSpec(layers: [7, 6, 5, 4], activation: .relu, dropout: 0.1)
        #expect(Parametrization.standard.scaling(of: spec, optimizer: .sgd).isEmpty)
        let plan = Plan(spec.layerKinds, inputWidth: 7, scaling: Parametrization.standard.scaling(of: spec, optimizer: .adam))
        #expect(plan.segments == spec.plan.segments && plan.learningRateRuns.count == 1)
        #expect(plan.layers.allSatisfy { $0.multiplier == 1 && $0.biasMultiplier == 1 })
        let minimal = #"{"model": {"layers": [4, 3, 2]}, "strategies": [{"id": "x", "weights": "kaiming_normal""#
        let implicit = try parseExperiment(minimal + "}]}"), explicit = try parseExperiment(minimal + #", "parametrization": "standard"}]}"#)
        #expect(implicit.strategies == explicit.strategies && implicit.echo == explicit.echo)
        #expect(implicit.strategies[0].initialNetwork(seed: 4).parameters.array
                == Strategy(id: "x", label: "x", model: implicit.model, layers: implicit.strategies[0].layers, procedure: nil)
                    .initialNetwork(seed: 4).parameters.array)
    }

    /// muP at its base widths is the standard parametrization: every multiplier 1.
    @Test func mupAtItsBaseWidthsIsStandard() {
        let mup = MaximalUpdate(baseWidths: [6, 5])
        for optimizer in Optimizer.Name.allCases {
            #expect(mup.scaling(widths: [7, 6, 5, 4], optimizer: optimizer).allSatisfy { $0 == .standard })
        }
    }

    /// Training under a parametrization with a partner core gives the bits of the run alone:
    /// forward and bias multipliers per stage, learning rates that differ from segment to segment.
    @Test func aPartnerKeepsTheBitsUnderMultipliers() throws {
        var (folder, experiment, dataset) = try PartnerTests().wideExperiment()
        defer { removeFolder(folder) }
        let original = experiment
        experiment.strategies[2].parametrization = .multipliers([
            LayerScaling(forward: 0.8, bias: 1.5, weightLearningRate: 0.5, biasLearningRate: 2),
            LayerScaling(forward: 1.25, bias: 0.5, weightLearningRate: 0.25),
            LayerScaling(forward: 0.5, bias: 2, weightLearningRate: 3, biasLearningRate: 0.5),
        ])
        let (trainer, split, strategy, alone) = PartnerTests().runAlone(experiment, dataset)
        let paired = PartnerTests().runPaired(trainer, strategy, split)
        #expect(paired.partneredStepTimes.steps == PartnerTrial.window + 1)
        #expect(paired.batchLosses == alone.batchLosses)
        #expect(paired.validationAccuracy == alone.validationAccuracy)
        // And the multipliers did change the run.
        let (_, _, _, standard) = PartnerTests().runAlone(original, dataset)
        #expect(standard.batchLosses != alone.batchLosses)
    }
}
