import Foundation
import Testing
@testable import InitLab

/// What the figures show where the data would otherwise be lost: error bars on an axis they can
/// be seen on, notes that stay inside the frame, layers and steps told apart, and no panel drawn
/// on axes that mean nothing.
@Suite struct FigureLayoutTests {
    static func summary(_ id: String, accuracies: [Double?], test: Double? = nil, diagnostics: RunDiagnostics? = nil) -> StrategySummary {
        let runs = accuracies.enumerated().map { k, accuracy in
            var run = RunResult(strategyID: id, label: id.capitalized, seed: UInt64(k + 1), status: accuracy == nil ? .diverged(batch: 3) : .ok,
                                batchLosses: [2.3, 2.2], validationAccuracy: accuracy, validationLoss: nil, initSeconds: 0, trainSeconds: 1,
                                validationSeconds: 0, stepTimes: StepTimes())
            run.testAccuracy = accuracy == nil ? nil : test
            run.diagnostics = diagnostics
            return run
        }
        return StrategySummary(id: id, label: id.capitalized, runs: runs)
    }

    /// The y range a script sets, as numbers.
    static func yrange(_ script: String) -> (Double, Double)? {
        guard let line = script.split(separator: "\n").first(where: { $0.hasPrefix("set yrange [") }) else { return nil }
        let ends = line.dropFirst("set yrange [".count).dropLast().split(separator: ":").compactMap { Double($0) }
        return ends.count == 2 ? (ends[0], ends[1]) : nil
    }

    @Test func closeAccuraciesOverSeedsZoomTheAxisToTheirErrorBars() throws {
        let close = [Self.summary("a", accuracies: [0.860, 0.862, 0.858], test: 0.849),
                     Self.summary("b", accuracies: [0.865, 0.868, 0.862], test: 0.852)]
        let figure = AccuracyFigure(name: "accuracy", title: "T", summaries: close, seeds: 3)
        let (low, high) = try #require(Self.yrange(figure.script))
        // Every error bar and test diamond inside, and the axis not much wider than them: the
        // bars of ± 0.2 points span a tenth of it or more, where on 0–105 they would be 0.4%.
        let values = figure.drawnValues
        #expect(low < values.min()! && high > values.max()!)
        #expect((values.max()! - values.min()!) / (high - low) > 0.5, "\(low)...\(high)")
        #expect(figure.script.contains("with yerrorbars") && figure.script.contains("the axis zoomed to the data"))
        #expect(!figure.script.contains("with boxes"))
        // Far apart, or with one seed (no error bars to show), the bars start at 0.
        let apart = [close[0], Self.summary("c", accuracies: [0.10, 0.11, 0.09])]
        #expect(Self.yrange(AccuracyFigure(name: "accuracy", title: "T", summaries: apart, seeds: 3).script)! == (0, 105))
        let one = [Self.summary("a", accuracies: [0.86]), Self.summary("b", accuracies: [0.865])]
        #expect(Self.yrange(AccuracyFigure(name: "accuracy", title: "T", summaries: one, seeds: 1).script)! == (0, 105))
        // Bars over several seeds give each standard deviation in numbers too.
        let bars = AccuracyFigure(name: "accuracy", title: "T", summaries: apart, seeds: 3)
        #expect(bars.table.contains("\"± 0.20\"") && bars.script.contains("using 0:($2 + $3):6 with labels"))
    }

    @Test func aStrategyThatDidNotFinishHasItsNoteWrappedInItsPlace() {
        let summaries = [Self.summary("diverging", accuracies: [nil, nil, nil, nil, nil])]
            + (1...9).map { Self.summary("s\($0)", accuracies: [0.8, 0.81, 0.79, 0.8, 0.8]) }
        let figure = AccuracyFigure(name: "accuracy", title: "T", summaries: summaries, seeds: 5)
        let width = AccuracyFigure.labelWidth(bars: summaries.count)
        let label = figure.script.split(separator: "\n").first { $0.hasPrefix("set label 1 ") }
        let expected = GnuplotText.lines(Plots.wrapped("diverged at batch 3 (all 5 seeds)", width: width))
        #expect(label?.contains(expected) == true, "\(label ?? "no label")")
        #expect(Plots.wrapped("diverged at batch 3 (all 5 seeds)", width: width).allSatisfy { $0.count <= width })
        // The data's text above the bar is empty: gnuplot would centre the long note on the bar and across the frame.
        #expect(figure.table.hasPrefix("diverging 0.000 0.000 \"\" ?"))
    }

