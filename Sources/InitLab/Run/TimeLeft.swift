/// Time left from the rate at which steps get done, smoothed (an exponential average over about
/// the last five seconds), so that it does not jump as runs start, finish and lend their cores.
public struct TimeLeft {
    public init() {}

    private var stepsPerSecond: Double?
    private var lastElapsed = 0.0, lastSteps = 0

    /// Seconds left for `stepsLeft` steps at the smoothed rate; nil until a rate is measured.
    public mutating func update(elapsed: Double, stepsDone: Int, stepsLeft: Int) -> Double? {
        let interval = elapsed - lastElapsed
        if interval >= 0.5, stepsDone > lastSteps {
            let measured = Double(stepsDone - lastSteps) / interval
            let weight = min(1, interval / 5)
            stepsPerSecond = stepsPerSecond.map { $0 + weight * (measured - $0) } ?? measured
            lastElapsed = elapsed
            lastSteps = stepsDone
        }
        guard let stepsPerSecond, stepsPerSecond > 0 else { return nil }
        return Double(max(0, stepsLeft)) / stepsPerSecond
    }
}
