import Foundation
import Testing
@testable import InitLab

/// muP against the real `mup` package (microsoft/mup 1.0): Tests/Fixtures/mup-reference.json
/// holds what it computed for four small MLPs (scripts/mup-reference.py, run once with torch and
/// mup installed; no torch here). Per case: the learning rate MuAdam or MuSGD gives each
/// parameter, set_base_shapes's rescaling of the drawn values, and two training steps from the
/// same values: scores, loss, gradients and the parameters after each step.
@Suite struct MaximalUpdateTests {
    struct Case {
        let name: String
        let widths: [Int]
        let mup: MaximalUpdate
        let optimizer: Optimizer
        let drawn: [Float], initial: [Float]
        let multipliers: [Double]
        let steps: [(x: [Float], labels: [Int32], scores: [Float], loss: Float, gradients: [Float], parameters: [Float])]

        var plan: Plan {
            let model = ModelSpec(layers: widths, activation: .relu, dropout: 0)
            return Plan(model.layerKinds, inputWidth: widths[0], scaling: Parametrization.mup(mup).scaling(of: model, optimizer: optimizer.name))
        }
    }

    static let cases: [Case] = {
        let text = try! String(contentsOfFile: packageRoot + "/Tests/Fixtures/mup-reference.json", encoding: .utf8)
        guard case .array(let cases)? = try! JSONParser.parse(text)["cases"] else { fatalError("no cases in mup-reference.json") }
        func numbers(_ json: JSON?) -> [Double] {
            guard case .array(let values)? = json else { fatalError("expected an array") }
            return values.map { if case .number(let n) = $0 { return n } else { fatalError("expected a number") } }
        }
        func number(_ json: JSON?) -> Double { numbers(.array([json!]))[0] }
        func floats(_ json: JSON?) -> [Float] { numbers(json).map(Float.init) }
        return cases.map { c in
            guard case .string(let name)? = c["name"], case .string(let kind)? = c["optimizer"], case .bool(let zero)? = c["readout_zero_init"],
                  case .array(let steps)? = c["steps"] else { fatalError("a malformed case") }
            let rate = Float(number(c["learning_rate"]))
            let optimizer: Optimizer = kind == "adam" ? .adam(learningRate: rate, beta1: 0.9, beta2: 0.999, epsilon: 1e-8)
                : .sgd(learningRate: rate, momentum: Float(number(c["momentum"])))
            return Case(name: name, widths: numbers(c["widths"]).map { Int($0) },
                        mup: MaximalUpdate(baseWidths: numbers(c["base_widths"]).map { Int($0) }, outputMultiplier: Float(number(c["output_mult"])),
                                           readoutZeroInit: zero),
                        optimizer: optimizer, drawn: floats(c["drawn"]), initial: floats(c["initial"]),
                        multipliers: numbers(c["learning_rate_multipliers"]),
                        steps: steps.map { s in
                            (floats(s["x"]), numbers(s["labels"]).map { Int32($0) }, floats(s["scores"]), Float(number(s["loss"])),
                             floats(s["gradients"]), floats(s["parameters"]))
                        })
        }
    }()

    /// The worst of |a − b| / (scale + |b|) over two arrays of one length.
    static func worst(_ a: [Float], _ b: [Float], scale: Double) -> Double {
        precondition(a.count == b.count, "\(a.count) values against \(b.count)")
        return zip(a, b).map { abs(Double($0) - Double($1)) / (scale + abs(Double($1))) }.max() ?? 0
    }

    @Test func theFixtureCoversAdamSGDZeroReadoutAndNarrowerWidths() {
        #expect(Self.cases.count == 4)
        #expect(Set(Self.cases.map(\.optimizer.name)) == [.adam, .sgd])
        #expect(Self.cases.contains { $0.mup.readoutZeroInit })
        #expect(Self.cases.contains { c in zip(c.widths.dropFirst(), c.mup.baseWidths).contains { $0 < $1 } })
        // A fixture whose multipliers were all 1 would test nothing of muP.
        #expect(Self.cases.allSatisfy { $0.multipliers.contains { $0 != 1 } })
    }

    /// Each parameter's rate over the optimizer's, as MuAdam's or MuSGD's parameter groups have it
    /// (in W, b order per layer, which is the plan's segment order). A Double ratio rounded to a
    /// Float: within half a Float ulp.
    @Test(arguments: cases.map(\.name))
    func learningRatesAreMupsOptimizers(name: String) {
        let c = Self.cases.first { $0.name == name }!
        let ours = c.plan.segments.map { Double($0.learningRateMultiplier) }
        #expect(ours.count == c.multipliers.count)
        for (o, m) in zip(ours, c.multipliers) { #expect(abs(o - m) <= m * 0x1p-24, "\(o) against mup's \(m)") }
    }

    /// set_base_shapes: MuReadout's W and b times √width_mult (or zero), every other b times
    /// √(fan-in's width_mult), hidden W as drawn. Both sides multiply Float values by the Float
    /// nearest √width_mult, so they agree exactly.
    @Test(arguments: cases.map(\.name))
    func initialRescalingIsSetBaseShapes(name: String) {
        let c = Self.cases.first { $0.name == name }!
        let network = Network(c.plan)
        network.parameters.copy(from: c.drawn)
        network.rescaleInitialValues()
        #expect(network.parameters.array == c.initial)
        #expect(c.drawn != c.initial, "the case rescales nothing")
    }

    /// Two steps from mup's initial values: the forward pass (MuReadout's output_mult/width_mult
    /// as the readout's α), the loss, every gradient, and the update with its per-parameter
    /// rates. Float sums in another order than torch's, and the output multiplier applied after
    /// the product rather than to its input: measured within 1.1e-7 of the values' scale for
    /// scores and gradients, 2.4e-8 for the parameters (a few ulps); the bounds leave ten times
    /// that. A wrong multiplier moves a parameter by a part of its rate (≥ 0.01) and a score by
    /// a part of itself.
    @Test(arguments: cases.map(\.name))
    func trainingStepsAreMupsSteps(name: String) {
        let c = Self.cases.first { $0.name == name }!
        let network = Network(c.plan), executor = Executor(plan: network.plan)
        network.parameters.copy(from: c.initial)
        let optimizer = OptimizerState(c.optimizer, parameterCount: network.parameters.count)
        for (i, step) in c.steps.enumerated() {
            let rows = step.labels.count
            let buffers = BatchBuffers(plan: network.plan, capacity: rows)
            var stream: DropoutStream? = DropoutStream(seededBy: Xoshiro256(seed: 1))
            network.forward(step.x, rows: rows, buffers: buffers, dropout: &stream)
            let loss = network.loss(labels: step.labels, rows: rows, buffers: buffers)
            network.backward(buffers, on: executor)
            let scale = Double(step.gradients.map(abs).max()!)
            #expect(Self.worst(Array(buffers.scores.array.prefix(rows * c.widths.last!)), step.scores, scale: 1) < 1e-6, "step \(i) scores")
            #expect(abs(loss - step.loss) <= 1e-6 * max(1, step.loss), "step \(i) loss \(loss) against \(step.loss)")
            #expect(Self.worst(network.gradients.array, step.gradients, scale: scale) < 1e-6, "step \(i) gradients")
            optimizer.update(network, on: executor)
            #expect(Self.worst(network.parameters.array, step.parameters, scale: 1) < 3e-7, "step \(i) parameters")
        }
    }
}
