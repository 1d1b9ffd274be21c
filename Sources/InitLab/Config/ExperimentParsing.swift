import Foundation

extension Experiment {
    public static let defaultDatasetFolder = "/usr/share/datasets/fashion-mnist"

    /// Reads and validates a config file; every problem found is in the thrown ConfigError.
    public static func load(path: String) throws -> Experiment {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            // A relative path is read from the current folder, which the message then names.
            let relative = path.hasPrefix("/") ? "" : " (relative to the current folder \(FileManager.default.currentDirectoryPath))"
            let why = !exists ? "no such file" + relative : isDirectory.boolValue ? "it is a folder, not a config file" : "cannot be read"
            throw ConfigError(file: path, problems: [why])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, problems: ["not UTF-8 text"])
        }
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try parse(text, file: path, defaultName: stem)
    }

    /// Parses config text; `file` names it in messages, `defaultName` is used when it has no "name".
    public static func parse(_ text: String, file: String, defaultName: String = "experiment") throws -> Experiment {
        let json: JSON
        do {
            json = try JSONParser.parse(text)
        } catch let error as JSONSyntaxError {
            throw ConfigError(file: file, problems: ["\(error) (the file is not valid JSON)"])
        }
        let problems = ConfigProblems()
        let experiment = ExperimentReader(problems: problems, defaultName: defaultName).read(ConfigNode(path: "", json: json, problems: problems))
        guard problems.messages.isEmpty, let experiment else {
            throw ConfigError(file: file, problems: problems.messages.isEmpty ? ["invalid config"] : problems.messages,
                              listings: problems.listings)
        }
        return experiment
    }

    /// The test set must hold images of the training set's size, with labels the output layer has.
    public func check(testSet: Dataset, against dataset: Dataset, file: String) throws {
        var problems: [String] = []
        if testSet.features != dataset.features {
            problems.append("dataset.test_images: its images have \(testSet.features) pixels, the training images \(dataset.features)")
        }
        let outputs = strategies.map { $0.model.layers.last! }.min() ?? model.layers.last!
        if testSet.classes > outputs {
            problems.append("dataset.test_labels: the labels have \(testSet.classes) classes but an output layer has \(outputs) units")
        }
        if !problems.isEmpty { throw ConfigError(file: file, problems: problems) }
    }

    /// Checks against the loaded dataset what the config alone cannot know.
    public func check(against dataset: Dataset, file: String) throws {
        var problems: [String] = []
        var models: [(String, ModelSpec)] = [("model", model)]
        for (i, strategy) in strategies.enumerated() where strategy.model != model && !models.contains(where: { $0.1 == strategy.model }) {
            models.append(("strategies[\(i)].model", strategy.model))
        }
        for (path, model) in models {
            if model.layers[0] != dataset.features {
                problems.append("\(path).layers[0]: the input layer has \(model.layers[0]) units but the images have \(dataset.features) pixels")
            }
            if model.layers[model.layers.count - 1] < dataset.classes {
                problems.append("\(path).layers[\(model.layers.count - 1)]: the output layer has \(model.layers.last!) units but the labels have \(dataset.classes) classes")
            }
        }
        let validation = training.validationCount(of: dataset.count)
        // A batch of one image has variance 0: batch normalization would output β whatever the
        // input and pass no gradient (PyTorch refuses it). Validating with dropout on normalizes
        // the validation batches too.
        if models.contains(where: { $0.1.batchNorm }) {
            let remainders = [dataset.count - validation] + (training.validationDropout ? [validation] : [])
            if training.batchSize == 1 || remainders.contains(where: { $0 % training.batchSize == 1 }) {
                problems.append("training.batch_size: \(training.batchSize == 1 ? "every batch holds" : "a last batch holds") one image, which "
                                + "batch normalization cannot normalize (its variance is 0); choose a batch size that leaves more")
            }
        }
        if validation < 1 {
            problems.append("training.validation_fraction: \(training.validationFraction) of \(dataset.count) images leaves no validation image")
        } else if dataset.count - validation < training.batchSize {
            problems.append("training.validation_fraction: leaves \(dataset.count - validation) training images, fewer than one batch of \(training.batchSize)")
        }
        if !problems.isEmpty { throw ConfigError(file: file, problems: problems) }
    }
}

