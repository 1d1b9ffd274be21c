/// Watches one run at initialization and after the steps of its schedule. The training loop
/// tells it where each step's update is; at a scheduled step it keeps the weights before the
/// update, then measures the update, the step's gradient and the probe batch. It reads the
/// network and never touches the run's random streams, batches or weights.
final class DiagnosticsRecorder: UpdateObserver {
    private let network: Network
    private let measurement: InsideMeasurement
    /// Steps ≥ 1 to record after, increasing; step 0 is recorded at once.
    private let schedule: [Int]
    private var next = 0
    private let before: FloatBuffer
    private(set) var diagnostics: RunDiagnostics
    /// Seconds spent measuring at initialization and after steps; the run's training time leaves both out.
    private let initialSeconds: Double
    private(set) var stepSeconds = 0.0
    var seconds: Double { initialSeconds + stepSeconds }

    /// Measures the network as training will start from it, with the Jacobian's spectrum at
    /// `jacobianInputs` probe images (0: none); `schedule` is increasing.
    init(network: Network, batch: ProbeBatch, schedule: [Int], jacobianInputs: Int = 0) {
        let start = monotonicSeconds()
        self.network = network
        measurement = InsideMeasurement(network: network, batch: batch)
        before = FloatBuffer(count: network.parameters.count)
        let initial = measurement.measure(gradients: true)
        diagnostics = RunDiagnostics(probeImages: batch.rows, initial: initial, steps: [],
                                     jacobian: nil, initialBlocks: measurement.blocks)
        diagnostics.projectionStreamStd = measurement.projectionStreamStd
        diagnostics.jacobian = measurement.jacobianSpectrum(inputs: jacobianInputs)
        diagnostics.steps.reserveCapacity(schedule.count)
        if schedule.first == 0 {
            // Step 0 is the network at initialization: the same forward statistics, no step's gradient.
            diagnostics.steps.append(StepDiagnostics(step: 0, layers: initial.map { layer in
                var entry = layer
                entry.outputGradientStd = nil
                entry.weightGradientStd = nil
                return entry
            }, blocks: diagnostics.initialBlocks.map { block in
                var entry = block
                entry.streamGradientStd = nil
                return entry
            }))
        }
        self.schedule = schedule.filter { $0 >= 1 }
        initialSeconds = monotonicSeconds() - start
    }

    /// Called after step `step`'s backward pass, before its update.
    func willUpdate(step: Int) {
        guard next < schedule.count, schedule[next] == step else { return }
        before.pointer.update(from: network.parameters.pointer, count: network.parameters.count)
    }

    /// Called after step `step`'s update, whose gradient is still in the network's gradients.
    func didUpdate(step: Int) {
        guard next < schedule.count, schedule[next] == step else { return }
        next += 1
        let start = monotonicSeconds()
        var layers = measurement.measure(gradients: false)
        for weight in network.plan.segments where weight.role == .weight {
            let l = weight.layer, count = weight.count
            let gradient = network.gradients.pointer + weight.offset, previous = before.pointer + weight.offset
            layers[l].weightGradientNorm = Moments.norm(gradient, count: count)
            layers[l].weightGradientStd = Moments(gradient, count: count).std
            let weights = Moments.norm(previous, count: count)
            // All-zero weights have no scale to compare an update with.
            layers[l].updateRatio = weights > 0
                ? Moments.distance(network.parameters.pointer + weight.offset, previous, count: count) / weights : nil
        }
        diagnostics.steps.append(StepDiagnostics(step: step, layers: layers.map(\.finite), blocks: measurement.blocks))
        stepSeconds += monotonicSeconds() - start
    }
}
