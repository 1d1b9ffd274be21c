import Foundation

/// The report's reading of a residual network's blocks (#24, item 3): per strategy, how the
/// stream grows through the blocks at initialization (its std's factor per block, as a
/// geometric mean, and its variance's, beside the 2^L of plain He ReLU blocks), the block where
/// it explodes, and where the trained α went.
enum BlockReading {
    /// A stream "explodes" at the first block where its std is this many times the input
    /// projection's output (or stops being finite): two decades, past any rounding or seed noise.
    static let explosion = 100.0

    /// The std's factor per block from `start` to `end`, `blocks` blocks further: the geometric
    /// mean of the blocks' factors.
    static func factorPerBlock(from start: Double, to end: Double, blocks: Int) -> Double { pow(end / start, 1 / Double(blocks)) }

    /// The first block of `stds` whose std is `explosion` times `start`, or is not there (not
    /// finite).
    static func explodingBlock(_ stds: some Sequence<(block: Int, std: Double?)>, start: Double) -> Int? {
        stds.first { ($0.std ?? .infinity) > explosion * start }?.block
    }

    /// The section: the figures, then one line per strategy with blocks; nothing without any.
    static func section(_ figures: BlockFigures, escape: (String) -> String) -> [String] {
        let members = figures.members
        guard !members.isEmpty else { return [] }
        var lines = ["### Residual blocks", "",
                     "The residual stream h after each block on the probe batch at initialization (block 0: after the input projection), "
                     + "and the gradient of the loss arriving there. Plain He ReLU blocks double the stream's variance per block "
                     + "(2^L after L blocks) when the branch starts with its activation; a Linear → ReLU → Linear branch with He "
                     + "weights adds twice the stream's second moment, about ×3 per block. results.json has every block at every "
                     + "recorded step (`diagnostics.init.blocks`, `diagnostics.steps[j].blocks`).", "",
                     "![The residual stream at initialization](\(BlockFigures.blocksName).png)", ""]
        if !figures.trained.isEmpty { lines += ["![Trained α over training](\(BlockFigures.alphaName).png)", ""] }
        for member in members {
            lines.append("- **\(escape(member.summary.label))**: " + phrases(member.diagnostics).joined(separator: "; ") + ".")
        }
        return lines + [""]
    }

    /// What one run's blocks show.
    static func phrases(_ diagnostics: RunDiagnostics) -> [String] {
        let blocks = diagnostics.initialBlocks
        guard let start = diagnostics.projectionStreamStd, start > 0, let last = blocks.last else {
            return ["no stream std to compare with (the input projection's output is 0 or not finite)"]
        }
        var phrases: [String] = []
        if let end = last.streamStd, end > 0 {
            let perBlock = factorPerBlock(from: start, to: end, blocks: blocks.count)
            phrases.append("stream std \(InsideReading.number(start)) after the projection → \(InsideReading.number(end)) after block \(last.block), "
                           + "×\(String(format: "%.3f", perBlock)) per block (variance ×\(String(format: "%.3f", perBlock * perBlock)); "
                           + "2^L would be ×2)")
        }
        if let block = explodingBlock(blocks.map { ($0.block, $0.streamStd) }, start: start), let exploding = blocks.first(where: { $0.block == block }) {
            let what = exploding.streamStd.map { "\(InsideReading.number($0 / start)) times the projection's" } ?? "not finite"
            phrases.append("the stream explodes at block \(exploding.block) (std \(what))")
        } else if let largest = blocks.compactMap(\.streamStd).max() {
            phrases.append("no explosion: at most \(InsideReading.number(largest / start)) times the projection's std")
        }
        let gradients = blocks.compactMap(\.streamGradientStd)
        if let first = gradients.first, let lastGradient = gradients.last, gradients.count > 1 {
            phrases.append("gradient std \(InsideReading.number(lastGradient)) at block \(last.block) → \(InsideReading.number(first)) at block 1")
        }
        if let end = diagnostics.steps.last, end.blocks.map(\.alpha) != diagnostics.initialBlocks.map(\.alpha) {
            let before = diagnostics.initialBlocks.compactMap(\.alpha), after = end.blocks.compactMap(\.alpha)
            if !before.isEmpty, !after.isEmpty {
                phrases.append("trained α from \(InsideReading.number(mean(before))) to \(InsideReading.number(mean(after))) (mean over the blocks; "
                               + "\(InsideReading.number(after.min()!)) to \(InsideReading.number(after.max()!))) after step \(end.step)")
            }
        }
        return phrases
    }

    static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
}
