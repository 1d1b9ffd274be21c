import Foundation

/// The output folder cannot be created or written.
public struct OutputError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "cannot write output folder \(path): \(reason)" }
}

/// Writes a comparison's outputs so that a reader never sees a half-written set: everything is
/// written into a staging folder inside the output folder, then each file is renamed into place
/// (an atomic step per file), and files of an earlier run that this run does not write are
/// removed, so two runs' outputs never mix. Files the tool did not write are left alone.
public final class OutputFolder {
    public let path: String
    public let staging: String
    static let manifestName = ".compare-inits-manifest"

    /// Creates the folder (and parents) and the staging folder, proving both writable before any
    /// training starts.
    public init(path: String) throws {
        self.path = path
        staging = (path as NSString).appendingPathComponent(".compare-inits-staging-\(getpid())")
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw OutputError(path: path, reason: "a file of that name exists")
        }
        do {
            try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
            Self.removeAbandonedStaging(in: path)
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
            let probe = (staging as NSString).appendingPathComponent(".probe")
            guard manager.createFile(atPath: probe, contents: Data()) else { throw CocoaError(.fileWriteNoPermission) }
            try manager.removeItem(atPath: probe)
        } catch {
            try? manager.removeItem(atPath: staging)
            throw OutputError(path: path, reason: Self.reason(error))
        }
    }

    /// Staging folders whose process is gone (killed, or stopped by a second Ctrl-C).
    static func removeAbandonedStaging(in path: String) {
        let prefix = ".compare-inits-staging-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid == getpid() || kill(pid, 0) != 0 else { continue }
            try? FileManager.default.removeItem(atPath: (path as NSString).appendingPathComponent(name))
        }
    }

    public func write(_ file: OutputFile) throws {
        let target = (staging as NSString).appendingPathComponent(file.name)
        do {
            try Data(file.contents.utf8).write(to: URL(fileURLWithPath: target))
        } catch {
            throw OutputError(path: path, reason: "\(file.name): \(Self.reason(error))")
        }
    }

    /// Moves every staged file into the folder and removes the files of the previous run that
    /// this one did not replace.
    public func commit() throws {
        let manager = FileManager.default
        do {
            let names = try manager.contentsOfDirectory(atPath: staging).sorted()
            let manifest = (path as NSString).appendingPathComponent(Self.manifestName)
            let previous = (try? String(contentsOfFile: manifest, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
            for name in names {
                let from = (staging as NSString).appendingPathComponent(name)
                let to = (path as NSString).appendingPathComponent(name)
                guard rename(from, to) == 0 else { throw OutputError(path: path, reason: "\(name): \(String(cString: strerror(errno)))") }
            }
            for stale in previous where !names.contains(stale) && Self.couldHaveWritten(stale) {
                try? manager.removeItem(atPath: (path as NSString).appendingPathComponent(stale))
            }
            let staged = (staging as NSString).appendingPathComponent(Self.manifestName)
            try Data((names.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: staged))
            guard rename(staged, manifest) == 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
            try manager.removeItem(atPath: staging)
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError(path: path, reason: Self.reason(error))
        }
    }

    /// Whether `name` is of a kind this tool writes. The manifest is read from a folder that may
    /// come from someone else: it can name only files of the folder itself, and of those only the
    /// tool's kinds, never a user's notes beside them.
    static func couldHaveWritten(_ name: String) -> Bool {
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else { return false }
        return name == "results.json" || name == "report.md" || [".dat", ".gp", ".png"].contains { name.hasSuffix($0) }
    }

    /// Drops everything staged; the folder keeps what it had.
    public func discard() { try? FileManager.default.removeItem(atPath: staging) }

    static func reason(_ error: Error) -> String {
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileWriteNoPermission, .fileReadNoPermission: return "permission denied"
            case .fileWriteOutOfSpace: return "no space left on the device"
            case .fileWriteVolumeReadOnly: return "read-only file system"
            case .fileNoSuchFile, .fileReadNoSuchFile: return "a parent folder does not exist"
            default: break
            }
            if let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
                return String(cString: strerror(Int32(underlying.code)))
            }
        }
        return error.localizedDescription
    }
}
