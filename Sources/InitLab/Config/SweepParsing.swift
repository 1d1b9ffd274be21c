import Foundation

/// The config's "sweep": its axes are read and checked, then every grid point's strategy is
/// its template's config (each of the config's strategies is one) with the point's values
/// written in, read by the strategy reader like any other, so a point gets exactly the checks a
/// strategy gets. A value that makes a point invalid is reported at its axis, with the point.
extension ExperimentReader {
    struct SweepInput {
        /// The strategies as read, and as the config writes them, in its order.
        let templates: [(strategy: Strategy, node: ConfigNode)]
        let experimentModel: ModelSpec
        let optimizer: Optimizer
        let diagnostics: Bool
        let testSet: Bool
    }

    func readSweep(_ node: ConfigNode, _ input: SweepInput) -> (Sweep, [Strategy])? {
        guard let object = node.object else { return nil }
        defer { object.finish() }
        var axes: [SweepAxis] = []
        var seeds: [UInt64]?
        var axesValid = true
        if let axesNode = object.required("axes", "one or two settings to vary, each with its values"), let elements = axesNode.elements {
            for element in elements {
                guard let axis = readAxis(element, input) else { axesValid = false; continue }
                if axes.contains(where: { $0.setting == axis.setting }) || (axis.setting == .seed && seeds != nil) {
                    element.report("\(axis.setting.key) is already an axis")
                    axesValid = false
                } else if axes.contains(where: { $0.name == axis.name }) {
                    element.report("two axes are named \"\(axis.name)\"; give one a \"name\"")
                    axesValid = false
                } else if axis.setting == .seed {
                    seeds = axis.values.map { UInt64($0) }
                } else {
                    axes.append(axis)
                }
            }
            if axesValid && !(1...2).contains(axes.count) {
                axesNode.report("expected one or two axes besides the seed (a sweep is drawn as a line or a map), found \(axes.count)")
                axesValid = false
            }
        }
        var measures = SweepMeasure.defaults.filter { !$0.needsDiagnostics || input.diagnostics }
        if let listNode = object.optional("measures"), let list = listNode.elements {
            if list.isEmpty { listNode.report("expected at least one measure") }
            measures = []
            for item in list {
                guard let measure = item.choice(SweepMeasure.self, what: "measure") else { continue }
                if measure.needsDiagnostics && !input.diagnostics {
                    item.report("\(measure.rawValue) is measured by the diagnostics, which this config turns off")
                } else if measure.needsTestSet && !input.testSet {
                    item.report("test_accuracy needs a test set: name dataset.test_images and dataset.test_labels")
                } else if measure == .streamStd && !input.templates.contains(where: { $0.strategy.model.residual != nil }) {
                    item.report("stream_std is the residual stream's std, and no strategy of this config has a residual model")
                } else if measures.contains(measure) {
                    item.report("\"\(measure.rawValue)\" is listed twice")
                } else {
                    measures.append(measure)
                }
            }
        }
        let theory = object.bool("theory", default: false)
        // A depth or width axis writes the model's widths: a path into them would be overwritten.
        if axes.contains(where: { $0.setting == .depth || $0.setting == .width }),
           let path = axes.compactMap(\.setting.path).first(where: { $0.hasPrefix("model.layers") }) {
            node.report("the axis of \(path) and a depth or width axis both set the model's widths; vary one of them")
            axesValid = false
        }
        guard axesValid else { return nil }
        var sweep = Sweep(templates: input.templates.map { Sweep.Template(strategy: $0.strategy, json: $0.node.json) }, axes: axes,
                          seeds: seeds, points: [], measures: measures, theory: theory)
        if theory, let problem = theoryProblem(sweep) { object.optional("theory")?.report(problem) }

        // Sizes are checked before anything is built: every point holds its own network's layers.
        let count = sweep.gridSize * sweep.templates.count
        guard count <= Sweep.maximumPoints else {
            let of = sweep.templates.count == 1 ? "" : " (\(sweep.gridSize) for each of \(sweep.templates.count) strategies)"
            node.report("the grid has \(count) points\(of); at most \(Sweep.maximumPoints)")
            return nil
        }
        let meanDepth = axes.first { $0.setting == .depth }.map { $0.values.reduce(0, +) / Double($0.values.count) }
        let layers = input.templates.reduce(0.0) { sum, template in
            let model = template.strategy.model
            // A depth axis sets a plain stack's hidden layers, or a residual model's blocks.
            let perPoint = meanDepth.map { depth in model.residual.map { depth * Double($0.branch.count) + 2 } ?? depth + 1 } ?? Double(model.layerCount)
            return sum + Double(sweep.gridSize) * perPoint
        }
        guard layers <= Double(Sweep.maximumLayers) else {
            node.report("the grid's networks have \(Int(layers)) layers in all; at most \(Sweep.maximumLayers)")
            return nil
        }
        guard let strategies = expand(&sweep, node: node, input) else { return nil }
        return (sweep, strategies)
    }

