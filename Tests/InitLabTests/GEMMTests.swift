import Synchronization
import CKernels
import Foundation
import Testing
@testable import InitLab

/// The tool's own sgemm (Sources/CKernels/gemm*.c): one order of arithmetic on every path, so the
/// AVX-512, AVX2 and portable paths give the same bits, whichever way the vectors run across C and
/// however C's rows are cut; and a correct product, against a Double reference and OpenBLAS.
@Suite struct GEMMTests {
    /// The paths this machine runs, the portable one first.
    static let paths: [Int32] = [CKERNELS_GEMM_PORTABLE, CKERNELS_GEMM_AVX2, CKERNELS_GEMM_AVX512].map { Int32($0) }
        .filter { (ckernels_gemm_paths() >> UInt32($0)) & 1 == 1 }
    static let orientations: [Int32] = [CKERNELS_GEMM_CHOOSE, CKERNELS_GEMM_ALONG_ROWS, CKERNELS_GEMM_DOWN_COLUMNS].map { Int32($0) }

    /// Shapes (m, n, k) in which each of the odd sizes 1, 7, 17, 100, 127, 784, 1000 and 2048 is m,
    /// n and k at least once: edges of every tile and vector, more than one K-block (k > 256), more
    /// than one block of B''s columns (n > 768) and of A''s rows (m > 192), vectors of one lane.
    /// Kept to a few million multiply-adds each, for the portable path's fmaf.
    static let oddShapes: [(m: Int, n: Int, k: Int)] = [
        (1, 1, 1), (1, 2048, 7), (2048, 1, 17), (7, 17, 2048), (17, 7, 1000), (100, 127, 784), (127, 100, 100),
        (784, 17, 127), (1000, 7, 100), (17, 1000, 7), (7, 784, 17), (2048, 7, 1), (127, 1000, 17),
    ]

    /// α and β as training's products use them (1, 0 and accumulation with β = 1) and arbitrary ones.
    static let scalings: [(alpha: Float, beta: Float)] = [(1, 0), (1, 1), (-0.75, 0), (0.5, -1.25)]

    /// Operands of one product, stored as `transposeA`/`transposeB` say, with leading dimensions
    /// past the minimum (so strides are not confused with sizes), random entries in [−1, 1).
    struct Operands {
        let m, n, k: Int
        let transposeA, transposeB: Bool
        let lda, ldb, ldc: Int
        var a, b, c: [Float]

        /// `leading`: both operands' leading dimension, when given.
        init(m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool, seed: UInt64, leading: Int? = nil) {
            self.m = m; self.n = n; self.k = k
            self.transposeA = transposeA; self.transposeB = transposeB
            lda = leading ?? (transposeA ? m : k) + 3
            ldb = leading ?? (transposeB ? k : n) + 5
            ldc = n + 2
            var rng = Xoshiro256(seed: seed, stream: "gemm operands")
            func random(_ count: Int) -> [Float] { (0..<count).map { _ in Float(2 * rng.uniform() - 1) } }
            a = random((transposeA ? k : m) * lda)
            b = random((transposeB ? n : k) * ldb)
            c = random(m * ldc)
        }

        func opA(_ i: Int, _ p: Int) -> Float { transposeA ? a[p * lda + i] : a[i * lda + p] }
        func opB(_ p: Int, _ j: Int) -> Float { transposeB ? b[j * ldb + p] : b[p * ldb + j] }

        /// C after the product on `path` (C's initial values as given), or nil when the call failed.
        func product(path: Int32, orientation: Int32 = Int32(CKERNELS_GEMM_CHOOSE), alpha: Float, beta: Float,
                     rows: Range<Int>? = nil, c initial: [Float]? = nil) -> [Float]? {
            var out = initial ?? c
            let rows = rows ?? 0..<m
            let status = out.withUnsafeMutableBufferPointer { c in
                // The product of C's rows `rows` alone: A's rows (its columns, stored transposed) offset.
                let aStart = transposeA ? rows.lowerBound : rows.lowerBound * lda
                return a.withUnsafeBufferPointer { a in
                    b.withUnsafeBufferPointer { b in
                        ckernels_sgemm_oriented(path, orientation, transposeA ? 1 : 0, transposeB ? 1 : 0, rows.count, n, k, alpha,
                                                a.baseAddress! + aStart, lda, b.baseAddress!, ldb, beta,
                                                c.baseAddress! + rows.lowerBound * ldc, ldc)
                    }
                }
            }
            return status == 0 ? out : nil
        }
    }

