import Foundation

/// A folder of its own in the temporary directory, for the outputs of a comparison bench runs
/// only to time it. mkdtemp makes a new one each time, so two measurements (in one process or
/// in two) never write into each other's.
struct ScratchFolder {
    let path: String

    init() throws {
        let folder = NSTemporaryDirectory()
        var template = Array((folder + "compare-inits-bench-XXXXXX").utf8CString)
        guard mkdtemp(&template) != nil else {
            let reason = String(cString: strerror(errno))
            throw BenchmarkError(message: "cannot create a temporary folder in \(folder): \(reason)")
        }
        // mkdtemp wrote the folder's name over the template's X's.
        path = String(cString: template)
    }

    /// Where the comparison writes its outputs (created by it).
    var output: String { path + "/out" }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
