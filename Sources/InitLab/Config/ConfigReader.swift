import Algorithms
import Foundation

/// Everything wrong with one config file, each problem located by its key path.
public struct ConfigError: Error, CustomStringConvertible {
    public let file: String
    public let problems: [String]
    /// Lists of valid names too long for a problem's line (26 initializers), in columns.
    public var listings: [String] = []

    public init(file: String, problems: [String], listings: [String] = []) {
        self.file = file
        self.problems = problems
        self.listings = listings
    }

    /// One line per problem, each naming the file, so every line stands on its own in a
    /// terminal; then any listing, indented, so no line of it reads as another problem.
    public var description: String {
        (problems.map { "\(file): \($0)" } + listings).joined(separator: "\n")
    }
}

/// Titles and labels longer than this are refused: they could not be read in a figure anyway.
let maximumTextLength = 500

/// Collects problems instead of throwing at the first, so a user fixing a hand-edited config
/// sees all of them in one go.
final class ConfigProblems {
    private(set) var messages: [String] = []
    /// Each listing once, however many problems refer to it.
    private(set) var listings: [String] = []

    func addListing(_ listing: String) {
        if !listings.contains(listing) { listings.append(listing) }
    }
    /// Messages quote keys and values as the config gives them; any control character in those
    /// is shown as `\u{…}`, never sent to the terminal.
    func add(_ path: String, _ message: String) {
        messages.append((path.isEmpty ? message : "\(path): \(message)").withVisibleControlCharacters)
    }
}

/// One value of the config with its key path (`strategies[3].weights.std`).
struct ConfigNode {
    let path: String
    let json: JSON
    let problems: ConfigProblems

    func report(_ message: String) { problems.add(path, message) }

    func child(_ key: String, _ value: JSON) -> ConfigNode {
        ConfigNode(path: path.isEmpty ? key : "\(path).\(key)", json: value, problems: problems)
    }

    var object: ConfigObject? {
        guard case .object(let members) = json else {
            report("expected an object, found \(json.typeName)")
            return nil
        }
        return ConfigObject(node: self, members: members)
    }

    var elements: [ConfigNode]? {
        guard case .array(let values) = json else {
            report("expected an array, found \(json.typeName)")
            return nil
        }
        return values.enumerated().map { ConfigNode(path: "\(path)[\($0.offset)]", json: $0.element, problems: problems) }
    }

    /// A string of one line: a control character or line break (which no name, path or label
    /// needs) is refused here, for every string of the config, so none reaches a file or a
    /// terminal.
    var string: String? {
        guard case .string(let s) = json else {
            report("expected a string, found \(json.typeName)")
            return nil
        }
        if let bad = s.unicodeScalars.first(where: \.isLineBreakingOrControl) {
            let name = bad == "\n" ? ", a line break" : ""
            report("expected one line of text, found a control character (\(String(format: "U+%04X", bad.value))\(name))")
            return nil
        }
        return s
    }

    /// Text shown in figures and the report (a title, a label): a string of at most
    /// `maximumTextLength` characters.
    var text: String? {
        guard let s = string else { return nil }
        // Counted in Unicode scalars: one character can carry any number of combining marks.
        guard s.unicodeScalars.count <= maximumTextLength else {
            report("expected at most \(maximumTextLength) characters of text, found \(s.unicodeScalars.count)")
            return nil
        }
        return s
    }

    var bool: Bool? {
        guard case .bool(let b) = json else {
            report("expected true or false, found \(json.typeName)")
            return nil
        }
        return b
    }

    /// A number satisfying `valid`, described to the user as `expected` (e.g. "a number > 0").
    func number(_ expected: String, _ valid: (Double) -> Bool) -> Double? {
        guard case .number(let n) = json else {
            report("expected \(expected), found \(json.typeName)")
            return nil
        }
        guard valid(n) else {
            report("expected \(expected), found \(JSON.format(n))")
            return nil
        }
        return n
    }

    func integer(_ expected: String, _ valid: (Int) -> Bool) -> Int? {
        guard case .number(let n) = json, n == n.rounded(), abs(n) < 9e15 else {
            report("expected \(expected), found \(describe(json))")
            return nil
        }
        guard valid(Int(n)) else {
            report("expected \(expected), found \(Int(n))")
            return nil
        }
        return Int(n)
    }

    /// One of `choices`; otherwise the nearest ones are suggested and all are listed: on the
    /// problem's line when they are few, else in columns after the problems.
    /// `aliases` maps a name to the other name of the same thing, which a suggestion mentions.
    func choice(_ choices: [String], what: String, aliases: [String: String] = [:]) -> String? {
        guard let s = string else { return nil }
        guard choices.contains(s) else {
            let names = suggestions(for: s, in: choices)
            let near = names.map { "\"\($0)\"" }, also = names.compactMap { aliases[$0] }
            let suggestion = near.isEmpty ? "" : " did you mean \(near.dropLast().joined(separator: ", "))\(near.count > 1 ? " or " : "")\(near.last!)"
                + (also.isEmpty ? "" : " (also named \(also.joined(separator: ", ")))") + "?"
            if choices.count <= Self.choicesOnOneLine {
                report("unknown \(what) \"\(s)\";\(suggestion) valid: \(choices.joined(separator: ", "))")
            } else {
                report("unknown \(what) \"\(s)\";\(suggestion) the \(choices.count) valid \(what) names are listed below")
                problems.addListing("valid \(what) names:\n" + columns(choices))
            }
            return nil
        }
        return s
    }

