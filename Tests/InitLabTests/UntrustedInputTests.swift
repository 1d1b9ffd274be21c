import Foundation
import Testing
@testable import InitLab

/// Configs and output folders may come from someone else: no text in them may run a command,
/// break out of a generated file's string, comment or line, or crash the tool.
@Suite struct UntrustedInputTests {
    /// Text that would run `touch <marker>` or inject a command if a generated file took it for
    /// anything but text. `%@` stands for a marker file's path.
    static let hostileTemplates = [
        "Rule `touch %@`",
        "system(\"touch %@\")",
        "x' . system('touch %@') . 'y",
        "x\" . system(\"touch %@\") . \"y",
        "!touch %@",
        "@macro `touch %@` \\n \\ '' \" \\",
        "EOD $accuracy << EOD %@",
        "| cell | <script>alert('%@')</script> **bold** [link](x) ![img](y) &amp; $x$ #",
        "Ünïcödé ✓ 漢字 — ⟨%@⟩",
        String(repeating: "long text %@ ", count: 5),
        "ends in a backslash %@ \\",
        // A quote joined into one grapheme with its neighbour: U+0600 prepends, U+0301 combines.
        "\u{0600}'.system(\"touch %@\") #",
        "'\u{0301}.system(\"touch %@\") . '",
    ]

    /// Every text field of a config (title, labels, figure titles) filled with hostile text.
    func hostileExperiment(markers folder: String) throws -> (folder: String, config: String, texts: [String]) {
        let texts = Self.hostileTemplates.enumerated().map { i, template in
            template.replacingOccurrences(of: "%@", with: "\(folder)/marker-\(i)")
        }
        func json(_ text: String) -> String { JSON.string(text).formatted().trimmingCharacters(in: .newlines) }
        let (root, config) = try syntheticExperiment()
        var text = try String(contentsOfFile: config, encoding: .utf8)
        let replacements = [
            ("\"name\": \"synthetic\",", "\"name\": \"synthetic\", \"title\": \(json(texts[0])),"),
            ("\"label\": \"All Zeros\"", "\"label\": \(json(texts[1]))"),
            ("\"label\": \"Rule\"", "\"label\": \(json(texts[2]))"),
            ("\"label\": \"Default\"", "\"label\": \(json(texts[3]))"),
            ("\"title\": \"Zeros vs Rule\"", "\"title\": \(json(texts[4]))"),
            ("\"title\": \"All\"", "\"title\": \(json(texts[5]))"),
        ]
        for (from, to) in replacements {
            #expect(text.contains(from))
            text = text.replacingOccurrences(of: from, with: to)
        }
        // The remaining texts go to three more strategies and a figure of their own.
        let extra = texts[6...].enumerated().map { i, label in
            "{ \"id\": \"extra\(i)\", \"label\": \(json(label)), \"weights\": \"pytorch_default\" },"
        }.joined(separator: "\n")
        text = text.replacingOccurrences(of: "\"strategies\": [\n", with: "\"strategies\": [\n\(extra)\n")
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        return (root, config, texts)
    }

