import Foundation
import Testing
@testable import InitLab

/// What report.md and the summary table say about unfinished, cached and look-alike runs, and
/// how the readings of strategies that say the same thing are written once.
@Suite struct ReportTests {
    static func run(_ id: String, seed: UInt64, status: RunStatus = .ok, accuracy: Double? = 0.8, seconds: Double = 1.2,
                    cached: Bool = false) -> RunResult {
        var run = RunResult(strategyID: id, label: id.capitalized, seed: seed, status: status, batchLosses: [2.3, 2.2],
                            validationAccuracy: status == .ok ? accuracy : nil, validationLoss: nil, initSeconds: 0,
                            trainSeconds: seconds, validationSeconds: 0, stepTimes: StepTimes())
        run.fromCache = cached
        return run
    }

    static func summary(_ runs: [RunResult]) -> StrategySummary {
        StrategySummary(id: runs[0].strategyID, label: runs[0].label, runs: runs)
    }

    /// An experiment of the synthetic config's three strategies, with `repeats` seeds.
    static func experiment(repeats: Int = 5) throws -> Experiment {
        try parseExperiment(syntheticConfig(dataset: "/d", output: "/o", extra: "\"repeats\": \(repeats),"))
    }

    @Test func seedsThatAllDivergedAreSaidOnceWithTheirCount() throws {
        let all = Self.summary((1...5).map { Self.run("normal", seed: $0, status: .diverged(batch: 3)) })
        #expect(all.statusNote == "diverged at batch 3 (all 5 seeds)")
        #expect(all.accuracyText == "diverged at batch 3 (all 5 seeds)" && all.testAccuracyText == "—")
        let some = Self.summary([Self.run("x", seed: 1), Self.run("x", seed: 2, status: .diverged(batch: 7)), Self.run("x", seed: 3),
                                 Self.run("x", seed: 4, status: .diverged(batch: 3)), Self.run("x", seed: 5, status: .interrupted)])
        #expect(some.statusNote == "diverged at batches 3–7 (2 of 5 seeds: 2, 4); interrupted (1 of 5 seeds: 5)")
        #expect(Self.summary([Self.run("one", seed: 1, status: .diverged(batch: 12))]).statusNote == "diverged at batch 12")

        let paragraphs = UnfinishedRuns.paragraphs([all, some])
        #expect(paragraphs.count == 3, "\(paragraphs)")
        #expect(paragraphs[0] == "**Normal diverged** with all 5 seeds: its loss was not finite at batch 3, so training stopped there; "
                + "its curve ends at batch 2 and it has no validation accuracy.")
        #expect(paragraphs[1].hasPrefix("**X diverged** with 2 of its 5 seeds (2, 4): its loss was not finite at batch 7 (seed 2), 3 (seed 4)"))
        #expect(paragraphs[2].hasPrefix("**X was interrupted** with 1 of its 5 seeds (5) before it finished"))
    }

    @Test func theSummaryTableStaysAlignedAroundALongNote() throws {
        let experiment = try Self.experiment()
        let results = experiment.strategies.flatMap { strategy in
            experiment.seeds.map { Self.run(strategy.id, seed: $0, status: strategy.id == "rule" ? .diverged(batch: 3) : .ok) }
        }
        let table = SummaryTable.text(StrategySummary.make(results, experiment: experiment), experiment: experiment)
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines.count == 5 && lines[3].hasPrefix("Rule ") && lines[3].contains("diverged at batch 3 (all 5 seeds)"), "\(table)")
        // Right-aligned columns: every row is as long as the header, and each column's cells end
        // where its header does.
        let header = lines[1]
        #expect(header.hasPrefix("Strategy") && header.contains("Last batch loss (mean)") && header.hasSuffix("Train (mean)"))
        for line in lines[2...] { #expect(line.count == header.count, "\(line)") }
        let lossEnd = header.range(of: "Last batch loss (mean)")!.upperBound.utf16Offset(in: header)
        for line in lines[2...] {
            let before = line.prefix(lossEnd)
            #expect(before.last != " ", "the loss column ends in the same place: \(line)")
        }
    }

    @Test func cachedTimesAreMarkedNotPassedOffAsThisRuns() throws {
        let cached = Self.summary((1...3).map { Self.run("a", seed: $0, cached: true) })
        let mixed = Self.summary([Self.run("b", seed: 1, cached: true), Self.run("b", seed: 2), Self.run("b", seed: 3, cached: true)])
        let fresh = Self.summary([Self.run("c", seed: 1)])
        #expect(cached.timeText(1.2) == "1.2 s (cached)" && mixed.timeText(1.2) == "1.2 s (2 of 3 cached)" && fresh.timeText(1.2) == "1.2 s")
    }

    /// End to end: a second comparison takes every run from the cache; its report, summary
    /// table and results.json say which times were measured earlier, the first's do not.
    @Test func aCachedRerunsReportSaysItsTimesWereMeasuredEarlier() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        let cache = folder + "/cache"
        let first = try ComparisonJob.prepare(configPath: config, options: JobOptions(output: folder + "/first", cache: cache)).run()
        let second = try ComparisonJob.prepare(configPath: config, options: JobOptions(output: folder + "/second", cache: cache)).run()
        #expect(first.results.allSatisfy { !$0.fromCache } && second.results.allSatisfy(\.fromCache))
        let firstReport = try String(contentsOfFile: folder + "/first/report.md", encoding: .utf8)
        let secondReport = try String(contentsOfFile: folder + "/second/report.md", encoding: .utf8)
        #expect(!firstReport.contains("(cached)") && !firstReport.contains(StrategySummary.cachedTimeNote))
        let rule = try #require(second.summaries.first { $0.id == "rule" })
        #expect(secondReport.contains("| \(rule.timeText(rule.meanTrainSeconds)) |") && rule.timeText(rule.meanTrainSeconds).hasSuffix(" s (cached)"))
        #expect(secondReport.contains(StrategySummary.cachedTimeNote))
        let experiment = try Experiment.load(path: config)
        #expect(SummaryTable.text(second.summaries, experiment: experiment).contains("(cached)"))
        #expect(!SummaryTable.text(first.summaries, experiment: experiment).contains("(cached)"))
        let runs = try ResultsFile.runs(fromText: String(contentsOfFile: folder + "/second/results.json", encoding: .utf8))
        #expect(runs.count == 3 && runs.allSatisfy(\.fromCache))
    }

    @Test func strategiesWithOneDefinitionAreFoundAndExplained() throws {
        let text = syntheticConfig(dataset: "/d", output: "/o", extra: "\"repeats\": 2,")
            .replacingOccurrences(of: #"{ "id": "default", "label": "Default", "weights": "pytorch_default", "biases": "pytorch_default" }"#,
                                  with: #"{ "id": "keras", "label": "Keras", "weights": "keras_default" },"#
                                  + #"{ "id": "glorot", "label": "Glorot", "weights": { "kind": "xavier_uniform", "gain": 1 }, "biases": "zeros" },"#
                                  + #"{ "id": "glorot-2", "label": "Glorot gain 2", "weights": { "kind": "xavier_uniform", "gain": 2 } }"#)
            .replacingOccurrences(of: #"["zeros", "rule", "default"]"#, with: #"["zeros", "rule", "keras"]"#)
        let experiment = try parseExperiment(text)
        let groups = SharedDefinitions.groups(experiment.strategies)
        #expect(groups.map { $0.map(\.id) } == [["keras", "glorot"]])
        let results = experiment.strategies.flatMap { strategy in
            experiment.seeds.map { Self.run(strategy.id, seed: $0, accuracy: strategy.id == "keras" ? 0.865 : 0.8625) }
        }
        let summaries = StrategySummary.make(results, experiment: experiment)
        let paragraphs = SharedDefinitions.paragraphs(experiment.strategies, summaries: summaries)
        #expect(paragraphs.count == 1)
        #expect(paragraphs[0].hasPrefix("**Keras** and **Glorot** are the same strategy under two names"))
        #expect(paragraphs[0].contains("each strategy's id seeds its own stream of initial weights"))
        #expect(paragraphs[0].hasSuffix("Their mean validation accuracies, 86.50% and 86.25%, differ by 0.25 points: the noise of the initial draw alone."))
        // The same model matters: another width is another definition.
        var wider = experiment
        wider.strategies[3].model.layers[1] = 32
        #expect(SharedDefinitions.groups(wider.strategies).isEmpty)
        // Initializers that draw nothing: no draw to differ in, the same start.
        let constant = try parseExperiment(syntheticConfig(dataset: "/d", output: "/o")
            .replacingOccurrences(of: #"{ "kind": "fan_in_uniform" }"#, with: #""zeros""#))
        let same = SharedDefinitions.paragraphs(constant.strategies, summaries: StrategySummary.make([], experiment: constant))
        #expect(same == ["**All Zeros** and **Rule** are the same strategy under two names (the same model, initializers and training; "
                         + "see Settings): their initializers draw nothing at random, so they start from the same weights and train alike."],
                "\(same)")
    }

    @Test func readingsThatSayTheSameAreOneBulletWithRanges() {
        func reading(_ label: String, low: Double, high: Double, dead: Double) -> ReadingGroups.Reading {
            ReadingGroups.Reading(label: label,
                                  initial: ["activation std stays between \(low: low) and \(high: high) over the 2 hidden layers: the signal propagates"],
                                  training: ["dead units (worst layer) rose from \(percent: 0) to \(percent: dead)"])
        }
        let bullets = ReadingGroups.bullets([reading("A", low: 0.25, high: 0.3, dead: 0.06), reading("B", low: 0.2, high: 0.4, dead: 0.12),
                                             ReadingGroups.Reading(label: "C", initial: ["the signal vanishes"], training: []),
                                             reading("D", low: 0.3, high: 0.35, dead: 0.06)])
        #expect(bullets == [
            "- **A**, **B** and **D** (3 strategies that read alike; a–b is the range over them): activation std stays between 0.2 and 0.4 "
                + "over the 2 hidden layers: the signal propagates. Over training: dead units (worst layer) rose from 0% to 6–12%.",
            "- **C**: the signal vanishes.",
        ])
        // A strategy alone reads as before: its own numbers, no group's words.
        let ratio: Phrase = "step 1 changes each layer's weights by \(low: 0.001) to \(high: 0.04) of their norm (the range over the layers\(inGroup: " and strategies"))"
        #expect(ratio.text == "step 1 changes each layer's weights by 0.001 to 0.04 of their norm (the range over the layers)")
        #expect(Phrase.merged([ratio, ratio]).hasSuffix("(the range over the layers and strategies)"))
    }
}
