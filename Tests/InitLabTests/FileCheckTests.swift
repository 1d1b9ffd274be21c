import Foundation
import Testing
@testable import InitLab

/// The checks that tell a whole output from a cut-off one, and the words for what stands in a
/// folder's way.
@Suite struct FileCheckTests {
    /// A PNG that gnuplot drew, whole; cut anywhere, emptied, changed or extended, it is not.
    @Test func aPNGIsWholeOnlyAsGnuplotFinishedIt() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        let outcome = try ComparisonJob.prepare(configPath: config, options: JobOptions()).run()
        #expect(outcome.plotProblem == nil, "\(outcome.plotProblem ?? "")")
        let png = try Data(contentsOf: URL(fileURLWithPath: folder + "/out/all.png"))
        #expect(PNGFile.isWhole(png) && PNGFile.isWhole(atPath: folder + "/out/all.png"))
        // Every length from empty to one byte short, in steps that land on chunk edges too.
        for length in stride(from: 0, to: png.count, by: 97) + [png.count - 12, png.count - 1] {
            #expect(!PNGFile.isWhole(png.prefix(length)), "cut to \(length) of \(png.count) bytes")
        }
        var flipped = png
        flipped[png.count / 2] ^= 0x10
        #expect(!PNGFile.isWhole(flipped), "a changed byte")
        #expect(!PNGFile.isWhole(png + Data([0])), "a byte after IEND")
        #expect(!PNGFile.isWhole(atPath: folder + "/out/none.png"))
    }

    @Test func whatStandsInAFoldersWayIsSaidInWords() throws {
        let folder = temporaryFolder()
        defer { removeFolder(folder) }
        try "x".write(toFile: folder + "/file", atomically: true, encoding: .utf8)
        #expect {
            _ = try Folders.create(folder + "/file/below/deeper")
        } throws: { error in
            (error as? FileProblem)?.message == "\(folder)/file is a file, not a folder"
        }
        let created = try Folders.create(folder + "/a/b")
        #expect(created == [folder + "/a", folder + "/a/b"])
        #expect(try Folders.create(folder + "/a/b").isEmpty)
        Folders.removeIfEmpty(created)
        #expect(!FileManager.default.fileExists(atPath: folder + "/a"))
    }
}
