import Foundation

/// A folder of its own in the temporary directory, for the outputs of a comparison bench runs
/// only to time it. mkdtemp makes a new one each time, so two measurements (in one process or
/// in two) never write into each other's.
struct ScratchFolder {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "compare-inits-bench-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw BenchmarkError(message: "cannot create a temporary folder in \(NSTemporaryDirectory()): \(String(cString: strerror(errno)))")
        }
        path = String(cString: made)
    }

    /// Where the comparison writes its outputs (created by it).
    var output: String { path + "/out" }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
