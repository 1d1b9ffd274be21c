/// What results.json says about the run of a comparison besides the runs themselves.
public struct ComparisonContext: Sendable {
    public var dataset: Dataset
    public var threads: Int
    public var loadSeconds: Double
    public var trainingWallSeconds: Double
    public var blas: BLASKernel
    /// What computed the matrix products (GEMMChoice.description).
    public var products: String
    /// The number of test images, when the config names a test set.
    public var testImages: Int?
    /// How many of the runs came from the run cache instead of being trained (all, for a merge).
    public var runsFromCache = 0

    public init(dataset: Dataset, threads: Int, loadSeconds: Double, trainingWallSeconds: Double, blas: BLASKernel = .current,
                products: String = GEMMChoice.current.description, testImages: Int? = nil) {
        self.products = products
        self.testImages = testImages
        self.dataset = dataset
        self.threads = threads
        self.loadSeconds = loadSeconds
        self.trainingWallSeconds = trainingWallSeconds
        self.blas = blas
    }
}

public enum ResultsFile {
    /// results.json: a stable interface for scripts. Its top level has `runs`, one object per
    /// strategy and seed, each with `strategy`, `label`, `seed`, `status`, `validation_accuracy`
    /// (a fraction), `last_batch_loss`, `batch_losses` (every step) and `train_seconds`;
    /// non-finite losses are null.
    public static func json(experiment: Experiment, results: [RunResult], summaries: [StrategySummary],
                            context: ComparisonContext, sweepGrid: SweepGrid? = nil) -> JSON {
        let grid = sweepGrid ?? SweepGrid(experiment: experiment, summaries: summaries)
        let split = experiment.training.split(of: context.dataset.count)
        return .object([
            ("tool", .string(toolName)),
            ("version", .string(toolVersion)),
            ("experiment", .string(experiment.name)),
            ("title", .string(experiment.title)),
            ("seeds", .array(experiment.seeds.map { .number(Double($0)) })),
            ("threads", .number(Double(context.threads))),
            ("products", .string(context.products)),
            ("blas", .object([
                ("library", .string(context.blas.library)),
                ("core", .string(context.blas.core)),
                ("chosen_by", .string(context.blas.howChosen)),
            ])),
            ("dataset", .object([
                ("folder", .string(experiment.dataset.folder)),
                ("images", .number(Double(context.dataset.count))),
                ("features", .number(Double(context.dataset.features))),
                ("classes", .number(Double(context.dataset.classes))),
                ("training_images", .number(Double(split.training))),
                ("validation_images", .number(Double(split.validation))),
                ("test_images", context.testImages.map { .number(Double($0)) } ?? .null),
            ])),
            ("timings", .object([
                ("load_seconds", JSON(context.loadSeconds)),
                ("training_wall_seconds", JSON(context.trainingWallSeconds)),
                ("runs_from_cache", .number(Double(context.runsFromCache))),
            ])),
            ("summary", .array(summaries.map(summaryJSON))),
        ] + (grid.map { [("sweep", sweepJSON($0))] } ?? []) + [
            ("runs", .array(results.map(\.json))),
            ("config", experiment.echo),
        ])
    }

