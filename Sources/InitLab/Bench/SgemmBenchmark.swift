/// This machine's single-core sgemm rate at a step's shapes: the same products, alone, with
/// operands already in memory, single-threaded OpenBLAS.
public enum SgemmBenchmark {
    /// Seconds for one step's products (best of `rounds`, each the mean over `repetitions`).
    public static func secondsPerStep(_ shapes: [ProductShape], repetitions: Int = 200, rounds: Int = 5) -> Double {
        setBLASThreads(1)
        var rng = Xoshiro256(seed: 1)
        let operands = shapes.map { shape -> (FloatBuffer, FloatBuffer, FloatBuffer) in
            let a = FloatBuffer(count: shape.m * shape.k), b = FloatBuffer(count: shape.k * shape.n)
            for i in 0..<a.count { a.pointer[i] = Float(rng.uniform()) - 0.5 }
            for i in 0..<b.count { b.pointer[i] = Float(rng.uniform()) - 0.5 }
            return (a, b, FloatBuffer(count: shape.m * shape.n))
        }
        func oneStep() {
            for (shape, (a, b, c)) in zip(shapes, operands) {
                gemm(shape.transposeA, shape.transposeB, m: shape.m, n: shape.n, k: shape.k,
                     a.pointer, lda: shape.transposeA ? shape.m : shape.k,
                     b.pointer, ldb: shape.transposeB ? shape.k : shape.n,
                     beta: 0, c.pointer, ldc: shape.n)
            }
        }
        for _ in 0..<20 { oneStep() } // warm caches and OpenBLAS's buffers
        var best = Double.infinity
        for _ in 0..<rounds {
            let start = monotonicSeconds()
            for _ in 0..<repetitions { oneStep() }
            best = min(best, (monotonicSeconds() - start) / Double(repetitions))
        }
        return best
    }
}