    /// Every point's strategy, template by template, within one the first axis varying fastest
    /// (a map's rows are the second axis's values); nil, with the first invalid point reported,
    /// if any is.
    func expand(_ sweep: inout Sweep, node: ConfigNode, _ input: SweepInput) -> [Strategy]? {
        let axes = sweep.axes
        var strategies: [Strategy] = []
        var failures: [(String, ConfigProblems)] = []
        for (t, template) in input.templates.enumerated() {
            for index in 0..<sweep.gridSize {
                var rest = index
                let indices = axes.map { axis -> Int in defer { rest /= axis.values.count }; return rest % axis.values.count }
                let coordinates = zip(axes, indices).map { $0.values[$1] }
                let id = ([template.strategy.id] + zip(axes, coordinates).map { "\($0.name)_\(Sweep.text($1))" }).joined(separator: "-")
                guard isPlainName(id) else {
                    node.report("the points' ids (such as \"\(id.prefix(80))\") would be longer than 64 characters; shorten the strategy's id or the axes' names")
                    return nil
                }
                let values = zip(axes, coordinates).map { "\($0.label) \(Sweep.text($1))" }.joined(separator: ", ")
                let label = input.templates.count == 1 ? values : "\(template.strategy.label), \(values)"
                let (strategy, problems) = pointStrategy(input, template: template, axes: axes, coordinates: coordinates, id: id, label: label)
                if let strategy {
                    strategies.append(strategy)
                    sweep.points.append(SweepPoint(strategyID: id, template: t, coordinates: coordinates, indices: indices))
                } else {
                    failures.append((label, problems))
                }
            }
        }
        if let (label, problems) = failures.first {
            let others = failures.count > 1 ? " (and \(failures.count - 1) other point\(failures.count == 2 ? "" : "s"))" : ""
            for problem in problems.messages { node.report("the point \(label)\(others) is not a valid strategy: \(problem)") }
            problems.listings.forEach(node.problems.addListing)
            return nil
        }
        return strategies
    }

    func readAxis(_ node: ConfigNode, _ input: SweepInput) -> SweepAxis? {
        guard let object = node.object else { return nil }
        defer { object.finish() }
        guard let key = object.required("setting", "what the axis varies: depth, width, learning_rate, seed, or a key path of the strategy such as weights.std")?.string else { return nil }
        let setting = SweepSetting(key: key)
        let defaultName = ConfigPath(key)?.components.reversed().lazy.compactMap { component -> String? in
            if case .key(let name) = component { return name } else { return nil }
        }.first ?? key
        let name = object.string("name", default: defaultName)
        if !isPlainName(name) { (object.optional("name") ?? node).report("expected a plain name (letters, digits, - _ .) for the axis") }
        let label = object.text("label", default: name)
        var valid = isPlainName(name)
        // The first template the setting cannot vary, named when there are several.
        for template in input.templates {
            let strategy = input.templates.count == 1 ? "the strategy" : "strategy \"\(template.strategy.id)\""
            var problem: String?
            if case .parameter(let path) = setting {
                problem = Self.pathProblem(path, in: template.node.json)?.replacingOccurrences(of: "the strategy", with: strategy)
            } else if setting == .width, template.strategy.model.residual != nil {
                problem = "width varies a plain stack's hidden layers; the model of \(strategy) is residual"
            } else if setting == .depth || setting == .width, template.strategy.model.residual == nil, template.strategy.model.layerCount < 2 {
                problem = "\(key) varies the hidden layers, and the model of \(strategy) has none"
            }
            if let problem {
                object.optional("setting")?.report(problem)
                valid = false
                break
            }
        }
        let values = readValues(object, setting: setting)
        let logScale = object.optional("log_scale")?.bool
        if logScale == true, let values, values.contains(where: { $0 <= 0 }) {
            object.optional("log_scale")?.report("a logarithmic axis needs values > 0")
            valid = false
        }
        guard valid, let values else { return nil }
        return SweepAxis(name: name, label: label, setting: setting, values: values, logScale: logScale)
    }

