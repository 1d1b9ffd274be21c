/// The initializer names a config may use, with what each matches.
/// Every initializer name a config may give; aliases (glorot_*, he_*, eye) are names of their own.
public enum InitializerKind: String, CaseIterable, Sendable {
    case zeros, ones, constant, uniform, normal, truncatedNormal = "truncated_normal", tfTruncatedNormal = "tf_truncated_normal"
    case fanInUniform = "fan_in_uniform", fanInNormal = "fan_in_normal"
    case xavierUniform = "xavier_uniform", xavierNormal = "xavier_normal", glorotUniform = "glorot_uniform", glorotNormal = "glorot_normal"
    case kaimingUniform = "kaiming_uniform", kaimingNormal = "kaiming_normal", heUniform = "he_uniform", heNormal = "he_normal"
    case lecunUniform = "lecun_uniform", lecunNormal = "lecun_normal", varianceScaling = "variance_scaling"
    case orthogonal, sparse, identity, eye, pytorchDefault = "pytorch_default", kerasDefault = "keras_default"
}

extension InitializerKind {
    /// The names of one initializer under two names, each to the other: glorot_* are xavier_*
    /// (Xavier Glorot), he_* are kaiming_* (Kaiming He), eye is identity.
    static let aliases: [String: String] = {
        let pairs: [(InitializerKind, InitializerKind)] = [(.glorotUniform, .xavierUniform), (.glorotNormal, .xavierNormal),
                                                           (.heUniform, .kaimingUniform), (.heNormal, .kaimingNormal), (.eye, .identity)]
        return Dictionary(uniqueKeysWithValues: pairs.flatMap { [($0.rawValue, $1.rawValue), ($1.rawValue, $0.rawValue)] })
    }()
}

extension ConfigNode {
    /// An initializer: a bare name ("zeros") or an object {"kind": name, parameters…}.
    func initializer(forBiases: Bool) -> Initializer? {
        let parsed: Initializer?
        if case .string = json {
            guard let kind = choice(InitializerKind.self, what: "initializer", aliases: InitializerKind.aliases) else { return nil }
            parsed = Self.parseInitializer(kind: kind, in: nil, at: self)
        } else {
            guard let object = object, let kindNode = object.required("kind", "an initializer name") else {
                return nil
            }
            guard let kind = kindNode.choice(InitializerKind.self, what: "initializer", aliases: InitializerKind.aliases) else { return nil }
            parsed = Self.parseInitializer(kind: kind, in: object, at: self)
            object.finish()
        }
        if let parsed, forBiases, !parsed.appliesToBiases {
            report("\(parsed.kindName) needs a matrix; it cannot initialize biases")
            return nil
        }
        return parsed
    }

    private static func parseInitializer(kind: InitializerKind, in object: ConfigObject?, at node: ConfigNode) -> Initializer? {
        func number(_ key: String, _ fallback: Double, _ expected: String = "a number", _ valid: (Double) -> Bool = { _ in true }) -> Float {
            Float(object?.number(key, default: fallback, expected, valid) ?? fallback)
        }
        func positive(_ key: String, _ fallback: Double) -> Float { number(key, fallback, "a number > 0") { $0 > 0 } }
        func mode(_ fallback: FanMode) -> FanMode {
            guard let value = object?.optional("mode") else { return fallback }
            return value.choice(FanMode.self, what: "mode") ?? fallback
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
        case .zeros: return .constant(0)
        case .ones: return .constant(1)
        case .constant:
            guard let value = object?.required("value", "the constant")?.number("a number", { _ in true }) else {
                if object == nil { node.report("constant needs {\"kind\": \"constant\", \"value\": …}") }
                return nil
            }
            return .constant(Float(value))
        case .uniform:
            let low = number("low", 0), high = number("high", 1)
            guard low < high else { node.report("uniform needs low < high, found low \(JSON(low)), high \(JSON(high))"); return nil }
            return .uniform(low: low, high: high)
        case .normal:
            return .normal(mean: number("mean", 0), std: positive("std", 1))
        case .truncatedNormal:
            let mean = number("mean", 0), std = positive("std", 1), low = number("a", -2), high = number("b", 2)
            guard low < high else { node.report("truncated_normal needs a < b, found a \(JSON(low)), b \(JSON(high))"); return nil }
            return .truncatedNormal(mean: mean, std: std, low: low, high: high)
        case .tfTruncatedNormal:
            let mean = number("mean", 0), std = positive("std", 0.1)
            return .truncatedNormal(mean: mean, std: std, low: mean - 2 * std, high: mean + 2 * std)
        case .fanInUniform: return .fanInUniform(scale: positive("scale", 1))
        case .fanInNormal: return .fanInNormal(scale: positive("scale", 1))
        case .xavierUniform, .glorotUniform: return .xavierUniform(gain: gain(default: nil))
        case .xavierNormal, .glorotNormal: return .xavierNormal(gain: gain(default: nil))
        case .kaimingUniform, .heUniform: return .kaimingUniform(gain: gain(default: .relu), mode: mode(.fanIn))
        case .kaimingNormal, .heNormal: return .kaimingNormal(gain: gain(default: .relu), mode: mode(.fanIn))
        case .lecunUniform: return .lecunUniform
        case .lecunNormal: return .lecunNormal
        case .varianceScaling:
            let scale = positive("scale", 1), fanMode = mode(.fanIn)
            let distribution = object?.optional("distribution")?.choice(ScalingDistribution.self, what: "distribution") ?? .truncatedNormal
            return .varianceScaling(scale: scale, mode: fanMode, distribution: distribution)
        case .orthogonal: return .orthogonal(gain: gain(default: nil))
        case .sparse:
            let fraction = object?.number("fraction", default: 0.1, "a fraction in (0, 1)") { $0 > 0 && $0 < 1 } ?? 0.1
            return .sparse(fraction: fraction, std: positive("std", 0.01))
        case .identity, .eye: return .identity(gain: gain(default: nil))
        case .pytorchDefault: return .pytorchDefault
        case .kerasDefault: return .kerasDefault
        }
    }

    func activationName(slope: ConfigNode?) -> Activation? {
        guard let name = choice(Activation.Name.self, what: "nonlinearity") else { return nil }
        guard name == .leakyReLU else { return name.activation(slope: Activation.defaultSlope) }
        return name.activation(slope: slope?.number("a slope ≥ 0", { $0 >= 0 }).map(Float.init) ?? Activation.defaultSlope)
    }
}

extension Initializer {
    /// The name the config language gives this initializer (its canonical one, not an alias).
    public var kind: InitializerKind {
        switch self {
        case .constant(0): return .zeros
        case .constant(1): return .ones
        case .constant: return .constant
        case .uniform: return .uniform
        case .normal: return .normal
        case .truncatedNormal: return .truncatedNormal
        case .fanInUniform: return .fanInUniform
        case .fanInNormal: return .fanInNormal
        case .xavierUniform: return .xavierUniform
        case .xavierNormal: return .xavierNormal
        case .kaimingUniform: return .kaimingUniform
        case .kaimingNormal: return .kaimingNormal
        case .varianceScaling: return .varianceScaling
        case .orthogonal: return .orthogonal
        case .sparse: return .sparse
        case .identity: return .identity
        }
    }

    public var kindName: String { kind.rawValue }

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
