/// The fixed batch of training images on which the diagnostics watch every network: the first
/// `count` images of the training file, whatever the seed, the split or the strategy, so that
/// all runs are measured on the same inputs. (Fashion-MNIST's training file is in no class
/// order, so its first images are a fair sample of it.) Read-only once made, shared by the runs.
public final class ProbeBatch: @unchecked Sendable {
    public let rows: Int
    /// (rows, features), as a training batch.
    let x: FloatBuffer
    let labels: [Int32]

    public init(dataset: Dataset, count: Int) {
        rows = min(count, dataset.count)
        x = FloatBuffer(count: rows * dataset.features)
        var labels = [Int32](repeating: 0, count: rows)
        dataset.gather(Array(0..<Int32(rows))[...], into: x.pointer, labels: &labels)
        self.labels = labels
    }
}