    /// Bit patterns, so that NaNs compare and −0 differs from +0.
    static func bits(_ x: [Float]) -> [UInt32] { x.map(\.bitPattern) }

    /// How many elements of `result` differ in any bit from `reference` (all of them when the call
    /// failed): a count, so that a failure reads as one number, not two dumped matrices.
    static func differences(_ result: [Float]?, _ reference: [UInt32]) -> Int {
        guard let result, result.count == reference.count else { return reference.count }
        return zip(result, reference).reduce(0) { $0 + ($1.0.bitPattern == $1.1 ? 0 : 1) }
    }

    @Test func thePortablePathIsAlwaysThereAndTheBestIsTheWidest() {
        #expect(Self.paths.first == Int32(CKERNELS_GEMM_PORTABLE))
        let features = ckernels_cpu_features()
        let best = features & UInt32(CKERNELS_CPU_AVX512) != 0 ? CKERNELS_GEMM_AVX512
                 : features & UInt32(CKERNELS_CPU_AVX2_FMA) != 0 ? CKERNELS_GEMM_AVX2 : CKERNELS_GEMM_PORTABLE
        #expect(ckernels_gemm_best_path() == Int32(best))
        #expect(ckernels_gemm_lanes(Int32(CKERNELS_GEMM_AVX512)) == 16 && ckernels_gemm_lanes(Int32(CKERNELS_GEMM_AVX2)) == 8)
    }

    /// A path that does not exist (or that the CPU lacks) is refused and C is left alone.
    @Test func aPathTheCPUCannotRunIsRefused() {
        let operands = Operands(m: 3, n: 4, k: 5, transposeA: false, transposeB: false, seed: 1)
        #expect(operands.product(path: 7, alpha: 1, beta: 0) == nil)
        var c = operands.c
        let status = ckernels_sgemm(7, 0, 0, 3, 4, 5, 1, operands.a, operands.lda, operands.b, operands.ldb, 0, &c, operands.ldc)
        #expect(status == -1 && Self.bits(c) == Self.bits(operands.c))
        for path in [CKERNELS_GEMM_AVX2, CKERNELS_GEMM_AVX512].map({ Int32($0) }) where !Self.paths.contains(path) {
            #expect(operands.product(path: path, alpha: 1, beta: 0) == nil)
        }
    }

