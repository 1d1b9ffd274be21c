/// Every stored property of a value, found by reflection, as canonical JSON: what the run
/// cache's key is hashed from. A setting added to the experiment's types later is in the key
/// the day it is added, with no list to keep up to date, so two runs that differ in it can
/// never share one key. Structs and classes are objects of all their fields in declaration
/// order; an enum is its case's name, or an object of its name and associated values; numbers
/// keep their exact value (a Float as the shortest decimal that reads back as it). Names are
/// written as a config writes them (learningRate as learning_rate), so that a cache entry's
/// difference from a run reads as the setting that differs.
enum KeyEncoding {
    static func json(_ value: Any) -> JSON {
        switch value {
        case let v as Bool: return .bool(v)
        case let v as String: return .string(v)
        case let v as Float: return v.isFinite ? JSON(v) : .string(v.description)
        case let v as Double: return v.isFinite ? .number(v) : .string(v.description)
        case let v as Int: return .string(String(v))
        case let v as Int32: return .string(String(v))
        case let v as UInt64: return .string(String(v))
        case let v as UInt32: return .string(String(v))
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional?:
            return mirror.children.first.map { json($0.value) } ?? .null
        case .collection?:
            return .array(mirror.children.map { json($0.value) })
        case .set?:
            // A set's order is its hashes', which change from process to process.
            return .array(mirror.children.map { json($0.value) }.sorted { $0.description < $1.description })
        case .dictionary?:
            let pairs = mirror.children.map { pair -> (key: String, value: JSON) in
                let parts = Array(Mirror(reflecting: pair.value).children)
                return (key: json(parts[0].value).description, value: json(parts[1].value))
            }
            return .object(pairs.sorted { $0.key < $1.key })
        case .enum?:
            // A case without associated values has no children; its name is its description.
            guard let payload = mirror.children.first else { return .string(String(describing: value)) }
            return .object([(key: configName(payload.label ?? "case"), value: json(payload.value))])
        case .tuple?, .struct?:
            return .object(fields(mirror))
        case .class?:
            // A subclass's fields and every superclass's.
            var members: [(key: String, value: JSON)] = []
            var level: Mirror? = mirror
            while let current = level {
                members = fields(current) + members
                level = current.superclassMirror
            }
            return .object(members)
        default:
            // A leaf type this encoder does not know: its full description, never nothing.
            return .string(String(reflecting: value))
        }
    }

    private static func fields(_ mirror: Mirror) -> [(key: String, value: JSON)] {
        mirror.children.enumerated().map { (key: configName($1.label ?? String($0)), value: json($1.value)) }
    }

    /// "learningRate" → "learning_rate".
    static func configName(_ name: String) -> String {
        name.reduce(into: "") { result, character in
            if character.isUppercase { result += "_" + character.lowercased() } else { result.append(character) }
        }
    }
}
