import Foundation

/// Mean cross-entropy of raw scores (rows, classes) against labels, computed stably through
/// log-sum-exp, as PyTorch's F.cross_entropy. Writes dscores = (softmax − one-hot)/rows, the
/// gradient of the mean loss with respect to the scores.
func softmaxCrossEntropy(scores: UnsafePointer<Float>, labels: UnsafePointer<Int32>, rows: Int, classes: Int,
                         dscores: UnsafeMutablePointer<Float>) -> Float {
    var total = 0.0
    let inverseRows = 1 / Float(rows)
    for r in 0..<rows {
        let s = scores + r * classes, d = dscores + r * classes
        var highest = s[0]
        for j in 1..<classes { highest = max(highest, s[j]) }
        var sum: Float = 0
        for j in 0..<classes {
            d[j] = exp(s[j] - highest)
            sum += d[j]
        }
        let label = Int(labels[r])
        // −log softmax as PyTorch's log_softmax orders it, (s − max) first: exact for large
        // equal scores, where log(sum) + max − s would round at the scale of max.
        total += Double(log(sum) - (s[label] - highest))
        let inverseSum = 1 / sum
        for j in 0..<classes { d[j] *= inverseSum * inverseRows }
        d[label] -= inverseRows
    }
    return Float(total / Double(rows))
}