    @Test func hostileTextRunsNoCommandAndEveryFigureShowsIt() throws {
        guard let gnuplot = Gnuplot.locate() else {
            Issue.record("gnuplot is required for this test (apt-get install gnuplot-nox)")
            return
        }
        let markers = temporaryFolder()
        defer { removeFolder(markers) }
        let (folder, config, texts) = try hostileExperiment(markers: markers)
        defer { removeFolder(folder) }
        let experiment = try Experiment.load(path: config)
        #expect(experiment.strategies.prefix(texts.count - 6).map(\.label) == Array(texts[6...]))

        let outcome = try ComparisonJob.prepare(configPath: config, options: JobOptions()).run()
        #expect(outcome.plotProblem == nil, "\(outcome.plotProblem ?? "")")
        let out = folder + "/out"
        let scripts = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".gp") }.sorted()
        // All Zeros has no figure over training: nothing of it can be drawn on a log axis.
        let strategyScripts = experiment.strategies.flatMap { ["weights-\($0.id).gp"] + ($0.id == "zeros" ? [] : ["training-\($0.id).gp"]) }
        #expect(scripts == (["accuracy.gp", "activations.gp", "all.gp", "epochs.gp", "gradients.gp", "whole-run.gp", "zeros-vs-rule.gp"]
                            + strategyScripts).sorted())
        // Anyone who renders the folder again runs the scripts once more.
        #expect(Gnuplot.render(scripts: scripts, in: out, executable: gnuplot) == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: markers).isEmpty, "a command ran")

        for script in scripts {
            let png = try Data(contentsOf: URL(fileURLWithPath: out + "/" + script.replacingOccurrences(of: ".gp", with: ".png")))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 10_000, "\(script) did not render")
        }
        // The text each figure shows, drawn by gnuplot's SVG terminal from the same script.
        func shown(_ script: String) throws -> String {
            let source = try String(contentsOfFile: out + "/" + script, encoding: .utf8)
            let svg = source.replacingOccurrences(of: "set terminal pngcairo", with: "set terminal svg")
                .replacingOccurrences(of: ".png'", with: ".svg'")
            let name = "svg-" + script
            try svg.write(toFile: out + "/" + name, atomically: true, encoding: .utf8)
            #expect(Gnuplot.render(scripts: [name], in: out, executable: gnuplot) == nil)
            return try String(contentsOfFile: out + "/" + script.replacingOccurrences(of: ".gp", with: ".svg"), encoding: .utf8)
        }
        func svgText(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        let accuracy = try shown("accuracy.gp")
        for line in Plots.title(texts[0] + ": validation accuracy (one seed)") {
            #expect(accuracy.contains(">" + svgText(line) + "<"), "the title lacks \(line)")
        }
        // The bar chart wraps labels into lines; every line is drawn as written.
        for label in experiment.strategies.map(\.label) {
            for line in Plots.wrapped(label, width: AccuracyFigure.labelWidth(bars: experiment.strategies.count)) {
                #expect(accuracy.contains(">" + svgText(line) + "<"), "accuracy.png lacks \(line)")
            }
        }
        let wholeRun = try shown("whole-run.gp"), epochs = try shown("epochs.gp")
        for summary in StrategySummary.make(outcome.results, experiment: experiment) {
            #expect(showsWrapped(epochs, summary.label) && showsWrapped(wholeRun, Plots.keyTitle(summary)), "\(summary.label)")
        }
        // Key entries wrap too; every line is drawn as written.
        func showsWrapped(_ svg: String, _ text: String, width: Int = Plots.keyWidth) -> Bool {
            Plots.wrapped(text, width: width).allSatisfy { svg.contains(">" + svgText($0)) }
        }
        let zerosVsRule = try shown("zeros-vs-rule.gp"), all = try shown("all.gp")
        // Titles wrap into lines; every line is drawn as written.
        for (svg, title) in [(zerosVsRule, texts[4]), (all, texts[5])] {
            for line in Plots.title(title) { #expect(svg.contains(">" + svgText(line) + "<"), "a title lacks \(line)") }
        }
        for summary in StrategySummary.make(outcome.results, experiment: experiment) where ["zeros", "rule"].contains(summary.id) {
            #expect(showsWrapped(zerosVsRule, Plots.keyTitle(summary)), "\(summary.label)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: markers).isEmpty, "a command ran")

        // report.md: one table row per strategy, every label escaped in its cell.
        let report = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(!report.contains("<script>"))
        let rows = report.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.hasSuffix(" s |") }
        #expect(rows.count == experiment.strategies.count)
        for (row, label) in zip(rows, experiment.strategies.map(\.label)) {
            #expect(row.hasPrefix("| \(MarkdownText.inline(label)) | "))
            let escapedBars = row.components(separatedBy: "\\|").count - 1
            #expect(row.filter { $0 == "|" }.count - escapedBars == 5, "a label split its row: \(row)")
        }
        // results.json gives every text back as it was.
        let results = try JSONParser.parse(String(contentsOfFile: out + "/results.json", encoding: .utf8))
        #expect(results["title"] == .string(texts[0]))
        guard case .array(let runs)? = results["runs"] else { Issue.record("no runs"); return }
        #expect(runs.compactMap { $0["label"] } == experiment.strategies.map { .string($0.label) })
    }

    /// The config refuses control characters; should one reach a script anyway (a config read
    /// some other way), the encoder still keeps it on its line.
    @Test func aLineBreakCannotStartAGnuplotCommand() throws {
        let markers = temporaryFolder()
        defer { removeFolder(markers) }
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        var experiment = try Experiment.load(path: config)
        let injected = "A\n!touch \(markers)/newline\nprint 'x' \\\n\u{2028}set output '/dev/null'\r\u{1B}[2J"
        experiment.title = injected
        experiment.strategies[0].label = injected
        experiment.plots.figures[0].title = injected
        let results = experiment.strategies.map { strategy in
            RunResult(strategyID: strategy.id, label: strategy.label, seed: 3, status: .ok, batchLosses: [2.3, 2.2, 2.0],
                      validationAccuracy: 0.5, validationLoss: 2, initSeconds: 0, trainSeconds: 0, validationSeconds: 0,
                      stepTimes: StepTimes())
        }
        let summaries = StrategySummary.make(results, experiment: experiment)
        let files = Plots.files(experiment: experiment, summaries: summaries, stepsPerEpoch: 2)
        for file in files where file.name.hasSuffix(".gp") {
            #expect(!file.contents.contains("\n!touch") && !file.contents.contains("\u{2028}") && !file.contents.contains("\r"))
            #expect(!file.contents.split(separator: "\n").contains { $0.hasPrefix("#") && $0.hasSuffix("\\") })
        }
        let out = folder + "/plots"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        for file in files { try file.contents.write(toFile: out + "/" + file.name, atomically: true, encoding: .utf8) }
        if let gnuplot = Gnuplot.locate() {
            #expect(Gnuplot.render(scripts: files.map(\.name).filter { $0.hasSuffix(".gp") }, in: out, executable: gnuplot) == nil)
        } else {
            Issue.record("gnuplot is required for this test (apt-get install gnuplot-nox)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: markers).isEmpty, "a command ran")
        #expect(FileManager.default.fileExists(atPath: out + "/accuracy.png"))
    }

    @Test func encodersKeepTextInsideItsString() {
        #expect(GnuplotText.literal("it's `x` \"q\" \\") == "'it'.\"'\".'s `x` \"q\" \\'")
        #expect(GnuplotText.literal("''") == "''.\"'\".''.\"'\".''" && GnuplotText.literal("") == "''")
        #expect(GnuplotText.literal("\u{0600}'x") == "'\u{0600}'.\"'\".'x'" && GnuplotText.literal("'\u{0301}") == "''.\"'\".'\u{0301}'")
        #expect(GnuplotText.lines(["a'b", "c"]) == "'a'.\"'\".'b'.\"\\n\".'c'")
        #expect(GnuplotText.literal("a\nb\rc\u{2029}d") == "'a b c d'")
        #expect(GnuplotText.comment("ends \\\\") == "# ends ")
        #expect(GnuplotText.comment("two\nlines") == "# two lines")
        #expect(MarkdownText.inline("  a | b <i> *c* [d](e) `f` & $g$ # \\ ~h~ !i_j  ") ==
                "a \\| b \\<i\\> \\*c\\* \\[d\\](e) \\`f\\` \\& \\$g\\$ \\# \\\\ \\~h\\~ \\!i_j")
        #expect(MarkdownText.inline("_em_ max_iterations x_") == "\\_em\\_ max_iterations x\\_")
        #expect(MarkdownText.inline("line\nbreak") == "line break")
        #expect(MarkdownText.inline("Ünïcödé ✓") == "Ünïcödé ✓")
        #expect("key\u{1B}[2J\n".withVisibleControlCharacters == "key\\u{1B}[2J\\u{A}")
    }

    @Test func theConfigRefusesControlCharactersAndOverlongText() {
        let base = syntheticConfig(dataset: "/data", output: "/out")
        let newline = configProblems(base.replacingOccurrences(of: "\"label\": \"Rule\"", with: "\"label\": \"Rule\\nprint 1\""))
        #expect(newline == ["strategies[1].label: expected one line of text, found a control character (U+000A, a line break)"])
        let escape = configProblems(base.replacingOccurrences(of: "\"seed\": 3,", with: "\"seed\": 3, \"ti\\u001btle\": \"x\","))
        #expect(escape.count == 1 && escape[0].hasPrefix("ti\\u{1B}tle: unknown key") && !escape[0].contains("\u{1B}"))
        let folder = configProblems(base.replacingOccurrences(of: "\"/data\"", with: "\"/da\\tta\""))
        #expect(folder == ["dataset.folder: expected one line of text, found a control character (U+0009)"])
        let long = String(repeating: "x", count: maximumTextLength + 1)
        let title = configProblems(base.replacingOccurrences(of: "\"title\": \"All\"", with: "\"title\": \"\(long)\""))
        #expect(title == ["plots.figures[1].title: expected at most \(maximumTextLength) characters of text, found \(maximumTextLength + 1)"])
    }

    @Test func sizesThatWouldOverflowAreRefusedWithTheirKey() {
        let base = syntheticConfig(dataset: "/data", output: "/out")
        func problems(_ from: String, _ to: String) -> [String] {
            #expect(base.contains(from))
            return configProblems(base.replacingOccurrences(of: from, with: to))
        }
        #expect(problems("[36, 16, 8, 3]", "[784, 1000000000, 10]")
                == ["model.layers[1]: expected a layer width from 1 to 16777216, found 1000000000"])
        #expect(problems("\"epochs\": 2", "\"epochs\": 1000000000")
                == ["training.epochs: expected an integer from 1 to 100000, found 1000000000"])
        #expect(problems("\"batch_size\": 20", "\"batch_size\": 100000000")
                == ["training.batch_size: expected an integer from 1 to 16777216, found 100000000"])
        #expect(problems("\"seed\": 3,", "\"seed\": 3, \"repeats\": 5000, \"threads\": 100000,")
                == ["repeats: expected an integer from 1 to 1000, found 5000", "threads: expected an integer from 1 to 1024, found 100000"])
        let deep = "[36, " + Array(repeating: "8", count: 1000).joined(separator: ", ") + ", 3]"
        #expect(problems("[36, 16, 8, 3]", deep) == ["model.layers: expected at most 1001 widths (1000 layers), found 1002"])
    }

    @Test func aModelTooLargeForTheMachineIsRefusedBeforeAnythingIsAllocated() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        let text = try String(contentsOfFile: config, encoding: .utf8)
        // 16 million units twice: 2.6·10¹⁴ weights, a petabyte; and 20 layers of 60,000 units.
        for layers in ["[36, 16000000, 16000000, 3]", "[36, " + Array(repeating: "60000", count: 20).joined(separator: ", ") + ", 3]"] {
            try text.replacingOccurrences(of: "[36, 16, 8, 3]", with: layers).write(toFile: config, atomically: true, encoding: .utf8)
            #expect {
                _ = try ComparisonJob.prepare(configPath: config, options: JobOptions())
            } throws: { error in
                let message = (error as? MemoryError)?.description ?? "\(error)"
                return message.hasPrefix(config + ": the comparison needs about ") && message.contains(" available; ")
                    && !message.contains("\n")
            }
            let result = try runCommand([config, "--quiet"])
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("compare-inits: \(config): the comparison needs about "))
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            let inspect = try runCommand(["inspect", config])
            #expect(inspect.status == 2 && inspect.stderr.contains("the comparison needs about "))
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"), "the output folder was created")
    }

    @Test func theMemoryEstimateCountsWhatARunAllocates() throws {
        let experiment = try Experiment.load(path: packageRoot + "/configs/fashion.json")
        let estimate = MemoryEstimate(experiment: experiment, images: 60_000, features: 784, parallelRuns: 2)
        // 235,146 parameters × 4 buffers; a batch of 100 × (784 + 3·384 + 2·10); 4 × 784·256
        // scratch; 48,000 training indices and 960 losses; the diagnostics' buffers for a probe
        // of 1000 images (3·384 + 2·10 a row) and a copy of the parameters: in Floats of 4 bytes.
        let floats: Int = 4 * 235_146 + 100 * (784 + 3 * 384 + 20) + 4 * 784 * 256 + 48_000 + 960
            + 1000 * (3 * 384 + 20) + 235_146
        let run = Double(4 * floats)
        // The images, their labels, and the probe's 1000 images as Floats, shared by the runs.
        let dataset: Double = 60_000 * 785 + 4 * 1000 * 784
        // The split, the losses and, per run, 13 diagnostics records (10 steps, 2 epochs' ends,
        // initialization) of 3 layers × 12 numbers.
        let results: Double = 60_000 * 4 + 7 * 960 * 100 + 7 * 13 * 3 * 12 * 96
        #expect(estimate.runBytes == run)
        #expect(estimate.datasetBytes == dataset)
        #expect(estimate.resultsBytes == results)
        #expect(estimate.totalBytes == MemoryEstimate.baseBytes + dataset + results + 2 * run + estimate.productBuffersBytes)
        #expect(estimate.problem(availableBytes: 1e9, source: "this machine") == nil)
        let tight = estimate.totalBytes - estimate.runBytes / 2
        let message = try #require(estimate.problem(availableBytes: tight, source: "this machine"))
        #expect(message.hasSuffix("available; it fits with --threads 1"))
        #expect(message.contains("2 runs at once × 14 MB"))
        #expect(estimate.problem(availableBytes: 1e6, source: "this machine")?.hasSuffix("use a smaller model, batch or number of epochs") == true)
    }

    @Test func aManifestFromElsewhereRemovesOnlyTheToolsOwnFiles() throws {
        let folder = temporaryFolder()
        defer { removeFolder(folder) }
        for name in ["notes.txt", "old.png", "results.json", ".hidden"] {
            try "keep".write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        try "notes.txt\nold.png\n../outside\n.hidden\nresults.json\n".write(toFile: folder + "/.compare-inits-manifest",
                                                                             atomically: true, encoding: .utf8)
        let output = try OutputFolder(path: folder)
        try output.write(OutputFile(name: "report.md", contents: "new"))
        try output.commit()
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        #expect(names == ["notes.txt", ".hidden", "report.md", ".compare-inits-manifest"])
    }
}