/// Ids and figure names become file names and gnuplot column titles: keep them plain.
func isPlainName(_ name: String) -> Bool {
    !name.isEmpty && name.count <= 64 && name.unicodeScalars.allSatisfy {
        CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "-" || $0 == "_" || $0 == "."
    } && !name.hasPrefix(".")
}

struct ExperimentReader {
    let problems: ConfigProblems
    let defaultName: String

    func read(_ root: ConfigNode) -> Experiment? {
        guard let object = root.object else { return nil }
        defer { object.finish() }
        let name = object.string("name", default: defaultName)
        if !isPlainName(name) { object.optional("name")?.report("expected a plain name (letters, digits, - _ .)") }
        let title = object.text("title", default: name)
        let dataset = readDataset(object.optional("dataset"))
        let model = readModel(object.required("model", "layers, activation, dropout"), defaults: nil)
        let training = readTraining(object.optional("training"))
        let seed = object.integer("seed", default: 1, ConfigLimits.range(ConfigLimits.seed, from: 0)) { (0...ConfigLimits.seed).contains($0) }
        let repeats = object.integer("repeats", default: 1, ConfigLimits.range(ConfigLimits.repeats)) { (1...ConfigLimits.repeats).contains($0) }
        let threads = object.optional("threads")?.integer(ConfigLimits.range(ConfigLimits.threads), { (1...ConfigLimits.threads).contains($0) })
        let output = object.string("output", default: "plots/\(name)")
        if output.isEmpty { object.optional("output")?.report("expected a folder path") }
        let strategiesNode = object.required("strategies", "the initialization strategies to compare")
        var (strategies, ids) = readStrategies(strategiesNode, model: model)
        var plots = readPlots(object.optional("plots"), ids: ids)
        var baseline = ids?.contains("default") == true ? "default" : nil
        if let node = object.optional("baseline"), let id = node.string {
            if let ids, !ids.contains(id) {
                node.report("no strategy has id \"\(id)\"" + (nearest(to: id, in: ids).map { "; did you mean \"\($0)\"?" } ?? ""))
            }
            baseline = id
        }

        let diagnostics = readDiagnostics(object.optional("diagnostics"))

        var sweep: Sweep?
        if let sweepNode = object.optional("sweep") {
            // Each strategy is a template the sweep varies: the series of its figures.
            if let templates = strategies, let nodes = strategiesNode?.elements, templates.count == nodes.count, let model, let training {
                let input = SweepInput(templates: Array(zip(templates, nodes)), experimentModel: model, optimizer: training.optimizer,
                                       diagnostics: diagnostics?.enabled ?? true, testSet: dataset.test != nil)
                if let (read, points) = readSweep(sweepNode, input) {
                    sweep = read
                    strategies = points
                } else {
                    strategies = nil
                }
            }
            // The points' ids are made by the sweep: a config cannot name them in advance.
            if object.has("baseline") { object.optional("baseline")?.report("a sweep has no baseline strategy: its figures compare the points") }
            baseline = nil
            if case .array(let figures)? = object.optional("plots")?.json["figures"], !figures.isEmpty {
                object.optional("plots")?.child("figures", .null).report("a sweep draws its own figures (a map or a line), not loss figures of chosen strategies")
            }
            plots?.figures = []
        }
        if sweep?.seeds != nil {
            for key in ["seed", "repeats"] where object.has(key) {
                object.optional(key)?.report("the sweep's seed axis gives the seeds; leave it out")
            }
        }

        guard let model, let training, let strategies, let plots, let diagnostics else { return nil }
        var experiment = Experiment(name: name, title: title, dataset: dataset, model: model, training: training,
                                    seed: sweep?.seeds?.first ?? UInt64(seed), repeats: sweep?.seeds?.count ?? repeats, threads: threads,
                                    output: output, strategies: strategies, plots: plots, baseline: baseline, echo: .null)
        experiment.diagnostics = diagnostics
        experiment.sweep = sweep
        experiment.echo = experiment.normalizedJSON
        return experiment
    }

