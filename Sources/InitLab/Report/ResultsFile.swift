/// What results.json says about the run of a comparison besides the runs themselves.
public struct ComparisonContext: Sendable {
    public var dataset: Dataset
    public var threads: Int
    public var loadSeconds: Double
    public var trainingWallSeconds: Double
    public var blas: BLASKernel

    public init(dataset: Dataset, threads: Int, loadSeconds: Double, trainingWallSeconds: Double, blas: BLASKernel = .current) {
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
    public static func json(experiment: Experiment, results: [RunResult], context: ComparisonContext) -> JSON {
        let validation = experiment.training.validationCount(of: context.dataset.count)
        let summaries = StrategySummary.make(results, experiment: experiment)
        return .object([
            ("tool", .string(toolName)),
            ("version", .string(toolVersion)),
            ("experiment", .string(experiment.name)),
            ("title", .string(experiment.title)),
            ("seeds", .array(experiment.seeds.map { .number(Double($0)) })),
            ("threads", .number(Double(context.threads))),
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
                ("training_images", .number(Double(context.dataset.count - validation))),
                ("validation_images", .number(Double(validation))),
            ])),
            ("timings", .object([
                ("load_seconds", JSON(context.loadSeconds)),
                ("training_wall_seconds", JSON(context.trainingWallSeconds)),
            ])),
            ("summary", .array(summaries.map(summaryJSON))),
            ("runs", .array(results.map(runJSON))),
            ("config", experiment.echo),
        ])
    }

    static func summaryJSON(_ summary: StrategySummary) -> JSON {
        .object([
            ("strategy", .string(summary.id)),
            ("label", .string(summary.label)),
            ("runs", .number(Double(summary.runs.count))),
            ("finished_runs", .number(Double(summary.accuracies.count))),
            ("mean_validation_accuracy", summary.meanAccuracy.map(JSON.init) ?? .null),
            ("std_validation_accuracy", summary.accuracyStandardDeviation.map(JSON.init) ?? .null),
            ("min_validation_accuracy", summary.accuracies.min().map(JSON.init) ?? .null),
            ("max_validation_accuracy", summary.accuracies.max().map(JSON.init) ?? .null),
        ])
    }

    static func runJSON(_ run: RunResult) -> JSON {
        var members: [(key: String, value: JSON)] = [
            ("strategy", .string(run.strategyID)),
            ("label", .string(run.label)),
            ("seed", .number(Double(run.seed))),
            ("status", .string(run.status.name)),
        ]
        if case .diverged(let batch) = run.status { members.append(("diverged_at_batch", .number(Double(batch)))) }
        members += [
            ("validation_accuracy", run.validationAccuracy.map(JSON.init) ?? .null),
            ("validation_loss", run.validationLoss.map(JSON.init) ?? .null),
            ("last_batch_loss", run.lastBatchLoss.map(JSON.init) ?? .null),
            ("steps", .number(Double(run.steps))),
            ("init_seconds", JSON(run.initSeconds)),
            ("procedure_seconds", JSON(run.procedureSeconds)),
            ("train_seconds", JSON(run.trainSeconds)),
            ("validation_seconds", JSON(run.validationSeconds)),
            ("step_seconds", stepSeconds(run.stepTimes)),
            ("partnered_step_seconds", stepSeconds(run.partneredStepTimes)),
            ("batch_losses", .array(run.batchLosses.map(JSON.init))),
        ]
        if let procedure = run.procedure { members.insert(("procedure", procedure), at: members.count - 1) }
        return .object(members)
    }

    /// Where a run's training time went, over the steps it trained alone or with a partner core.
    static func stepSeconds(_ times: StepTimes) -> JSON {
        .object([
            ("steps", .number(Double(times.steps))),
            ("batch", JSON(times.batch)), ("forward", JSON(times.forward)),
            ("backward", JSON(times.backward)), ("optimizer", JSON(times.optimizer)),
            ("of_which_matrix_products", JSON(times.products)),
        ])
    }
}

public let toolName = "compare-inits"
public let toolVersion = "0.1.0"
