import Foundation

/// A file of the output folder: its name and its text.
public struct OutputFile: Sendable, Equatable {
    public let name: String
    public let contents: String
}

/// The gnuplot data and scripts of a comparison's figures. Each NAME.gp is self-contained:
/// `gnuplot NAME.gp`, run in the output folder, renders NAME.png, so users can restyle a plot
/// without training again.
public enum Plots {
    /// Every script starts from gnuplot's defaults (`reset`): the tool renders all scripts in one
    /// gnuplot process, where one figure's settings would otherwise leak into the next.
    static let preamble = "reset\nset terminal pngcairo size 960,600 noenhanced font 'sans,11'"

    /// NAME.dat and NAME.gp for every loss figure, and for the validation-accuracy bar chart.
    public static func files(experiment: Experiment, summaries: [StrategySummary]) -> [OutputFile] {
        var files: [OutputFile] = []
        for figure in experiment.plots.figures {
            let members = figure.strategies.compactMap { id in summaries.first { $0.id == id } }
            files.append(OutputFile(name: figure.name + ".dat", contents: lossData(members, batches: experiment.plots.batches)))
            files.append(OutputFile(name: figure.name + ".gp", contents: lossScript(figure, members, batches: experiment.plots.batches)))
        }
        let name = experiment.plots.accuracyFigure
        let table = accuracyTable(summaries)
        files.append(OutputFile(name: name + ".dat", contents: "# strategy  validation accuracy (%)  std over seeds (%)  bar text\n" + table))
        files.append(OutputFile(name: name + ".gp", contents: accuracyScript(name: name, title: experiment.title, table: table,
                                                                            labels: summaries.map(\.label))))
        return files
    }

    /// Column 1 the batch number (1-based), then one column of losses per strategy (the mean over
    /// seeds); "?" marks a missing or non-finite loss, which the script tells gnuplot to skip.
    static func lossData(_ members: [StrategySummary], batches: Int) -> String {
        var text = "# batch " + members.map(\.id).joined(separator: " ") + "\n"
        let steps = min(batches, members.map { $0.runs.map(\.steps).max() ?? 0 }.max() ?? 0)
        for index in 0..<steps {
            text += String(index + 1)
            for member in members {
                text += " " + (member.meanLoss(at: index).map { "\($0)" } ?? "?")
            }
            text += "\n"
        }
        return text
    }

