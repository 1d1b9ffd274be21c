/// One step of the coordinate check: each dense layer's mean absolute coordinate on the probe
/// batch, mup's "l1" statistic (mean |x|), of its output: what enters its activation (x·Wᵀ + b
/// under the layer's multipliers, or γ·ẑ + β after batch normalization), the readout's scores.
public struct CoordinateRecord: Sendable, Equatable {
    /// Updates done before the measurement: 0 is the network at initialization.
    public var step: Int
    /// Per dense layer, input side first.
    public var meanAbsolute: [Double]
}

/// mup's coordinate check (mup/coord_check.py, `get_coord_data` with its default "l1"
/// statistic): how large a typical coordinate of every layer's output is at initialization and
/// after each of the first few updates. Over a width sweep, a coordinate that grows with width
/// (∝ width^k) blows up in a wider network; under muP every one stays put. Measured with the
/// network's own forward pass on the probe batch (Pass.measurement: no dropout, batch
/// normalization with the batch's statistics, its running ones untouched), into buffers of its
/// own, freed after the last step: a run trains the same bits with it or without it.
final class CoordinateCheck: PassObserver {
    /// At initialization and after the first four updates, as mup's README figure shows them.
    static let steps = 0...4

    private let network: Network
    private let batch: ProbeBatch
    private var buffers: BatchBuffers?
    private let executor: Executor
    private var layers: [Double] = []
    private(set) var records: [CoordinateRecord] = []
    /// Seconds spent measuring at initialization, and after training steps (which the run's
    /// training time leaves out).
    private(set) var initialSeconds = 0.0, stepSeconds = 0.0
    var seconds: Double { initialSeconds + stepSeconds }

    /// Measures the network as training will start from it.
    init(network: Network, batch: ProbeBatch) {
        self.network = network
        self.batch = batch
        executor = Executor(plan: network.plan)
        buffers = BatchBuffers(plan: network.plan, capacity: batch.rows, backward: false)
        measure(step: 0)
    }

    /// After update `step`; nothing beyond the check's last step.
    func measure(step: Int) {
        guard Self.steps.contains(step), let buffers else { return }
        let start = monotonicSeconds()
        layers = Array(repeating: .nan, count: network.layers.count)
        var pass = Pass.measurement(gradients: false)
        network.forward(batch.x.pointer, rows: batch.rows, buffers: buffers, pass: &pass, on: executor, observer: self)
        records.append(CoordinateRecord(step: step, meanAbsolute: layers))
        if step == Self.steps.upperBound { self.buffers = nil }
        if step == 0 { initialSeconds += monotonicSeconds() - start } else { stepSeconds += monotonicSeconds() - start }
    }

    func willForward(_ node: any Node, _ context: PassContext) {
        guard let gate = node as? Gate else { return }
        layers[gate.stage] = Self.meanAbsolute(context.values(gate.slot), features: gate.width, samples: context.rows,
                                               shift: gate.shiftValues(context))
    }

    func didForward(_ node: any Node, _ context: PassContext) {
        guard let readout = node as? Dense, readout.outputLayout == .sampleMajor else { return }
        layers[readout.layer] = Self.meanAbsolute(context.values(readout.output), features: 1, samples: context.rows * readout.outputs,
                                                  shift: nil)
    }

    /// Mean of |x + shift[f]| over a feature-major (features, samples) block, summed in Double.
    static func meanAbsolute(_ x: UnsafePointer<Float>, features: Int, samples: Int, shift: UnsafePointer<Float>?) -> Double {
        var total = 0.0
        for f in 0..<features {
            let row = x + f * samples, s = shift?[f] ?? 0
            var sum = 0.0
            for i in 0..<samples { sum += Double(abs(row[i] + s)) }
            total += sum
        }
        return total / Double(features * samples)
    }
}
