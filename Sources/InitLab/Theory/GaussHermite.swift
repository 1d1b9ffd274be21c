import CBLAS

/// Gauss–Hermite quadrature for the standard normal: E[f(z)], z ~ N(0, 1), as Σ wᵢ f(zᵢ), exact
/// for polynomials up to degree 2n − 1. Nodes and weights by Golub–Welsch: the eigenvalues of
/// the Jacobi matrix of the probabilists' Hermite polynomials (zero diagonal, √k beside it), and
/// the squared first components of its unit eigenvectors.
struct GaussHermite: Sendable {
    let nodes: [Double]
    let weights: [Double]

    init(points n: Int) {
        precondition(n >= 1)
        var diagonal = [Double](repeating: 0, count: n)
        var offDiagonal = (1..<max(n, 2)).map { Double($0).squareRoot() }
        var vectors = [Double](repeating: 0, count: n * n)
        var work = [Double](repeating: 0, count: max(1, 2 * n - 2))
        var size = Int32(n), info: Int32 = 0
        let jobz: CChar = 86 // "V": eigenvectors too
        withUnsafePointer(to: jobz) { jobz in
            dstev_(jobz, &size, &diagonal, &offDiagonal, &vectors, &size, &work, &info)
        }
        precondition(info == 0, "dstev failed (\(info))")
        nodes = diagonal
        // Column k of the column-major result is the k-th eigenvector.
        weights = (0..<n).map { vectors[$0 * n] * vectors[$0 * n] }
    }

    /// E[f(z)] for z ~ N(0, 1).
    func expectation(_ f: (Double) -> Double) -> Double {
        var sum = 0.0
        for i in nodes.indices { sum += weights[i] * f(nodes[i]) }
        return sum
    }

    /// E[f(z₁, z₂)] for independent z₁, z₂ ~ N(0, 1).
    func expectation(_ f: (Double, Double) -> Double) -> Double {
        var sum = 0.0
        for i in nodes.indices {
            var inner = 0.0
            for j in nodes.indices { inner += weights[j] * f(nodes[i], nodes[j]) }
            sum += weights[i] * inner
        }
        return sum
    }
}
