import Foundation
import Testing
@testable import InitLab

/// The partner core is handed work only while the run's own step times show that it pays.
@Suite struct PartnerTrialTests {
    /// Steps a run trains: the partner computes part of a step when the trial lends it, and a
    /// step then takes `partnered(step)` seconds, else `alone(step)`. Returns which steps were
    /// partnered.
    func train(steps: Int, attachAt: Int = 1, alone: (Int) -> Double, partnered: (Int) -> Double) -> [Bool] {
        var trial = PartnerTrial()
        var lent: [Bool] = []
        for step in 1...steps {
            if step == attachAt { trial.partnerAttached() }
            let lends = step >= attachAt && trial.lends
            trial.record(seconds: lends ? partnered(step) : alone(step), partnered: lends)
            lent.append(lends)
        }
        return lent
    }

    @Test func aPartnerThatPaysKeepsItsWorkAndIsRecheckedLessAndLessOften() {
        let lent = train(steps: 960, alone: { _ in 1.0 }, partnered: { _ in 0.6 })
        // The first partnered step (its cuts found) and the lone steps measured once: 17 steps,
        // then a few lone steps at each recheck, further and further apart.
        #expect(lent.prefix(PartnerTrial.window + 1).allSatisfy { $0 })
        let loneSteps = lent.filter { !$0 }.count
        #expect(loneSteps >= PartnerTrial.window && loneSteps <= 5 * PartnerTrial.window, "\(loneSteps) lone steps")
        #expect(lent.suffix(100).filter { $0 }.count >= 100 - PartnerTrial.window)
    }

    @Test func aPartnerThatCostsMoreThanItSavesGetsNoWorkButATrialNowAndThen() {
        // A busy machine: the partner's thread waits for a core, and a step takes five times as long.
        let lent = train(steps: 960, alone: { _ in 1.0 }, partnered: { _ in 5.0 })
        let partneredSteps = lent.filter { $0 }.count
        // A trial of window + 1 steps at the start, then after rests of 64, 128, 256 and 512 steps.
        #expect(partneredSteps <= 5 * (PartnerTrial.window + 1), "\(partneredSteps) partnered steps")
        #expect(lent.suffix(300).filter { $0 }.count <= PartnerTrial.window + 1)
        // Nor one that saves less than a tenth.
        let barely = train(steps: 960, alone: { _ in 1.0 }, partnered: { _ in 0.95 })
        #expect(barely.filter { $0 }.count <= 5 * (PartnerTrial.window + 1))
    }

    @Test func theVerdictFollowsTheLoad() {
        // Busy for the first 300 steps, quiet after: the partner gets its work back.
        let freed = train(steps: 960, alone: { _ in 1.0 }, partnered: { $0 <= 300 ? 5.0 : 0.6 })
        #expect(freed.suffix(200).filter { $0 }.count >= 200 - 2 * PartnerTrial.window)
        // Quiet first, busy from step 300: the partner loses its work within a window of steps,
        // not at the next scheduled check, and after that only the trials after rests of 64,
        // 128 and 256 steps.
        let loaded = train(steps: 960, alone: { _ in 1.0 }, partnered: { $0 <= 300 ? 0.6 : 5.0 })
        #expect(loaded.prefix(300).filter { $0 }.count >= 250)
        #expect(loaded[300..<(300 + 2 * PartnerTrial.window)].contains(false))
        #expect(loaded.suffix(600).filter { $0 }.count <= 3 * PartnerTrial.window)
    }

    @Test func aLateArrivalIsComparedWithTheRunsLatestStepsAlone() {
        // The run trained alone for 500 steps (another run had the other core); the partner
        // pays, so after its trial it keeps its work without a lone measurement first, until the
        // first recheck.
        let lent = train(steps: 600, attachAt: 501, alone: { _ in 1.0 }, partnered: { _ in 0.6 })
        #expect(lent[500..<(509 + PartnerTrial.firstInterval)].allSatisfy { $0 })
        #expect(PartnerTrial.median([3, 1, 2]) == 2 && PartnerTrial.median([4, 1, 3, 2]) == 2.5)
    }
}
