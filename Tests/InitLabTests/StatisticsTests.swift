import Foundation
import Testing
@testable import InitLab

/// The statistics behind the verdicts, against published values.
@Suite struct StatisticsTests {
    /// Two-sided 95% quantiles t(0.975, df) from any table of Student's t (e.g. NIST/SEMATECH
    /// e-Handbook of Statistical Methods, section 1.3.6.7.2), to the table's three decimals.
    @Test func tQuantilesMatchTheTable() {
        let table: [(Double, Double)] = [(1, 12.706), (2, 4.303), (3, 3.182), (4, 2.776), (5, 2.571), (9, 2.262), (10, 2.228),
                                         (19, 2.093), (29, 2.045), (100, 1.984)]
        for (df, t) in table {
            #expect(abs(Student.quantile(0.975, df: df) - t) < 0.0005, "df \(df)")
        }
        #expect(abs(Student.cdf(0, df: 7) - 0.5) < 1e-15 && Student.cdf(.infinity, df: 3) == 1)
    }

    /// Student's sleep data (Student 1908, "The probable error of a mean", Biometrika 6; R's
    /// `sleep` data set): the extra hours of sleep of ten patients under two drugs. The paired
    /// t-test in R's documentation of t.test gives t = −4.0621, df = 9, p = 0.002833 and the 95%
    /// interval of the mean difference (−2.4598858, −0.7001142) around −1.58.
    @Test func studentsSleepDataGiveThePublishedPairedTest() throws {
        let drug1: [Double] = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
        let drug2: [Double] = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]
        let seeds = (0..<10).map(UInt64.init)
        let comparison = try #require(BaselineComparison(strategy: Dictionary(uniqueKeysWithValues: zip(seeds, drug1)),
                                                         baseline: Dictionary(uniqueKeysWithValues: zip(seeds, drug2))))
        #expect(abs(comparison.difference.mean - -1.58) < 1e-12)
        let interval = try #require(comparison.difference.ci95)
        #expect(abs(interval.lowerBound - -2.4598858) < 1e-6 && abs(interval.upperBound - -0.7001142) < 1e-6)
        #expect(abs(comparison.pValue - 0.002833) < 5e-7)
        // Far in the tail the p-value keeps its relative precision: P(|T| > 20) with 9 df is
        // 9.0795213e-9 (scipy.stats.t.sf(20, 9) · 2).
        #expect(abs(Student.twoSidedP(20, df: 9) / 9.0795213e-9 - 1) < 1e-6)
        #expect(comparison.verdict == .worse)
    }

    /// R's p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02.
    /// Two seeds at 20% and 80%: t's interval is 0.5 ± 12.706·0.3 = −3.31 to 4.31; a report shows
    /// it within 0 to 100%.
    @Test func anIntervalIsShownWithinItsQuantitysValues() throws {
        let estimate = try #require(Estimate([0.2, 0.8]))
        let interval = try #require(estimate.ci95)
        #expect(abs(interval.lowerBound + 3.3118) < 1e-3 && abs(interval.upperBound - 4.3118) < 1e-3)
        #expect(estimate.ci95(within: 0...1) == 0...1)
        #expect(estimate.ci95(within: 0...Double.infinity) == 0...interval.upperBound)
    }

    @Test func holmMatchesR() {
        let adjusted = BaselineComparison.holm([0.01, 0.04, 0.03, 0.005])
        for (a, b) in zip(adjusted, [0.03, 0.06, 0.06, 0.02]) { #expect(abs(a - b) < 1e-15) }
        #expect(BaselineComparison.holm([0.5, 0.9]) == [1, 1])
    }

    @Test func edgeCasesAreWrittenDown() throws {
        // One value: a mean without an interval; none: nothing.
        #expect(Estimate([0.8])?.ci95 == nil && Estimate([0.8])?.mean == 0.8 && Estimate([]) == nil)
        // One paired seed: no verdict is possible.
        #expect(BaselineComparison(strategy: [1: 0.9], baseline: [1: 0.8]) == nil)
        // Identical differences: no spread, so p is 0 (a difference) or 1 (none).
        let same = try #require(BaselineComparison(strategy: [1: 0.75, 2: 0.5], baseline: [1: 0.5, 2: 0.25]))
        #expect(same.pValue == 0 && same.verdict == .better)
        let none = try #require(BaselineComparison(strategy: [1: 0.8, 2: 0.7], baseline: [1: 0.8, 2: 0.7]))
        #expect(none.pValue == 1 && none.verdict == .noDifference)
    }
}