    static func lossScript(_ figure: Figure, _ members: [StrategySummary], batches: Int) -> String {
        var lines = [
            GnuplotText.comment("Training loss of the first \(batches) batches, written by \(toolName)."),
            GnuplotText.comment("Re-render with `gnuplot \(figure.name).gp` in this folder (reads \(figure.name).dat)."),
            preamble,
            "set output \(quoted(figure.name + ".png"))",
            "set title \(quoted(figure.title))",
            "set xlabel 'Batches'",
            "set ylabel 'Loss'",
            "set grid",
            "set key top right",
            "set datafile missing '?'",
            "set xrange [1:\(batches)]",
        ]
        if figure.logScale { lines.append("set logscale y") }
        let plots = members.enumerated().map { column, member in
            let source = column == 0 ? quoted(figure.name + ".dat") : "''"
            return "\(source) using 1:\(column + 2) with lines linewidth 2 title \(quoted(keyTitle(member)))"
        }
        if plots.isEmpty {
            lines.append("plot NaN notitle")
        } else {
            lines.append("plot " + plots.joined(separator: ", \\\n     "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "Centered [-0.5, 0.5) (val. acc. 80.9%)": every curve's key carries its result.
    static func keyTitle(_ member: StrategySummary) -> String {
        guard member.finished, member.meanAccuracy != nil else { return "\(member.label) (\(member.accuracyText))" }
        return "\(member.label) (val. acc. \(member.accuracyText))"
    }

    /// One row per strategy: its id, mean accuracy in percent (0 when it did not finish), the
    /// standard deviation over seeds in percent (0 with one seed), and the text above its bar.
    /// Only the tool's own words are data here: the labels, which come from the config, are the
    /// script's tick labels, where they are string literals (gnuplot's data files have no
    /// escape for a quote inside a quoted column).
    static func accuracyTable(_ summaries: [StrategySummary]) -> String {
        summaries.map { summary in
            let percent = summary.finished ? (summary.meanAccuracy ?? 0) * 100 : 0
            let spread = (summary.finished ? summary.accuracyStandardDeviation ?? 0 : 0) * 100
            let text = summary.finished ? String(format: "%.2f%%", percent) : summary.statusNote ?? "n/a"
            return "\(summary.id) \(String(format: "%.3f", percent)) \(String(format: "%.3f", spread)) \"\(text)\""
        }.joined(separator: "\n") + "\n"
    }

    static func accuracyScript(name: String, title: String, table: String, labels: [String]) -> String {
        let ticks = labels.enumerated().map { "\(quoted($0.element)) \($0.offset)" }.joined(separator: ", ")
        return """
        \(GnuplotText.comment("Validation accuracy of every strategy, written by \(toolName)."))
        \(GnuplotText.comment("Re-render with `gnuplot \(name).gp` in this folder; the table below is the data (the same"))
        \(GnuplotText.comment("as \(name).dat): strategy id, mean accuracy (%), standard deviation over seeds (%), bar text."))
        $accuracy << EOD
        \(table)EOD
        \(preamble)
        set output \(quoted(name + ".png"))
        set title \(quoted(title + ": validation accuracy"))
        set ylabel 'Validation accuracy (%)'
        set yrange [0:105]
        set xrange [-0.6:\(Double(labels.count) - 0.4)]
        set style fill solid 0.75 border -1
        set boxwidth 0.6
        set grid ytics
        set xtics rotate by -25 scale 0
        set xtics (\(ticks))
        set bmargin 7
        plot $accuracy using 0:2 with boxes linecolor rgb '#4C72B0' notitle, \\
             $accuracy using 0:2:3 with yerrorbars linecolor rgb 'black' pointtype -1 notitle, \\
             $accuracy using 0:($2 + $3):4 with labels offset 0,0.9 font \(quoted(labels.count > 6 ? ",9" : ",11")) notitle

        """
    }

    /// A gnuplot string literal: every string a script holds, config text or not, is written by
    /// this one function.
    static func quoted(_ text: String) -> String { GnuplotText.literal(text) }
}

/// Runs gnuplot on scripts in a folder.
public enum Gnuplot {
    public static let installHint = "install gnuplot (Debian: apt-get install gnuplot-nox)"

    /// The gnuplot executable on PATH, if any.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/gnuplot"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Renders the scripts (file names in `folder`), spread over `processes` gnuplot processes
    /// running at once; returns nil on success, else what went wrong.
    public static func render(scripts: [String], in folder: String, executable: String, processes: Int = 2) -> String? {
        // gnuplot without script arguments would read its standard input.
        guard !scripts.isEmpty else { return nil }
        let groupCount = max(1, min(processes, scripts.count))
        let groups = (0..<groupCount).map { k in stride(from: k, to: scripts.count, by: groupCount).map { scripts[$0] } }
        var running: [(Process, Pipe)] = []
        for group in groups {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = group
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            do {
                try process.run()
            } catch {
                running.forEach { $0.0.waitUntilExit() }
                return "cannot run \(executable): \(error.localizedDescription)"
            }
            running.append((process, errors))
        }
        var problem: String?
        for (process, errors) in running {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationStatus != 0, problem == nil {
                let firstLines = message.split(separator: "\n").prefix(3).joined(separator: " / ")
                problem = "gnuplot failed (status \(process.terminationStatus)): \(firstLines)"
            }
        }
        return problem
    }
}
