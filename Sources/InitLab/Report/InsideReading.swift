import Foundation

/// What the diagnostics of one run say, in sentences generated from the numbers: whether the
/// signal vanishes, explodes or propagates at initialization, which units are dead or
/// saturated, how the back-propagated gradient changes on its way down, and what training did
/// to that. The thresholds (a factor of 10 across the network, a tenth of the units) are where
/// a reader of Glorot & Bengio's figures would start to call it so.
enum InsideReading {
    static func number(_ x: Double) -> String {
        String(format: "%.3g", x)
    }

    static func percent(_ x: Double) -> String { String(format: "%.0f%%", x * 100) }

    /// Sentences about the network at initialization; `saturation` words the activation's flat region.
    static func atInitialization(_ layers: [LayerDiagnostics], activation: Activation) -> [String] {
        phrasesAtInitialization(layers, activation: activation).map(\.text)
    }

    /// The sentences of `atInitialization` with their numbers kept, for readings said once for several strategies.
    static func phrasesAtInitialization(_ layers: [LayerDiagnostics], activation: Activation) -> [Phrase] {
        let hidden = Array(layers.dropLast())
        var sentences: [Phrase] = []
        let stds = hidden.compactMap(\.activationStd)
        if let first = stds.first, let last = stds.last, let low = stds.min(), let high = stds.max(), stds.count == hidden.count {
            let lastLayer = hidden.count
            if high == 0 {
                let stuck = hidden.allSatisfy { $0.weightGradientStd == 0 }
                sentences.append(Phrase(words: "every hidden unit gives one constant output on every probe image: no signal passes"
                                        + (stuck ? ", and no weight below the output layer gets a gradient" : "")))
            } else if stds.count == 1 {
                sentences.append("the hidden layer's activation std is \(first)")
            } else if last < first / 10 {
                sentences.append("activation std falls from \(first) at layer 1 to \(last) at layer \(lastLayer): the signal vanishes")
            } else if last > first * 10 {
                sentences.append("activation std grows from \(first) at layer 1 to \(last) at layer \(lastLayer): the signal explodes")
            } else {
                sentences.append("activation std stays between \(low: low) and \(high: high) over the \(stds.count) hidden layers: the signal propagates")
            }
            let alike = hidden.filter { $0.symmetric == true }.map(\.layer)
            if high > 0, !alike.isEmpty {
                sentences.append(Phrase(words: (alike.count == hidden.count ? "in every hidden layer" : "in layer\(alike.count > 1 ? "s" : "") "
                                                + alike.map(String.init).joined(separator: ", "))
                                        + ", every unit gives the same output on every probe image: the units are copies of one another"))
            }
            if high > 0 {
                sentences += worst(hidden, \.deadFraction, what: "dead (0 on every probe image)")
                sentences += worst(hidden, \.saturatedFraction, what: "saturated (\(saturationWords(activation)) on most probe images)")
            }
        }
        let gradients = hidden.map(\.outputGradientStd)
        // The probe records a gradient that is only rounding as 0, and every one below it (InsideMeasurement).
        let ungraded = hidden.filter { $0.outputGradientStd == 0 }.map(\.layer)
        if let high = stds.max(), high > 0, let top = ungraded.last {
            sentences.append("the gradient back-propagated to layer\(top > 1 ? "s 1–\(top)" : " 1") is zero (up to rounding): "
                             + "\(top > 1 ? "their" : "its") weights get no gradient from the probe batch")
        }
        if hidden.count >= 2, let bottom = gradients.first ?? nil, let top = gradients.last ?? nil, bottom > 0, top > 0 {
            let ratio = bottom / top
            if ratio < 0.1 {
                sentences.append("the back-propagated gradient shrinks \(number(1 / ratio))× from layer \(hidden.count) down to layer 1")
            } else if ratio > 10 {
                sentences.append("the back-propagated gradient grows \(number(ratio))× from layer \(hidden.count) down to layer 1")
            }
        }
        return sentences
    }

