import CKernels
import Testing
@testable import InitLab

/// The fast Float forward/backward against the Double reference: the loss must agree, and every
/// gradient must match the reference's central differences.
@Suite struct GradientTests {
    /// Every activation a config can name (linear is identity's other name).
    static let activations: [Activation] = Activation.Name.allCases.filter { $0 != .linear }.map { $0.activation(slope: 0.1) }

    /// A small network with random parameters and a batch, with the dropout masks it will draw;
    /// with batch normalization after its hidden layers if asked (b then 0 without linear bias),
    /// and a parametrization's multipliers (`scaling`, one per layer) if given.
    static func setUp(_ activation: Activation, dropout: Float, rows: Int = 5, batchNorm: Bool = false,
                      linearBias: Bool = true, scaling: [LayerScaling] = []) -> (Network, [Float], [Int32], [[Double]]) {
        let spec = ModelSpec(layers: [7, 6, 5, 4], activation: activation, dropout: dropout, batchNorm: batchNorm, linearBias: linearBias)
        let model = Network(Plan(spec.layerKinds, inputWidth: 7, scaling: scaling))
        var rng = Xoshiro256(seed: 11)
        for i in 0..<model.parameters.count { model.parameters.pointer[i] = Float(rng.normal() * 0.5) }
        if !linearBias { for l in 0..<2 { model.biases(l).update(repeating: 0) } }
        let x = (0..<(rows * 7)).map { _ in Float(rng.uniform()) }
        let labels = (0..<rows).map { _ in Int32(rng.next() % 4) }
        // The masks forward will draw from a stream seeded 99, drawn the same way here: one row
        // per feature (forward's layout), handed to the reference one row per sample.
        var maskStream = DropoutStream(seededBy: Xoshiro256(seed: 99))
        let masks = [6, 5].map { width -> [Double] in
            let mask = FloatBuffer(count: rows * width)
            fillDropoutMask(mask.pointer, count: rows * width, p: dropout, stream: &maskStream)
            return (0..<rows).flatMap { r in (0..<width).map { f in Double(mask.pointer[f * rows + r]) } }
        }
        return (model, x, labels, masks)
    }

    /// One training forward and backward of `model` and the Double reference's: the loss's
    /// relative error, every parameter's gradient, and the reference's central differences.
    static func gradients(_ model: Network, x: [Float], labels: [Int32], masks: [[Double]]) -> (loss: Double, analytic: [Double], numerical: [Double]) {
        let rows = labels.count
        let buffers = BatchBuffers(plan: model.plan, capacity: rows)
        var stream: DropoutStream? = DropoutStream(seededBy: Xoshiro256(seed: 99))
        model.forward(x, rows: rows, buffers: buffers, dropout: &stream)
        let loss = model.loss(labels: labels, rows: rows, buffers: buffers)
        model.backward(buffers, on: Executor(plan: model.plan))

        let reference = ReferenceMLP(model)
        let xs = x.map(Double.init), ls = labels.map(Int.init)
        let referenceLoss = reference.loss(x: xs, labels: ls, rows: rows, masks: masks)
        return (abs(Double(loss) - referenceLoss) / max(1, abs(referenceLoss)), model.gradients.array.map(Double.init),
                reference.numericalGradient(x: xs, labels: ls, rows: rows, masks: masks))
    }

    /// The loss's relative error, and the worst relative error of any parameter's gradient
    /// against the reference's central differences.
    static func errors(_ model: Network, x: [Float], labels: [Int32], masks: [[Double]]) -> (loss: Double, worstGradient: Double) {
        let (loss, analytic, numerical) = gradients(model, x: x, labels: labels, masks: masks)
        var worst = 0.0
        for (a, n) in zip(analytic, numerical) {
            // Central differences in Double with h = 1e-6 are accurate to ~1e-9; the Float
            // backward to ~1e-6 of the gradients' scale.
            worst = max(worst, abs(a - n) / max(1e-3, abs(n)))
        }
        return (loss, worst)
    }

    @Test(arguments: activations)
    func backwardMatchesFiniteDifferences(activation: Activation) {
        let (model, x, labels, masks) = Self.setUp(activation, dropout: 0.3)
        let errors = Self.errors(model, x: x, labels: labels, masks: masks)
        // Float arithmetic over ~10 terms per sum: 1e-5 relative is a few hundred ulps of slack.
        #expect(errors.loss <= 1e-5)
        #expect(errors.worstGradient < 1e-3, "worst relative gradient error \(errors.worstGradient) for \(activation)")
    }

