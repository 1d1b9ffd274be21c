import Foundation
import Testing
@testable import InitLab

/// A full disk, on a real small file system: every output is checked for a complete write (the
/// PNGs that gnuplot leaves cut off, exiting 0, included), and on any failure the earlier
/// outputs stay byte for byte, with nothing staged or half-written left behind.
@Suite(.enabled(if: SmallFileSystem.canMount, SmallFileSystem.skipReason))
struct FullDiskTests {
    /// The synthetic comparison without diagnostics: 8 figures, about 320 KB of outputs.
    func experiment(function: String = #function) throws -> (folder: String, config: String) {
        try syntheticExperiment(extra: "\"diagnostics\": {\"enabled\": false},", function: function)
    }

    /// What the file system holds besides the output folder and the filler: nothing, ever.
    func strays(on disk: SmallFileSystem) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: disk.path).filter { $0 != "out" && $0 != "filler" }
    }

    @Test func aFullDiskLeavesTheEarlierOutputsByteForByte() throws {
        let (folder, config) = try experiment()
        defer { removeFolder(folder) }
        let disk = try SmallFileSystem(kibibytes: 768)
        defer { disk.remove() }
        let out = disk.path + "/out"
        func run(seed: Int, output: String = out) throws -> CommandResult {
            try runCommand([config, "--quiet", "--no-cache", "--seed", "\(seed)", "--output", output])
        }
        let first = try run(seed: 3)
        #expect(first.status == 0, "\(first.stderr)")
        let earlier = try snapshot(out)
        let pngs = earlier.filter { $0.key.hasSuffix(".png") }
        #expect(pngs.count == 8 && pngs.values.allSatisfy(PNGFile.isWhole))

        // Room for the data, scripts and report (tmpfs gives each file whole 4 KiB pages), and
        // for half the figures: gnuplot exits 0 and leaves the others empty or cut off.
        let textBytes = earlier.filter { !$0.key.hasSuffix(".png") }.values.reduce(0) { $0 + ($1.count + 4095) / 4096 * 4096 }
        try disk.leave(textBytes + pngs.values.reduce(0) { $0 + $1.count } / 2)
        let cutOff = try run(seed: 9)
        #expect(cutOff.status == 1)
        #expect(cutOff.stderr.hasPrefix("compare-inits: cannot write output folder \(out): PNGs of "), "\(cutOff.stderr)")
        #expect(cutOff.stderr.contains(" not written in full (gnuplot exited 0, with "))
        #expect(cutOff.stderr.hasSuffix("; the folder is left as it was\n") && cutOff.stderr.split(separator: "\n").count == 1)
        #expect(try snapshot(out) == earlier)
        #expect(try strays(on: disk).isEmpty)

        // No room for the data files either: a write itself fails.
        try disk.leave(8 * 1024)
        let noSpace = try run(seed: 9)
        #expect(noSpace.status == 1)
        #expect(noSpace.stderr.hasSuffix(": no space left on the device; the folder is left as it was\n"), "\(noSpace.stderr)")
        #expect(try snapshot(out) == earlier)

        // Into a folder that did not exist: afterwards it still does not.
        let fresh = try run(seed: 9, output: disk.path + "/new/deeper")
        #expect(fresh.status == 1 && fresh.stderr.contains("no space left on the device"), "\(fresh.stderr)")
        #expect(try strays(on: disk).isEmpty)

        // With the space back, the same command replaces the earlier outputs, every PNG whole.
        unlink(disk.path + "/filler")
        let again = try run(seed: 9)
        #expect(again.status == 0 && again.stderr.isEmpty, "\(again.stderr)")
        let now = try snapshot(out)
        #expect(Set(now.keys) == Set(earlier.keys) && now["results.json"] != earlier["results.json"])
        #expect(now.filter { $0.key.hasSuffix(".png") }.values.allSatisfy(PNGFile.isWhole))
    }

    /// A rename that fails midway through the commit (an immutable report.md: renames need no
    /// space, so it takes something like this) puts back every earlier file already moved.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/chattr"), "needs chattr (e2fsprogs) to make a file immutable"))
    func aRenameFailingMidwayPutsTheEarlierFilesBack() throws {
        let (folder, config) = try experiment()
        defer { removeFolder(folder) }
        let disk = try SmallFileSystem(kibibytes: 768)
        defer { disk.remove() }
        let out = disk.path + "/out"
        #expect(try runCommand([config, "--quiet", "--no-cache", "--output", out]).status == 0)
        let earlier = try snapshot(out)
        func chattr(_ flag: String) throws {
            let process = try Process.run(URL(fileURLWithPath: "/usr/bin/chattr"), arguments: [flag, out + "/report.md"])
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "chattr \(flag) failed")
        }
        try chattr("+i")
        defer { try? chattr("-i") }
        // The files named before report.md (accuracy.*, all.*, epochs.*) are moved before it fails.
        let second = try runCommand([config, "--quiet", "--no-cache", "--seed", "9", "--output", out])
        #expect(second.status == 1)
        #expect(second.stderr == "compare-inits: cannot write output folder \(out): report.md: operation not permitted; the folder is left as it was\n")
        #expect(try snapshot(out) == earlier)
        #expect(try strays(on: disk).isEmpty)
    }
}