    /// A sweep's grid: its templates, its axes, and per point its template, coordinates and each
    /// measure's values over the seeds with their mean and 95% interval; with the theory, the
    /// mean-field quantities at every σ_w² of the axis and the 6ξ_c curve of the figure; over
    /// width × learning rate, each template's transfer and coordinate check.
    static func sweepJSON(_ grid: SweepGrid) -> JSON {
        let sweep = grid.sweep
        var members: [(key: String, value: JSON)] = [
            ("templates", .array(sweep.templates.map { .object([("id", .string($0.strategy.id)), ("label", .string($0.strategy.label))]) })),
            ("axes", .array(sweep.axes.map { axis in
                .object([("name", .string(axis.name)), ("label", .string(axis.label)), ("setting", .string(axis.setting.key)),
                         ("values", .array(axis.values.map(JSON.init)))])
            })),
            ("points", .array(grid.cells.map { cell in
                .object([("strategy", .string(cell.point.strategyID)), ("template", .string(sweep.templates[cell.point.template].strategy.id)),
                         ("label", .string(cell.label)),
                         ("coordinates", .object(zip(sweep.axes, cell.point.coordinates).map { ($0.name, JSON($1)) })),
                         ("runs", .number(Double(cell.runs))), ("unfinished_runs", .number(Double(cell.unfinished)))]
                        + sweep.measures.map { measure in
                            let estimate = cell.estimate(measure)
                            return (measure.rawValue, .object([("mean", estimate.map { JSON($0.mean) } ?? .null), ("ci95", interval(estimate?.ci95)),
                                                               ("values", .array((cell.values[measure] ?? []).map(JSON.init)))]))
                        })
            })),
        ]
        if !grid.transfers.isEmpty {
            members.append(("transfer", .array(grid.transfers.joined().map { transferJSON($0, template: sweep.templates[$0.template]) })))
        }
        if !grid.coordinateChecks.isEmpty {
            members.append(("coordinate_check", .array(grid.coordinateChecks.map { check in
                .object([("template", .string(sweep.templates[check.template].strategy.id)),
                         ("widths", .array(check.widths.map(JSON.init))), ("steps", .array(check.steps.map { .number(Double($0)) })),
                         // slopes[step][layer]
                         ("slopes", .array(check.slopes.map { .array($0.map { $0.map(JSON.init) ?? .null }) }))])
            })))
        }
        if let stream = grid.stream {
            members.append(("residual_stream", .object([
                ("blocks", .number(Double(stream.blocks))),
                // std[b]: after block b (0: the input projection), the geometric mean over seeds.
                ("series", .array(stream.series.map { series in
                    .object([("template", .string(sweep.templates[series.template].strategy.id)),
                             ("std", .array(series.stds.map { $0.map(JSON.init) ?? .null })),
                             ("std_factor_per_block", series.perBlock.map(JSON.init) ?? .null),
                             ("explodes_at_block", series.explosion.map { .number(Double($0)) } ?? .null)])
                })),
            ])))
        }
        if let theory = grid.theory {
            members.append(("theory", .object([
                ("bias_variance", JSON(theory.biasVariance)),
                ("edge_of_chaos", theory.edge.map(JSON.init) ?? .null),
                ("at_values", .array(theory.atValues.map { value in
                    let s = value.solution
                    return .object([("weight_variance", JSON(value.weightVariance)), ("q_star", JSON(s.q)), ("chi1", JSON(s.chi1)),
                                    ("c_star", JSON(s.c)), ("chi_c", JSON(s.chiC)), ("depth_scale", JSON(s.depthScale)),
                                    ("trainable_depth", JSON(s.trainableDepth))])
                })),
                ("curve", .array(theory.curve.map { .array([JSON($0.weightVariance), JSON($0.depth)]) })),
            ])))
        }
        return .object(members)
    }

    /// The runs of a results.json text, as they were before they were written.
    public static func runs(fromText text: String) throws -> [RunResult] {
        guard case .array(let runs)? = try JSONParser.parse(text)["runs"] else { throw JSONFieldError(message: "results: no runs array") }
        return try runs.map(RunResult.init(json:))
    }

    /// One template's transfer of one measure: each width's best rate, the move from the
    /// narrowest width to the widest (log₂ steps), its paired penalty and whether beyond noise.
    static func transferJSON(_ transfer: TransferSweep, template: Sweep.Template) -> JSON {
        .object([
            ("template", .string(template.strategy.id)), ("measure", .string(transfer.measure.rawValue)),
            ("best_learning_rate", .array(transfer.curves.map { curve in
                .object([("width", JSON(curve.width)), ("learning_rate", curve.best.map { JSON(transfer.rates[$0]) } ?? .null),
                         ("mean", curve.best.flatMap { curve.estimates[$0] }.map { JSON($0.mean) } ?? .null)])
            })),
            ("log2_shift", transfer.shift.map(JSON.init) ?? .null),
            ("penalty", transfer.penalty.map { .object([("mean", JSON($0.mean)), ("ci95", interval($0.ci95))]) } ?? .null),
            ("beyond_seed_noise", transfer.shiftBeyondNoise.map(JSON.bool) ?? .null),
        ])
    }

    /// [low, high], or null where there is no interval (fewer than two seeds).
    static func interval(_ range: ClosedRange<Double>?) -> JSON {
        range.map { .array([JSON($0.lowerBound), JSON($0.upperBound)]) } ?? .null
    }

    static func summaryJSON(_ summary: StrategySummary) -> JSON {
        var members: [(key: String, value: JSON)] = [
            ("strategy", .string(summary.id)),
            ("label", .string(summary.label)),
            ("runs", .number(Double(summary.runs.count))),
            ("finished_runs", .number(Double(summary.accuracies.count))),
            ("mean_validation_accuracy", summary.meanAccuracy.map(JSON.init) ?? .null),
            ("std_validation_accuracy", summary.accuracyStandardDeviation.map(JSON.init) ?? .null),
            ("min_validation_accuracy", summary.accuracies.min().map(JSON.init) ?? .null),
            ("max_validation_accuracy", summary.accuracies.max().map(JSON.init) ?? .null),
            ("mean_test_accuracy", summary.meanTestAccuracy.map(JSON.init) ?? .null),
            ("ci95", interval(summary.estimate?.ci95)),
        ]
        if let comparison = summary.versusBaseline {
            members += [("difference", JSON(comparison.difference.mean)), ("difference_ci95", interval(comparison.difference.ci95)),
                        ("p_value", JSON(comparison.pValue)), ("p_holm", JSON(comparison.pHolm)),
                        ("verdict", .string(comparison.verdict.rawValue))]
        }
        return .object(members)
    }
}

public let toolName = "compare-inits"
public let toolVersion = "0.1.0"
