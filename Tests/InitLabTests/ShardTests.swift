import Foundation
import Testing
@testable import InitLab

/// Shards train disjoint parts of a comparison into one cache; `merge` then writes the report
/// of one local run, bit for bit.
@Suite struct ShardTests {
    @Test func theShardsOfAnyCountCoverEveryRunOnceAndBalanceTheirCost() {
        let costs: [Double] = [5, 1, 1, 9, 3, 3, 2, 8, 1, 4]
        for count in 1...12 {
            let parts = (1...count).map { Shard("\($0)/\(count)")!.plans(costs: costs) }
            #expect(parts.flatMap { $0 }.sorted() == Array(costs.indices), "\(count) shards")
            let loads = parts.map { $0.reduce(0) { $0 + costs[$1] } }
            // Greedy by cost: no shard exceeds another by more than the largest run.
            #expect(loads.max()! - loads.min()! <= costs.max()!, "\(count) shards: \(loads)")
        }
        for bad in ["3/2", "0/4", "x", "1/0", "1/", "/2", "-1/2", "1/2/3", ""] { #expect(Shard(bad) == nil, "\(bad)") }
    }

    @Test func shardsThenMergeGiveTheBitsOfOneLocalRun() throws {
        let (folder, config) = try syntheticExperiment(extra: "\"repeats\": 2,")
        defer { removeFolder(folder) }
        let cache = folder + "/cache"
        for index in 1...3 {
            let shard = try runCommand([config, "--quiet", "--shard", "\(index)/3", "--cache", cache])
            #expect(shard.status == 0 && shard.stdout.hasPrefix("Shard \(index)/3: 2 runs in \(cache)"), "\(shard.stdout) \(shard.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"), "a shard wrote a report")
        let merged = try runCommand(["merge", config, "--cache", cache, "--output", folder + "/merged"])
        #expect(merged.status == 0 && merged.stdout.contains("from 6 cached runs."), "\(merged.stderr)")
        let local = try runCommand([config, "--quiet", "--no-cache", "--output", folder + "/local"])
        #expect(local.status == 0)
        let a = try ResultsFile.runs(fromText: String(contentsOfFile: folder + "/merged/results.json", encoding: .utf8))
        let b = try ResultsFile.runs(fromText: String(contentsOfFile: folder + "/local/results.json", encoding: .utf8))
        #expect(CacheTests.same(a, b))
        let reportA = try String(contentsOfFile: folder + "/merged/report.md", encoding: .utf8)
        #expect(reportA.contains("## Inside the network") && reportA.contains("| Default |"))
        #expect(reportA.contains("| Runs | all 6 read from the run cache"))
    }

    @Test func aMergeWithRunsMissingNamesThemOrWritesThemMarked() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        let cache = folder + "/cache"
        #expect(try runCommand([config, "--quiet", "--shard", "1/2", "--cache", cache]).status == 0)
        let failed = try runCommand(["merge", config, "--cache", cache])
        #expect(failed.status == 1 && failed.stderr.split(separator: "\n").count == 1, "\(failed.stderr)")
        #expect(failed.stderr.contains("1 of 3 runs is not in the cache") && failed.stderr.contains("--allow-partial"), "\(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out/results.json"))
        let partial = try runCommand(["merge", config, "--cache", cache, "--allow-partial"])
        #expect(partial.status == 0 && partial.stdout.contains("missing, marked interrupted"), "\(partial.stderr)")
        let runs = try ResultsFile.runs(fromText: String(contentsOfFile: folder + "/out/results.json", encoding: .utf8))
        let kept = Shard("1/2")!.plans(costs: try Self.costs(config))
        #expect(runs.indices.filter { runs[$0].status == .ok } == kept)
    }

    @Test func badShardSpecsAndAShardWithoutCacheAreOneLineEach() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        for bad in ["3/2", "0/4", "two/3"] {
            let result = try runCommand([config, "--shard", bad])
            #expect(result.status == 2 && result.stderr.contains("--shard: expected I/N with 1 ≤ I ≤ N, found \"\(bad)\""), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        let noCache = try runCommand([config, "--shard", "1/2", "--no-cache"])
        #expect(noCache.status == 2 && noCache.stderr.hasPrefix("compare-inits: --shard trains into the run cache, which --no-cache turns off"))
        #expect(noCache.stderr.split(separator: "\n").count == 1)
    }

    static func costs(_ config: String) throws -> [Double] {
        let experiment = try Experiment.load(path: config)
        return Comparison(experiment: experiment, dataset: try Dataset.load(experiment.dataset)).costs
    }
}