    func readDiagnostics(_ node: ConfigNode?) -> DiagnosticsSpec? {
        let defaults = DiagnosticsSpec.standard
        guard let node else { return defaults }
        guard let object = node.object else { return nil }
        defer { object.finish() }
        let enabled = object.bool("enabled", default: defaults.enabled)
        // A spread needs two images at least.
        let probeImages = object.integer("probe_images", default: defaults.probeImages, ConfigLimits.range(ConfigLimits.probeImages, from: 2)) {
            (2...ConfigLimits.probeImages).contains($0)
        }
        var steps = defaults.steps
        if let stepsNode = object.optional("steps"), let elements = stepsNode.elements {
            if elements.count > ConfigLimits.diagnosticSteps {
                stepsNode.report("expected at most \(ConfigLimits.diagnosticSteps) steps, found \(elements.count)")
            }
            let values = elements.map { $0.integer(ConfigLimits.range(ConfigLimits.steps, from: 0)) { (0...ConfigLimits.steps).contains($0) } }
            steps = values.compactMap { $0 }
        }
        var spec = DiagnosticsSpec(enabled: enabled, probeImages: probeImages, steps: steps)
        if let node = object.optional("jacobian_inputs"),
           let inputs = node.integer(ConfigLimits.range(ConfigLimits.jacobianInputs, from: 0), { (0...ConfigLimits.jacobianInputs).contains($0) }) {
            if inputs > probeImages {
                node.report("the Jacobian is computed at probe images, and probe_images is \(probeImages)")
            }
            spec.jacobianInputs = inputs
        }
        return spec
    }

    func readDataset(_ node: ConfigNode?) -> DatasetSpec {
        let fallback = DatasetSpec(folder: Experiment.defaultDatasetFolder, images: "train-images-idx3-ubyte.gz",
                                   labels: "train-labels-idx1-ubyte.gz")
        guard let node, let object = node.object else { return fallback }
        defer { object.finish() }
        let testImages = object.optional("test_images")?.string, testLabels = object.optional("test_labels")?.string
        if (testImages == nil) != (testLabels == nil) {
            node.report("test_images and test_labels go together: give both or neither")
        }
        return DatasetSpec(folder: object.string("folder", default: fallback.folder),
                           images: object.string("images", default: fallback.images),
                           labels: object.string("labels", default: fallback.labels),
                           testImages: testImages, testLabels: testLabels)
    }

