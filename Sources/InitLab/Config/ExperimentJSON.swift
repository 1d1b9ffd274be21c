extension Activation {
    var json: JSON {
        if case .leakyReLU(let slope) = self { return .object([("name", .string(name)), ("slope", JSON(slope))]) }
        return .string(name)
    }
}

extension Optimizer {
    var json: JSON {
        switch self {
        case let .adam(rate, beta1, beta2, epsilon):
            return .object([("name", .string(name.rawValue)), ("learning_rate", JSON(rate)), ("beta1", JSON(beta1)),
                            ("beta2", JSON(beta2)), ("epsilon", JSON(epsilon))])
        case let .sgd(rate, momentum):
            return .object([("name", .string(name.rawValue)), ("learning_rate", JSON(rate)), ("momentum", JSON(momentum))])
        }
    }
}

extension ModelSpec {
    /// Batch normalization's keys only where it is on, and "bias" only where it is off (so that
    /// a model without them reads as before), or always (`complete`: a strategy's own model,
    /// whose missing keys would be read as the experiment model's).
    /// A residual model as its config gives it: [input, stream, classes] and its blocks.
    func json(complete: Bool = false) -> JSON {
        if let residual {
            let widths = [layers[0], residual.width, layers[layers.count - 1]]
            return .object([("layers", .array(widths.map { .number(Double($0)) })), ("activation", activation.json), ("dropout", JSON(dropout)),
                            ("residual", residual.json(batchNorm: batchNorm))]
                           + (!linearBias || complete ? [("linear_bias", .bool(linearBias))] : [])
                           + (!bias || complete ? [("bias", .bool(bias))] : []))
        }
        return .object([("layers", .array(layers.map { .number(Double($0)) })), ("activation", activation.json), ("dropout", JSON(dropout))]
                       + (batchNorm || complete ? [("batch_norm", .bool(batchNorm)), ("linear_bias", .bool(linearBias))] : [])
                       + (!bias || complete ? [("bias", .bool(bias))] : []))
    }
}

extension ResidualSpec {
    func json(batchNorm: Bool) -> JSON {
        let alpha: JSON
        switch self.alpha {
        case .fixed(let value): alpha = JSON(value)
        case .inverseSqrtDepth: alpha = .string("1/sqrt(L)")
        case .trained(let initial): alpha = .object([("trained", .bool(true)), ("init", JSON(initial))])
        }
        let shape: [(key: String, value: JSON)] = [("blocks", .number(Double(blocks))), ("branch", .array(branch.map { .number(Double($0)) }))]
        // A scheme says α and batch normalization itself (a config may not give them beside it).
        if let scheme { return .object(shape + [("scheme", .string(scheme.rawValue))]) }
        return .object(shape + [("alpha", alpha), ("batch_norm", .string(!batchNorm ? "none" : preActivation ? "pre" : "post"))])
    }
}

extension Procedure {
    var json: JSON {
        switch self {
        case let .lsuv(tolerance, maxIterations, batchSize):
            return .object([("kind", .string(name.rawValue)), ("tolerance", JSON(tolerance)),
                            ("max_iterations", .number(Double(maxIterations))), ("batch_size", .number(Double(batchSize)))])
        case .rbm(let s):
            return .object([("kind", .string(name.rawValue)), ("learning_rate", JSON(s.learningRate)),
                            ("initial_momentum", JSON(s.initialMomentum)), ("final_momentum", JSON(s.finalMomentum)),
                            ("momentum_switch_epoch", .number(Double(s.momentumSwitchEpoch))), ("weight_cost", JSON(s.weightCost)),
                            ("epochs", .number(Double(s.epochs))), ("batch_size", .number(Double(s.batchSize)))])
        }
    }
}

extension Parametrization {
    var json: JSON {
        var members: [(key: String, value: JSON)] = [("kind", .string(kind.rawValue))]
        switch self {
        case .standard: break
        case .mup(let mup):
            members += [("base_width", .array(mup.baseWidths.map { .number(Double($0)) })), ("output_mult", JSON(mup.outputMultiplier)),
                        ("readout_zero_init", .bool(mup.readoutZeroInit))]
        case .ntk(let ntk):
            members += [("sigma_w", JSON(ntk.sigmaW)), ("sigma_b", JSON(ntk.sigmaB))]
        case .multipliers(let layers):
            members.append(("layers", .array(layers.map { layer in
                .object([("forward", JSON(layer.forward)), ("bias", JSON(layer.bias)), ("learning_rate", JSON(layer.weightLearningRate)),
                         ("bias_learning_rate", JSON(layer.biasLearningRate))])
            })))
        }
        return .object(members)
    }
}

