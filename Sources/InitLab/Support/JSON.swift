import Foundation

/// A JSON document as the config reader and the results writer see it. Objects keep their
/// members in file order, so an echoed config reads like the one the user wrote.
public enum JSON: Equatable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([(key: String, value: JSON)])

    public static func == (lhs: JSON, rhs: JSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// A Float as the shortest decimal that reads back as the same Float (2.3025851, not
    /// 2.302585124969482); null where it is not finite, since JSON has no NaN or infinity.
    public init(_ value: Float) {
        self = value.isFinite ? .number(Double(value.description)!) : .null
    }

    /// A Double; null where it is not finite.
    public init(_ value: Double) {
        self = value.isFinite ? .number(value) : .null
    }

    public subscript(key: String) -> JSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// Compact text: numbers as a config would write them ("1", not "1.0").
    public var description: String {
        if case .number(let n) = self { return JSON.format(n) }
        return formatted().trimmingCharacters(in: .newlines)
    }

    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
