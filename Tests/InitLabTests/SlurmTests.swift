import Foundation
import Testing
@testable import InitLab

/// The sbatch scripts `compare-inits slurm` writes. (The cluster itself is CI's
/// scripts/check-slurm: a real single-node Slurm runs them, and the merged results must equal a
/// local run bit for bit.)
@Suite struct SlurmTests {
    static func settings(config: String = "/data/my 'lab'/c.json", partition: String? = "gpu-long", time: String? = "1-02:00:00") -> SlurmScripts.Settings {
        SlurmScripts.Settings(executable: "/opt/ci/bin/compare-inits", config: config, cache: "/shared/cache $(touch x)",
                              output: "/shared/out", seed: 7, tasks: 4, cpus: 2, partition: partition, time: time,
                              workingDirectory: "/home/me/lab", scripts: "/home/me/lab/slurm/fashion")
    }

    @Test func theArrayTrainsShardIOfNAndTheMergeWritesTheReport() throws {
        let jobs = try SlurmScripts(experimentName: "fashion", settings: Self.settings())
        let array = jobs.array.split(separator: "\n").map(String.init)
        #expect(array.first == "#!/bin/bash")
        for line in ["#SBATCH --array=1-4", "#SBATCH --cpus-per-task=2", "#SBATCH --partition=gpu-long", "#SBATCH --time=1-02:00:00",
                     "#SBATCH --output=/home/me/lab/slurm/fashion/shard-%a.log", "#SBATCH --chdir=/home/me/lab"] {
            #expect(array.contains(line), "\(line)")
        }
        // Paths are single words for the shell, whatever they hold: no substitution runs.
        #expect(array.last == #"exec '/opt/ci/bin/compare-inits' run '/data/my '"'"'lab'"'"'/c.json' --shard "${SLURM_ARRAY_TASK_ID}/4" --cache '/shared/cache $(touch x)' --threads 2 --quiet --seed 7"#)
        #expect(jobs.merge.hasSuffix(#"exec '/opt/ci/bin/compare-inits' merge '/data/my '"'"'lab'"'"'/c.json' --cache '/shared/cache $(touch x)' --output '/shared/out' --seed 7"# + "\n"))
        #expect(jobs.merge.contains("#SBATCH --job-name=compare-inits-fashion-merge\n#SBATCH --cpus-per-task=1\n"))
        // What computes the products goes to every shard and to the merge, whose run keys must agree.
        var openBLAS = Self.settings()
        openBLAS.matmul = .openblas
        let chosen = try SlurmScripts(experimentName: "fashion", settings: openBLAS)
        #expect(chosen.array.contains(" --seed 7 --matmul openblas\n") && chosen.merge.hasSuffix(" --seed 7 --matmul openblas\n"))
        // bash reads the quoted words back as they were.
        let echo = Process()
        echo.executableURL = URL(fileURLWithPath: "/bin/bash")
        echo.arguments = ["-c", "printf '%s\\n' " + ShellText.quoted("/data/my 'lab'/c.json") + " " + ShellText.quoted("$(touch x) `id` \"q\"")]
        let pipe = Pipe()
        echo.standardOutput = pipe
        try echo.run()
        echo.waitUntilExit()
        #expect(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "/data/my 'lab'/c.json\n$(touch x) `id` \"q\"\n")
    }

    @Test func whatCannotGoOnAnSBATCHLineIsOneClearLine() {
        for (partition, time, message) in [("a b", nil, "--partition \"a b\" cannot go on an #SBATCH line"),
                                           ("gpu", "two hours", "--time \"two hours\": expected HH:MM:SS"),
                                           ("gpu\n#SBATCH --uid=0", nil, "--partition \"gpu\n#SBATCH --uid=0\" cannot go")] as [(String, String?, String)] {
            #expect {
                _ = try SlurmScripts(experimentName: "x", settings: Self.settings(partition: partition, time: time))
            } throws: { error in
                "\(error)".hasPrefix(message)
            }
        }
    }

    @Test func theCommandWritesBothScriptsForTheConfig() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        let result = try runCommand(["slurm", config, "--tasks", "3", "--cache", folder + "/cache", "--scripts", folder + "/jobs"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Wrote \(folder)/jobs/shards.sbatch and \(folder)/jobs/merge.sbatch."))
        let array = try String(contentsOfFile: folder + "/jobs/shards.sbatch", encoding: .utf8)
        #expect(array.contains("--shard \"${SLURM_ARRAY_TASK_ID}/3\" --cache '\(folder)/cache'") && array.contains("#SBATCH --array=1-3"))
        // The jobs run a copy of this build, which a rebuild while they wait cannot change.
        #expect(array.contains("exec '\(folder)/jobs/compare-inits' run ") && FileManager.default.isExecutableFile(atPath: folder + "/jobs/compare-inits"))
        let badTime = try runCommand(["slurm", config, "--tasks", "3", "--time", "soon", "--scripts", folder + "/jobs"])
        #expect(badTime.status == 2 && badTime.stderr == "compare-inits: --time \"soon\": expected HH:MM:SS, MM:SS or D-HH:MM:SS\n")
        let bad = try runCommand(["slurm", config, "--tasks", "0"])
        #expect(bad.status == 2 && bad.stderr.contains("--tasks must be from 1 to 100000"))
    }
}
