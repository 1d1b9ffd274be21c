import Foundation
import Testing

/// A real file system of a few hundred KiB (a tmpfs), for what a full disk does to the tool's
/// writes: no mocked write can show what gnuplot does when the disk fills. Mounting needs root
/// (CI runs the suite as root); elsewhere the tests that need it are skipped, saying why.
final class SmallFileSystem {
    let path: String

    /// Mounts a tmpfs of `kibibytes` on a fresh folder.
    init(kibibytes: Int, function: String = #function) throws {
        path = temporaryFolder(function)
        guard mount("tmpfs", path, "tmpfs", 0, "size=\(kibibytes)k,mode=0755") == 0 else {
            let reason = String(cString: strerror(errno))
            removeFolder(path)
            throw SmallFileSystemError(message: "cannot mount a tmpfs on \(path): \(reason)")
        }
    }

    /// Unmounts (its files go with it) and removes the folder.
    func remove() {
        umount2(path, Int32(MNT_DETACH))
        removeFolder(path)
    }

    /// Bytes this user may still write.
    var freeBytes: Int {
        var info = statvfs()
        precondition(statvfs(path, &info) == 0)
        return Int(info.f_bavail) * Int(info.f_frsize)
    }

    /// Fills the file system until `bytes` are left, with a file `filler` (replaced if there).
    func leave(_ bytes: Int) throws {
        let filler = path + "/filler"
        unlink(filler)
        let size = freeBytes - bytes
        precondition(size > 0, "only \(freeBytes) bytes free, \(bytes) asked to be left")
        guard FileManager.default.createFile(atPath: filler, contents: Data(count: size)) else {
            throw SmallFileSystemError(message: "cannot write \(size) bytes to \(filler)")
        }
    }

    /// Whether this process can mount one: root with the right to mount, tried once.
    static let canMount: Bool = {
        guard geteuid() == 0, let trial = try? SmallFileSystem(kibibytes: 64, function: "trial") else { return false }
        trial.remove()
        return true
    }()

    static let skipReason: Comment = "needs root and the right to mount a tmpfs (CI runs the suite as root); a mocked write cannot show a full disk"
}

struct SmallFileSystemError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
