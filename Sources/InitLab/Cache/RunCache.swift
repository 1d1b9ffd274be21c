import Crypto
import Foundation

/// Finished runs kept on disk, one file each, named by the content hash of everything that
/// determines the run (RunKey): a run found here is not trained again, so a comparison that
/// was stopped, even killed, finishes only what is missing, with the same bits. Each file is
/// written atomically (a temporary file renamed into place) and is checked when read
/// (CacheEntry): a damaged one is reported and its run trained again, over it; one that holds
/// another run (its key material is not this run's) is reported and kept aside, renamed
/// HEX.json.rejected-…, a name nothing here deletes, and its run trained again.
public final class RunCache: @unchecked Sendable {
    public let folder: String
    /// Only read (merge): nothing in the folder is renamed or written.
    let readOnly: Bool

    /// Creates the folder if needed and proves it writable; with `readOnly` (merge), only that
    /// it exists. Throws one clear line. Temporary files that a killed writer left over a day
    /// ago are removed (a newer one may be another process's, writing now).
    public init(folder: String, readOnly: Bool = false) throws {
        self.folder = folder
        self.readOnly = readOnly
        let manager = FileManager.default
        if readOnly {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CacheError(message: "cache folder \(folder) does not exist")
            }
            return
        }
        do {
            _ = try Folders.create(folder)
            // A name no other process (another host's same pid) uses, created only if it does not exist.
            let probe = folder + "/.write-test-" + UUID().uuidString
            try WholeFile.write(Data(), to: probe, exclusive: true)
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

    /// The run stored under `key`, if there is one and it is `plan`'s. A file that cannot be
    /// used is reported through `problem` (one line) and counts as missing.
    func load(_ key: RunKey, plan: RunPlan, problem: (String) -> Void) -> RunResult? {
        let path = self.path(key)
        // What a read-only cache (merge) does about it: nothing.
        let consequence = readOnly ? "merge trains nothing: its run counts as missing" : "training its run again"
        let file: (data: Data, identity: FileIdentity)
        switch Self.read(path) {
        case .absent: return nil
        case .unusable(let what):
            problem("cache file \(path) \(what); \(consequence)")
            return nil
        case .contents(let data, let identity): file = (data, identity)
        }
        do {
            return try CacheEntry.run(in: file.data, key: key, plan: plan)
        } catch CacheEntry.Rejection.foreign(let what) {
            let kept = readOnly ? "left in place" : setAside(path, identity: file.identity)
            problem("cache file \(path) \(what); \(kept); \(consequence)")
        } catch CacheEntry.Rejection.damaged(let what) {
            problem("cache file \(path) \(what); \(consequence)")
        } catch {
            problem("cache file \(path) cannot be read (\(error)); \(consequence)")
        }
        return nil
    }

    /// A file's device and inode: the file read is the file renamed, not one stored since.
    struct FileIdentity: Equatable {
        let device: UInt64
        let inode: UInt64
    }

    enum Contents {
        case absent
        case unusable(String)
        case contents(Data, FileIdentity)
    }

    /// The bytes of a regular file. Opened without blocking and checked before it is read: a
    /// named pipe there would otherwise stop the command, a device never end.
    static func read(_ path: String) -> Contents {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            return errno == ENOENT ? .absent : .unusable("cannot be read (\(WholeFile.reason(errno)))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .unusable("cannot be read (\(WholeFile.reason(errno)))") }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFIFO: return .unusable("is a named pipe, not a file")
        case S_IFDIR: return .unusable("is a folder, not a file")
        case S_IFSOCK: return .unusable("is a socket, not a file")
        default: return .unusable("is a device, not a file")
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return .unusable("cannot be read (\(WholeFile.reason(errno)))") }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return .contents(data, FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino)))
    }

    /// Renames a rejected file out of the way, unless it was replaced since it was read (by
    /// another process storing the run); says what became of it.
    private func setAside(_ path: String, identity: FileIdentity) -> String {
        var status = stat()
        guard lstat(path, &status) == 0, FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino)) == identity else {
            return "already replaced"
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let aside = path + ".rejected-" + formatter.string(from: Date()) + "-" + UUID().uuidString.prefix(8).lowercased()
        guard rename(path, aside) == 0 else { return "could not be kept aside (\(WholeFile.reason(errno)))" }
        return "kept aside as \((aside as NSString).lastPathComponent)"
    }

    /// Stores a finished run under `key`, atomically; a failure (a full disk) is reported and
    /// leaves no partial file.
    func store(_ run: RunResult, key: RunKey) throws {
        let temporary = folder + "/.tmp-\(key.hex)-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        do {
            try WholeFile.write(Data(CacheEntry.text(run, key: key).utf8), to: temporary, exclusive: true)
            guard rename(temporary, path(key)) == 0 else { throw FileProblem(message: WholeFile.reason(errno)) }
        } catch {
            unlink(temporary)
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
