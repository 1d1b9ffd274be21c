import Crypto
import Foundation

/// Finished runs kept on disk, one file each, named by the content hash of everything that
/// determines the run (RunKey): a run found here is not trained again, so a comparison that
/// was stopped, even killed, finishes only what is missing, with the same bits. Each file is
/// written atomically (a temporary file renamed into place) and starts with the SHA-256 of its
/// body, so a truncated or damaged file is detected and its run trained again.
public final class RunCache: @unchecked Sendable {
    public let folder: String
    private static let header = "compare-inits run cache 1 sha256 "

    /// Creates the folder if needed and proves it writable; with `readOnly` (merge), only that
    /// it exists. Throws one clear line. Temporary files that a killed writer left over a day
    /// ago are removed (a newer one may be another process's, writing now).
    public init(folder: String, readOnly: Bool = false) throws {
        self.folder = folder
        let manager = FileManager.default
        if readOnly {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CacheError(message: "cache folder \(folder) does not exist")
            }
            return
        }
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            // A name no other process (another host's same pid) uses, created only if it does not exist.
            let probe = folder + "/.write-test-" + UUID().uuidString
            let descriptor = open(probe, O_CREAT | O_EXCL | O_WRONLY, 0o600)
            guard descriptor >= 0 else { throw CacheError(message: String(cString: strerror(errno))) }
            close(descriptor)
            unlink(probe)
        } catch {
            throw CacheError(message: "cache folder \(folder) cannot be written to (\(Self.reason(error))); choose another with --cache DIR, or --no-cache")
        }
        let dayAgo = Date().addingTimeInterval(-86_400)
        for name in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(".tmp-") {
            let path = folder + "/" + name
            if let modified = (try? manager.attributesOfItem(atPath: path))?[.modificationDate] as? Date, modified < dayAgo {
                try? manager.removeItem(atPath: path)
            }
        }
    }

    /// The default folder: $XDG_CACHE_HOME/compare-inits, else ~/.cache/compare-inits; nil without either.
    public static func defaultFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") { return base + "/compare-inits" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/compare-inits" }
        return nil
    }

    func path(_ key: RunKey) -> String { folder + "/" + key.hex + ".json" }

    /// The run stored under `key`, if there is one and it is `plan`'s; a damaged file is
    /// reported through `problem` (one line) and counts as missing.
    func load(_ key: RunKey, plan: RunPlan, problem: (String) -> Void) -> RunResult? {
        let path = self.path(key)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let newline = text.firstIndex(of: "\n"), text.hasPrefix(Self.header) else {
            problem("cache file \(path) has no valid header; training its run again")
            return nil
        }
        let checksum = text[text.index(text.startIndex, offsetBy: Self.header.count)..<newline]
        let body = String(text[text.index(after: newline)...])
        guard checksum == Self.sha256(Data(body.utf8)) else {
            problem("cache file \(path) is damaged (its checksum does not match); training its run again")
            return nil
        }
        do {
            let run = try RunResult(json: JSONParser.parse(body))
            guard run.strategyID == plan.strategy.id, run.seed == plan.seed else {
                problem("cache file \(path) holds another run (\(run.strategyID), seed \(run.seed)); training its run again")
                return nil
            }
            return run
        } catch {
            problem("cache file \(path) does not hold a run (\(error)); training its run again")
            return nil
        }
    }

    /// Stores a finished run under `key`, atomically; a failure (a full disk) is reported and
    /// leaves no partial file.
    func store(_ run: RunResult, key: RunKey) throws {
        let body = run.json.formatted()
        let text = Self.header + Self.sha256(Data(body.utf8)) + "\n" + body
        let temporary = folder + "/.tmp-\(key.hex)-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path(key)) == 0 else { throw CacheError(message: String(cString: strerror(errno))) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CacheError(message: "cannot store a run in the cache folder \(folder) (\(Self.reason(error))); use --no-cache or free some space")
        }
    }

    static func sha256(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }

    private static func reason(_ error: Error) -> String {
        (error as? CacheError)?.message ?? OutputFolder.reason(error)
    }
}

/// A cache folder that cannot be used.
public struct CacheError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
