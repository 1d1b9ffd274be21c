import Foundation

/// Where a layer's products can be cut into two row blocks, computed apart (on two cores), that
/// together have the bits of the whole products.
///
/// OpenBLAS computes C in micro-tiles of a fixed number of rows. A cut at a multiple of that number
/// leaves every tile, and so every element's order of summation, as it was; any other cut moves
/// the tiles' edges and changes the rounding of whole rows. The number depends on the kernel
/// OpenBLAS picked for this CPU (12 on AVX2 machines), so it is not assumed: a cut is used only
/// after it reproduced every whole product bit for bit on random operands of their shapes. A
/// layer with no such cut is never split, and the results stay the same whatever the number of
/// cores.
enum RowCuts {
    /// Products smaller than this many multiply-adds are not worth handing to another core.
    static let minimumMultiplyAdds = 1 << 20

    /// The first row of the second block for products `shapes`, all with the same m; nil when
    /// they are not to be cut.
    static func cut(for shapes: [ProductShape]) -> Int? {
        guard let first = shapes.first, first.m * first.n * first.k >= minimumMultiplyAdds else { return nil }
        return cache.value(for: shapes) { shapes in
            candidates(rows: first.m).first { cut in shapes.allSatisfy { keepsBits($0, cut: cut) } }
        }
    }

    /// Multiples of 4 within the middle half of `rows`, nearest the middle first, at most 8.
    static func candidates(rows: Int) -> [Int] {
        let middleHalf = stride(from: 4, to: rows, by: 4).filter { 4 * $0 >= rows && 4 * $0 <= 3 * rows }
        return Array(middleHalf.sorted { abs(2 * $0 - rows) < abs(2 * $1 - rows) }.prefix(8))
    }

    /// Whether rows [0, cut) and [cut, m) of `shape`, computed as two products, equal the whole.
    static func keepsBits(_ shape: ProductShape, cut: Int) -> Bool {
        var rng = Xoshiro256(seed: 1, stream: "row-cut probe")
        func operand(_ count: Int) -> FloatBuffer {
            let buffer = FloatBuffer(count: count)
            for i in 0..<count { buffer.pointer[i] = Float(rng.uniform()) - 0.5 }
            return buffer
        }
        let a = operand(shape.m * shape.k), b = operand(shape.k * shape.n)
        let whole = FloatBuffer(count: shape.m * shape.n), pieces = FloatBuffer(count: shape.m * shape.n)
        func product(into c: FloatBuffer) -> Product {
            Product(shape.transposeA, shape.transposeB, m: shape.m, n: shape.n, k: shape.k,
                    a.pointer, lda: shape.transposeA ? shape.m : shape.k,
                    b.pointer, ldb: shape.transposeB ? shape.k : shape.n, beta: 0, c.pointer, ldc: shape.n)
        }
        product(into: whole).compute()
        product(into: pieces).rows(0..<cut).compute()
        product(into: pieces).rows(cut..<shape.m).compute()
        return memcmp(whole.pointer, pieces.pointer, whole.count * MemoryLayout<Float>.size) == 0
    }

    private static let cache = Memo()

    /// Cuts found so far, for every run of the process.
    private final class Memo: @unchecked Sendable {
        private let lock = NSLock()
        private var cuts: [[ProductShape]: Int?] = [:]

        func value(for shapes: [ProductShape], compute: ([ProductShape]) -> Int?) -> Int? {
            lock.withLock {
                if let known = cuts[shapes] { return known }
                let cut = compute(shapes)
                cuts[shapes] = cut
                return cut
            }
        }
    }
}
