/// Text from a config (titles, labels) reaches generated files that other programs interpret:
/// gnuplot scripts, Markdown, JSON. Configs and output folders may come from someone else, so
/// every such string goes through one encoder per language, written so that no text can end a
/// string, a comment or a line there. (JSON strings are encoded by `JSON.formatted`.)

extension Unicode.Scalar {
    /// A control character (C0, DEL, C1) or a line or paragraph separator: anything that can
    /// break a line, or move a terminal's cursor, in the files and messages the tool writes.
    var isLineBreakingOrControl: Bool {
        switch properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}

extension String {
    /// Whether the text holds a character `isLineBreakingOrControl` refuses.
    var hasControlCharacters: Bool { unicodeScalars.contains { $0.isLineBreakingOrControl } }

    /// The text with each control character written as `\u{…}`, for messages that quote
    /// what a user gave.
    public var withVisibleControlCharacters: String {
        guard hasControlCharacters else { return self }
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar.isLineBreakingOrControl {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The text with each control character replaced by a space: one line, whatever it held.
    var onOneLine: String {
        guard hasControlCharacters else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.map { $0.isLineBreakingOrControl ? " " : $0 }))
    }
}

/// gnuplot's languages: its script lines and its string literals.
public enum GnuplotText {
    /// A string expression that gnuplot takes as the text itself. Single-quoted: gnuplot performs
    /// backquote (shell) substitution and backslash escapes inside double quotes but neither
    /// inside single quotes, where the only special character is the quote itself. gnuplot 5.4
    /// mis-reads a doubled quote followed by another quote, so a quote of the text is joined on
    /// as "'", a double-quoted string that holds nothing else: it's becomes 'it'."'".'s'.
    /// `@` macros are not expanded inside quotes, and a line break, the one way out of a
    /// string left, is replaced by a space. The terminals run in `noenhanced` mode, so the text
    /// is also drawn as written (no `^`, `_`, `@`, `{}` markup).
    /// The split is over Unicode scalars, as gnuplot reads bytes: split over Characters, a quote
    /// joined into one grapheme with its neighbour (U+0600 before it, a combining mark after it)
    /// would stay inside a piece and end the string there.
    public static func literal(_ text: String) -> String {
        let pieces = text.onOneLine.unicodeScalars.split(separator: "'", omittingEmptySubsequences: false)
        return pieces.map { "'" + String(String.UnicodeScalarView($0)) + "'" }.joined(separator: ".\"'\".")
    }

    /// Several lines of text as one string expression, joined by "\n", a double-quoted string
    /// that holds nothing else (gnuplot substitutes nothing in it): for labels that wrap.
    public static func lines(_ lines: [String]) -> String {
        lines.isEmpty ? literal("") : lines.map(literal).joined(separator: ".\"\\n\".")
    }

    /// A comment line. A line break would end it, and gnuplot continues a comment that ends in a
    /// backslash onto the next line, which would comment out the next command: neither survives.
    public static func comment(_ text: String) -> String {
        var line = "# " + text.onOneLine
        while line.hasSuffix("\\") { line.removeLast() }
        return line
    }
}

/// Markdown (CommonMark, with GitHub's tables) as report.md uses it.
public enum MarkdownText {
    /// Every ASCII punctuation character that can start markup in a heading, a table cell, a
    /// link text or an image's alt text: escaped with a backslash, which CommonMark allows before
    /// any ASCII punctuation, so the text renders as written. `|` would end a table cell, `<` and
    /// `&` start HTML and entities, `[`, `]`, `!` links and images, `*`, `_`, `~`, `` ` `` emphasis
    /// and code, `#` a heading's closing sequence, `$` math on GitHub.
    static let markup: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "!", "~", "&", "$"]

    /// Inline text for one line of Markdown: markup escaped, line breaks replaced by spaces, and
    /// leading or trailing blanks dropped (a table cell would drop them anyway). An underscore
    /// between two letters or digits stays as it is: it cannot start or end emphasis there, and
    /// names such as `max_iterations` stay readable in the file.
    public static func inline(_ text: String) -> String {
        let scalars = Array(text.onOneLine.trimmingBlanks.unicodeScalars)
        func isWordCharacter(_ i: Int) -> Bool {
            guard scalars.indices.contains(i) else { return false }
            return scalars[i].properties.isAlphabetic || ("0"..."9").contains(scalars[i])
        }
        var out = String.UnicodeScalarView()
        for (i, scalar) in scalars.enumerated() {
            let intraword = scalar == "_" && isWordCharacter(i - 1) && isWordCharacter(i + 1)
            if markup.contains(scalar) && !intraword { out.append("\\") }
            out.append(scalar)
        }
        return String(out)
    }
}

private extension String {
    var trimmingBlanks: Substring {
        let start = firstIndex { $0 != " " } ?? endIndex
        let end = lastIndex { $0 != " " }.map(index(after:)) ?? start
        return self[start..<max(start, end)]
    }
}
