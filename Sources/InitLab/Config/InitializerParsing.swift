/// The initializer names a config may use, with what each matches.
public enum InitializerKind {
    public static let names = [
        "zeros", "ones", "constant", "uniform", "normal", "truncated_normal", "tf_truncated_normal",
        "fan_in_uniform", "fan_in_normal", "xavier_uniform", "xavier_normal", "glorot_uniform", "glorot_normal",
        "kaiming_uniform", "kaiming_normal", "he_uniform", "he_normal", "lecun_uniform", "lecun_normal",
        "variance_scaling", "orthogonal", "sparse", "identity", "eye", "pytorch_default", "keras_default",
    ]
}

extension ConfigNode {
    /// An initializer: a bare name ("zeros") or an object {"kind": name, parameters…}.
    func initializer(forBiases: Bool) -> Initializer? {
        let parsed: Initializer?
        if case .string = json {
            guard let kind = choice(InitializerKind.names, what: "initializer") else { return nil }
            parsed = Self.parseInitializer(kind: kind, in: nil, at: self)
        } else {
            guard let object = object, let kindNode = object.required("kind", "an initializer name") else {
                return nil
            }
            guard let kind = kindNode.choice(InitializerKind.names, what: "initializer") else { return nil }
            parsed = Self.parseInitializer(kind: kind, in: object, at: self)
            object.finish()
        }
        if let parsed, forBiases, !parsed.appliesToBiases {
            report("\(parsed.kindName) needs a matrix; it cannot initialize biases")
            return nil
        }
        return parsed
    }

    private static func parseInitializer(kind: String, in object: ConfigObject?, at node: ConfigNode) -> Initializer? {
        func number(_ key: String, _ fallback: Double, _ expected: String = "a number", _ valid: (Double) -> Bool = { _ in true }) -> Float {
            Float(object?.number(key, default: fallback, expected, valid) ?? fallback)
        }
        func positive(_ key: String, _ fallback: Double) -> Float { number(key, fallback, "a number > 0") { $0 > 0 } }
        func mode(_ fallback: FanMode) -> FanMode {
            guard let value = object?.optional("mode") else { return fallback }
            return value.choice(FanMode.allCases.map(\.rawValue), what: "mode").flatMap(FanMode.init(rawValue:)) ?? fallback
        }
        /// `gain` as a number, or `nonlinearity` (+ `slope`) through PyTorch's calculate_gain.
        func gain(default fallback: Activation?) -> Float {
            let hasGain = object?.has("gain") ?? false, hasNonlinearity = object?.has("nonlinearity") ?? false
            if hasGain && hasNonlinearity { node.report("give either \"gain\" or \"nonlinearity\", not both") }
            if hasGain { return positive("gain", 1) }
            if hasNonlinearity, let activation = object?.optional("nonlinearity")?.activationName(slope: object?.optional("slope")) {
                return InitLab.gain(for: activation)
            }
            return fallback.map(InitLab.gain(for:)) ?? 1
        }

        switch kind {
        case "zeros": return .constant(0)
        case "ones": return .constant(1)
        case "constant":
            guard let value = object?.required("value", "the constant")?.number("a number", { _ in true }) else {
                if object == nil { node.report("constant needs {\"kind\": \"constant\", \"value\": …}") }
                return nil
            }
            return .constant(Float(value))
        case "uniform":
            let low = number("low", 0), high = number("high", 1)
            guard low < high else { node.report("uniform needs low < high, found low \(JSON(low)), high \(JSON(high))"); return nil }
            return .uniform(low: low, high: high)
        case "normal":
            return .normal(mean: number("mean", 0), std: positive("std", 1))
        case "truncated_normal":
            let mean = number("mean", 0), std = positive("std", 1), low = number("a", -2), high = number("b", 2)
            guard low < high else { node.report("truncated_normal needs a < b, found a \(JSON(low)), b \(JSON(high))"); return nil }
            return .truncatedNormal(mean: mean, std: std, low: low, high: high)
        case "tf_truncated_normal":
            let mean = number("mean", 0), std = positive("std", 0.1)
            return .truncatedNormal(mean: mean, std: std, low: mean - 2 * std, high: mean + 2 * std)
        case "fan_in_uniform": return .fanInUniform(scale: positive("scale", 1))
        case "fan_in_normal": return .fanInNormal(scale: positive("scale", 1))
        case "xavier_uniform", "glorot_uniform": return .xavierUniform(gain: gain(default: nil))
        case "xavier_normal", "glorot_normal": return .xavierNormal(gain: gain(default: nil))
        // PyTorch's kaiming_* default to nonlinearity leaky_relu with slope 0, i.e. ReLU's √2.
        case "kaiming_uniform", "he_uniform": return .kaimingUniform(gain: gain(default: .relu), mode: mode(.fanIn))
        case "kaiming_normal", "he_normal": return .kaimingNormal(gain: gain(default: .relu), mode: mode(.fanIn))
        case "lecun_uniform": return .lecunUniform
        case "lecun_normal": return .lecunNormal
        case "variance_scaling":
            let scale = positive("scale", 1), fanMode = mode(.fanIn)
            var distribution = ScalingDistribution.truncatedNormal
            if let value = object?.optional("distribution"),
               let name = value.choice(ScalingDistribution.allCases.map(\.rawValue), what: "distribution") {
                distribution = ScalingDistribution(rawValue: name)!
            }
            return .varianceScaling(scale: scale, mode: fanMode, distribution: distribution)
        case "orthogonal": return .orthogonal(gain: gain(default: nil))
        case "sparse":
            let fraction = object?.number("fraction", default: 0.1, "a fraction in (0, 1)") { $0 > 0 && $0 < 1 } ?? 0.1
            return .sparse(fraction: fraction, std: positive("std", 0.01))
        case "identity", "eye": return .identity(gain: gain(default: nil))
        case "pytorch_default": return .pytorchDefault
        case "keras_default": return .kerasDefault
        default: return nil
        }
    }

