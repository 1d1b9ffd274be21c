import Foundation

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

    /// Writes the files, renders the PNGs with `gnuplot` (nil: not installed), checks every
    /// one and commits; returns how many figures it wrote (their gnuplot scripts) and which PNGs
    /// are missing and why, if some are. Nothing is committed, and the folder keeps what it had,
    /// when a file cannot be written in full (gnuplot on a full disk exits 0 and leaves its PNGs
    /// cut off, so the PNGs themselves are read), or when PNGs are missing and `requirePNGs`.
    /// A PNG that gnuplot could not render is left out, never committed half-written.
    public func write(to output: OutputFolder, gnuplot: String?, requirePNGs: Bool = false) throws -> (figures: Int, plotProblem: String?) {
        let files = self.files, scripts = files.map(\.name).filter { $0.hasSuffix(".gp") }
        do {
            for file in files { try output.write(file) }
            var missing: MissingFigures?
            if let gnuplot {
                let failure = Gnuplot.render(scripts: scripts, in: output.staging, executable: gnuplot)
                let incomplete = output.incompletePNGs(scripts.map(Gnuplot.png))
                if !incomplete.isEmpty {
                    guard let failure else {
                        // gnuplot said it wrote them: the disk did not take them.
                        let free = Self.freeSpace(at: output.staging).map { ", with \($0) free on the device" } ?? ""
                        throw OutputError(path: output.path, reason: MissingFigures(pngs: incomplete, of: scripts.count, reason: "gnuplot exited 0\(free)",
                                                                                      state: "not written in full").description)
                    }
                    incomplete.forEach(output.drop)
                    missing = MissingFigures(pngs: incomplete, of: scripts.count, reason: failure)
                }
            } else if !scripts.isEmpty {
                missing = MissingFigures(pngs: scripts.map(Gnuplot.png), of: scripts.count, reason: "gnuplot is not installed")
            }
            if let missing, requirePNGs { throw OutputError(path: output.path, reason: "\(missing), which --require-png asks for") }
            try output.commit()
            return (scripts.count, missing?.description)
        } catch {
            output.discard()
            guard let failure = error as? OutputError else { throw OutputError(path: output.path, reason: OutputFolder.reason(error)) }
            // What the user most needs to know after a failed write: whether the earlier outputs are intact.
            throw failure.settled ? failure : OutputError(path: output.path, reason: failure.reason + "; the folder is left as it was")
        }
    }

    /// The space left to this user on the file system of `path`, in words.
    static func freeSpace(at path: String) -> String? {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return nil }
        let bytes = Double(info.f_bavail) * Double(info.f_frsize)
        return bytes < 1024 ? "\(Int(bytes)) bytes" : bytes < 1024 * 1024 ? String(format: "%.0f KiB", bytes / 1024)
            : String(format: "%.1f MiB", bytes / 1024 / 1024)
    }
}

/// PNGs that are not in the output folder, and why, in one line: all of them
/// ("PNGs not rendered (gnuplot is not installed)") or exactly which.
struct MissingFigures: CustomStringConvertible {
    let pngs: [String]
    let of: Int
    let reason: String
    var state = "not rendered"

    var description: String {
        guard pngs.count < of else { return "PNGs \(state) (\(reason))" }
        return "PNGs of \(pngs.count) of \(of) figures \(state) (\(reason)): \(pngs.joined(separator: ", "))"
    }
}
