/// A finished comparison's outputs: per figure NAME.dat and NAME.gp, results.json and report.md,
/// written into an output folder's staging area, the PNGs rendered there by gnuplot, then all
/// committed at once. It reads the results only, so results read back from files publish the same.
public struct Publication {
    public let experiment: Experiment
    public let results: [RunResult]
    public let summaries: [StrategySummary]
    public let context: ComparisonContext

    public init(experiment: Experiment, results: [RunResult], summaries: [StrategySummary], context: ComparisonContext) {
        self.experiment = experiment
        self.results = results
        self.summaries = summaries
        self.context = context
    }

    /// Every file but the PNGs, which gnuplot renders from the scripts.
    public var files: [OutputFile] {
        let training = experiment.training, images = context.dataset.count
        let stepsPerEpoch = training.split(of: images).stepsPerEpoch
        // A sweep's grid (and its theory) is worked out once for all three.
        let grid = SweepGrid(experiment: experiment, summaries: summaries)
        return Plots.files(experiment: experiment, summaries: summaries, stepsPerEpoch: stepsPerEpoch, sweepGrid: grid) + [
            OutputFile(name: "results.json", contents: ResultsFile.json(experiment: experiment, results: results, summaries: summaries,
                                                                        context: context, sweepGrid: grid).formatted()),
            OutputFile(name: "report.md", contents: MarkdownReport.text(experiment: experiment, results: results, summaries: summaries,
                                                                       context: context, sweepGrid: grid)),
        ]
    }

    /// Writes, renders with `gnuplot` (nil: not installed) and commits; returns why the PNGs are
    /// missing, if they are. Nothing is committed when writing fails.
    /// Returns how many figures it wrote (their gnuplot scripts) and why their PNGs are missing, if they are.
    public func write(to output: OutputFolder, gnuplot: String?) throws -> (figures: Int, plotProblem: String?) {
        let files = self.files, scripts = files.map(\.name).filter { $0.hasSuffix(".gp") }
        do {
            for file in files { try output.write(file) }
        } catch {
            output.discard()
            throw error
        }
        var plotProblem: String?
        if let gnuplot {
            plotProblem = Gnuplot.render(scripts: scripts, in: output.staging, executable: gnuplot)
        } else {
            plotProblem = "gnuplot is not installed"
        }
        try output.commit()
        return (scripts.count, plotProblem)
    }
}
