/// Watches one run at initialization and after the steps of its schedule. The training loop
/// tells it where each step's update is; at a scheduled step it keeps the weights before the
/// update, then measures the update, the step's gradient and the probe batch. It reads the
/// network and never touches the run's random streams, batches or weights.
final class DiagnosticsRecorder {
    private let model: MLP
    private let probe: Probe
    /// Steps ≥ 1 to record after, increasing; step 0 is recorded at once.
    private let schedule: [Int]
    private var next = 0
    private let before: FloatBuffer
    private(set) var diagnostics: RunDiagnostics
    /// Seconds spent measuring at initialization and after steps; the run's training time leaves both out.
    private let initialSeconds: Double
    private(set) var stepSeconds = 0.0
    var seconds: Double { initialSeconds + stepSeconds }

    /// Measures the network as training will start from it; `schedule` is increasing.
    init(model: MLP, batch: ProbeBatch, schedule: [Int]) {
        let start = monotonicSeconds()
        self.model = model
        probe = Probe(model: model, batch: batch)
        before = FloatBuffer(count: model.parameters.count)
        let initial = probe.measure(gradients: true)
        diagnostics = RunDiagnostics(probeImages: batch.rows, initial: initial, steps: [])
        diagnostics.steps.reserveCapacity(schedule.count)
        if schedule.first == 0 {
            // Step 0 is the network at initialization: the same forward statistics, no step's gradient.
            diagnostics.steps.append(StepDiagnostics(step: 0, layers: initial.map { layer in
                var entry = layer
                entry.outputGradientStd = nil
                entry.weightGradientStd = nil
                return entry
            }))
        }
        self.schedule = schedule.filter { $0 >= 1 }
        initialSeconds = monotonicSeconds() - start
    }

    /// Called after step `step`'s backward pass, before its update.
    func stepWillUpdate(_ step: Int) {
        guard next < schedule.count, schedule[next] == step else { return }
        before.pointer.update(from: model.parameters.pointer, count: model.parameters.count)
    }

    /// Called after step `step`'s update, whose gradient is still in the model's gradients.
    func stepDidUpdate(_ step: Int) {
        guard next < schedule.count, schedule[next] == step else { return }
        next += 1
        let start = monotonicSeconds()
        var layers = probe.measure(gradients: false)
        for (l, layer) in model.layers.enumerated() {
            let count = layer.inputs * layer.outputs
            let gradient = model.gradients.pointer + layer.weightOffset
            let previous = before.pointer + layer.weightOffset
            layers[l].weightGradientNorm = Moments.norm(gradient, count: count)
            layers[l].weightGradientStd = Moments(gradient, count: count).std
            let weights = Moments.norm(previous, count: count)
            // All-zero weights have no scale to compare an update with.
            layers[l].updateRatio = weights > 0
                ? Moments.distance(model.parameters.pointer + layer.weightOffset, previous, count: count) / weights : nil
        }
        diagnostics.steps.append(StepDiagnostics(step: step, layers: layers.map(\.finite)))
        stepSeconds += monotonicSeconds() - start
    }
}
