import Foundation

/// A file the tool could not write or read, in words ("results.json: no space left on the device").
public struct FileProblem: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Writes a file through the system calls themselves, so that every way a write can fall short
/// is seen: a short or failed write() (a full disk), and a failed close(), where network file
/// systems report what they could not store. Foundation's Data.write hides some of these.
enum WholeFile {
    /// Writes `data` to `path` (replacing a file there, or with `exclusive` failing if one
    /// exists); on failure removes what it wrote and throws the reason in words.
    static func write(_ data: Data, to path: String, exclusive: Bool = false) throws {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC)
        let descriptor = open(path, flags, 0o666)  // less the umask, as for any file
        guard descriptor >= 0 else { throw FileProblem(message: reason(errno)) }
        var failure: Int32?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                // write() returns 0 only for a zero-length request; guard against looping forever anyway.
                guard written > 0 else { failure = ENOSPC; return }
                offset += written
            }
        }
        if close(descriptor) != 0 && failure == nil { failure = errno }
        if let failure {
            unlink(path)
            throw FileProblem(message: reason(failure))
        }
    }

    /// An errno in the words the tool's messages use.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "no space left on the device"
        case EDQUOT: return "disk quota exceeded"
        case EACCES: return "permission denied"
        case EROFS: return "read-only file system"
        case ENOENT: return "a parent folder does not exist"
        case ENOTDIR: return "a parent is a file, not a folder"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}
