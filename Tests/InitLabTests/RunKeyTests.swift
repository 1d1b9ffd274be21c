import Foundation
import Testing
@testable import InitLab

/// The run cache's key holds every stored property of the experiment's types (KeyEncoding), so a
/// setting added later cannot make two different runs share one key.
@Suite struct RunKeyTests {
    enum Shape: Equatable { case flat, tilted(angle: Float, by: Int?) }
    struct Nested { var name: String; var shapes: [Shape]; var limit: UInt64?; var weight: Double }

    @Test func theEncodingHasEveryFieldAndEveryCase() {
        let value = Nested(name: "a", shapes: [.flat, .tilted(angle: 0.1, by: nil)], limit: 7, weight: -2.5)
        let json = KeyEncoding.json(value)
        #expect(json == .object([
            ("name", .string("a")),
            ("shapes", .array([.string("flat"), .object([("tilted", .object([("angle", .number(0.1)), ("by", .null)]))])])),
            ("limit", .string("7")),
            ("weight", .number(-2.5)),
        ]))
        // A field that changes anywhere, however deep, changes the encoding.
        var other = value
        other.shapes[1] = .tilted(angle: 0.1, by: 0)
        #expect(KeyEncoding.json(other) != json)
    }

    @Test func everySettingOfARunChangesItsKey() throws {
        let (folder, base, _) = try ProcedureTests().synthetic()
        defer { removeFolder(folder) }
        let context = try RunKey.Context(experiment: base)
        func key(_ change: (inout Experiment, inout RunPlan) -> Void) -> String {
            var experiment = base, plan = RunPlan(strategy: base.strategies[0], seed: base.seed)
            change(&experiment, &plan)
            return RunKey(plan, experiment: experiment, context: context).hex
        }
        let original = key { _, _ in }
        let changes: [(String, (inout Experiment, inout RunPlan) -> Void)] = [
            ("seed", { _, p in p = RunPlan(strategy: p.strategy, seed: p.seed + 1) }),
            ("learning rate", { e, _ in e.training.optimizer = .adam(learningRate: 0.002, beta1: 0.9, beta2: 0.999, epsilon: 1e-8) }),
            ("β2", { e, _ in e.training.optimizer = .adam(learningRate: 0.001, beta1: 0.9, beta2: 0.99, epsilon: 1e-8) }),
            ("batch size", { e, _ in e.training.batchSize += 1 }),
            ("epochs", { e, _ in e.training.epochs += 1 }),
            ("validation fraction", { e, _ in e.training.validationFraction = 0.3 }),
            ("validation dropout", { e, _ in e.training.validationDropout.toggle() }),
            ("diagnostics", { e, _ in e.diagnostics.enabled.toggle() }),
            ("probe images", { e, _ in e.diagnostics.probeImages += 1 }),
            ("diagnostics steps", { e, _ in e.diagnostics.steps.append(7) }),
            ("dropout", { _, p in var s = p.strategy; s.model.dropout = 0.3; p = RunPlan(strategy: s, seed: p.seed) }),
            ("activation", { _, p in var s = p.strategy; s.model.activation = .tanh; p = RunPlan(strategy: s, seed: p.seed) }),
            ("batch norm", { _, p in var s = p.strategy; s.model.batchNorm = true; p = RunPlan(strategy: s, seed: p.seed) }),
            ("widths", { _, p in var s = p.strategy; s.model.layers[1] += 1; p = RunPlan(strategy: s, seed: p.seed) }),
            ("initializer", { _, p in var s = p.strategy; s.layers[1].biases = .constant(0.5); p = RunPlan(strategy: s, seed: p.seed) }),
            ("strategy optimizer", { _, p in var s = p.strategy; s.optimizer = .sgd(learningRate: 0.1, momentum: 0); p = RunPlan(strategy: s, seed: p.seed) }),
            ("procedure", { _, p in var s = p.strategy; s.procedure = .lsuv(tolerance: 0.1, maxIterations: 3, batchSize: 20); p = RunPlan(strategy: s, seed: p.seed) }),
            ("parametrization", { _, p in var s = p.strategy; s.parametrization = .ntk(NeuralTangent()); p = RunPlan(strategy: s, seed: p.seed) }),
            ("muP base width", { _, p in var s = p.strategy; s.parametrization = .mup(MaximalUpdate(baseWidths: [8, 4])); p = RunPlan(strategy: s, seed: p.seed) }),
        ]
        var seen: Set<String> = [original]
        for (name, change) in changes {
            let changed = key(change)
            #expect(changed != original, "changing the \(name) keeps the key")
            #expect(seen.insert(changed).inserted, "the \(name) aliases another change")
        }
    }
}

extension RunKeyTests {
    /// KeyEncoding names a case without associated values by its description, and reads fields
    /// through Mirror: a type in a run's settings that customized either could hide a difference.
    /// Every value reachable from a populated experiment's strategies, training and diagnostics is
    /// checked here.
    @Test func noSettingCustomizesItsDescriptionOrReflection() throws {
        let experiment = try Experiment.load(path: packageRoot + "/configs/batchnorm.json")
        var lsuv = try Experiment.load(path: packageRoot + "/configs/deep-tanh.json").strategies
        lsuv += try Experiment.load(path: packageRoot + "/configs/rbm.json").strategies
        var offenders: [String] = []
        func walk(_ value: Any, _ path: String) {
            if value is String || value is Bool || value is Float || value is Double || value is Int || value is UInt64 { return }
            let mirror = Mirror(reflecting: value)
            // The standard library's arrays, optionals and sets reflect as what they are.
            if value is CustomReflectable, [.struct, .class, .enum].contains(mirror.displayStyle) {
                offenders.append(path + " reflects as it chooses")
            }
            if mirror.displayStyle == .enum, value is CustomStringConvertible || value is CustomDebugStringConvertible {
                offenders.append(path + " describes itself")
            }
            for (i, child) in mirror.children.enumerated() { walk(child.value, path + "." + (child.label ?? String(i))) }
        }
        for (i, strategy) in (experiment.strategies + lsuv).enumerated() { walk(strategy, "strategies[\(i)]") }
        walk(experiment.training, "training")
        walk(experiment.diagnostics, "diagnostics")
        #expect(offenders.isEmpty, "\(offenders)")
    }

    class Base { var a = 1 }
    final class Derived: Base { var c = 2 }
    final class Holder { var inner = Derived(); var b: Set<String> = ["x", "y", "z"] }

    /// A subclass's own fields and its superclass's; a set in one order whatever its hashes.
    @Test func classesAndSetsAreEncodedWhole() {
        let json = KeyEncoding.json(Holder())
        #expect(json == .object([("inner", .object([("a", .string("1")), ("c", .string("2"))])),
                                 ("b", .array([.string("x"), .string("y"), .string("z")]))]))
    }
}
