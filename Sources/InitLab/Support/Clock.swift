/// Seconds on the monotonic clock since the process first asked, for timing phases.
@inline(__always)
func monotonicSeconds() -> Double {
    let elapsed = ContinuousClock.now - clockOrigin
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}

private let clockOrigin = ContinuousClock.now