extension Strategy {
    /// The strategy in config form; `model` only where it is not the experiment's.
    func json(experimentModel: ModelSpec) -> JSON {
        var members: [(key: String, value: JSON)] = [("id", .string(id)), ("label", .string(label))]
        if model != experimentModel { members.append(("model", model.json(complete: true))) }
        if let first = layers.first, layers.allSatisfy({ $0 == first }) {
            members.append(("weights", first.weights.json))
            members.append(("biases", first.biases.json))
        } else {
            members.append(("layers", .array(layers.map { .object([("weights", $0.weights.json), ("biases", $0.biases.json)]) })))
        }
        if let procedure { members.append(("procedure", procedure.json)) }
        if let optimizer { members.append(("optimizer", optimizer.json)) }
        // The standard parametrization is the default: a strategy under it reads as before.
        if parametrization != .standard { members.append(("parametrization", parametrization.json)) }
        return .object(members)
    }
}

extension Experiment {
    /// The experiment with every default filled in, in the config's own format: loading it
    /// gives the same experiment back.
    var normalizedJSON: JSON {
        var members: [(key: String, value: JSON)] = [
            ("name", .string(name)),
            ("title", .string(title)),
            ("dataset", .object([("folder", .string(dataset.folder)), ("images", .string(dataset.images)),
                                 ("labels", .string(dataset.labels))]
                                + (dataset.test.map { [("test_images", .string($0.images)), ("test_labels", .string($0.labels))] } ?? []))),
            ("model", model.json()),
            ("training", .object([("optimizer", training.optimizer.json),
                                  ("batch_size", .number(Double(training.batchSize))),
                                  ("epochs", .number(Double(training.epochs))),
                                  ("validation_fraction", JSON(training.validationFraction)),
                                  ("validation_dropout", .bool(training.validationDropout))])),
        ]
        // A sweep over seeds gives them itself.
        if sweep?.seeds == nil { members += [("seed", .number(Double(seed))), ("repeats", .number(Double(repeats)))] }
        if let threads { members.append(("threads", .number(Double(threads)))) }
        members.append(("output", .string(output)))
        // A sweep's points are its templates' expansion: the config holds the templates, as the
        // config wrote them (the axes' key paths lead into them), and the axes.
        members.append(("strategies", .array(sweep.map { $0.templates.map(\.json) } ?? strategies.map { $0.json(experimentModel: model) })))
        if let sweep { members.append(("sweep", sweep.json)) }
        if let baseline { members.append(("baseline", .string(baseline))) }
        members.append(("diagnostics", .object([("enabled", .bool(diagnostics.enabled)),
                                                ("probe_images", .number(Double(diagnostics.probeImages))),
                                                ("steps", .array(diagnostics.steps.map { .number(Double($0)) }))]
                                               + (diagnostics.jacobianInputs > 0 ? [("jacobian_inputs", .number(Double(diagnostics.jacobianInputs)))] : []))))
        members.append(("plots", .object([
            ("batches", .number(Double(plots.batches))),
            ("accuracy_figure", .string(plots.accuracyFigure)),
            ("distributions", .array(plots.distributions.map { d in
                .object([("name", .string(d.name)), ("title", .string(d.title)), ("initializer", d.initializer.json),
                         ("count", .number(Double(d.count))), ("bins", .number(Double(d.bins))),
                         ("range", .array([.number(d.low), .number(d.high)])),
                         ("fan_in", .number(Double(d.fanIn))), ("fan_out", .number(Double(d.fanOut)))])
            })),
            ("figures", .array(plots.figures.map { figure in
                .object([("name", .string(figure.name)), ("title", .string(figure.title)),
                         ("strategies", .array(figure.strategies.map(JSON.string)))]
                        + (figure.logScale.map { [("log_scale", .bool($0))] } ?? []))
            })),
        ])))
        return .object(members)
    }
}

extension Sweep {
    var json: JSON {
        let seedAxis = seeds.map { seeds in
            [JSON.object([("setting", .string(SweepSetting.seed.key)), ("values", .array(seeds.map { .number(Double($0)) }))])]
        } ?? []
        return .object([
            ("axes", .array(axes.map { axis in
                .object([("setting", .string(axis.setting.key)), ("name", .string(axis.name)), ("label", .string(axis.label)),
                         ("values", .array(axis.values.map(JSON.number)))] + (axis.logScale.map { [("log_scale", .bool($0))] } ?? []))
            } + seedAxis)),
            ("measures", .array(measures.map { .string($0.rawValue) })),
            ("theory", .bool(theory)),
        ])
    }
}
