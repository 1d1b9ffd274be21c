import Foundation

/// The output folder cannot be created or written.
public struct OutputError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    /// The reason already says what became of the folder's earlier files.
    var settled = false
    public var description: String { "cannot write output folder \(path): \(reason)" }

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// Writes a comparison's outputs so that the folder ends up holding either the earlier run's
/// files, untouched, or this run's, every one complete. Everything is written into a staging
/// folder inside the output folder and checked there (each file's size as written, each PNG
/// whole), the manifest included, so that a full disk is found before anything is replaced.
/// Then each file is renamed into place, the earlier one moved aside first: renames within a
/// folder need no space, and should one fail all the same, the files already moved go back.
/// Files of an earlier run that this run does not write are removed; files the tool did not
/// write are left alone.
public final class OutputFolder {
    public let path: String
    public let staging: String
    static let manifestName = ".compare-inits-manifest"
    /// Inside the staging folder: where the commit moves the earlier files while it puts the new
    /// ones in place (created with the staging folder, so that it needs no space then).
    private var aside: String { staging + "/.earlier" }
    /// The files written into the staging folder, with their sizes.
    private var written: [String: Int] = [:]
    /// The folders init created (the output folder, missing parents): removed again, when empty,
    /// if nothing is committed.
    private let created: [String]

    /// Creates the folder (and parents) and the staging folder, proving both writable before any
    /// training starts.
    public init(path: String) throws {
        self.path = path
        staging = (path as NSString).appendingPathComponent(".compare-inits-staging-\(getpid())")
        var created: [String] = []
        do {
            created = try Folders.create(path)
            Self.removeAbandonedStaging(in: path)
            for folder in [staging, staging + "/.earlier"] where mkdir(folder, 0o777) != 0 {
                throw FileProblem(message: WholeFile.reason(errno))
            }
            let probe = staging + "/.probe"
            try WholeFile.write(Data(), to: probe)
            unlink(probe)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            Folders.removeIfEmpty(created)
            throw OutputError(path: path, reason: Self.reason(error))
        }
        self.created = created
    }

