import CKernels

/// The random source of dropout masks: eight xoshiro256** generators in lockstep
/// (ckernels_mask_stream), which the mask kernel advances eight draws at a time. Seeded from a
/// Xoshiro256 stream, so a run's masks are fixed by its seed.
public struct DropoutStream: Sendable {
    var state = ckernels_mask_stream()

    public init(seededBy rng: Xoshiro256) {
        var rng = rng
        withUnsafeMutableBytes(of: &state.s) { raw in
            for i in 0..<32 { raw.storeBytes(of: rng.next(), toByteOffset: 8 * i, as: UInt64.self) }
        }
    }

    /// State word `word` (0...3) of lane `lane` (0...7).
    func word(_ word: Int, lane: Int) -> UInt64 {
        withUnsafeBytes(of: state.s) { $0.load(fromByteOffset: 8 * (8 * word + lane), as: UInt64.self) }
    }
}