    /// A model; with `defaults` (a strategy's own model), every key is optional.
    func readModel(_ node: ConfigNode?, defaults: ModelSpec?) -> ModelSpec? {
        guard let object = node?.object else { return nil }
        defer { object.finish() }
        // A residual model's layers as the config gives them: input, stream, classes.
        var layers = defaults.map { model in model.residual.map { [model.layers[0], $0.width, model.layers[model.layers.count - 1]] } ?? model.layers }
        let layersNode = defaults == nil ? object.required("layers", "widths from input to output, e.g. [784, 256, 128, 10]")
                                         : object.optional("layers")
        if let layersNode {
            // Given, the widths replace the defaults, and are only valid if every one is.
            layers = nil
            if let elements = layersNode.elements {
                let widths = elements.map { $0.integer("a layer width from 1 to \(ConfigLimits.width)") { (1...ConfigLimits.width).contains($0) } }
                if elements.count < 2 {
                    layersNode.report("expected at least 2 widths (input and output), found \(elements.count)")
                } else if elements.count > ConfigLimits.layers + 1 {
                    layersNode.report("expected at most \(ConfigLimits.layers + 1) widths (\(ConfigLimits.layers) layers), found \(elements.count)")
                } else if widths.allSatisfy({ $0 != nil }) {
                    layers = widths.map { $0! }
                }
            }
        }
        var activation = defaults?.activation ?? .relu
        if let node = object.optional("activation") {
            if case .object = node.json, let inner = node.object {
                activation = inner.required("name", "an activation name")?.activationName(slope: inner.optional("slope")) ?? .relu
                inner.finish()
            } else {
                activation = node.activationName(slope: nil) ?? .relu
            }
        }
        let dropout = object.number("dropout", default: Double(defaults?.dropout ?? 0), "a probability in [0, 1)") { $0 >= 0 && $0 < 1 }
        let batchNorm = object.bool("batch_norm", default: defaults?.batchNorm ?? false)
        let linearBias = object.bool("linear_bias", default: defaults?.linearBias ?? true)
        // No bias anywhere (nn.Linear(bias=False)); linear_bias drops only the hidden layers' before batch normalization.
        let bias = object.bool("bias", default: defaults?.bias ?? true)
        let residualNode = object.optional("residual")
        if residualNode != nil || defaults?.residual != nil {
            if object.has("batch_norm") {
                object.optional("batch_norm")?.report("a residual model's batch normalization is its blocks' arrangement: \"residual\": {\"batch_norm\": \"post\"}")
            }
            if let given = layers, given.count != 3 {
                (layersNode ?? residualNode)?.report("a residual model's layers are [input, the stream's width, classes], found \(given.count) widths")
                layers = nil
            }
            let inherited = defaults?.residual != nil && defaults!.batchNorm
            var read: (spec: ResidualSpec, batchNorm: Bool)?
            if let residualNode {
                read = readResidual(residualNode, defaults: defaults?.residual, batchNorm: inherited, width: layers?[1])
            } else if let spec = defaults?.residual, let width = layers?[1] {
                read = (spec, inherited)
                if width != spec.width {
                    layersNode?.report("the stream's width changes from \(spec.width) to \(width): give the blocks' \"residual\": {\"branch\": [...]} too")
                    read = nil
                }
            }
            guard let read, let layers else { return nil }
            if !linearBias && !read.batchNorm {
                object.optional("linear_bias")?.report("a linear layer drops its bias only before batch normalization: set \"residual\": {\"batch_norm\": \"post\"}")
            }
            var model = ModelSpec(residual: read.spec, input: layers[0], classes: layers[2], activation: activation, dropout: Float(dropout),
                                  batchNorm: read.batchNorm, linearBias: linearBias || !read.batchNorm)
            model.bias = bias
            return model
        }
        if !linearBias && !batchNorm {
            object.optional("linear_bias")?.report("a linear layer drops its bias only before batch normalization: set \"batch_norm\": true")
        }
        if batchNorm, let layers, layers.count < 3 {
            object.optional("batch_norm")?.report("batch normalization follows a hidden layer, and this model has none")
        }
        guard let layers else { return nil }
        var model = ModelSpec(layers: layers, activation: activation, dropout: Float(dropout))
        model.batchNorm = batchNorm
        model.linearBias = linearBias || !batchNorm
        model.bias = bias
        return model
    }

    func readTraining(_ node: ConfigNode?) -> TrainingSpec? {
        let defaults = TrainingSpec.lesson
        guard let node else { return defaults }
        guard let object = node.object else { return nil }
        defer { object.finish() }
        let optimizer = object.optional("optimizer").flatMap(readOptimizer) ?? defaults.optimizer
        let batchSize = object.integer("batch_size", default: defaults.batchSize, ConfigLimits.range(ConfigLimits.batchSize)) {
            (1...ConfigLimits.batchSize).contains($0)
        }
        let epochs = object.integer("epochs", default: defaults.epochs, ConfigLimits.range(ConfigLimits.epochs)) {
            (1...ConfigLimits.epochs).contains($0)
        }
        let fraction = object.number("validation_fraction", default: defaults.validationFraction, "a fraction strictly between 0 and 1") {
            $0 > 0 && $0 < 1
        }
        let validationDropout = object.bool("validation_dropout", default: defaults.validationDropout)
        return TrainingSpec(optimizer: optimizer, batchSize: batchSize, epochs: epochs, validationFraction: fraction,
                            validationDropout: validationDropout)
    }

    func readOptimizer(_ node: ConfigNode) -> Optimizer? {
        guard let object = node.object else { return nil }
        defer { object.finish() }
        let name = object.required("name", "adam or sgd")?.choice(Optimizer.Name.self, what: "optimizer") ?? .adam
        let fraction = "a number in [0, 1)"
        switch Optimizer.defaults(name) {
        case let .sgd(rate, momentum):
            return .sgd(learningRate: Float(object.number("learning_rate", default: Double(rate), "a number > 0") { $0 > 0 }),
                        momentum: Float(object.number("momentum", default: Double(momentum), fraction) { $0 >= 0 && $0 < 1 }))
        case let .adam(rate, beta1, beta2, epsilon):
            return .adam(learningRate: Float(object.number("learning_rate", default: Double(rate), "a number > 0") { $0 > 0 }),
                         beta1: Float(object.number("beta1", default: Double(beta1), fraction) { $0 >= 0 && $0 < 1 }),
                         beta2: Float(object.number("beta2", default: Double(beta2), fraction) { $0 >= 0 && $0 < 1 }),
                         epsilon: Float(object.number("epsilon", default: Double(epsilon), "a number > 0") { $0 > 0 }))
        }
    }