    static func layer(_ l: Int, activation: Double?, ratio: Double? = nil) -> LayerDiagnostics {
        var entry = LayerDiagnostics(layer: l)
        entry.activationStd = activation
        entry.updateRatio = ratio
        return entry
    }

    static func diagnostics(layers: Int, activation: Double?, ratio: Double?, steps: [Int] = [0, 1, 2, 5, 10, 20, 50, 100, 200, 480, 500, 960]) -> RunDiagnostics {
        let initial = (1...layers).map { layer($0, activation: $0 < layers ? activation : nil) }
        return RunDiagnostics(probeImages: 10, initial: initial, steps: steps.map { step in
            StepDiagnostics(step: step, layers: (1...layers).map { layer($0, activation: $0 < layers ? activation : nil, ratio: step > 0 ? ratio : nil) })
        })
    }

    @Test func theTrainingFigureTellsLayersAndStepsApart() {
        let figure = TrainingDiagnosticsFigure(summary: Self.summary("deep", accuracies: [0.8], diagnostics: Self.diagnostics(layers: 11, activation: 0.5, ratio: 0.001)))
        #expect(figure.drawn)
        // Layers 9 to 11 reuse the palette's eight linetypes (colour and dashes), not its look:
        // their points differ, so no two layers are drawn alike.
        func look(_ l: Int) -> String {
            let style = TrainingDiagnosticsFigure.layerStyle(l)
            return "linetype \(l % Plots.palette.count + 1) " + style[style.range(of: "pointtype")!.lowerBound...]
        }
        #expect(look(8) != look(0))
        #expect(Set((0..<11).map(look)).count == 11)
        let script = figure.files.first { $0.name.hasSuffix(".gp") }!.contents
        // The steps are named by a colour bar with one band each, not a key of twelve shades.
        #expect(script.contains("set palette maxcolors 12") && script.contains("set cbtics ('0' 0, '1' 1, '2' 2, '5' 3,"))
        #expect(!script.contains("title 'step "))
        #expect(TrainingDiagnosticsFigure.namedSteps(12) == Array(0..<12) && TrainingDiagnosticsFigure.namedSteps(40).count <= 14)
    }

    /// A network of 129 layers: the update-ratio panel draws twelve of them, the first and the
    /// last among them, the layer axis gets gnuplot's own tics, and gnuplot renders it.
    @Test func aDeepNetworksTrainingFigureShowsADozenLayers() throws {
        #expect(InsideFigures.shownLayers(11, most: 12) == Array(0..<11))
        let shown = InsideFigures.shownLayers(129, most: 12)
        #expect(shown.count == 12 && shown.first == 0 && shown.last == 128 && zip(shown, shown.dropFirst()).allSatisfy { $0 < $1 })
        let figure = TrainingDiagnosticsFigure(summary: Self.summary("deep", accuracies: [0.8], diagnostics: Self.diagnostics(layers: 129, activation: 0.5, ratio: 0.001)))
        let script = figure.files.first { $0.name.hasSuffix(".gp") }!.contents
        #expect(script.contains("of 12 of the 129 layers") && script.contains("title 'layer 129'") && !script.contains("title 'layer 2'"))
        #expect(script.contains("set xtics autofreq") && !script.contains("set xtics 1\n"))
        let folder = temporaryFolder()
        defer { removeFolder(folder) }
        for file in figure.files { try file.contents.write(toFile: folder + "/" + file.name, atomically: true, encoding: .utf8) }
        let gnuplot = try #require(Gnuplot.locate(), "gnuplot is required for this test (apt-get install gnuplot-nox)")
        #expect(Gnuplot.render(scripts: [figure.name + ".gp"], in: folder, executable: gnuplot) == nil)
    }

    @Test func aTrainingFigureWithNothingToDrawIsNotDrawn() throws {
        // All Zeros: weights that never change (no ratio) and activations of 0.
        let zeros = TrainingDiagnosticsFigure(summary: Self.summary("zeros", accuracies: [0.1], diagnostics: Self.diagnostics(layers: 3, activation: 0, ratio: nil)))
        #expect(zeros.recorded && !zeros.drawn && zeros.files.isEmpty)
        // One empty panel keeps its note, without axes.
        let half = TrainingDiagnosticsFigure(summary: Self.summary("half", accuracies: [0.1], diagnostics: Self.diagnostics(layers: 3, activation: 0, ratio: 0.01)))
        #expect(half.drawn)
        let script = half.files.first { $0.name.hasSuffix(".gp") }!.contents
        #expect(script.contains("every activation is 0: nothing to draw") && script.contains("unset border"))
        // gnuplot draws both kinds of panel, the empty one first or second.
        let ratioless = TrainingDiagnosticsFigure(summary: Self.summary("ratioless", accuracies: [0.1],
                                                                        diagnostics: Self.diagnostics(layers: 3, activation: 0.5, ratio: nil)))
        let folder = temporaryFolder()
        defer { removeFolder(folder) }
        let files = half.files + ratioless.files
        for file in files { try file.contents.write(toFile: folder + "/" + file.name, atomically: true, encoding: .utf8) }
        let gnuplot = try #require(Gnuplot.locate(), "gnuplot is required for this test (apt-get install gnuplot-nox)")
        #expect(Gnuplot.render(scripts: files.map(\.name).filter { $0.hasSuffix(".gp") }, in: folder, executable: gnuplot) == nil)
    }

