import Foundation

/// report.md: the lesson's "After N epochs" printout as a table, every figure, and the settings.
public enum MarkdownReport {
    public static func text(experiment: Experiment, results: [RunResult], summaries: [StrategySummary],
                            context: ComparisonContext, sweepGrid: SweepGrid? = nil) -> String {
        if let grid = sweepGrid ?? SweepGrid(experiment: experiment, summaries: summaries) {
            return SweepReport.text(experiment: experiment, grid: grid, context: context)
        }
        let training = experiment.training
        let (validation, trainingImages, steps) = training.split(of: context.dataset.count)
        let seeds = experiment.seeds
        let network = experiment.strategiesShareModel ? "the same \(experiment.model.widthsName) MLP" : "its own MLP (see Settings)"
        var lines: [String] = ["# \(escape(experiment.title))", ""]
        lines.append("\(experiment.strategies.count) initialization strategies, each training "
            + "\(network) for \(training.epochs) "
            + "epoch\(training.epochs == 1 ? "" : "s") on \(trainingImages) images, "
            + (seeds.count == 1 ? "with seed \(seeds[0])"
               : "with \(seeds.count) seeds (\(seeds.first!)–\(seeds.last!)); accuracies are mean ± standard deviation over seeds, "
               + "the last batch loss and the times their mean")
            + (experiment.dataset.test != nil ? ". Each trained network is also measured once on the held-out test set" : "")
            + ". Validation accuracy is measured on \(validation) held-out images "
            + (training.validationDropout ? "with dropout left on, as the lesson does." : "in evaluation mode (dropout off).")
        )
        for paragraph in UnfinishedRuns.paragraphs(summaries) { lines += ["", paragraph] }
        lines += ["", "## After \(training.epochs) epoch\(training.epochs == 1 ? "" : "s")", ""]
        // Pre-training is shown beside training when a strategy has it: its cost is part of the comparison.
        let pretraining = experiment.strategies.contains { $0.procedure != nil }
        let test = experiment.dataset.test != nil
        // Over several seeds the loss and times are means (the accuracies say so with their ±).
        let mean = seeds.count > 1 ? " (mean)" : ""
        lines.append("| Strategy | Validation accuracy |" + (test ? " Test accuracy |" : "") + " Last batch loss\(mean) | Training time\(mean) |"
                     + (pretraining ? " Pre-training time\(mean) |" : ""))
        lines.append("|---|---:|" + (test ? "---:|" : "") + "---:|---:|" + (pretraining ? "---:|" : ""))
        for summary in summaries {
            let loss = summary.lastLossText
            var row = "| \(escape(summary.label)) | \(summary.accuracyText) |" + (test ? " \(summary.testAccuracyText) |" : "")
                + " \(loss) | \(summary.timeText(summary.meanTrainSeconds)) |"
            if pretraining {
                row += experiment.strategies.first { $0.id == summary.id }?.procedure == nil
                    ? " — |" : " \(summary.timeText(summary.meanProcedureSeconds)) |"
            }
            lines.append(row)
        }
        if summaries.contains(where: { $0.cachedRuns > 0 }) { lines += ["", "*\(StrategySummary.cachedTimeNote).*"] }
        lines += ["", "![Validation accuracy](\(experiment.plots.accuracyFigure).png)", ""]
        lines += verdicts(experiment, summaries: summaries)
        for paragraph in SharedDefinitions.paragraphs(experiment.strategies, summaries: summaries) { lines += [paragraph, ""] }
        if !experiment.plots.distributions.isEmpty {
            lines += ["## What the strategies draw from", ""]
            for figure in experiment.plots.distributions {
                lines += ["![\(escape(figure.title))](\(figure.name).png)", ""]
            }
        }
        lines += ["## Training loss, first \(experiment.plots.batches) batches", ""]
        for figure in experiment.plots.figures {
            lines += ["### \(escape(figure.title))", "", "![\(escape(figure.title))](\(figure.name).png)", ""]
        }
        lines += ["## The whole training", "",
                  "The loss of every step (faint) with its moving average, and the validation accuracy after every epoch "
                  + "(evaluation mode; results.json: `epoch_validation_accuracy`).", "",
                  "![The whole training](\(PlotSpec.wholeRunFigure).png)", "",
                  "![Validation accuracy after every epoch](\(PlotSpec.epochsFigure).png)", ""]
        let weightFigures = summaries.map(WeightFigure.init).filter { !$0.histograms.isEmpty }
        if !weightFigures.isEmpty {
            lines += ["## The weights, before and after training", "",
                      "Each strategy's weights, layer by layer, where training started (filled) and where it ended (line): the "
                      + "scheme's distribution, and how far training moved it.", ""]
            for figure in weightFigures { lines += ["![\(escape(figure.summary.label))](\(figure.name).png)", ""] }
        }
        lines += inside(experiment, summaries: summaries)
        lines += ["Each figure is rendered by `gnuplot NAME.gp` in this folder from NAME.dat; edit the script to restyle it.", ""]
        lines += settings(experiment, context: context, trainingImages: trainingImages, validation: validation, steps: steps)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whether the differences are bigger than the noise between seeds: each strategy's 95%
    /// interval and, against the baseline, the paired difference, its p-value (Holm) and verdict.
    static func verdicts(_ experiment: Experiment, summaries: [StrategySummary]) -> [String] {
        var lines = ["## Effect or seed noise?", ""]
        guard experiment.repeats >= 2 else {
            return lines + ["With one seed no verdict is possible: a difference in the table may be the noise between seeds. "
                            + "Set `\"repeats\"` to 2 or more (5 is a good start) for 95% intervals and a paired test of every "
                            + "strategy against the baseline.", ""]
        }
        func percent(_ x: Double) -> String { String(format: "%.2f", x * 100) }
        func interval(_ r: ClosedRange<Double>?) -> String { r.map { "\(percent($0.lowerBound)) to \(percent($0.upperBound))" } ?? "—" }
        var baseline = summaries.first { $0.id == experiment.baseline }
        if let unfinished = baseline, !unfinished.finished {
            lines.append("The baseline, **\(escape(unfinished.label))**, did not finish, so no strategy is compared with it.")
            baseline = nil
        } else if let baseline {
            lines.append("Over \(experiment.repeats) seeds, in percentage points. Each strategy is compared with "
                         + "**\(escape(baseline.label))** seed by seed (the seeds share the split, the batches and the dropout masks), "
                         + "with a paired t-test whose p-values are Holm-corrected over the strategies; \"better\" or \"worse\" "
                         + "where the corrected p is below 0.05.")
        }
        if baseline == nil {
            lines.append("Over \(experiment.repeats) seeds, in percentage points. Name a `\"baseline\"` strategy in the config "
                         + "for paired tests against it.")
        }
        lines += ["", "| Strategy | Mean | 95% interval |" + (baseline == nil ? "" : " Difference | 95% interval | p (Holm) | Verdict |"),
                  "|---|---:|---:|" + (baseline == nil ? "" : "---:|---:|---:|---|")]
        for summary in summaries {
            var row = "| \(escape(summary.label)) | \(summary.estimate.map { percent($0.mean) } ?? summary.accuracyText) | \(interval(summary.estimate?.ci95(within: 0...1))) |"
            if baseline != nil {
                if summary.id == experiment.baseline {
                    row += " — | — | — | baseline |"
                } else if let c = summary.versusBaseline {
                    row += " \(String(format: "%+.2f", c.difference.mean * 100)) | \(interval(c.difference.ci95)) | "
                        + "\(String(format: "%.3g", c.pHolm)) | \(c.verdict.rawValue) |"
                } else {
                    row += " — | — | — | \(summary.finished ? "not enough seeds" : "did not finish") |"
                }
            }
            lines.append(row)
        }
        return lines + [""]
    }

    /// The diagnostics: a table and figures of the networks at initialization, a reading of
    /// each strategy generated from its numbers, and the figures of what training did inside.
    static func inside(_ experiment: Experiment, summaries: [StrategySummary]) -> [String] {
        let measured = summaries.compactMap { summary in InsideFigures.diagnostics(summary).map { (summary, $0.seed, $0.diagnostics) } }
        guard let example = measured.map(\.2).max(by: { $0.steps.count < $1.steps.count }) else { return [] }
        // The longest run's schedule: a diverged run's stops where it did.
        let steps = example.steps.map { String($0.step) }.joined(separator: ", ")
        var lines = ["## Inside the network", "",
                     "Every network is measured on the same probe batch of \(example.probeImages) training images (the first ones of "
                     + "the training file), dropout off: at initialization (after any data-dependent procedure), with the gradient of the "
                     + "batch's mean cross-entropy, and after steps \(steps). The table, figures and readings show each strategy's first "
                     + "seed; results.json has every run's (`diagnostics`).", "",
                     "| Strategy | Activation std, first → last hidden layer | Dead units, worst layer | Saturated units, worst layer | Gradient std, last → first hidden layer |",
                     "|---|---:|---:|---:|---:|"]
        func range(_ values: [Double?]) -> String {
            guard let first = values.first ?? nil, let last = values.last ?? nil else { return "—" }
            return values.count == 1 ? InsideReading.number(first) : "\(InsideReading.number(first)) → \(InsideReading.number(last))"
        }
        func worst(_ values: [Double?]) -> String {
            guard let (layer, value) = InsideReading.largest(values) else { return "—" }
            return value == 0 ? "0%" : "\(InsideReading.percent(value)) (layer \(layer))"
        }
        for (summary, _, diagnostics) in measured {
            let hidden = diagnostics.initial.dropLast()
            lines.append("| \(escape(summary.label)) | \(range(hidden.map(\.activationStd))) | \(worst(hidden.map(\.deadFraction))) | "
                         + "\(worst(hidden.map(\.saturatedFraction))) | \(range(hidden.reversed().map(\.outputGradientStd))) |")
        }
        lines.append("")
        if LayerProfileFigure.activations(summaries).drawn {
            lines += ["![Activation std at initialization](\(PlotSpec.activationsFigure).png)", ""]
        }
        if LayerProfileFigure.gradients(summaries).drawn {
            lines += ["![Gradient std at initialization](\(PlotSpec.gradientsFigure).png)", ""]
        }
        lines += ReadingGroups.bullets(measured.map { summary, _, diagnostics in
            let activation = experiment.strategies.first { $0.id == summary.id }?.model.activation ?? experiment.model.activation
            return ReadingGroups.Reading(label: summary.label,
                                         initial: InsideReading.phrasesAtInitialization(diagnostics.initial, activation: activation),
                                         training: InsideReading.phrasesOverTraining(diagnostics))
        })
        lines.append("")
        lines += SpectrumReading.section(SpectrumFigure(summaries: summaries).members, escape: escape)
        lines += BlockReading.section(BlockFigures(summaries: summaries), escape: escape)
        let trainingFigures = measured.map { TrainingDiagnosticsFigure(summary: $0.0) }.filter(\.recorded)
        guard !trainingFigures.isEmpty else { return lines }
        lines += ["### Over training", "",
                  "Left: each layer's update ratio ‖ΔW‖/‖W‖ at the recorded steps (about 10⁻³ is the usual rule of thumb for a "
                  + "healthy step). Right: activation std by layer on the probe batch at each recorded step, its colour the step "
                  + "(the bar beside it), so that vanishing, exploding, saturating and dying show as they happen.", ""]
        for figure in trainingFigures where figure.drawn {
            lines += ["![\(escape(figure.summary.label)) over training](\(figure.name).png)", ""]
        }
        // A figure of two empty log axes says nothing: such a strategy gets a sentence instead.
        let empty = trainingFigures.filter { !$0.drawn }.map { "**\(escape($0.summary.label))**" }
        if !empty.isEmpty {
            lines += [empty.joined(separator: ", ") + " \(empty.count == 1 ? "has" : "have") no figure over training: at no recorded step is a layer's "
                      + "update ratio or activation std a finite number above 0, all that a log axis can show.", ""]
        }
        return lines
    }

    static func settings(_ experiment: Experiment, context: ComparisonContext, trainingImages: Int, validation: Int, steps: Int) -> [String] {
        let model = experiment.model, training = experiment.training
        var lines = ["## Settings", "", "| Setting | Value |", "|---|---|"]
        lines.append("| Dataset | \(escape(experiment.dataset.folder)) (\(context.dataset.count) images of \(context.dataset.features) pixels, \(context.dataset.classes) classes) |")
        lines.append("| Split | \(trainingImages) training, \(validation) validation (\(formatNumber(training.validationFraction * 100))%) |")
        if let test = experiment.dataset.test, let testSet = context.testImages {
            lines.append("| Test set | \(escape(test.images)), \(testSet) images, read once after training |")
        }
        lines.append("| Model | \(describe(model)) |")
        lines.append("| Optimizer | \(describe(training.optimizer)) |")
        lines.append("| Batches | \(training.batchSize) images, \(steps) steps an epoch, \(training.epochs) epoch\(training.epochs == 1 ? "" : "s") |")
        lines.append("| Seeds | \(experiment.seeds.map(String.init).joined(separator: ", ")) |")
        let runs = experiment.runCount
        if context.runsFromCache >= runs {
            lines.append("| Runs | all \(runs) read from the run cache (see each run's own timings in results.json) |")
        } else {
            // The wall time is this comparison's, spent on the runs it trained; the cached ones took none of it.
            let trained = context.runsFromCache > 0 ? " the \(counted(runs - context.runsFromCache, "run")) not in the run cache" : ""
            lines.append("| Threads | \(context.threads) (training\(trained) took \(String(format: "%.1f", context.trainingWallSeconds)) s"
                         + (context.runsFromCache > 0 ? "; \(context.runsFromCache) of \(counted(runs, "run")) came from the run cache, "
                            + "their times measured when they were trained" : "") + ") |")
        }
        lines.append("| Matrix products | \(escape(context.products)) |")
        lines.append("| BLAS | \(context.blas.library), \(context.blas.core) kernels (\(escape(context.blas.howChosen)))"
                     + "\(GEMMChoice.current == .own ? "; LAPACK (orthogonal weights) only" : "") |")
        lines.append("| Tool | \(toolName) \(toolVersion) |")
        if let sweep = experiment.sweep {
            for axis in sweep.axes {
                lines.append("| Sweep: \(escape(axis.label)) | \(escape(axis.setting.key)) = \(axis.values.map(Sweep.text).joined(separator: ", ")) |")
            }
        }
        // A sweep's points are its templates with the axes' values written in.
        let strategies = experiment.sweep.map { $0.templates.map(\.strategy) } ?? experiment.strategies
        let sameModel = strategies.allSatisfy { $0.model == experiment.model }
        lines += ["", "| Strategy | Label |" + (sameModel ? "" : " Model |") + " Weights | Biases | Then |",
                  "|---|---|" + (sameModel ? "" : "---|") + "---|---|---|"]
        for strategy in strategies {
            let first = strategy.layers[0]
            let uniform = strategy.layers.allSatisfy { $0 == first }
            let weights = escape(uniform ? describe(first.weights) : strategy.layers.map { describe($0.weights) }.joined(separator: "; "))
            let biases = escape(uniform ? describe(first.biases) : strategy.layers.map { describe($0.biases) }.joined(separator: "; "))
            let model = sameModel ? "" : " \(describe(strategy.model)) |"
            let then = strategy.procedure.map { escape(describe($0.json)) } ?? "—"
            lines.append("| `\(strategy.id)` | \(escape(strategy.label)) |\(model) \(weights) | \(biases) | \(then) |")
        }
        return lines
    }

    static func describe(_ optimizer: Optimizer) -> String {
        switch optimizer {
        case let .adam(rate, beta1, beta2, epsilon):
            return "Adam, learning rate \(formatNumber(Double(rate))) (β1 \(formatNumber(Double(beta1))), β2 \(formatNumber(Double(beta2))), ε \(formatNumber(Double(epsilon))))"
        case let .sgd(rate, momentum):
            return "SGD, learning rate \(formatNumber(Double(rate))), momentum \(formatNumber(Double(momentum)))"
        }
    }

    static func describe(_ model: ModelSpec) -> String {
        let dropout = model.dropout > 0 ? ", dropout \(formatNumber(Double(model.dropout)))" : ""
        if let residual = model.residual {
            let alpha: String
            switch residual.alpha {
            case .fixed(let value): alpha = "α \(formatNumber(Double(value)))"
            case .inverseSqrtDepth: alpha = "α 1/√\(residual.blocks)"
            case .trained(let initial): alpha = "α trained from \(formatNumber(Double(initial)))"
            }
            let arrangement = residual.preActivation
                ? ", pre-activation batch normalization (BN → activation → product in every branch layer, BN → activation before the readout)"
                : ", batch normalization after every product"
            let norm = model.batchNorm ? arrangement + (model.linearBias ? "" : " (no linear bias)") : ""
            return "\(model.layers[0])-\(residual.width), \(residual.blocks) residual blocks h + α·f(h) with branch "
                + "\(residual.branch.map(String.init).joined(separator: "-")) (\(alpha)), \(model.layers[model.layers.count - 1]) classes, "
                + "\(model.activation.name)\(norm)\(model.bias ? "" : ", no biases")\(dropout)"
        }
        let norm = model.batchNorm
            ? ", batch normalization after every hidden layer's product, before its activation" + (model.linearBias ? "" : " (no linear bias)") : ""
        return "\(model.layers.map(String.init).joined(separator: "-")), \(model.activation.name)\(norm)\(model.bias ? "" : ", no biases")\(dropout)"
    }

    /// `kind` with its parameters: "uniform(low 0, high 1)".
    static func describe(_ initializer: Initializer) -> String { describe(initializer.json) }

    /// A config object `{"kind": k, p: v, …}` as "k(p v, …)".
    static func describe(_ json: JSON) -> String {
        guard case .object(let members) = json, case .string(let kind)? = json["kind"] else { return json.description }
        let parameters = members.dropFirst().map { member -> String in
            switch member.value {
            case .number(let n): return "\(member.key) \(formatNumber(n))"
            case .string(let s): return "\(member.key) \(s)"
            default: return member.key
            }
        }
        return parameters.isEmpty ? kind : "\(kind)(\(parameters.joined(separator: ", ")))"
    }

    static func formatNumber(_ value: Double) -> String { String(format: "%.6g", value) }

    /// Config text as inline Markdown: see MarkdownText.
    static func escape(_ text: String) -> String { MarkdownText.inline(text) }
}
