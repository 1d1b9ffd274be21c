/// The shape of one matrix product: C (m, n) = op(A) (m, k) · op(B) (k, n).
public struct ProductShape: Sendable, Hashable {
    public let m, n, k: Int
    public let transposeA, transposeB: Bool
    public var flops: Double { 2 * Double(m) * Double(n) * Double(k) }
}

/// One sgemm call as a value, C = α·op(A)·op(B) + β·C (row-major, as `gemm`), so that it can be
/// cut into row blocks and a block handed to another thread.
struct Product {
    let shape: ProductShape
    let alpha: Float
    let a: UnsafePointer<Float>
    let lda: Int
    let b: UnsafePointer<Float>
    let ldb: Int
    let beta: Float
    let c: UnsafeMutablePointer<Float>
    let ldc: Int

    /// The arguments of `gemm`, in its order.
    init(_ transposeA: Bool, _ transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1, _ a: UnsafePointer<Float>, lda: Int,
         _ b: UnsafePointer<Float>, ldb: Int, beta: Float, _ c: UnsafeMutablePointer<Float>, ldc: Int) {
        shape = ProductShape(m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB)
        self.alpha = alpha
        self.a = a
        self.lda = lda
        self.b = b
        self.ldb = ldb
        self.beta = beta
        self.c = c
        self.ldc = ldc
    }

    /// C = α·op(A)·op(B) + β·C with every operand stored densely in the layout `shape` says, the
    /// leading dimensions following from it, as LayerProducts describes a layer's products.
    init(_ shape: ProductShape, alpha: Float = 1, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
         beta: Float = 0) {
        self.init(shape.transposeA, shape.transposeB, m: shape.m, n: shape.n, k: shape.k, alpha: alpha, a,
                  lda: shape.transposeA ? shape.m : shape.k, b, ldb: shape.transposeB ? shape.k : shape.n, beta: beta, c, ldc: shape.n)
    }

    func compute() {
        gemm(shape.transposeA, shape.transposeB, m: shape.m, n: shape.n, k: shape.k, alpha: alpha, a, lda: lda, b, ldb: ldb,
             beta: beta, c, ldc: ldc)
    }

    /// The product of C's rows `range` alone: the same B, with A's rows (its columns, when A is
    /// stored transposed) and C's rows offset.
    func rows(_ range: Range<Int>) -> Product {
        Product(shape.transposeA, shape.transposeB, m: range.count, n: shape.n, k: shape.k, alpha: alpha,
                a + (shape.transposeA ? range.lowerBound : range.lowerBound * lda), lda: lda,
                b, ldb: ldb, beta: beta, c + range.lowerBound * ldc, ldc: ldc)
    }
}