    /// All Ones with batch normalization: only the output layer's weights change. The key says
    /// which layers had no update in a few words, so that it does not squeeze the panel beside
    /// it (a long note per layer once cut the panel's title off).
    @Test func layersWithoutUpdatesAreNamedBrieflyInTheKey() {
        var diagnostics = Self.diagnostics(layers: 7, activation: 0.5, ratio: nil)
        for k in diagnostics.steps.indices where diagnostics.steps[k].step > 0 { diagnostics.steps[k].layers[6].updateRatio = 0.001 }
        let figure = TrainingDiagnosticsFigure(summary: Self.summary("ones", accuracies: [0.1], diagnostics: diagnostics))
        let script = figure.files.first { $0.name.hasSuffix(".gp") }!.contents
        #expect(script.contains("title 'layer 2: no update'") && script.contains("title 'layer 7'"), "\(script)")
        #expect(!script.contains("not drawn"))
    }

    @Test func aCurveMissingLayersSaysSoInTheKey() {
        var initial = (1...3).map { Self.layer($0, activation: nil) }
        initial[0].outputGradientStd = 0
        initial[1].outputGradientStd = 0
        initial[2].outputGradientStd = 3e-4
        let summary = Self.summary("zeros", accuracies: [0.1], diagnostics: RunDiagnostics(probeImages: 10, initial: initial, steps: []))
        let script = LayerProfileFigure.gradients([summary]).files.first { $0.name.hasSuffix(".gp") }!.contents
        #expect(script.contains("title 'Zeros (0 at layers 1–2, not drawn there)'"), "\(script)")
        #expect(LayerProfileFigure.ranges([1, 2, 3, 5, 7, 8]) == "1–3, 5, 7–8")
    }

    @Test func weightPanelsHaveAxisLabelsAndRoomBesideTheirOuterBars() {
        var run = Self.summary("ones", accuracies: [0.1]).runs[0]
        let bins = WeightHistogram.bins
        run.weightHistograms = [WeightHistogram(layer: 1, low: -750, high: 1, initial: (0..<bins).map { $0 == bins - 1 ? 100 : 0 },
                                                trained: (0..<bins).map { $0 == 0 ? 100 : 0 })]
        let script = WeightFigure(summary: StrategySummary(id: "ones", label: "Ones", runs: [run])).script
        #expect(script.contains("set xlabel 'Weight value'") && script.contains("set ylabel 'Weights per bin'"))
        let line = script.split(separator: "\n").first { $0.hasPrefix("set xrange [") }!
        let ends = line.dropFirst("set xrange [".count).dropLast().split(separator: ":").compactMap { Double($0) }
        #expect(ends.count == 2 && ends[0] <= -750 - 751.0 / 20 && ends[1] >= 1 + 751.0 / 20, "\(line)")
    }

    @Test func aTitleLeavesNoWordAloneOnItsLastLine() {
        let text = "The edge of chaos: which (σ_w², depth) a deep tanh network trains from: validation accuracy (one seed)"
        #expect(Plots.wrapped(text, width: 100).last == "seed)")
        let lines = Plots.title(text, width: 100)
        #expect(lines.count == 2 && lines.allSatisfy { $0.count <= 100 && $0.count >= 40 }, "\(lines)")
        #expect(lines.joined(separator: " ") == text)
        #expect(Plots.title("Short", width: 100) == ["Short"])
    }

    @Test func epochBoundariesAreNotDrawnLikeTheGrid() {
        let summaries = [Self.summary("a", accuracies: [0.8])]
        let script = WholeRunFigure(name: "whole-run", summaries: summaries, stepsPerEpoch: 1, epochs: 2).script
        let arrow = script.split(separator: "\n").first { $0.hasPrefix("set arrow") }
        #expect(arrow?.contains("dashtype 1") == true && script.contains("set label 'epoch 2'"))
    }
}
