/// A strategy's `"parametrization"`: a kind's name ("standard", "ntk") or an object with its
/// settings, checked against the strategy's model.
extension ExperimentReader {
    /// "a finite number > 0" as a Float: a multiplier that overflows a Float, or rounds to 0 in
    /// one, is refused with the rest.
    static let positiveMultiplier = "a finite number > 0 (at most 3.4e38, at least 1.2e-38)"
    static func isPositiveMultiplier(_ value: Double) -> Bool {
        value.isFinite && value > 0 && Float(value).isFinite && Float(value) >= .leastNormalMagnitude
    }

    func readParametrization(_ node: ConfigNode, model: ModelSpec?) -> Parametrization? {
        let object: ConfigObject?
        let kind: Parametrization.Kind?
        if case .string = node.json {
            object = nil
            kind = node.choice(Parametrization.Kind.self, what: "parametrization")
        } else {
            object = node.object
            kind = object?.required("kind", "standard, mup, ntk or multipliers")?.choice(Parametrization.Kind.self, what: "parametrization")
        }
        // An unknown kind has said so; its settings are not reported as unknown keys on top of it.
        defer { if kind != nil { object?.finish() } }
        guard let kind else { return nil }
        func multiplier(_ key: String, in object: ConfigObject?) -> Float? {
            guard let value = object?.optional(key) else { return 1 }
            return value.number(Self.positiveMultiplier, Self.isPositiveMultiplier).map(Float.init)
        }
        switch kind {
        case .standard:
            return .standard
        case .ntk:
            guard let sigmaW = multiplier("sigma_w", in: object), let sigmaB = multiplier("sigma_b", in: object) else { return nil }
            return .ntk(NeuralTangent(sigmaW: sigmaW, sigmaB: sigmaB))
        case .mup:
            let hidden = model.map { $0.layers.count - 2 }
            if let model, hidden == 0 {
                node.report("muP scales the hidden widths, and this model (layers \(model.layers)) has no hidden layer")
            }
            guard let object else {
                if hidden != 0 { node.report("muP needs the base model's width: {\"kind\": \"mup\", \"base_width\": 64}") }
                return nil
            }
            let baseWidths = readBaseWidths(object.required("base_width", "the base model's hidden width, e.g. 64"),
                                            hidden: hidden == 0 ? nil : hidden)
            let output = multiplier("output_mult", in: object)
            let zeroInit = object.bool("readout_zero_init", default: false)
            guard hidden != 0, let baseWidths, let output else { return nil }
            return .mup(MaximalUpdate(baseWidths: baseWidths, outputMultiplier: output, readoutZeroInit: zeroInit))
        case .multipliers:
            guard let object else {
                node.report("give the multipliers: {\"kind\": \"multipliers\", \"layers\": [{\"forward\": …, \"learning_rate\": …}, …]}")
                return nil
            }
            return readMultipliers(object, layerCount: model?.layerCount)
        }
    }

    /// One base width for every hidden layer, or one each: positive integers.
    private func readBaseWidths(_ node: ConfigNode?, hidden: Int?) -> [Int]? {
        guard let node else { return nil }
        let expected = "a positive integer (the base model's width) up to \(ConfigLimits.width)"
        if case .array = node.json {
            guard let elements = node.elements else { return nil }
            let widths = elements.map { $0.integer(expected) { (1...ConfigLimits.width).contains($0) } }
            if let hidden, elements.count != hidden {
                node.report("expected one base width per hidden layer (\(hidden)), found \(elements.count)")
                return nil
            }
            return widths.allSatisfy { $0 != nil } ? widths.map { $0! } : nil
        }
        guard let width = node.integer(expected, { (1...ConfigLimits.width).contains($0) }) else { return nil }
        return Array(repeating: width, count: hidden ?? 0)
    }

    /// A config's own multipliers: per layer `forward`, `bias`, `learning_rate` (W's, and b's
    /// unless `bias_learning_rate`), and `input` / `output`, which multiply the first layer's and
    /// the readout's forward multipliers.
    private func readMultipliers(_ object: ConfigObject, layerCount: Int?) -> Parametrization? {
        func value(_ key: String, in object: ConfigObject) -> Float? {
            guard let node = object.optional(key) else { return 1 }
            return node.number(Self.positiveMultiplier, Self.isPositiveMultiplier).map(Float.init)
        }
        var layers = layerCount.map { Array(repeating: LayerScaling.standard, count: $0) }
        var valid = true
        if let node = object.optional("layers"), let elements = node.elements {
            if let count = layerCount, elements.count != count {
                node.report("expected one entry per weight layer (\(count)), found \(elements.count)")
                valid = false
            }
            for (l, element) in elements.enumerated() {
                guard let entry = element.object else { valid = false; continue }
                defer { entry.finish() }
                let forward = value("forward", in: entry), bias = value("bias", in: entry), rate = value("learning_rate", in: entry)
                let biasRate = entry.has("bias_learning_rate") ? value("bias_learning_rate", in: entry) : rate
                guard let forward, let bias, let rate, let biasRate else { valid = false; continue }
                if layers != nil, l < layers!.count {
                    layers![l] = LayerScaling(forward: forward, bias: bias, weightLearningRate: rate, biasLearningRate: biasRate)
                }
            }
        } else if object.has("layers") {
            valid = false
        }
        let input = value("input", in: object), output = value("output", in: object)
        guard valid, var layers, let input, let output else { return nil }
        layers[0].forward *= input
        layers[layers.count - 1].forward *= output
        return .multipliers(layers)
    }

    /// What a parametrization cannot combine with in a strategy, each reported at `node`.
    func checkParametrization(_ parametrization: Parametrization, model: ModelSpec, procedure: Bool, node: ConfigNode) -> Bool {
        guard parametrization != .standard else { return true }
        var fine = true
        if procedure {
            node.report("LSUV and RBM pre-training set the weights themselves; they take the standard parametrization only")
            fine = false
        }
        // Normalization subtracts the linear layer's b again: a multiplier on it would scale nothing.
        let scaling = parametrization.scaling(of: model, optimizer: .adam)
        // Each multiplier is a finite Float, but what they come to together may not be (an input
        // multiplier times the first layer's, muP's output_mult / width_mult): a run would train
        // on infinities. MuSGD's rates differ from MuAdam's by a width ratio that stays finite.
        for (l, layer) in scaling.enumerated() {
            let factors: [(String, Float)] = [("forward", layer.forward), ("bias", layer.bias), ("learning-rate", layer.weightLearningRate),
                                              ("bias learning-rate", layer.biasLearningRate), ("initial-weight", layer.weightInit),
                                              ("initial-bias", layer.biasInit)]
            if let (name, value) = factors.first(where: { !($0.1.isFinite && $0.1 > 0) }) {
                node.report("layer \(l + 1)'s \(name) multiplier comes to \(value), not a finite number > 0 in Float; make the multipliers smaller")
                return false
            }
        }
        if model.batchNorm, scaling.dropLast().contains(where: { $0.bias != 1 }) {
            node.report("batch normalization subtracts the hidden layers' bias, so it takes no bias multiplier; leave it at 1")
            fine = false
        }
        return fine
    }
}