    /// A model without biases (nn.Linear(bias=False) everywhere, the readout too, as mup's MLP
    /// example): the weights' gradients are the reference's with b = 0, every b's gradient is
    /// exactly 0, so Adam leaves b at 0 for good.
    @Test func aModelWithoutBiasesNeverTrainsThem() {
        var spec = ModelSpec(layers: [7, 6, 5, 4], activation: .relu, dropout: 0.3)
        spec.bias = false
        let model = Network(Plan(spec.layerKinds, inputWidth: 7))
        #expect(model.layers.allSatisfy { !$0.hasBias })
        let (drawn, x, labels, masks) = Self.setUp(.relu, dropout: 0.3)
        model.parameters.pointer.update(from: drawn.parameters.pointer, count: model.parameters.count)
        for l in 0..<3 { model.biases(l).update(repeating: 0) }
        let (loss, analytic, numerical) = Self.gradients(model, x: x, labels: labels, masks: masks)
        #expect(loss <= 1e-5)
        for segment in model.plan.segments {
            for i in segment.range {
                if segment.role == .bias {
                    #expect(analytic[i] == 0, "layer \(segment.layer)'s b")
                } else {
                    #expect(abs(analytic[i] - numerical[i]) / max(1e-3, abs(numerical[i])) < 1e-3, "layer \(segment.layer), parameter \(i)")
                }
            }
        }
        let before = Array(model.weights(0))
        let adam = OptimizerState(.adam(learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8), parameterCount: model.parameters.count)
        adam.update(model.parameters, model.gradients)
        for l in 0..<3 { #expect(model.biases(l).allSatisfy { $0 == 0 }, "layer \(l)") }
        #expect(Array(model.weights(0)) != before)

        // The config's key, its echo, and the report's words.
        let experiment = try? parseExperiment(#"{"model": {"layers": [4, 3, 2], "bias": false}, "strategies": [{"id": "x", "weights": "ones"}]}"#)
        #expect(experiment?.model.bias == false && experiment?.strategies[0].initialNetwork(seed: 1).layers.allSatisfy { !$0.hasBias } == true)
        #expect(experiment.map { (try? parseExperiment($0.normalizedJSON.formatted()))?.model == $0.model } == true)
        #expect(experiment.map { MarkdownReport.describe($0.model).contains("no biases") } == true)
    }

    @Test func evaluationForwardHasNoDropout() {
        let (model, x, labels, _) = Self.setUp(.relu, dropout: 0.5)
        let rows = labels.count
        let buffers = BatchBuffers(plan: model.plan, capacity: rows)
        var none: DropoutStream? = nil
        model.forward(x, rows: rows, buffers: buffers, dropout: &none)
        let loss = model.loss(labels: labels, rows: rows, buffers: buffers)
        let referenceLoss = ReferenceMLP(model).loss(x: x.map(Double.init), labels: labels.map(Int.init), rows: rows, masks: nil)
        #expect(abs(Double(loss) - referenceLoss) <= 1e-5 * max(1, abs(referenceLoss)))
    }

    /// The training kernel's f' against central differences of the evaluation kernel's f.
    @Test func activationDerivativesMatchFiniteDifferences() {
        let inputs: [Float] = [-2, -0.7, -0.1, 0.2, 0.9, 3]
        let h: Float = 1e-2
        func f(_ activation: Activation, _ x: [Float]) -> [Float] {
            var z = x
            ckernels_activate_evaluation(activation.kernel, activation.slope, &z, [-0.0], 1, z.count)
            return z
        }
        for activation in Self.activations {
            var z = inputs, gate = [Float](repeating: 1, count: inputs.count)
            ckernels_activate_training(activation.kernel, activation.slope, 1, &z, &gate, [-0.0], 1, inputs.count)
            let above = f(activation, inputs.map { $0 + h }), below = f(activation, inputs.map { $0 - h })
            for i in inputs.indices {
                let numerical = (Double(above[i]) - Double(below[i])) / Double(2 * h)
                // Central difference error is O(h²·f''') ≈ 1e-4 here, plus Float rounding/h ≈ 1e-5.
                #expect(abs(Double(gate[i]) - numerical) < 2e-3, "\(activation) at \(inputs[i])")
            }
        }
    }
}

extension Activation: CustomTestStringConvertible {
    public var testDescription: String { name }
}
