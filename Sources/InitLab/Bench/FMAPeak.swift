import CKernels
import Foundation

/// What one core's fused multiply-add units sustain on the widest vectors it runs, measured
/// (independent chains of vector FMAs on registers, ckernels_fma_peak), with the clock measured
/// beside it (a chain of dependent additions, one a cycle). Not derived from /proc/cpuinfo's
/// nominal clock, which a core runs above when it boosts (bench once reported sgemm at 117–200%
/// of such a "limit") and below when wide vectors lower its clock.
public struct FMAPeak: Sendable, Equatable {
    /// Floats per vector of the path measured (16 with AVX-512, 8 with AVX2, 1 for fmaf).
    public var lanes: Int
    /// FLOP/s: 2 per float per FMA.
    public var rate: Double
    /// The core's clock in Hz, measured with scalar additions; 0 when it could not be.
    public var clockHertz: Double

    public init(lanes: Int, rate: Double, clockHertz: Double) {
        self.lanes = lanes
        self.rate = rate
        self.clockHertz = clockHertz
    }

    /// FMA units the rate implies at the measured clock (rate / (2 · lanes · clock), to the
    /// nearest whole unit); nil without a clock.
    public var units: Int? {
        guard clockHertz > 0, rate > 0 else { return nil }
        return max(1, Int((rate / (2 * Double(lanes) * clockHertz)).rounded()))
    }

    /// The clock the FMA units ran at: the rate over units × lanes × 2. A core may run its widest
    /// vectors slower than scalar code, so this can be below `clockHertz`.
    public var fmaClockHertz: Double? { units.map { rate / (2 * Double(lanes) * Double($0)) } }

    /// The widest path's peak, each of its `rounds` measurements about `seconds` long and the
    /// best one kept (a short round is the likeliest to run undisturbed on a shared machine).
    public static func measure(seconds: Double = 0.002, rounds: Int = 50) -> FMAPeak {
        let path = ckernels_gemm_best_path()
        return FMAPeak(lanes: Int(ckernels_gemm_lanes(path)), rate: ckernels_fma_peak(path, seconds, Int32(rounds)),
                       clockHertz: ckernels_measured_clock(seconds, Int32(rounds)))
    }

    /// The higher of two measurements of the same core, rate and clock each.
    public func combined(with other: FMAPeak) -> FMAPeak {
        FMAPeak(lanes: lanes, rate: max(rate, other.rate), clockHertz: max(clockHertz, other.clockHertz))
    }

    /// "183.9 GFLOP/s measured (2 FMA units × 16 floats × 2 FLOP × 2.87 GHz)".
    public var description: String {
        let measured = String(format: "%.1f GFLOP/s measured", rate / 1e9)
        guard let units, let clock = fmaClockHertz else { return measured }
        return measured + " (\(units) FMA unit\(units == 1 ? "" : "s") × \(lanes) float\(lanes == 1 ? "" : "s") × 2 FLOP × "
            + String(format: "%.2f GHz)", clock / 1e9)
    }
}
