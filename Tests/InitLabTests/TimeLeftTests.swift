import Testing
@testable import InitLab

/// The progress display's time left follows the rate of steps smoothly.
@Suite struct TimeLeftTests {
    @Test func aBurstOrAStallMovesTheEstimateALittleNotAtOnce() {
        var estimate = TimeLeft()
        #expect(estimate.update(elapsed: 0.1, stepsDone: 0, stepsLeft: 1000) == nil)
        // 100 steps a second for ten seconds: 1000 steps left take 10 s.
        var left: Double?
        for tick in 1...20 { left = estimate.update(elapsed: Double(tick) * 0.5, stepsDone: tick * 50, stepsLeft: 1000) }
        #expect(abs((left ?? 0) - 10) < 1e-9)
        // Half a second at four times the rate (a run got a partner core): the estimate moves by
        // a tenth of the way, not to a quarter.
        left = estimate.update(elapsed: 10.5, stepsDone: 1200, stepsLeft: 1000)
        #expect((left ?? 0) > 7 && (left ?? 0) < 10)
        // Then a stall (a run pre-training): no step done, no new rate.
        #expect(estimate.update(elapsed: 11.5, stepsDone: 1200, stepsLeft: 1000) == left)
    }
}