    /// "values": [..], or "from", "to", "count" (and "spacing": "linear" or "log").
    func readValues(_ object: ConfigObject, setting: SweepSetting) -> [Double]? {
        let (expected, valid): (String, (Double) -> Bool) = {
            switch setting {
            case .depth: return (ConfigLimits.range(ConfigLimits.layers - 1), { $0 == $0.rounded() && $0 >= 1 && $0 <= Double(ConfigLimits.layers - 1) })
            case .width: return (ConfigLimits.range(ConfigLimits.width), { $0 == $0.rounded() && $0 >= 1 && $0 <= Double(ConfigLimits.width) })
            case .seed: return (ConfigLimits.range(ConfigLimits.seed, from: 0), { $0 == $0.rounded() && $0 >= 0 && $0 <= Double(ConfigLimits.seed) })
            // As a Float, which the optimizer keeps it in.
            case .learningRate: return ("a number from 1e-30 to 1e30", { $0 >= 1e-30 && $0 <= 1e30 })
            case .parameter: return ("a finite number", { $0.isFinite })
            }
        }()
        var values: [Double] = []
        if let list = object.optional("values") {
            if object.has("from") || object.has("to") || object.has("count") {
                list.report("give either \"values\" or \"from\", \"to\" and \"count\", not both")
                return nil
            }
            guard let elements = list.elements else { return nil }
            guard (1...Sweep.maximumValues).contains(elements.count) else {
                list.report("expected 1 to \(Sweep.maximumValues) values, found \(elements.count)")
                return nil
            }
            let read = elements.map { $0.number(expected, valid) }
            guard read.allSatisfy({ $0 != nil }) else { return nil }
            values = read.map { $0! }
        } else {
            guard let from = object.required("from", "the first value (or give \"values\")")?.number(expected, valid),
                  let to = object.required("to", "the last value")?.number(expected, valid),
                  let count = object.required("count", "how many values from \"from\" to \"to\"")?
                      .integer(ConfigLimits.range(Sweep.maximumValues), { (1...Sweep.maximumValues).contains($0) })
            else { return nil }
            let log = object.optional("spacing")?.choice(["linear", "log"], what: "spacing") == "log"
            if log && !(from > 0 && to > 0) {
                object.optional("spacing")?.report("log spacing needs from and to > 0")
                return nil
            }
            let integers = setting == .depth || setting == .width || setting == .seed
            values = (0..<count).map { k in
                let t = count == 1 ? 0 : Double(k) / Double(count - 1)
                let value = log ? exp((1 - t) * Foundation.log(from) + t * Foundation.log(to)) : (1 - t) * from + t * to
                // Depths, widths and seeds are integers; the others are kept to the 6 significant
                // digits that ids and labels show.
                return integers ? value.rounded() : Double(String(format: "%.6g", value)) ?? value
            }
            if let bad = values.first(where: { !valid($0) }) {
                object.node.report("from, to and count give \(Sweep.text(bad)), which is not \(expected)")
                return nil
            }
        }
        var seen = Set<Double>()
        for value in values where !seen.insert(value).inserted {
            let hint = object.has("values") ? "" : " (from, to and count give values closer than 6 significant digits tell apart)"
            (object.optional("values") ?? object.node).report("the value \(Sweep.text(value)) appears twice\(hint)")
            return nil
        }
        return values
    }

    /// Why `path` (a key path into the template strategy) cannot take a number, nil if it can:
    /// every key but the last must lead to an object or array there (an initializer given by
    /// name counts as the object {"kind": name}).
    static func pathProblem(_ path: String, in template: JSON) -> String? {
        guard let steps = ConfigPath(path), !steps.components.isEmpty else {
            return "\"\(path)\" is not a setting: use depth, width, learning_rate, seed, or a key path of the strategy such as weights.std or layers[1].biases.std"
        }
        if case .key(let first) = steps.components[0], ["id", "label"].contains(first) { return "\"\(path)\" is not a number of the strategy" }
        var current = template
        for (i, component) in steps.components.dropLast().enumerated() {
            let so = ConfigPath.text(steps.components.prefix(i + 1))
            switch (component, current) {
            case (.key(let key), .object):
                guard let next = current[key] else { return "the strategy has no \"\(so)\" to set \"\(path)\" in" }
                current = next.initializerObject
            case (.index(let k), .array(let items)):
                guard items.indices.contains(k) else { return "\"\(so)\" is past the end of the strategy's list" }
                current = items[k].initializerObject
            default:
                return "\"\(so)\" is not \(component.isKey ? "an object" : "a list") in the strategy"
            }
        }
        switch (steps.components.last!, current) {
        case (.key, .object): return nil
        case (.index(let k), .array(let items)) where items.indices.contains(k): return nil
        default: return "\"\(path)\" does not lead to a number of the strategy"
        }
    }