    /// Sentences about training: the first step's update ratios, and how the last hidden
    /// layer's activations, dead and saturated units changed from initialization to the last
    /// recorded step.
    static func overTraining(_ diagnostics: RunDiagnostics) -> [String] {
        phrasesOverTraining(diagnostics).map(\.text)
    }

    /// The sentences of `overTraining` with their numbers kept, for readings said once for several strategies.
    static func phrasesOverTraining(_ diagnostics: RunDiagnostics) -> [Phrase] {
        var sentences: [Phrase] = []
        if let first = diagnostics.steps.first(where: { $0.step > 0 }) {
            let ratios = first.layers.compactMap(\.updateRatio).filter(\.isFinite)
            if let low = ratios.min(), let high = ratios.max() {
                // The ratio is each layer's own: the sentence gives the smallest and the largest.
                sentences.append(low == high ? "step \(first.step) changes every layer's weights by \(low) of their norm"
                                 : "step \(first.step) changes each layer's weights by \(low: low) to \(high: high) of their norm "
                                 + "(the range over the layers\(inGroup: " and strategies"))")
            }
        }
        let start = diagnostics.initial
        guard let end = diagnostics.steps.last, end.step > 0, start.count >= 2, end.layers.count == start.count else { return sentences }
        let l = start.count - 2
        var changes: [Phrase] = []
        if let a = start[l].activationStd, let b = end.layers[l].activationStd, a != b {
            changes.append("layer \(l + 1)'s activation std went from \(a) to \(b)")
        }
        for (path, what) in [(\LayerDiagnostics.deadFraction, "dead"), (\LayerDiagnostics.saturatedFraction, "saturated")] {
            let before = start.dropLast().compactMap { $0[keyPath: path] }.max() ?? 0
            let after = end.layers.dropLast().compactMap { $0[keyPath: path] }.max() ?? 0
            if abs(after - before) >= 0.05 {
                changes.append("\(what) units (worst layer) \(after > before ? "rose" : "fell") from \(percent: before) to \(percent: after)")
            }
        }
        // Layers whose units were copies at initialization and still are.
        let alike = zip(start.dropLast(), end.layers).filter { $0.symmetric == true && $1.symmetric == true }.count
        if alike > 0 {
            changes.append("the units of \(alike == start.count - 1 ? "every hidden layer" : "\(alike) hidden layer\(alike > 1 ? "s" : "")") are still copies of one another")
        }
        if !changes.isEmpty { sentences.append("by step \(end.step), " + changes.joined(separator: "; ")) }
        return sentences
    }

    /// The layer where `path` is largest, when at least a tenth of its units are so.
    private static func worst(_ layers: [LayerDiagnostics], _ path: KeyPath<LayerDiagnostics, Double?>, what: String) -> [Phrase] {
        let values = layers.map { $0[keyPath: path] }
        guard let (layer, fraction) = largest(values), fraction >= 0.1 else { return [] }
        let also = values.filter { ($0 ?? 0) >= 0.1 }.count
        return ["\(percent: fraction) of layer \(layer)'s units are \(what)" + Phrase(words: also > 1 ? " (\(also) layers have 10% or more)" : "")]
    }

    /// The largest of one statistic over the layers (1-based, the first of equals), nil without any.
    static func largest(_ values: [Double?]) -> (layer: Int, value: Double)? {
        values.enumerated().compactMap { l, v in v.map { (layer: l + 1, value: $0) } }.max { $0.value < $1.value }
    }

    /// Where the activation is flat, in the words of its outputs (Activation.unsaturated).
    static func saturationWords(_ activation: Activation) -> String {
        guard let range = activation.unsaturated else { return "flat" }
        if range.lowerBound == -range.upperBound { return "|y| > \(range.upperBound)" }
        return "y < \(range.lowerBound) or y > \(range.upperBound)"
    }
}