    /// An activation name, with `slope` for leaky_relu (PyTorch's default 0.01).
    func activationName(slope: ConfigNode?) -> Activation? {
        guard let name = choice(Activation.names + ["linear"], what: "nonlinearity") else { return nil }
        switch name {
        case "relu": return .relu
        case "tanh": return .tanh
        case "sigmoid": return .sigmoid
        case "selu": return .selu
        case "leaky_relu":
            let value = slope?.number("a slope ≥ 0", { $0 >= 0 }) ?? 0.01
            return .leakyReLU(slope: Float(value))
        default: return .identity
        }
    }
}

extension Initializer {
    /// The config name of this initializer's family.
    public var kindName: String {
        switch self {
        case .constant(0): return "zeros"
        case .constant(1): return "ones"
        case .constant: return "constant"
        case .uniform: return "uniform"
        case .normal: return "normal"
        case .truncatedNormal: return "truncated_normal"
        case .fanInUniform: return "fan_in_uniform"
        case .fanInNormal: return "fan_in_normal"
        case .xavierUniform: return "xavier_uniform"
        case .xavierNormal: return "xavier_normal"
        case .kaimingUniform: return "kaiming_uniform"
        case .kaimingNormal: return "kaiming_normal"
        case .varianceScaling: return "variance_scaling"
        case .orthogonal: return "orthogonal"
        case .sparse: return "sparse"
        case .identity: return "identity"
        }
    }

    /// The initializer with every parameter spelled out, as a config would write it.
    public var json: JSON {
        var members: [(key: String, value: JSON)] = [("kind", .string(kindName))]
        func add(_ key: String, _ value: Float) { members.append((key, JSON(value))) }
        switch self {
        case .constant(let value): if value != 0 && value != 1 { add("value", value) }
        case let .uniform(low, high): add("low", low); add("high", high)
        case let .normal(mean, std): add("mean", mean); add("std", std)
        case let .truncatedNormal(mean, std, low, high): add("mean", mean); add("std", std); add("a", low); add("b", high)
        case .fanInUniform(let scale), .fanInNormal(let scale): add("scale", scale)
        case .xavierUniform(let gain), .xavierNormal(let gain), .orthogonal(let gain), .identity(let gain): add("gain", gain)
        case let .kaimingUniform(gain, mode), let .kaimingNormal(gain, mode):
            add("gain", gain); members.append(("mode", .string(mode.rawValue)))
        case let .varianceScaling(scale, mode, distribution):
            add("scale", scale)
            members.append(("mode", .string(mode.rawValue)))
            members.append(("distribution", .string(distribution.rawValue)))
        case let .sparse(fraction, std): members.append(("fraction", JSON(fraction))); add("std", std)
        }
        return .object(members)
    }
}
