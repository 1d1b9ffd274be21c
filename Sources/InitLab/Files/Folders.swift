import Foundation

/// Creates a folder and its missing parents, one mkdir at a time, so that what stands in the way
/// is said in words ("/home/me/.cache is a file, not a folder") instead of Foundation's error
/// codes, and so that a caller can remove what it created when it has nothing to leave there.
enum Folders {
    /// Creates `path` if needed; returns the folders it created, outermost first.
    static func create(_ path: String) throws -> [String] {
        guard !path.isEmpty else { throw FileProblem(message: "an empty path is no folder") }
        var created: [String] = []
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            let shown = path.hasPrefix("/") ? prefix : String(prefix.dropFirst(2))
            var status = stat()
            if stat(prefix, &status) == 0 {
                guard status.st_mode & S_IFMT == S_IFDIR else { throw FileProblem(message: "\(shown) is a file, not a folder") }
                continue
            }
            guard errno == ENOENT else { throw FileProblem(message: "\(shown): \(WholeFile.reason(errno))") }
            if mkdir(prefix, 0o777) == 0 {
                created.append(prefix)
            } else if errno != EEXIST {  // another process may create it meanwhile: that is as good
                throw FileProblem(message: "cannot create \(shown): \(WholeFile.reason(errno))")
            }
        }
        return created
    }

    /// Removes the folders `create` made, innermost first, as long as they are empty.
    static func removeIfEmpty(_ created: [String]) {
        for folder in created.reversed() where rmdir(folder) != 0 { return }
    }
}
