import Foundation
import Synchronization

/// Where a layer's products can be cut into two row blocks, computed apart (on two cores), that
/// together have the bits of the whole products.
///
/// With the tool's own GEMM every cut keeps the bits (each element sums over k in one order,
/// whatever rows it is computed with), and the first candidate is taken untried. With OpenBLAS:
/// OpenBLAS computes C in micro-tiles of a fixed number of rows. A cut at a multiple of that number
/// leaves every tile, and so every element's order of summation, as it was; any other cut moves
/// the tiles' edges and changes the rounding of whole rows. The number depends on the kernel
/// OpenBLAS picked for this CPU (12 on AVX2 machines), and its AVX-512 kernels (SkylakeX,
/// Cooperlake) hand products under about 10⁶ multiply-adds to other code altogether, so a half
/// too small rounds differently. None of this is assumed: a cut is used only after it
/// reproduced every whole product bit for bit on random operands of their shapes. A layer with
/// no such cut is never split, and the results stay the same whatever the number of cores.
enum RowCuts {
    /// Products smaller than this many multiply-adds are not worth handing to another core.
    static let minimumMultiplyAdds = 1 << 20

    /// The first row of the second block for products `shapes`, all with the same m; nil when
    /// they are not to be cut.
    /// OpenBLAS is single-threaded in every process (blas_threads.c): it never splits a product
    /// itself, which would make a cut tried here prove nothing.
    static func cut(for shapes: [ProductShape]) -> Int? {
        guard let first = shapes.first, first.m * first.n * first.k >= minimumMultiplyAdds else { return nil }
        // The tool's GEMM keeps the bits for any cut (GEMMTests cut products at odd rows): no trial.
        if GEMMChoice.current == .own { return candidates(rows: first.m).first }
        return value(for: shapes) { shapes in
            let trials = shapes.map(CutTrial.init)
            return candidates(rows: first.m).first { cut in trials.allSatisfy { $0.keepsBits(cut: cut) } }
        }
    }

    /// Multiples of 4 within the middle half of `rows`, nearest the middle first, at most 8.
    static func candidates(rows: Int) -> [Int] {
        let middleHalf = stride(from: 4, to: rows, by: 4).filter { 4 * $0 >= rows && 4 * $0 <= 3 * rows }
        return Array(middleHalf.sorted { abs(2 * $0 - rows) < abs(2 * $1 - rows) }.prefix(8))
    }

    /// One product of a shape on random operands, computed whole once, against which cuts are tried.
    struct CutTrial {
        let shape: ProductShape
        let a: FloatBuffer, b: FloatBuffer, whole: FloatBuffer, pieces: FloatBuffer

        init(_ shape: ProductShape) {
            self.shape = shape
            var rng = Xoshiro256(seed: 1, stream: "row-cut probe")
            func operand(_ count: Int) -> FloatBuffer {
                let buffer = FloatBuffer(count: count)
                for i in 0..<count { buffer.pointer[i] = Float(rng.uniform()) - 0.5 }
                return buffer
            }
            a = operand(shape.m * shape.k)
            b = operand(shape.k * shape.n)
            whole = FloatBuffer(count: shape.m * shape.n)
            pieces = FloatBuffer(count: shape.m * shape.n)
            product(into: whole).compute()
        }

        func product(into c: FloatBuffer) -> Product { Product(shape, a.pointer, b.pointer, into: c.pointer) }

        /// Whether rows [0, cut) and [cut, m), computed as two products, equal the whole.
        func keepsBits(cut: Int) -> Bool {
            product(into: pieces).rows(0..<cut).compute()
            product(into: pieces).rows(cut..<shape.m).compute()
            return memcmp(whole.pointer, pieces.pointer, whole.count * MemoryLayout<Float>.size) == 0
        }
    }

    /// Cuts found so far, for every run of the process.
    private static let cache = Mutex<[[ProductShape]: Int?]>([:])

    private static func value(for shapes: [ProductShape], compute: ([ProductShape]) -> Int?) -> Int? {
        cache.withLock { cuts in
            if let known = cuts[shapes] { return known }
            let cut = compute(shapes)
            cuts[shapes] = cut
            return cut
        }
    }
}
