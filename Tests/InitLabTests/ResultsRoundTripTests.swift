import Foundation
import Testing
@testable import InitLab

/// A run written to results.json reads back as the same run, bit for bit.
@Suite struct ResultsRoundTripTests {
    static func expectSame(_ a: RunResult, _ b: RunResult) {
        #expect(a.strategyID == b.strategyID && a.label == b.label && a.seed == b.seed && a.status == b.status)
        #expect(a.batchLosses.count == b.batchLosses.count)
        #expect(zip(a.batchLosses, b.batchLosses).allSatisfy { $0.bitPattern == $1.bitPattern || $0.isNaN && $1.isNaN })
        #expect(a.validationAccuracy?.bitPattern == b.validationAccuracy?.bitPattern && a.validationLoss?.bitPattern == b.validationLoss?.bitPattern)
        #expect(a.initSeconds.bitPattern == b.initSeconds.bitPattern && a.trainSeconds.bitPattern == b.trainSeconds.bitPattern)
        #expect(a.validationSeconds.bitPattern == b.validationSeconds.bitPattern && a.procedureSeconds.bitPattern == b.procedureSeconds.bitPattern)
        #expect(a.stepTimes == b.stepTimes && a.partneredStepTimes == b.partneredStepTimes && a.procedure == b.procedure)
        #expect(a.weightHistograms == b.weightHistograms && a.testAccuracy == b.testAccuracy
                && a.epochValidationAccuracy == b.epochValidationAccuracy)
        #expect(a.diagnostics == b.diagnostics && a.diagnosticsSeconds.bitPattern == b.diagnosticsSeconds.bitPattern)
        #expect(a.fromCache == b.fromCache)
        #expect(a.coordinates == b.coordinates)
    }

    @Test func aComparisonsRunsReadBackFromItsResultsFile() throws {
        let (folder, config) = try syntheticExperiment(extra: #""repeats": 2,"#)
        defer { removeFolder(folder) }
        let text = try String(contentsOfFile: config, encoding: .utf8)
            .replacingOccurrences(of: #"{ "id": "rule", "label": "Rule", "weights": { "kind": "fan_in_uniform" } }"#,
                                  with: #"{ "id": "rule", "label": "Rule", "weights": "orthogonal", "procedure": { "kind": "lsuv" } }"#)
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        let job = try ComparisonJob.prepare(configPath: config, options: JobOptions())
        let outcome = try job.run()
        let resultsText = try String(contentsOfFile: folder + "/out/results.json", encoding: .utf8)
        let read = try ResultsFile.runs(fromText: resultsText)
        #expect(read.count == 6 && outcome.results.contains { $0.procedure != nil })
        #expect(outcome.results.allSatisfy { $0.diagnostics?.steps.isEmpty == false && $0.coordinates.count == 5 })
        for (written, back) in zip(outcome.results, read) { Self.expectSame(written, back) }
        // Published again from the runs read back, the results and the report are the same text.
        let context = ComparisonContext(dataset: job.dataset, threads: job.threads, loadSeconds: job.loadSeconds,
                                        trainingWallSeconds: outcome.trainingWallSeconds)
        let again = Publication(experiment: job.experiment, results: read, summaries: StrategySummary.make(read, experiment: job.experiment),
                                context: context).files
        #expect(again.first { $0.name == "results.json" }?.contents == resultsText)
        #expect(again.first { $0.name == "report.md" }?.contents == (try String(contentsOfFile: folder + "/out/report.md", encoding: .utf8)))
    }

    @Test func divergedAndInterruptedRunsKeepTheirLastLoss() throws {
        for last in [Float.infinity, -.infinity, .nan] {
            let run = RunResult(strategyID: "x", label: "X \"quoted\"", seed: 8_999_999_999_999_999, status: .diverged(batch: 3),
                                batchLosses: [2.3, 0x1p-140, last], validationAccuracy: nil, validationLoss: nil,
                                initSeconds: 0.1, trainSeconds: 1e-7, validationSeconds: 0, stepTimes: StepTimes(steps: 2, batch: 0.25))
            let back = try RunResult(json: JSONParser.parse(run.json.formatted()))
            Self.expectSame(run, back)
        }
        var stopped = RunResult(strategyID: "y", label: "Y", seed: 0, status: .interrupted, batchLosses: [], validationAccuracy: nil,
                                validationLoss: nil, initSeconds: 0, trainSeconds: 0, validationSeconds: 0, stepTimes: StepTimes())
        Self.expectSame(stopped, try RunResult(json: JSONParser.parse(stopped.json.formatted())))
        // Whether a run came from the run cache reads back too; a file from before says nothing, and so none did.
        stopped.fromCache = true
        Self.expectSame(stopped, try RunResult(json: JSONParser.parse(stopped.json.formatted())))
        let older = stopped.json.formatted().replacingOccurrences(of: "\"from_cache\": true,", with: "")
        let olderRun = try RunResult(json: JSONParser.parse(older))
        #expect(older != stopped.json.formatted() && !olderRun.fromCache)
        #expect(throws: JSONFieldError.self) { try RunResult(json: JSONParser.parse(#"{"status": "ok", "batch_losses": []}"#)) }
        // The last seed of the largest base seed and the most repeats is still exact.
        let lastSeed = UInt64(ConfigLimits.seed + ConfigLimits.repeats - 1)
        let far = RunResult(strategyID: "z", label: "Z", seed: lastSeed, status: .ok, batchLosses: [1], validationAccuracy: 0.5,
                            validationLoss: 1, initSeconds: 0, trainSeconds: 0, validationSeconds: 0, stepTimes: StepTimes())
        #expect(try RunResult(json: JSONParser.parse(far.json.formatted())).seed == lastSeed)
        var negative = far.json.formatted()
        negative = negative.replacingOccurrences(of: "\"seed\": \(lastSeed)", with: "\"seed\": -3")
        #expect(throws: JSONFieldError.self) { try RunResult(json: JSONParser.parse(negative)) }
    }
}