    /// The strategies, if all are valid, and the ids the config gives (valid or not), so that
    /// one broken strategy does not make every plot group that names it look wrong too; no ids
    /// when there is no list of strategies to name (missing, not a list, empty), whose one
    /// problem is then not reported again for every figure.
    func readStrategies(_ node: ConfigNode?, model: ModelSpec?) -> ([Strategy]?, [String]?) {
        guard let elements = node?.elements else { return (nil, nil) }
        if elements.isEmpty {
            node?.report("expected at least one strategy")
            return (nil, nil)
        }
        var ids: [String] = []
        var strategies: [Strategy] = []
        for element in elements {
            if case .string(let id)? = element.json["id"] {
                if ids.contains(id) { element.child("id", .string(id)).report("duplicate strategy id \"\(id)\"") }
                ids.append(id)
            }
            if let strategy = readStrategy(element, experimentModel: model) { strategies.append(strategy) }
        }
        let complete = !elements.isEmpty && strategies.count == elements.count && Set(ids).count == ids.count
        return (complete ? strategies : nil, ids)
    }

    func readStrategy(_ node: ConfigNode, experimentModel: ModelSpec?) -> Strategy? {
        guard let object = node.object else { return nil }
        defer { object.finish() }
        let id = object.required("id", "a short name used in files and plot groups")?.string
        if let id, !isPlainName(id) { object.optional("id")?.report("expected a plain name (letters, digits, - _ .)") }
        let label = object.text("label", default: id ?? "")
        var model = experimentModel
        if let modelNode = object.optional("model") {
            model = experimentModel.flatMap { readModel(modelNode, defaults: $0) }
        }
        let layerCount = model?.layerCount
        let weightsNode = object.optional("weights"), biasesNode = object.optional("biases"), layersNode = object.optional("layers")
        let procedureNode = object.optional("procedure"), parametrizationNode = object.optional("parametrization")
        let parametrization = parametrizationNode.map { readParametrization($0, model: model) } ?? Parametrization.standard
        // Jacot et al.'s NTK parametrization draws every weight and bias from N(0, 1).
        let drawn: Initializer? = parametrization?.kind == .ntk ? .normal(mean: 0, std: 1) : nil
        let weights = weightsNode.map { $0.initializer(forBiases: false) } ?? drawn
        let biases = biasesNode.map { $0.initializer(forBiases: true) } ?? drawn
        var layers: [LayerInit]?
        if let layersNode {
            layers = readLayerInits(layersNode, weights: weights, biases: biases ?? .constant(0), layerCount: layerCount)
        } else if weightsNode != nil || drawn != nil {
            if let weights, let layerCount {
                layers = Array(repeating: LayerInit(weights: weights, biases: biases ?? .constant(0)), count: layerCount)
            }
        } else {
            node.report("missing key \"weights\" (an initializer, e.g. \"xavier_uniform\") or \"layers\" (one per layer)")
        }
        var procedure = procedureNode.flatMap { readProcedure($0, model: model) }
        if procedure != nil, model?.batchNorm == true {
            procedureNode?.report("LSUV and RBM pre-training work on networks without batch normalization; this strategy's model has it")
            procedure = nil
        } else if procedure != nil, model?.residual != nil {
            procedureNode?.report("LSUV and RBM pre-training work on plain stacks of layers; this strategy's model is residual")
            procedure = nil
        }
        let procedureFailed = procedureNode != nil && procedure == nil
        guard let id, isPlainName(id), let model, let layers, !procedureFailed, let parametrization else { return nil }
        if let parametrizationNode, model.residual != nil, parametrization != .standard {
            parametrizationNode.report("a parametrization's multipliers are made for plain stacks of layers; this strategy's model is residual")
            return nil
        }
        if let parametrizationNode,
           !checkParametrization(parametrization, model: model, procedure: procedure != nil, node: parametrizationNode) {
            return nil
        }
        var strategy = Strategy(id: id, label: label, model: model, layers: layers, procedure: procedure)
        strategy.parametrization = parametrization
        return strategy
    }

