/// The readings of "Inside the network" as bullets, one per group of strategies whose readings
/// say the same thing: eight strategies whose signal propagates and whose dead units rose get
/// one bullet with the ranges of their numbers, not eight near-identical ones. A strategy whose
/// reading is its own keeps its bullet and its exact numbers.
enum ReadingGroups {
    struct Reading {
        let label: String
        let initial: [Phrase]
        let training: [Phrase]

        /// What readings share to be said as one.
        var shape: [String] { initial.map(\.shape) + ["over training"] + training.map(\.shape) }
    }

    /// One bullet per group, in the order of each group's first strategy.
    static func bullets(_ readings: [Reading]) -> [String] {
        var groups: [[Reading]] = []
        for reading in readings where !reading.initial.isEmpty || !reading.training.isEmpty {
            if let k = groups.firstIndex(where: { $0[0].shape == reading.shape }) {
                groups[k].append(reading)
            } else {
                groups.append([reading])
            }
        }
        return groups.map(bullet)
    }

    static func bullet(_ group: [Reading]) -> String {
        let first = group[0]
        let initial = first.initial.indices.map { k in Phrase.merged(group.map { $0.initial[k] }) }
        let training = first.training.indices.map { k in Phrase.merged(group.map { $0.training[k] }) }
        let names = group.map { "**\(MarkdownText.inline($0.label))**" }
        let who = names.count == 1 ? names[0]
            : SharedDefinitions.list(names) + " (\(names.count) strategies that read alike; a–b is the range over them)"
        let sentences = (initial.isEmpty ? [] : [initial.joined(separator: "; ") + "."])
            + (training.isEmpty ? [] : ["Over training: " + training.joined(separator: "; ") + "."])
        return "- \(who): " + sentences.joined(separator: " ")
    }
}
