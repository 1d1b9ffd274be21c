/// ArgumentParser reads a word that starts with "-" as an option, so in "--tasks -3" the -3
/// reaches no option and the error is "Missing value for '--tasks'"; "--seed=-1" reaches an
/// unsigned seed and is "invalid". No option of compare-inits takes a negative number (counts,
/// seeds, shards: all are 0 or more), so when a command line does not parse, a negative number
/// given to any option is what it reports, the same way for every option.
enum NegativeValues {
    /// "--tasks -3: a negative number…" for the first option followed by one, if any, quoted as
    /// typed (the words make no claim that the option takes a value: after a flag, -3 is as wrong).
    static func problem(in arguments: [String]) -> String? {
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { return nil }  // what follows is positional
            guard argument.hasPrefix("--") else { continue }
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let shown = parts.count == 2 ? argument : index + 1 < arguments.count ? argument + " " + arguments[index + 1] : argument
            let value = parts.count == 2 ? String(parts[1]) : index + 1 < arguments.count ? arguments[index + 1] : ""
            if isNegativeNumber(value) { return "\(shown): a negative number, which no option of compare-inits takes" }
        }
        return nil
    }

    /// "-3", "-0.5", "-1/2", "-1e3": a minus sign, then a number (a shard's too).
    static func isNegativeNumber(_ text: String) -> Bool {
        let rest = text.dropFirst()
        guard text.hasPrefix("-"), let first = rest.first, first.isASCII, first.isNumber || first == "." else { return false }
        return rest.allSatisfy { $0.isASCII && ($0.isNumber || "./eE+-".contains($0)) } && rest.contains { $0.isNumber }
    }
}