    /// LSUV or RBM pre-training, with Mishkin & Matas's and Hinton's defaults.
    func readProcedure(_ node: ConfigNode, model: ModelSpec?) -> Procedure? {
        guard let object = node.object else { return nil }
        defer { object.finish() }
        guard let kind = object.required("kind", "lsuv or rbm")?.choice(Procedure.Name.self, what: "procedure") else { return nil }
        let batchSize = object.integer("batch_size", default: 100, ConfigLimits.range(ConfigLimits.batchSize)) { (1...ConfigLimits.batchSize).contains($0) }
        if kind == .lsuv {
            return .lsuv(tolerance: Float(object.number("tolerance", default: 0.1, "a number > 0") { $0 > 0 }),
                         maxIterations: object.integer("max_iterations", default: 10, ConfigLimits.range(ConfigLimits.iterations)) {
                             (1...ConfigLimits.iterations).contains($0)
                         },
                         batchSize: batchSize)
        }
        if let model, model.layerCount < 2 {
            node.report("RBM pre-training needs at least one hidden layer")
            return nil
        }
        let fraction = "a number in [0, 1)"
        return .rbm(RBMSettings(
            learningRate: Float(object.number("learning_rate", default: 0.1, "a number > 0") { $0 > 0 }),
            initialMomentum: Float(object.number("initial_momentum", default: 0.5, fraction) { $0 >= 0 && $0 < 1 }),
            finalMomentum: Float(object.number("final_momentum", default: 0.9, fraction) { $0 >= 0 && $0 < 1 }),
            momentumSwitchEpoch: object.integer("momentum_switch_epoch", default: 5, ConfigLimits.range(ConfigLimits.epochs, from: 0)) {
                (0...ConfigLimits.epochs).contains($0)
            },
            weightCost: Float(object.number("weight_cost", default: 0.0002, "a number ≥ 0") { $0 >= 0 }),
            epochs: object.integer("epochs", default: 2, ConfigLimits.range(ConfigLimits.epochs)) { (1...ConfigLimits.epochs).contains($0) },
            batchSize: batchSize))
    }

    /// Per-layer initializers; a layer entry may omit weights or biases to take the strategy's.
    func readLayerInits(_ node: ConfigNode, weights: Initializer?, biases: Initializer, layerCount: Int?) -> [LayerInit]? {
        guard let elements = node.elements else { return nil }
        if let layerCount, elements.count != layerCount {
            node.report("expected one entry per weight layer (\(layerCount)), found \(elements.count)")
            return nil
        }
        var result: [LayerInit] = []
        for element in elements {
            guard let object = element.object else { return nil }
            defer { object.finish() }
            let layerWeights = object.optional("weights").map { $0.initializer(forBiases: false) } ?? weights
            let layerBiases = object.optional("biases").map { $0.initializer(forBiases: true) } ?? biases
            guard let layerWeights else {
                if !object.has("weights") { element.report("missing key \"weights\" (no strategy-wide weights to fall back on)") }
                return nil
            }
            guard let layerBiases else { return nil }
            result.append(LayerInit(weights: layerWeights, biases: layerBiases))
        }
        return result
    }

    /// A figure's file name, if it is plain, not the tool's own and not `taken` (which it then
    /// joins); a bad name is reported once, and the caller still reads the figure's other keys,
    /// so that they are not reported as unknown on top of it.
    func figureName(_ figure: ConfigObject, taken names: inout Set<String>) -> String? {
        let node = figure.required("name", "the file name, without extension")
        guard let name = node?.string else { return nil }
        if !isPlainName(name) {
            node?.report("expected a plain name (letters, digits, - _ .)")
        } else if PlotSpec.isToolsOwn(name) {
            node?.report("\"\(name)\" is the name of a figure the tool always draws; choose another")
        } else if !names.insert(name).inserted {
            node?.report("duplicate figure name \"\(name)\"")
        } else {
            return name
        }
        return nil
    }

