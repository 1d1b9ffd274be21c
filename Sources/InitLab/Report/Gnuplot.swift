import Foundation

/// Runs gnuplot on scripts in a folder.
public enum Gnuplot {
    public static let installHint = "install gnuplot (Debian: apt-get install gnuplot-nox)"

    /// The PNG that the script NAME.gp renders: NAME.png.
    static func png(ofScript script: String) -> String { String(script.dropLast(".gp".count)) + ".png" }

    /// The gnuplot executable on PATH, if any.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/gnuplot"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Renders the scripts (file names in `folder`), spread over `processes` gnuplot processes
    /// running at once; returns nil on success, else what went wrong.
    public static func render(scripts: [String], in folder: String, executable: String, processes: Int = 2) -> String? {
        // gnuplot without script arguments would read its standard input.
        guard !scripts.isEmpty else { return nil }
        let groupCount = max(1, min(processes, scripts.count))
        let groups = (0..<groupCount).map { k in stride(from: k, to: scripts.count, by: groupCount).map { scripts[$0] } }
        var running: [(Process, Pipe)] = []
        for group in groups {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = group
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            do {
                try process.run()
            } catch {
                running.forEach { $0.0.waitUntilExit() }
                return "cannot run \(executable): \(error.localizedDescription)"
            }
            running.append((process, errors))
        }
        var problem: String?
        for (process, errors) in running {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationStatus != 0, problem == nil {
                let firstLines = message.split(separator: "\n").prefix(3).joined(separator: " / ")
                problem = "gnuplot failed (status \(process.terminationStatus))" + (firstLines.isEmpty ? "" : ": \(firstLines)")
            }
        }
        return problem
    }
}

/// PNGs were asked for (--require-png) where no gnuplot can draw them: said before any training.
public struct GnuplotMissing: Error, CustomStringConvertible {
    public var description: String { "gnuplot is not installed, and --require-png asks for the PNGs: \(Gnuplot.installHint)" }
}
