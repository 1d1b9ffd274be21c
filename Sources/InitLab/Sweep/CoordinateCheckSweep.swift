import Foundation

/// The coordinate check over a sweep's width axis (mup's coord-check figure): per step and
/// dense layer, each width's mean |x| (the geometric mean over its seeds) and the slope k of
/// log₂ mean |x| against log₂ width, the exponent of mean |x| ∝ width^k. Flat (k ≈ 0) is what muP
/// promises for every layer at every step; the standard parametrization's coordinates grow
/// with width after the first update.
///
/// A sweep with a second axis is read at one value of it: the one whose runs' mean validation
/// accuracy, averaged over the widths, is highest (a learning rate axis: the best rate overall),
/// as mup's check is run at one learning rate. It reads the runs' results only.
public struct CoordinateCheckSweep: Sendable {
    /// |k| below this reads as flat: over the sweep's widths a factor of at most 2^(0.2·octaves)
    /// (2.3 from 64 to 4096), where the standard parametrization's hidden layers grow by k ≈ 1.
    public static let flatSlope = 0.2

    /// The sweep's template whose points these are.
    public let template: Int
    public let widths: [Double]
    /// The second axis and the value the check is read at, in a two-axis sweep.
    public let fixed: (axis: SweepAxis, value: Double)?
    /// The steps measured (0: at initialization), in order.
    public let steps: [Int]
    /// values[step][layer][width]: nil where no run of that width gives a finite positive mean.
    public let values: [[[Double?]]]
    /// slopes[step][layer]: nil with fewer than two widths that have a value.
    public let slopes: [[Double?]]
    public var layerCount: Int { values.first?.count ?? 0 }

    /// The check of `sweep`'s width axis over template `template`'s points, nil when it has
    /// none, or no run recorded one.
    public init?(sweep: Sweep, template: Int = 0, summaries: [StrategySummary]) {
        guard sweep.templates.indices.contains(template), let w = sweep.axes.firstIndex(where: { $0.setting == .width }) else { return nil }
        self.template = template
        let byID = Dictionary(summaries.map { ($0.id, $0.runs) }, uniquingKeysWith: { first, _ in first })
        func runs(_ point: SweepPoint) -> [RunResult] { byID[point.strategyID] ?? [] }
        let all = sweep.points(of: template)
        var points = all
        if sweep.axes.count == 2 {
            let other = 1 - w, axis = sweep.axes[other]
            // The mean over widths of each value's mean accuracy over seeds; a value none of whose runs finished scores 0.
            let scores = axis.values.indices.map { i -> Double in
                let cells = all.filter { $0.indices[other] == i }
                return cells.map { cell in Sample.mean(runs(cell).compactMap(\.validationAccuracy)) ?? 0 }.reduce(0, +) / Double(max(cells.count, 1))
            }
            let best = scores.indices.max { scores[$0] < scores[$1] } ?? 0
            points = points.filter { $0.indices[other] == best }
            fixed = (axis, axis.values[best])
        } else {
            fixed = nil
        }
        points.sort { $0.coordinates[w] < $1.coordinates[w] }
        // Each run's records by their step: a run that stopped early (a diverged one) has fewer,
        // and a step is read only from the runs that recorded it.
        let records = points.map { point in
            runs(point).map { Dictionary($0.coordinates.map { ($0.step, $0) }, uniquingKeysWith: { first, _ in first }) }.filter { !$0.isEmpty }
        }
        let recorded = records.joined()
        guard let layers = recorded.lazy.flatMap(\.values).first?.meanAbsolute.count else { return nil }
        widths = points.map { $0.coordinates[w] }
        steps = Set(recorded.flatMap(\.keys)).sorted()
        values = steps.map { step in
            (0..<layers).map { l in
                records.map { seeds in
                    let logs = seeds.compactMap { $0[step].flatMap { $0.meanAbsolute.indices.contains(l) ? $0.meanAbsolute[l] : nil } }
                        .filter { $0.isFinite && $0 > 0 }.map(log2)
                    return logs.isEmpty ? nil : exp2(logs.reduce(0, +) / Double(logs.count))
                }
            }
        }
        let widths = self.widths
        slopes = values.map { layers in layers.map { Self.slope(widths: widths, values: $0) } }
    }

    /// The least-squares slope of log₂ value against log₂ width over the widths with a value.
    static func slope(widths: [Double], values: [Double?]) -> Double? {
        let points = zip(widths, values).compactMap { w, v in v.map { (log2(w), log2($0)) } }
        guard points.count >= 2 else { return nil }
        let mx = points.map(\.0).reduce(0, +) / Double(points.count), my = points.map(\.1).reduce(0, +) / Double(points.count)
        let sxx = points.reduce(0) { $0 + ($1.0 - mx) * ($1.0 - mx) }
        guard sxx > 0 else { return nil }
        return points.reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / sxx
    }

    /// A layer's name in the figure and the report: "layer 2", the readout's "output (logits)".
    public func layerName(_ l: Int) -> String { l == layerCount - 1 ? "output (logits)" : "layer \(l + 1)" }
}
