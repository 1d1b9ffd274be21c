import Foundation

/// Strategies that are one definition under several names (Keras's default is Xavier uniform
/// with zero biases): the same model, initializers, procedure and optimizer, told apart only by
/// their ids and labels. Each strategy's id seeds its own stream of initial weights, so such
/// strategies differ only in their random draws, and the gap between them measures that noise
/// alone; the report says so, for a reader not to take it for an effect.
enum SharedDefinitions {
    /// The groups of two or more strategies with the same definition, in the experiment's order.
    static func groups(_ strategies: [Strategy]) -> [[Strategy]] {
        func definition(_ strategy: Strategy) -> Strategy {
            var bare = strategy
            bare.id = ""
            bare.label = ""
            return bare
        }
        var groups: [[Strategy]] = []
        for strategy in strategies {
            if let k = groups.firstIndex(where: { definition($0[0]) == definition(strategy) }) {
                groups[k].append(strategy)
            } else {
                groups.append([strategy])
            }
        }
        return groups.filter { $0.count > 1 }
    }

    /// "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// A paragraph per group: what they share, why they differ, and by how much they did.
    static func paragraphs(_ strategies: [Strategy], summaries: [StrategySummary]) -> [String] {
        groups(strategies).map { group in
            let names = group.map { "**\(MarkdownText.inline($0.label))**" }
            let who = Self.list(names)
            let members = group.compactMap { strategy in summaries.first { $0.id == strategy.id } }
            let means = members.compactMap { $0.finished ? $0.meanAccuracy : nil }
            var gap = ""
            if means.count == group.count, let low = means.min(), let high = means.max() {
                let accuracies = means.map { String(format: "%.2f%%", $0 * 100) }
                gap = " Their mean validation accuracies, " + Self.list(accuracies)
                    + String(format: ", differ by %.2f points: the noise of the initial draw alone.", (high - low) * 100)
            }
            let same = "\(who) are the same strategy under \(names.count == 2 ? "two" : "\(names.count)") names (the same model, "
                + "initializers and training; see Settings)"
            // Initializers that draw nothing (zeros, ones, a constant, the identity) give every
            // name the same starting weights: then there is no draw to differ in.
            let starts = group.map { $0.initialNetwork(seed: 1).parameters.array }
            if starts.allSatisfy({ $0 == starts[0] }) {
                return same + ": their initializers draw nothing at random, so they start from the same weights and train alike."
            }
            return same + ": they differ only in their random draws, since each strategy's id seeds its "
                + "own stream of initial weights, while the split, the batches and the dropout masks are the seed's, shared by all."
                + gap
        }
    }
}
