/// This machine's single-core sgemm rate at a step's shapes: the same products, alone, with
/// operands already in memory, single-threaded OpenBLAS.
public enum SgemmBenchmark {
    /// Seconds for one step's products (best of `rounds`, each the mean over `repetitions`).
    public static func secondsPerStep(_ shapes: [ProductShape], repetitions: Int = 200, rounds: Int = 5) -> Double {
        var rng = Xoshiro256(seed: 1)
        let operands = shapes.map { shape -> (FloatBuffer, FloatBuffer, FloatBuffer) in
            let a = FloatBuffer(count: shape.m * shape.k), b = FloatBuffer(count: shape.k * shape.n)
            for i in 0..<a.count { a.pointer[i] = Float(rng.uniform()) - 0.5 }
            for i in 0..<b.count { b.pointer[i] = Float(rng.uniform()) - 0.5 }
            return (a, b, FloatBuffer(count: shape.m * shape.n))
        }
        let products = zip(shapes, operands).map { shape, operands in
            Product(shape, operands.0.pointer, operands.1.pointer, into: operands.2.pointer)
        }
        func oneStep() { for product in products { product.compute() } }
        // The products hold raw pointers into the buffers: keep them alive while they run.
        return withExtendedLifetime(operands) {
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
}