    /// The template's config with the point's values written in, read as a strategy. A depth
    /// axis writes a plain stack's layers, or a residual model's blocks.
    func pointStrategy(_ input: SweepInput, template: (strategy: Strategy, node: ConfigNode), axes: [SweepAxis], coordinates: [Double],
                       id: String, label: String) -> (Strategy?, ConfigProblems) {
        var json = template.node.json
        let model = template.strategy.model
        var widths = model.layers
        var blocks: Int?
        var learningRate: Double?
        for (axis, value) in zip(axes, coordinates) {
            switch axis.setting {
            case .parameter(let path): json = json.setting(ConfigPath(path)!.components[...], to: .number(value))
            case .depth where model.residual != nil: blocks = Int(value)
            case .depth: widths = [widths[0]] + Array(repeating: widths[1], count: Int(value)) + [widths.last!]
            case .width: widths = [widths[0]] + Array(repeating: Int(value), count: widths.count - 2) + [widths.last!]
            case .learningRate: learningRate = value
            case .seed: break
            }
        }
        var modelJSON = json["model"] ?? .object([])
        if widths != model.layers {
            modelJSON = modelJSON.setting([.key("layers")], to: .array(widths.map { .number(Double($0)) }))
        }
        if let blocks {
            modelJSON = modelJSON.setting([.key("residual")], to: (modelJSON["residual"] ?? .object([])).setting([.key("blocks")], to: .number(Double(blocks))))
        }
        if widths != model.layers || blocks != nil { json = json.setting([.key("model")], to: modelJSON) }
        json = json.setting([.key("id")], to: .string(id)).setting([.key("label")], to: .string(label))
        let problems = ConfigProblems()
        let reader = ExperimentReader(problems: problems, defaultName: defaultName)
        var strategy = reader.readStrategy(ConfigNode(path: template.node.path, json: json, problems: problems),
                                           experimentModel: input.experimentModel)
        if let learningRate {
            strategy?.optimizer = input.optimizer.with(learningRate: Float(learningRate))
        }
        return (problems.messages.isEmpty ? strategy : nil, problems)
    }

    /// Why the theory cannot be drawn over this sweep, nil if it can.
    func theoryProblem(_ sweep: Sweep) -> String? {
        guard sweep.templates.count == 1 else { return "the theory is drawn over the sweep of one strategy, and this config lists \(sweep.templates.count)" }
        let template = sweep.templates[0].strategy
        guard template.model.residual == nil, template.model.bias else { return "the theory describes plain stacks with biases, and this strategy's model is residual or has none" }
        guard MeanField.supports(template.model.activation) else { return "the mean-field theory is computed for tanh networks" }
        guard sweep.axes.count == 2, sweep.axes[0].setting == .parameter("weights.scale"), sweep.axes[1].setting == .depth else {
            return "the theory is drawn over a map of σ_w² (first axis, setting weights.scale) and depth (second axis)"
        }
        let scalesByFanIn = template.layers.allSatisfy {
            if case .varianceScaling(_, .fanIn, _) = $0.weights { return true }
            return false
        }
        guard scalesByFanIn else { return "the theory needs weights {\"kind\": \"variance_scaling\", \"mode\": \"fan_in\"}, whose scale is σ_w²" }
        let biases = template.layers.allSatisfy {
            switch $0.biases {
            case .constant(0): return true
            case .normal(0, _): return true
            default: return false
            }
        } && template.layers.allSatisfy { $0.biases == template.layers[0].biases }
        guard biases else { return "the theory needs the same biases in every layer, zeros or {\"kind\": \"normal\", \"std\": σ_b}" }
        guard !template.model.batchNorm, template.procedure == nil, template.model.dropout == 0 else {
            return "the theory describes networks without batch normalization, dropout or a data-dependent procedure"
        }
        guard sweep.biasVariance.isFinite else { return "the biases' std is too large for the theory" }
        return nil
    }
}

extension Optimizer {
    func with(learningRate: Float) -> Optimizer {
        switch self {
        case let .adam(_, beta1, beta2, epsilon): return .adam(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon)
        case let .sgd(_, momentum): return .sgd(learningRate: learningRate, momentum: momentum)
        }
    }
}
