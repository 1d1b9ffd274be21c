/// Whether a run's partner core pays for itself, judged from the run's own step times, so that a
/// partner never costs more than it saves.
///
/// On a quiet machine a partner makes a step ×1.3–1.7 faster. On a busy one the partner's thread
/// may have no core to itself: every handoff then waits for the scheduler to run it, and a run
/// was seen taking five times as long with a partner as without (17.5 s against 3.5 s). So the
/// run measures both: it lends for a few steps, compares their median time with the median of
/// its latest steps alone, and hands the partner work only while that is clearly faster. It
/// checks again later either way, as the load comes and goes: a partner that did not pay is
/// tried again after a rest, a partner that pays is rechecked with a few steps alone, at once
/// when its steps slow down; both intervals double while the verdict stands, so a quiet
/// machine spends few steps proving it.
/// Which core computes what never changes the bits (Executor), so neither does the verdict.
struct PartnerTrial {
    /// Steps per measurement; their median is robust to a step that an interrupt or a page
    /// fault lengthened.
    static let window = 8
    /// The partner is kept only when partnered steps take less than this share of lone ones:
    /// a partner that saves under a tenth is not worth the other core.
    static let requiredShare = 0.9
    /// Steps between a verdict and the next measurement, doubling while the verdict stands.
    static let firstInterval = 64, longestInterval = 1024

    private enum Phase {
        /// Steps still to measure alone, or with the partner, before the next verdict.
        case measuringAlone(left: Int), measuringPartnered(left: Int)
        /// A verdict, kept until `recorded` reaches `until`.
        case lending(until: Int), resting(until: Int)
    }

    /// Until a partner is attached, the run only keeps its latest lone steps.
    private var phase = Phase.resting(until: .max)
    /// The latest lone and partnered step times, at most `window` of each. The partnered ones
    /// are cleared whenever a measurement of them starts, so a full window is always recent.
    private var alone: [Double] = [], partnered: [Double] = []
    private var recorded = 0
    private var interval = firstInterval
    private var lastVerdict: Bool?
    /// The first step with a freshly attached partner finds its cuts (RowCuts): not a step's time.
    private var skipNextPartnered = false

    /// Whether the next step hands the partner work.
    var lends: Bool {
        switch phase {
        case .measuringPartnered, .lending: return true
        case .measuringAlone, .resting: return false
        }
    }

    /// A partner was just attached: it starts with work; the run's latest steps alone are the
    /// comparison when there are enough of them, else some are measured after.
    mutating func partnerAttached() {
        skipNextPartnered = true
        partnered.removeAll()
        phase = .measuringPartnered(left: Self.window)
    }

    /// Records a step's time, and whether the partner computed part of it.
    mutating func record(seconds: Double, partnered wasPartnered: Bool) {
        recorded += 1
        if wasPartnered && skipNextPartnered {
            skipNextPartnered = false
            return
        }
        if wasPartnered { Self.keepLatest(seconds, in: &partnered) } else { Self.keepLatest(seconds, in: &alone) }
        switch phase {
        case .measuringAlone(let left) where !wasPartnered:
            guard left <= 1 else { phase = .measuringAlone(left: left - 1); return }
            // After lending, or a first measurement with the partner, its latest steps are the
            // partnered measurement.
            if partnered.count >= Self.window {
                phase = verdict()
            } else {
                partnered.removeAll()
                phase = .measuringPartnered(left: Self.window)
            }
        case .measuringPartnered(let left) where wasPartnered:
            guard left <= 1 else { phase = .measuringPartnered(left: left - 1); return }
            phase = alone.count >= Self.window ? verdict() : .measuringAlone(left: Self.window - alone.count)
        case .lending(let until) where recorded >= until || slowerThanAlone:
            phase = .measuringAlone(left: Self.window)
        case .resting(let until) where recorded >= until:
            partnered.removeAll()
            phase = .measuringPartnered(left: Self.window)
        case .measuringAlone, .measuringPartnered, .lending, .resting:
            break
        }
    }

    /// While lending: the partnered steps no longer beat the lone ones measured before, as when
    /// the machine got busy; the lone ones are measured again at once, not at the next check.
    private var slowerThanAlone: Bool {
        partnered.count >= Self.window && Self.median(partnered) >= Self.requiredShare * Self.median(alone)
    }

    /// Lending when the partnered steps' median is under `requiredShare` of the lone steps'.
    /// The interval to the next check doubles while the verdict stays and starts over when it changes.
    private mutating func verdict() -> Phase {
        let pays = Self.median(partnered) < Self.requiredShare * Self.median(alone)
        interval = pays == lastVerdict ? min(2 * interval, Self.longestInterval) : Self.firstInterval
        lastVerdict = pays
        return pays ? .lending(until: recorded + interval) : .resting(until: recorded + interval)
    }

    private static func keepLatest(_ seconds: Double, in times: inout [Double]) {
        if times.count == window { times.removeFirst() }
        times.append(seconds)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted(), middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