    func readPlots(_ node: ConfigNode?, ids: [String]?) -> PlotSpec? {
        let everything = Figure(name: "all", title: "All strategies", strategies: ids ?? [], logScale: nil)
        let defaults = PlotSpec(batches: PlotSpec.lessonBatches, figures: [everything], accuracyFigure: PlotSpec.defaultAccuracyFigure)
        guard let node else { return defaults }
        guard let object = node.object else { return nil }
        defer { object.finish() }
        let batches = object.integer("batches", default: defaults.batches, "an integer ≥ 1") { $0 >= 1 }
        let accuracyFigure = object.string("accuracy_figure", default: defaults.accuracyFigure)
        if !isPlainName(accuracyFigure) { object.optional("accuracy_figure")?.report("expected a plain name (letters, digits, - _ .)") }
        if PlotSpec.isToolsOwn(accuracyFigure) {
            object.optional("accuracy_figure")?.report("\"\(accuracyFigure)\" is the name of a figure the tool always draws; choose another")
        }
        var figures: [Figure] = []
        var names: Set<String> = [accuracyFigure]
        if let elements = object.optional("figures")?.elements {
            for element in elements {
                guard let figureObject = element.object else { continue }
                defer { figureObject.finish() }
                // A bad name is reported once; the figure's other keys are still read, so that
                // they are not reported as unknown on top of it.
                let name = figureName(figureObject, taken: &names)
                let title = figureObject.text("title", default: name ?? "")
                let logScale = figureObject.optional("log_scale").flatMap { $0.bool }
                var members: [String] = []
                if let list = figureObject.required("strategies", "the ids of the strategies it shows")?.elements {
                    for item in list {
                        guard let id = item.string else { continue }
                        if let ids, !ids.contains(id) {
                            let hint = nearest(to: id, in: ids).map { "; did you mean \"\($0)\"?" } ?? "; strategies: \(Array(Set(ids)).sorted().joined(separator: ", "))"
                            item.report("no strategy has id \"\(id)\"\(hint)")
                        } else if members.contains(id) {
                            item.report("\"\(id)\" is listed twice")
                        } else {
                            members.append(id)
                        }
                    }
                    if list.isEmpty { element.report("a figure needs at least one strategy") }
                }
                if let name { figures.append(Figure(name: name, title: title, strategies: members, logScale: logScale)) }
            }
        } else {
            figures = [everything]
        }
        var distributions: [DistributionFigure] = []
        for element in object.optional("distributions")?.elements ?? [] {
            guard let figure = element.object else { continue }
            defer { figure.finish() }
            let name = figureName(figure, taken: &names)
            let initializer = figure.required("initializer", "the initializer to draw from")?.initializer(forBiases: false)
            let count = figure.integer("count", default: 1000, "an integer from 1 to 1000000") { (1...1_000_000).contains($0) }
            let bins = figure.integer("bins", default: 100, "an integer from 1 to 10000") { (1...10_000).contains($0) }
            let fanIn = figure.integer("fan_in", default: 1, ConfigLimits.range(ConfigLimits.width)) { (1...ConfigLimits.width).contains($0) }
            let fanOut = figure.integer("fan_out", default: 1, ConfigLimits.range(ConfigLimits.width)) { (1...ConfigLimits.width).contains($0) }
            var range = (low: -4.0, high: 4.0)
            if let rangeNode = figure.optional("range"), let ends = rangeNode.elements {
                let values = ends.compactMap { $0.number("a number") { $0.isFinite } }
                if values.count == 2, values[0] < values[1] { range = (values[0], values[1]) } else {
                    rangeNode.report("expected [low, high] with low < high")
                }
            }
            let title = figure.text("title", default: name ?? "")
            guard let name, let initializer else { continue }
            distributions.append(DistributionFigure(name: name, title: title, initializer: initializer,
                                                    count: count, bins: bins, low: range.low, high: range.high, fanIn: fanIn, fanOut: fanOut))
        }
        var spec = PlotSpec(batches: batches, figures: figures, accuracyFigure: accuracyFigure)
        spec.distributions = distributions
        return spec
    }
}