/// The verdicts in a comparison's report and results.json.
@Suite struct VerdictTests {
    @Test func severalSeedsGiveIntervalsAndVerdictsAgainstTheBaseline() throws {
        let (folder, config) = try syntheticExperiment(extra: #""repeats": 3,"#)
        defer { removeFolder(folder) }
        // Long enough for PyTorch's default to learn the synthetic classes on every seed.
        try String(contentsOfFile: config, encoding: .utf8).replacingOccurrences(of: #""epochs": 2"#, with: #""epochs": 12"#)
            .write(toFile: config, atomically: true, encoding: .utf8)
        let outcome = try ComparisonJob.prepare(configPath: config, options: JobOptions()).run()
        let summaries = outcome.summaries
        #expect(summaries.allSatisfy { $0.estimate?.ci95 != nil })
        #expect(summaries.first { $0.id == "default" }?.versusBaseline == nil)
        let compared = summaries.compactMap(\.versusBaseline)
        #expect(compared.count == 2 && compared.allSatisfy { $0.pHolm >= $0.pValue && $0.pHolm <= 1 })
        // All Zeros never learns: far worse than PyTorch's default on every seed.
        let zeros = summaries.first { $0.id == "zeros" }
        #expect(zeros?.versusBaseline?.verdict == .worse, "\(String(describing: zeros?.accuracies)) \(String(describing: summaries.last?.accuracies)) \(String(describing: zeros?.versusBaseline))")

        let results = try JSONParser.parse(String(contentsOfFile: folder + "/out/results.json", encoding: .utf8))
        guard case .array(let entries)? = results["summary"] else { Issue.record("no summary"); return }
        for entry in entries {
            guard case .array(let ci)? = entry["ci95"], ci.count == 2 else { Issue.record("no ci95 in \(entry)"); continue }
            if entry["strategy"] == .string("default") {
                #expect(entry["verdict"] == nil)
            } else {
                #expect(["better", "worse", "no detectable difference"].map { JSON.string($0) }.contains(entry["verdict"] ?? .null))
                for key in ["difference", "difference_ci95", "p_value", "p_holm"] { #expect(entry[key] != nil, "\(key)") }
            }
        }
        let report = try String(contentsOfFile: folder + "/out/report.md", encoding: .utf8)
        #expect(report.contains("| Strategy | Mean | 95% interval | Difference | 95% interval | p (Holm) | Verdict |"))
        #expect(report.contains("| Default | ") && report.contains(" | baseline |"))
    }

    @Test func aBaselineThatDivergedIsSaidToHaveNotFinished() throws {
        let (folder, config) = try syntheticExperiment(extra: #""repeats": 2,"#)
        defer { removeFolder(folder) }
        try String(contentsOfFile: config, encoding: .utf8)
            .replacingOccurrences(of: #""weights": "pytorch_default", "biases": "pytorch_default""#,
                                  with: #""weights": {"kind": "constant", "value": 1e12}"#)
            .write(toFile: config, atomically: true, encoding: .utf8)
        let outcome = try ComparisonJob.prepare(configPath: config, options: JobOptions()).run()
        #expect(outcome.summaries.allSatisfy { $0.versusBaseline == nil })
        let report = try String(contentsOfFile: folder + "/out/report.md", encoding: .utf8)
        #expect(report.contains("The baseline, **Default**, did not finish, so no strategy is compared with it."))
        #expect(!report.contains(" | baseline |") && report.contains("| Strategy | Mean | 95% interval |\n"))
    }

    @Test func oneSeedSaysNoVerdictIsPossibleAndHowToGetOne() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        _ = try ComparisonJob.prepare(configPath: config, options: JobOptions()).run()
        let report = try String(contentsOfFile: folder + "/out/report.md", encoding: .utf8)
        #expect(report.contains("With one seed no verdict is possible") && report.contains("Set `\"repeats\"` to 2 or more"))
        #expect(configProblems(syntheticConfig(dataset: "/d", output: "/o", extra: #""baseline": "rul","#))
                == ["baseline: no strategy has id \"rul\"; did you mean \"rule\"?"])
    }
}
