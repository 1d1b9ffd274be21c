/// A sentence of a reading that keeps its numbers as numbers, so that the readings of several
/// strategies that say the same thing can be written once: their sentences have the same words,
/// and each of their numbers becomes the range over them. Written as a string literal, where an
/// interpolated Double is a number (printed as InsideReading.number), `\(low: x)` and
/// `\(high: x)` are the ends of a range (a group's smallest and largest), `\(percent: x)` is a
/// fraction shown in percent, `\(inGroup: text)` are words only a group's sentence has, and
/// anything else interpolated is words.
struct Phrase: ExpressibleByStringInterpolation, Sendable {
    enum Merge: Sendable { case value, low, high }
    enum Format: Sendable { case number, percent }
    enum Part: Sendable {
        case words(String)
        case number(Double, Merge, Format)
        case groupWords(String)
    }

    var parts: [Part]

    init(words: String) { parts = [.words(words)] }
    init(parts: [Part]) { self.parts = parts }
    init(stringLiteral value: String) { parts = [.words(value)] }
    init(stringInterpolation: Interpolation) { parts = stringInterpolation.parts }

    struct Interpolation: StringInterpolationProtocol {
        var parts: [Part] = []
        init(literalCapacity: Int, interpolationCount: Int) {}
        mutating func appendLiteral(_ literal: String) { parts.append(.words(literal)) }
        mutating func appendInterpolation(_ value: Double) { parts.append(.number(value, .value, .number)) }
        mutating func appendInterpolation(low value: Double) { parts.append(.number(value, .low, .number)) }
        mutating func appendInterpolation(high value: Double) { parts.append(.number(value, .high, .number)) }
        mutating func appendInterpolation(percent value: Double) { parts.append(.number(value, .value, .percent)) }
        mutating func appendInterpolation(inGroup words: String) { parts.append(.groupWords(words)) }
        mutating func appendInterpolation(_ value: some CustomStringConvertible) { parts.append(.words(value.description)) }
    }

    static func + (a: Phrase, b: Phrase) -> Phrase { Phrase(parts: a.parts + b.parts) }

    /// The sentence of one strategy.
    var text: String { Self.merged([self]) }

    /// What phrases must share to be written as one: their words, and where their numbers are.
    var shape: String {
        parts.map { part in
            switch part {
            case .words(let words): return words
            case let .number(_, merge, format): return "\u{0}\(merge)\(format)\u{0}"
            case .groupWords(let words): return "\u{0}group \(words)\u{0}"
            }
        }.joined()
    }

    static func show(_ value: Double, _ format: Format) -> String {
        format == .percent ? InsideReading.percent(value) : InsideReading.number(value)
    }

    /// One sentence for phrases of the same shape: a number that reads the same in all of them
    /// as it is, others as their range ("0.25–0.4", "2–10%"), the ends of a range as the
    /// smallest low and the largest high.
    static func merged(_ phrases: [Phrase]) -> String {
        guard let first = phrases.first else { return "" }
        return first.parts.indices.map { k -> String in
            switch first.parts[k] {
            case .words(let words): return words
            case .groupWords(let words): return phrases.count > 1 ? words : ""
            case let .number(_, merge, format):
                let values = phrases.map { phrase -> Double in
                    guard case .number(let value, _, _) = phrase.parts[k] else { preconditionFailure("merged phrases of different shapes") }
                    return value
                }
                let low = values.min()!, high = values.max()!
                switch merge {
                case .low: return show(low, format)
                case .high: return show(high, format)
                case .value:
                    let (a, b) = (show(low, format), show(high, format))
                    guard a != b else { return a }
                    // "2–10%", not "2%–10%".
                    return format == .percent ? "\(a.dropLast())–\(b)" : "\(a)–\(b)"
                }
            }
        }.joined()
    }
}

extension Array where Element == Phrase {
    func joined(separator: String) -> Phrase {
        Phrase(parts: enumerated().flatMap { k, phrase in (k > 0 ? [.words(separator)] : []) + phrase.parts })
    }
}
