/// A key path of a config: "layers[1].weights.std".
struct ConfigPath {
    enum Component {
        case key(String), index(Int)
        var text: String {
            switch self {
            case .key(let key): return "." + key
            case .index(let k): return "[\(k)]"
            }
        }
        var isKey: Bool { if case .key = self { return true } else { return false } }
    }
    let components: [Component]

    /// "layers[1].weights", as a config writes it.
    static func text(_ components: ArraySlice<Component>) -> String { String(components.map(\.text).joined().dropFirst()) }

    init?(_ path: String) {
        var components: [Component] = []
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(part)
            guard let key = rest.split(separator: "[", maxSplits: 1, omittingEmptySubsequences: false).first, !key.isEmpty else { return nil }
            components.append(.key(String(key)))
            rest = rest.dropFirst(key.count)
            while rest.hasPrefix("[") {
                guard let close = rest.firstIndex(of: "]"), let k = Int(rest[rest.index(after: rest.startIndex)..<close]), k >= 0 else { return nil }
                components.append(.index(k))
                rest = rest[rest.index(after: close)...]
            }
            guard rest.isEmpty else { return nil }
        }
        self.components = components
    }
}

extension JSON {
    /// An initializer given by name reads as the object {"kind": name}, so that a path can
    /// set one of its parameters.
    var initializerObject: JSON {
        if case .string(let name) = self { return .object([("kind", .string(name))]) }
        return self
    }

    /// This JSON with the value at `path` set (added as the last member where missing).
    func setting(_ path: ArraySlice<ConfigPath.Component>, to value: JSON) -> JSON {
        guard let first = path.first else { return value }
        switch (first, initializerObject) {
        case (.key(let key), .object(var members)):
            if let i = members.firstIndex(where: { $0.key == key }) {
                members[i].value = members[i].value.setting(path.dropFirst(), to: value)
            } else {
                members.append((key, JSON.null.setting(path.dropFirst(), to: value)))
            }
            return .object(members)
        case (.index(let k), .array(var items)) where items.indices.contains(k):
            items[k] = items[k].setting(path.dropFirst(), to: value)
            return .array(items)
        default:
            return self
        }
    }

    func setting(_ path: [ConfigPath.Component], to value: JSON) -> JSON { setting(path[...], to: value) }
}