    /// Every path this machine runs, forced, and both directions of the vectors, give the portable
    /// path's bits on the odd shapes, every product kind (all four transposes) and every α, β.
    @Test(arguments: [(false, false), (false, true), (true, false), (true, true)])
    func everyPathAndOrientationGivesTheSameBits(transposeA: Bool, transposeB: Bool) {
        for (index, shape) in Self.oddShapes.enumerated() {
            let operands = Operands(m: shape.m, n: shape.n, k: shape.k, transposeA: transposeA, transposeB: transposeB,
                                    seed: UInt64(index))
            for (alpha, beta) in Self.scalings {
                let reference = Self.bits(operands.product(path: Int32(CKERNELS_GEMM_PORTABLE), alpha: alpha, beta: beta)!)
                for path in Self.paths {
                    for orientation in Self.orientations {
                        let result = operands.product(path: path, orientation: orientation, alpha: alpha, beta: beta)
                        #expect(Self.differences(result, reference) == 0,
                                "path \(path), orientation \(orientation), \(shape), transposes \(transposeA) \(transposeB), α \(alpha) β \(beta)")
                    }
                }
            }
        }
    }

    /// The rule that packs operands whose rows would collide in the L2 cache, on the geometry it was
    /// measured on (Emerald Rapids: 2 MB of 16 ways, 128 KB a way) and on Zen 2's (512 KB of 8).
    @Test func rowsAPowerOfTwoApartCollideInTheL2Cache() {
        let emerald = (way: 128 * 1024, ways: 16), zen2 = (way: 64 * 1024, ways: 8)
        // A 2048-wide layer's K-block: 256 rows 8 KB apart, 16 to a set of 16 ways.
        #expect(ckernels_gemm_rows_collide(2048, 256, emerald.way, emerald.ways) == 1)
        // 1024 wide: 8 to a set, half its ways; on Zen 2, 16 to a set of 8.
        #expect(ckernels_gemm_rows_collide(1024, 256, emerald.way, emerald.ways) == 0)
        #expect(ckernels_gemm_rows_collide(1024, 256, zen2.way, zen2.ways) == 1)
        // The 100 rows of a weight gradient's K: 7 to a set.
        #expect(ckernels_gemm_rows_collide(2048, 100, emerald.way, emerald.ways) == 0)
        // Strides off a large power of two spread over every set.
        for stride in [100, 784, 2049, 2048 + 16] {
            #expect(ckernels_gemm_rows_collide(stride, 256, zen2.way, zen2.ways) == 0, "stride \(stride)")
        }
    }

    /// Operands whose rows lie 4096 floats apart (16 KB: they collide in an L2 cache of up to
    /// 256 KB a way), so that B' is packed where it would be read in place: the portable path's
    /// bits on every path, both directions and all four transposes, with K-blocks.
    @Test(arguments: [(false, false), (false, true), (true, false), (true, true)])
    func collidingRowsGiveTheSameBits(transposeA: Bool, transposeB: Bool) {
        #expect(ckernels_gemm_rows_collide(4096, 174, 256 * 1024, 16) == 1)
        let operands = Operands(m: 40, n: 36, k: 520, transposeA: transposeA, transposeB: transposeB, seed: 7, leading: 4096)
        for (alpha, beta) in Self.scalings {
            let reference = Self.bits(operands.product(path: Int32(CKERNELS_GEMM_PORTABLE), alpha: alpha, beta: beta)!)
            for path in Self.paths {
                for orientation in Self.orientations {
                    #expect(Self.differences(operands.product(path: path, orientation: orientation, alpha: alpha, beta: beta), reference) == 0,
                            "path \(path), orientation \(orientation), α \(alpha) β \(beta)")
                }
            }
        }
    }

    /// The lesson's and the deep tanh networks' products, as training lays them out: the same bits
    /// on every path, both orientations.
    @Test func theTrainingsProductsGiveTheSameBitsOnEveryPath() {
        let networks = [[784, 256, 128, 10], [784, 128, 128, 10], [784, 256, 256, 10]]
        let shapes = Set(networks.flatMap { ModelSpec(layers: $0, activation: .tanh, dropout: 0).plan.stepProducts(rows: 100) })
        for (index, shape) in shapes.sorted(by: { "\($0)" < "\($1)" }).enumerated() {
            let operands = Operands(m: shape.m, n: shape.n, k: shape.k, transposeA: shape.transposeA, transposeB: shape.transposeB,
                                    seed: 100 + UInt64(index))
            let reference = Self.bits(operands.product(path: Int32(CKERNELS_GEMM_PORTABLE), alpha: 1, beta: 0)!)
            for path in Self.paths {
                for orientation in Self.orientations {
                    #expect(Self.differences(operands.product(path: path, orientation: orientation, alpha: 1, beta: 0), reference) == 0,
                            "path \(path), orientation \(orientation), \(shape)")
                }
            }
        }
    }

    /// With β = 0, C is written, never read: NaNs, infinities and a signaling NaN left in it do not
    /// leak into the result, which is the one from a C of zeros. With α = 0 or k = 0 nothing is
    /// multiplied: C ← β·C, zeros for β = 0 whatever C held.
    @Test func withBetaZeroGarbageInCNeverLeaks() {
        let garbage: [Float] = [.nan, -.nan, .infinity, -.infinity, Float(bitPattern: 0x7FA0_0001), .greatestFiniteMagnitude]
        for path in Self.paths {
            for (m, n, k) in [(17, 100, 127), (100, 10, 128), (7, 1000, 17)] {
                for (transposeA, transposeB) in [(false, true), (true, false)] {
                    let operands = Operands(m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB, seed: 5)
                    let dirty = (0..<operands.c.count).map { garbage[$0 % garbage.count] }
                    let zeros = [Float](repeating: 0, count: operands.c.count)
                    for orientation in Self.orientations {
                        let fromDirty = operands.product(path: path, orientation: orientation, alpha: 0.5, beta: 0, c: dirty)!
                        let fromZeros = operands.product(path: path, orientation: orientation, alpha: 0.5, beta: 0, c: zeros)!
                        // Only C's m × n elements are written; the padding past n keeps its garbage.
                        for i in 0..<m {
                            let row = i * operands.ldc..<(i * operands.ldc + n)
                            #expect(Self.differences(Array(fromDirty[row]), Self.bits(Array(fromZeros[row]))) == 0, "path \(path) \(m)×\(n)×\(k)")
                            #expect(!fromDirty[row].contains { $0.isNaN || $0.isInfinite }, "path \(path) \(m)×\(n)×\(k)")
                        }
                    }
                }
            }
            let operands = Operands(m: 5, n: 9, k: 4, transposeA: false, transposeB: false, seed: 6)
            let dirty = operands.c.enumerated().map { $0.offset % 3 == 0 ? Float.nan : $0.element }
            let cleared = operands.product(path: path, alpha: 0, beta: 0, c: dirty)!
            let scaled = operands.product(path: path, alpha: 0, beta: 2, c: operands.c)!
            var empty = operands.c
            let status = ckernels_sgemm(path, 0, 0, 5, 9, 0, 1, operands.a, operands.lda, operands.b, operands.ldb, -1, &empty, operands.ldc)
            for i in 0..<5 {
                for j in 0..<9 {
                    let e = i * operands.ldc + j
                    #expect(cleared[e].bitPattern == Float(0).bitPattern && scaled[e] == 2 * operands.c[e] && empty[e] == -operands.c[e],
                            "path \(path) at \(i), \(j)")
                }
            }
            #expect(status == 0)
        }
    }

    /// Against the product summed in Double and against OpenBLAS. A chain of k fused multiply-adds
    /// rounds k times, each by at most u = 2⁻²⁴ of its result, so the sum is within γ_k·Σ|a·b|
    /// (γ_n = n·u/(1 − n·u), Higham, "Accuracy and Stability of Numerical Algorithms", §3.1);
    /// α·acc and the FMA with β·c round twice more: every element is within
    /// γ_(k+2)·(|α|·Σ|a·b| + |β·c|) of the exact result, which Double's sum stands in for (its own
    /// error, about k·2⁻⁵³, is 2²⁹ times smaller). OpenBLAS (any order of summation, with or without
    /// FMA) is held to the same bound, so the two differ by at most twice it.
    @Test func agreesWithDoubleAndWithOpenBLAS() {
        let u = 0x1p-24
        func gamma(_ n: Int) -> Double { Double(n) * u / (1 - Double(n) * u) }
        let shapes = [(100, 127, 784), (256, 100, 784), (17, 1000, 7), (2048, 7, 100), (10, 128, 100)]
        for (index, (m, n, k)) in shapes.enumerated() {
            for (transposeA, transposeB) in [(false, false), (false, true), (true, false), (true, true)] {
                let operands = Operands(m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB, seed: 10 + UInt64(index))
                // Σ a·b and Σ |a·b| in Double, once for every α, β and path.
                var sums = [Double](repeating: 0, count: m * n), magnitudes = sums
                for i in 0..<m {
                    for j in 0..<n {
                        var sum = 0.0, magnitude = 0.0
                        for p in 0..<k {
                            let product = Double(operands.opA(i, p)) * Double(operands.opB(p, j))
                            sum += product
                            magnitude += abs(product)
                        }
                        sums[i * n + j] = sum
                        magnitudes[i * n + j] = magnitude
                    }
                }
                for (alpha, beta) in Self.scalings {
                    var theirs = operands.c
                    gemm(.openblas, transposeA, transposeB, m: m, n: n, k: k, alpha: alpha, operands.a, lda: operands.lda, operands.b,
                         ldb: operands.ldb, beta: beta, &theirs, ldc: operands.ldc)
                    for path in Self.paths {
                        let ours = operands.product(path: path, alpha: alpha, beta: beta)!
                        var largest = 0.0, failures = 0
                        for i in 0..<m {
                            for j in 0..<n {
                                let e = i * operands.ldc + j, c0 = Double(operands.c[e])
                                let exact = Double(alpha) * sums[i * n + j] + Double(beta) * c0
                                let bound = gamma(k + 2) * (abs(Double(alpha)) * magnitudes[i * n + j] + abs(Double(beta) * c0))
                                largest = max(largest, abs(exact))
                                if abs(Double(ours[e]) - exact) > bound || abs(Double(ours[e]) - Double(theirs[e])) > 2 * bound {
                                    failures += 1
                                }
                            }
                        }
                        #expect(failures == 0, "path \(path), \(m)×\(n)×\(k), transposes \(transposeA) \(transposeB), α \(alpha) β \(beta)")
                        // A product of zeros would pass any bound: these are not.
                        #expect(largest > 0.1, "\(m)×\(n)×\(k)")
                    }
                }
            }
        }
    }

    /// C's rows cut anywhere and computed as two products give the whole product's bits: each
    /// element's sum is the same chain over k whatever else is computed with it (the partner core's
    /// cuts need no probing with this GEMM). Also across threads: each has its own packing buffer.
    @Test func anyCutOfCsRowsAndAnyThreadKeepTheBits() {
        let shapes = [ProductShape(m: 256, n: 100, k: 784, transposeA: false, transposeB: true),
                      ProductShape(m: 128, n: 256, k: 100, transposeA: false, transposeB: true),
                      ProductShape(m: 256, n: 100, k: 128, transposeA: true, transposeB: false),
                      ProductShape(m: 127, n: 1000, k: 17, transposeA: true, transposeB: true)]
        let best = ckernels_gemm_best_path()
        for (index, shape) in shapes.enumerated() {
            let operands = Operands(m: shape.m, n: shape.n, k: shape.k, transposeA: shape.transposeA, transposeB: shape.transposeB,
                                    seed: 20 + UInt64(index))
            let whole = Self.bits(operands.product(path: best, alpha: 1, beta: 0)!)
            for cut in [1, 7, 37, shape.m / 2 + 1, shape.m - 1] {
                let top = operands.product(path: best, alpha: 1, beta: 0, rows: 0..<cut)!
                let both = operands.product(path: best, alpha: 1, beta: 0, rows: cut..<shape.m, c: top)!
                #expect(Self.differences(both, whole) == 0, "\(shape) cut at \(cut)")
            }
            let results = Mutex<[[UInt32]]>([])
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                let bits = Self.bits(operands.product(path: best, alpha: 1, beta: 0)!)
                results.withLock { $0.append(bits) }
            }
            #expect(results.withLock { $0 }.allSatisfy { $0 == whole }, "\(shape) on four threads")
        }
    }

    /// ckernels_sgemm_reference, the order of arithmetic written plainly, gives every path's bits
    /// on the odd shapes, every product kind and every α, β (the fallback when a packing buffer
    /// cannot be allocated relies on it).
    @Test func theReferenceGivesEveryPathsBits() {
        for (index, shape) in Self.oddShapes.enumerated() {
            for (transposeA, transposeB) in [(false, false), (false, true), (true, false), (true, true)] {
                let operands = Operands(m: shape.m, n: shape.n, k: shape.k, transposeA: transposeA, transposeB: transposeB,
                                        seed: 30 + UInt64(index))
                for (alpha, beta) in Self.scalings {
                    var reference = operands.c
                    ckernels_sgemm_reference(transposeA ? 1 : 0, transposeB ? 1 : 0, shape.m, shape.n, shape.k, alpha, operands.a,
                                             operands.lda, operands.b, operands.ldb, beta, &reference, operands.ldc)
                    for path in Self.paths {
                        #expect(Self.differences(operands.product(path: path, alpha: alpha, beta: beta), Self.bits(reference)) == 0,
                                "path \(path), \(shape), transposes \(transposeA) \(transposeB), α \(alpha) β \(beta)")
                    }
                }
            }
        }
    }

    /// A thread's packing buffer never needs more than ckernels_gemm_buffer_limit, whatever the
    /// shape: the largest product (a full block of B''s columns, two K-blocks of the longest, the
    /// most rows whose partial sums wait together) fits in exactly that, and needs all of it; a
    /// product with more rows than wait together (more than 768, with more than one K-block)
    /// takes its rows in turns, with the reference's bits. Vector paths (the portable one is too
    /// slow for the largest product).
    @Test func thePackingBufferIsBoundedWhateverTheShape() {
        defer { ckernels_gemm_limit_thread_buffer(-1) }
        for path in Self.paths where path != Int32(CKERNELS_GEMM_PORTABLE) {
            let limit = ckernels_gemm_buffer_limit(path)
            #expect(limit > 0 && limit % 4 == 0)
            let largest = Operands(m: 800, n: 800, k: 512, transposeA: false, transposeB: true, seed: 40)
            ckernels_gemm_limit_thread_buffer(limit / 4 - 1)
            #expect(largest.product(path: path, orientation: Int32(CKERNELS_GEMM_ALONG_ROWS), alpha: 1, beta: 0) == nil,
                    "path \(path): the largest product fits in less than the limit")
            ckernels_gemm_limit_thread_buffer(limit / 4)
            #expect(largest.product(path: path, orientation: Int32(CKERNELS_GEMM_ALONG_ROWS), alpha: 1, beta: 0) != nil, "path \(path)")
            for (m, n, transposeA, orientation) in [(1700, 20, false, CKERNELS_GEMM_ALONG_ROWS), (20, 1700, true, CKERNELS_GEMM_DOWN_COLUMNS)] {
                let operands = Operands(m: m, n: n, k: 300, transposeA: transposeA, transposeB: false, seed: 41)
                for (alpha, beta) in Self.scalings {
                    var reference = operands.c
                    ckernels_sgemm_reference(transposeA ? 1 : 0, 0, m, n, 300, alpha, operands.a, operands.lda, operands.b, operands.ldb,
                                             beta, &reference, operands.ldc)
                    let result = operands.product(path: path, orientation: Int32(orientation), alpha: alpha, beta: beta)
                    #expect(Self.differences(result, Self.bits(reference)) == 0, "path \(path), \(m)×\(n)×300, α \(alpha) β \(beta)")
                }
            }
        }
    }

    /// The FMA peak is measured on every path this machine runs (none on a path it lacks), and the
    /// clock: a rate between 100 MHz and 100 GHz, which any x86-64 core's is (a broken
    /// measurement, such as a loop the compiler removed, gives 0 or an absurd figure).
    @Test func thePeakAndTheClockAreMeasured() {
        for path in Self.paths {
            let rate = ckernels_fma_peak(path, 0.002, 3)
            #expect(rate > 1e8 && rate < 1e13, "path \(path)")
        }
        #expect(ckernels_fma_peak(7, 0.002, 3) == 0)
        #if arch(x86_64)
        let clock = ckernels_measured_clock(0.002, 3)
        #expect(clock > 1e8 && clock < 1e11)
        #endif
    }
}