    static let choicesOnOneLine = 10

    /// One of an enumeration's names: the compiler owns the list, and the message lists it.
    func choice<Name: RawRepresentable & CaseIterable>(_: Name.Type, what: String, aliases: [String: String] = [:]) -> Name?
    where Name.RawValue == String {
        choice(Name.allCases.map(\.rawValue), what: what, aliases: aliases).flatMap(Name.init(rawValue:))
    }

    private func describe(_ json: JSON) -> String {
        if case .number(let n) = json { return JSON.format(n) }
        return json.typeName
    }
}

/// An object of the config: hands out its members by key, remembers which were asked for, and
/// on `finish()` reports every other key as unknown, with the nearest valid key suggested.
final class ConfigObject {
    let node: ConfigNode
    private let members: [(key: String, value: JSON)]
    private var known: [String] = []

    init(node: ConfigNode, members: [(key: String, value: JSON)]) {
        self.node = node
        self.members = members
    }

    func has(_ key: String) -> Bool { members.contains { $0.key == key } }

    /// The member, or nil when absent (absence is not a problem here).
    func optional(_ key: String) -> ConfigNode? {
        known.append(key)
        guard let member = members.first(where: { $0.key == key }) else { return nil }
        return node.child(key, member.value)
    }

    /// The member, reporting its absence.
    func required(_ key: String, _ expected: String) -> ConfigNode? {
        guard let value = optional(key) else {
            node.report("missing key \"\(key)\" (\(expected))")
            return nil
        }
        return value
    }

    func number(_ key: String, default value: Double, _ expected: String, _ valid: (Double) -> Bool) -> Double {
        optional(key).map { $0.number(expected, valid) ?? value } ?? value
    }

    func integer(_ key: String, default value: Int, _ expected: String, _ valid: (Int) -> Bool) -> Int {
        optional(key).map { $0.integer(expected, valid) ?? value } ?? value
    }

    func string(_ key: String, default value: String) -> String {
        optional(key).map { $0.string ?? value } ?? value
    }

    func text(_ key: String, default value: String) -> String {
        optional(key).map { $0.text ?? value } ?? value
    }

    func bool(_ key: String, default value: Bool) -> Bool {
        optional(key).map { $0.bool ?? value } ?? value
    }

    /// Reports the keys nobody asked for: a misspelt key would otherwise be silently ignored.
    func finish() {
        for member in members where !known.contains(member.key) {
            let prefix = node.path.isEmpty ? member.key : "\(node.path).\(member.key)"
            if let near = nearest(to: member.key, in: known) {
                node.problems.add(prefix, "unknown key; did you mean \"\(near)\"?")
            } else {
                node.problems.add(prefix, "unknown key; valid here: \(Array(known.uniqued()).joined(separator: ", "))")
            }
        }
    }
}


/// What `word` may have meant among `candidates`: the names it is a part of ("he" in
/// he_uniform and he_normal, "glorot" in glorot_uniform), else those it starts ("xavier",
/// "batch"), at most four; else the nearest name as a typo of it.
func suggestions(for word: String, in candidates: [String]) -> [String] {
    let lower = word.lowercased(), unique = Array(candidates.uniqued())
    let parts = unique.filter { $0.lowercased().split(separator: "_").contains { $0 == lower } }
    if !parts.isEmpty { return Array(parts.prefix(4)) }
    let longer = started(by: word, in: unique)
    if !longer.isEmpty { return Array(longer.prefix(4)) }
    return typo(of: word, in: unique).map { [$0] } ?? []
}

/// Names in columns, indented, as wide as the longest and four to a line.
func columns(_ names: [String]) -> String {
    let width = (names.map(\.count).max() ?? 0) + 2
    return stride(from: 0, to: names.count, by: 4).map { start in
        "  " + names[start..<min(start + 4, names.count)].map { $0.padding(toLength: width, withPad: " ", startingAt: 0) }
            .joined().trimmingCharacters(in: .whitespaces)
    }.joined(separator: "\n")
}

/// The first candidate that starts with `word` (a shortened name: "xavier", "batch"), else the
/// candidate within edit distance ⌈len/3⌉ (at least 2) of it: close enough to be a typo, far
/// enough not to suggest nonsense.
func nearest(to word: String, in candidates: [String]) -> String? {
    started(by: word, in: candidates).first ?? typo(of: word, in: candidates)
}

/// The candidates that `word`, of three characters or more, starts.
private func started(by word: String, in candidates: [String]) -> [String] {
    guard word.count >= 3 else { return [] }
    return candidates.filter { $0.lowercased().hasPrefix(word.lowercased()) }
}

/// The candidate within edit distance ⌈len/3⌉ (at least 2) of `word`, the nearest.
private func typo(of word: String, in candidates: [String]) -> String? {
    let limit = max(2, (word.count + 2) / 3)
    let scored = Array(candidates.uniqued()).map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= limit else { return nil }
    return best.0
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
