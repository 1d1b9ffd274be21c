import Foundation

/// The text of one cache file: a header line with the SHA-256 of the body, then the body, a JSON
/// object of the run's key material (what RunKey hashed) and the run. The checksum finds a
/// truncated or damaged file; the key material, a whole file that is another run's (copied, or
/// left by another experiment in a shared cache), which no checksum can.
enum CacheEntry {
    static let header = "compare-inits run cache 2 sha256 "

    static func text(_ run: RunResult, key: RunKey) -> String {
        let body = JSON.object([("key", key.material), ("run", run.json)]).formatted()
        return header + RunCache.sha256(Data(body.utf8)) + "\n" + body
    }

    /// Why a cache file cannot be used as the run of `key`.
    enum Rejection: Error {
        /// Damaged or not a cache file: trained again and overwritten.
        case damaged(String)
        /// Whole, but another run's: kept aside, as it may be someone's valid result.
        case foreign(String)
    }

    /// The run in `data`, if it is whole and the run of `key` and `plan`; else throws a Rejection.
    static func run(in data: Data, key: RunKey, plan: RunPlan) throws -> RunResult {
        let text = String(decoding: data, as: UTF8.self)
        guard let newline = text.firstIndex(of: "\n"), text.hasPrefix(header) else { throw Rejection.damaged("has no valid header") }
        let checksum = text[text.index(text.startIndex, offsetBy: header.count)..<newline]
        let body = String(text[text.index(after: newline)...])
        guard checksum == RunCache.sha256(Data(body.utf8)) else { throw Rejection.damaged("is damaged (its checksum does not match)") }
        let json: JSON, run: RunResult
        do {
            json = try JSONParser.parse(body)
            guard let recorded = json["key"], let stored = json["run"] else { throw Rejection.damaged("does not hold a run and its key") }
            guard recorded == key.material else {
                let differing = differences(recorded, key.material)
                let shown = differing.prefix(3).joined(separator: ", ") + (differing.count > 3 ? ", …" : "")
                throw Rejection.foreign("was computed for another run (its \(shown) \(differing.count == 1 ? "differs" : "differ") from this run's)")
            }
            run = try RunResult(json: stored)
        } catch let rejection as Rejection {
            throw rejection
        } catch {
            throw Rejection.damaged("does not hold a run (\(error))")
        }
        // The key names the strategy and the seed: a run that is not theirs was put there by hand.
        guard run.strategyID == plan.strategy.id, run.seed == plan.seed else {
            throw Rejection.foreign("holds another run (\(run.strategyID), seed \(run.seed)) under this run's key")
        }
        return run
    }

    /// The key paths (up to three levels deep) where two key materials differ, in order.
    static func differences(_ a: JSON, _ b: JSON, path: String = "") -> [String] {
        guard a != b else { return [] }
        guard case .object(let x) = a, case .object(let y) = b, path.split(separator: ".").count < 4 else { return [path] }
        var keys = y.map(\.key)
        keys += x.map(\.key).filter { !keys.contains($0) }
        return keys.flatMap { key in differences(a[key] ?? .null, b[key] ?? .null, path: path.isEmpty ? key : path + "." + key) }
    }
}