    /// Staging folders whose process is gone (killed, or stopped by a second Ctrl-C).
    static func removeAbandonedStaging(in path: String) {
        let prefix = ".compare-inits-staging-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid == getpid() || kill(pid, 0) != 0 else { continue }
            try? FileManager.default.removeItem(atPath: (path as NSString).appendingPathComponent(name))
        }
    }

    /// Writes a file into the staging folder, all of it or an error.
    public func write(_ file: OutputFile) throws {
        try write(name: file.name, data: Data(file.contents.utf8))
    }

    /// Writes bytes into the staging folder under `name`, all of them or an error.
    public func write(name: String, data: Data) throws {
        do {
            try WholeFile.write(data, to: staging + "/" + name)
        } catch {
            throw OutputError(path: path, reason: "\(name): \(Self.reason(error))")
        }
        written[name] = data.count
    }

    /// Of the PNGs `names` (rendered into the staging folder), those missing or not whole. A
    /// whole one counts as written at its size, so the commit checks it as any other file.
    public func incompletePNGs(_ names: [String]) -> [String] {
        names.filter { name in
            let file = staging + "/" + name
            var status = stat()
            guard PNGFile.isWhole(atPath: file), stat(file, &status) == 0 else { return true }
            written[name] = Int(status.st_size)
            return false
        }
    }

    /// Removes a staged file, so that the commit leaves it out.
    public func drop(_ name: String) { unlink(staging + "/" + name) }

    /// Checks every staged file, stages the manifest, then moves the files into the folder and
    /// removes the files of the previous run that this one did not replace. On failure nothing
    /// staged stays behind and the folder holds what it held before.
    public func commit() throws {
        do {
            let names = try checkedNames()
            let manifest = path + "/" + Self.manifestName
            let previous = (try? String(contentsOfFile: manifest, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
            try WholeFile.write(Data((names.joined(separator: "\n") + "\n").utf8), to: staging + "/" + Self.manifestName)
            try moveIntoPlace(names + [Self.manifestName])
            for stale in previous where !names.contains(stale) && Self.couldHaveWritten(stale) {
                unlink(path + "/" + stale)
            }
            try? FileManager.default.removeItem(atPath: staging)
        } catch {
            discard()
            throw error as? OutputError ?? OutputError(path: path, reason: Self.reason(error))
        }
    }

    /// The staged files to commit, in order, each checked: the files written by `write` at the
    /// size they were written, and the PNGs whole. A target that is a folder stops the commit
    /// before anything moves (moved aside, it would be deleted with the staging folder).
    private func checkedNames() throws -> [String] {
        var names: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: staging).sorted() where name != ".earlier" {
            let file = staging + "/" + name
            if let size = written[name] {
                var status = stat()
                guard stat(file, &status) == 0, Int(status.st_size) == size else {
                    throw OutputError(path: path, reason: "\(name) was not written in full")
                }
            } else if name.hasSuffix(".png") {
                guard PNGFile.isWhole(atPath: file) else { throw OutputError(path: path, reason: "\(name) was not written in full") }
            } else {
                continue  // not one of the outputs (a script's by-product): left out
            }
            names.append(name)
        }
        if let lost = written.keys.sorted().first(where: { !names.contains($0) }) {
            throw OutputError(path: path, reason: "\(lost) disappeared from the staging folder")
        }
        for name in names + [Self.manifestName] {
            var status = stat()
            if lstat(path + "/" + name, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                throw OutputError(path: path, reason: "\(path)/\(name) is a folder, where the outputs have a file of that name")
            }
        }
        return names
    }

    /// Renames each staged file into the folder, the earlier file of that name moved aside
    /// first; if a rename fails, every file already moved goes back.
    private func moveIntoPlace(_ names: [String]) throws {
        var done: [(name: String, hadEarlier: Bool)] = []
        for name in names {
            let target = path + "/" + name
            var status = stat()
            let hadEarlier = lstat(target, &status) == 0
            var failure = hadEarlier && rename(target, aside + "/" + name) != 0 ? errno : 0
            var notRestored: [String] = []
            if failure == 0 && rename(staging + "/" + name, target) != 0 {
                failure = errno
                if hadEarlier && rename(aside + "/" + name, target) != 0 { notRestored.append(name) }
            }
            guard failure != 0 else {
                done.append((name, hadEarlier))
                continue
            }
            for step in done.reversed() {
                rename(path + "/" + step.name, staging + "/" + step.name)
                if step.hadEarlier && rename(aside + "/" + step.name, path + "/" + step.name) != 0 { notRestored.append(step.name) }
            }
            guard notRestored.isEmpty else {
                // Kept where the user can find them, under a name no cleanup removes.
                let kept = path + "/.compare-inits-earlier-\(getpid())"
                rename(aside, kept)
                var error = OutputError(path: path, reason: "\(name): \(WholeFile.reason(failure)); the earlier "
                                        + "\(notRestored.joined(separator: ", ")) could not be put back: they are in \(kept)")
                error.settled = true
                throw error
            }
            throw OutputError(path: path, reason: "\(name): \(WholeFile.reason(failure))")
        }
    }

    /// Whether `name` is of a kind this tool writes. The manifest is read from a folder that may
    /// come from someone else: it can name only files of the folder itself, and of those only the
    /// tool's kinds, never a user's notes beside them.
    static func couldHaveWritten(_ name: String) -> Bool {
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else { return false }
        return name == "results.json" || name == "report.md" || [".dat", ".gp", ".png"].contains { name.hasSuffix($0) }
    }

    /// Drops everything staged, and the folders init created if they are empty; the folder
    /// keeps what it had.
    public func discard() {
        try? FileManager.default.removeItem(atPath: staging)
        Folders.removeIfEmpty(created)
    }

    static func reason(_ error: Error) -> String {
        if let problem = error as? FileProblem { return problem.message }
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileWriteNoPermission, .fileReadNoPermission: return "permission denied"
            case .fileWriteOutOfSpace: return "no space left on the device"
            case .fileWriteVolumeReadOnly: return "read-only file system"
            case .fileNoSuchFile, .fileReadNoSuchFile: return "a parent folder does not exist"
            default: break
            }
            if let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
                return WholeFile.reason(Int32(underlying.code))
            }
        }
        return error.localizedDescription
    }
}
