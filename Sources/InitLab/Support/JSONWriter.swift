extension JSON {
    /// Pretty-printed text with two-space indentation. Arrays of plain numbers stay on one line
    /// (wrapped near 100 columns), so a results file with thousands of losses stays readable.
    public func formatted() -> String {
        var out = ""
        write(to: &out, indent: 0)
        out.append("\n")
        return out
    }

    private func write(to out: inout String, indent: Int) {
        switch self {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .number(let n): out.append(JSON.format(n))
        case .string(let s): JSON.writeString(s, to: &out)
        case .array(let elements):
            if elements.isEmpty { out.append("[]"); return }
            if elements.allSatisfy(\.isScalar) {
                writeScalarArray(elements, to: &out, indent: indent)
                return
            }
            out.append("[\n")
            for (i, element) in elements.enumerated() {
                out.append(String(repeating: " ", count: indent + 2))
                element.write(to: &out, indent: indent + 2)
                out.append(i + 1 < elements.count ? ",\n" : "\n")
            }
            out.append(String(repeating: " ", count: indent) + "]")
        case .object(let members):
            if members.isEmpty { out.append("{}"); return }
            out.append("{\n")
            for (i, member) in members.enumerated() {
                out.append(String(repeating: " ", count: indent + 2))
                JSON.writeString(member.key, to: &out)
                out.append(": ")
                member.value.write(to: &out, indent: indent + 2)
                out.append(i + 1 < members.count ? ",\n" : "\n")
            }
            out.append(String(repeating: " ", count: indent) + "}")
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    private func writeScalarArray(_ elements: [JSON], to out: inout String, indent: Int) {
        let pieces = elements.map { element -> String in
            var text = ""
            element.write(to: &text, indent: 0)
            return text
        }
        let oneLine = "[" + pieces.joined(separator: ", ") + "]"
        if oneLine.count + indent <= 100 { out.append(oneLine); return }
        let pad = String(repeating: " ", count: indent + 2)
        out.append("[\n" + pad)
        var lineLength = indent + 2
        for (i, piece) in pieces.enumerated() {
            let separator = i + 1 < pieces.count ? "," : ""
            if lineLength > indent + 2 && lineLength + piece.count + 2 > 100 {
                out.append("\n" + pad)
                lineLength = indent + 2
            } else if lineLength > indent + 2 {
                out.append(" ")
                lineLength += 1
            }
            out.append(piece + separator)
            lineLength += piece.count + separator.count
        }
        out.append("\n" + String(repeating: " ", count: indent) + "]")
    }

    static func format(_ n: Double) -> String {
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return n.description
    }

    private static func writeString(_ s: String, to out: inout String) {
        out.append("\"")
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.append("\"")
    }
}
