/// Shard I of N (1-based) of a comparison's runs: a deterministic subset, balanced by the runs'
/// estimated cost, that one machine (a Slurm array task, a Kubernetes indexed job) trains into a
/// shared cache; `merge` then publishes them. The shards of any N cover every run exactly once.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// "I/N" with 1 ≤ I ≤ N; nil otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, count <= 100_000,
              (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    public var description: String { "\(index)/\(count)" }

    /// The plan indices of this shard, given every plan's cost: the most costly first, each to
    /// the shard with the least cost so far (ties: the lower shard, the earlier plan), in plan order.
    public func plans(costs: [Double]) -> [Int] {
        var load = [Double](repeating: 0, count: count)
        var mine: [Int] = []
        for plan in costs.indices.sorted(by: { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }) {
            let shard = load.indices.min { load[$0] != load[$1] ? load[$0] < load[$1] : $0 < $1 }!
            load[shard] += costs[plan]
            if shard == index - 1 { mine.append(plan) }
        }
        return mine.sorted()
    }
}
