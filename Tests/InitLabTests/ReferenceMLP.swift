import Foundation
@testable import InitLab

/// The MLP written the plain way, in Double, one loop per formula: the reference the fast Float
/// kernels are tested against. W is (out, in) row-major; masks[l] is hidden layer l's dropout
/// factor (0 or 1/(1−p)) per (row, unit).
struct ReferenceMLP {
    let widths: [Int]
    let activation: Activation
    var parameters: [Double]

    init(_ model: MLP) {
        widths = model.widths
        activation = model.activation
        parameters = model.parameters.array.map(Double.init)
    }

    /// Double-precision activation values, so finite differences stay smooth.
    func activate(_ x: Double) -> Double {
        switch activation {
        case .relu: return max(x, 0)
        case .tanh: return tanh(x)
        case .sigmoid: return 1 / (1 + exp(-x))
        case .leakyReLU(let slope): return x > 0 ? x : Double(slope) * x
        case .selu: return x > 0 ? 1.0507009873554805 * x : 1.0507009873554805 * 1.6732632423543772 * (exp(x) - 1)
        case .identity: return x
        }
    }

    /// Mean cross-entropy of the batch.
    func loss(x: [Double], labels: [Int], rows: Int, masks: [[Double]]?) -> Double {
        var input = x
        var offset = 0
        for l in 0..<(widths.count - 1) {
            let n = widths[l], m = widths[l + 1]
            var output = [Double](repeating: 0, count: rows * m)
            for r in 0..<rows {
                for o in 0..<m {
                    var z = parameters[offset + n * m + o]
                    for i in 0..<n { z += input[r * n + i] * parameters[offset + o * n + i] }
                    if l < widths.count - 2 {
                        z = activate(z) * (masks?[l][r * m + o] ?? 1)
                    }
                    output[r * m + o] = z
                }
            }
            offset += n * m + m
            input = output
        }
        let classes = widths.last!
        var total = 0.0
        for r in 0..<rows {
            let s = input[(r * classes)..<((r + 1) * classes)]
            let highest = s.max()!
            let logSum = log(s.reduce(0) { $0 + exp($1 - highest) }) + highest
            total += logSum - s[s.startIndex + labels[r]]
        }
        return total / Double(rows)
    }

    /// Every layer's pre-activations z and outputs f(z) (the last layer's: its scores), no
    /// dropout, each (rows, width) row-major.
    func layers(x: [Double], rows: Int) -> [(z: [Double], y: [Double])] {
        var input = x, offset = 0, result: [(z: [Double], y: [Double])] = []
        for l in 0..<(widths.count - 1) {
            let n = widths[l], m = widths[l + 1], last = l == widths.count - 2
            var z = [Double](repeating: 0, count: rows * m)
            for r in 0..<rows {
                for o in 0..<m {
                    var sum = parameters[offset + n * m + o]
                    for i in 0..<n { sum += input[r * n + i] * parameters[offset + o * n + i] }
                    z[r * m + o] = sum
                }
            }
            let y = last ? z : z.map(activate)
            result.append((z, y))
            offset += n * m + m
            input = y
        }
        return result
    }

    /// Central-difference gradient of the loss with respect to every parameter.
    func numericalGradient(x: [Double], labels: [Int], rows: Int, masks: [[Double]]?, step: Double = 1e-6) -> [Double] {
        var probe = self
        return (0..<parameters.count).map { i in
            let saved = probe.parameters[i]
            probe.parameters[i] = saved + step
            let up = probe.loss(x: x, labels: labels, rows: rows, masks: masks)
            probe.parameters[i] = saved - step
            let down = probe.loss(x: x, labels: labels, rows: rows, masks: masks)
            probe.parameters[i] = saved
            return (up - down) / (2 * step)
        }
    }
}
