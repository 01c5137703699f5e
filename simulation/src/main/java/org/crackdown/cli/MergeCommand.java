package org.crackdown.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.crackdown.sweep.ShardMerger;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code crackdown merge}: shard folders of one sweep into one sweep folder. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merges the shard folders of a sweep (crackdown sweep --shard i/N) into OUT, with the same "
                + "files as an unsharded sweep; runs.csv is byte-identical to the one a single machine writes.",
                "Every run must be in exactly one folder: a missing or duplicate run is an error that names it. "
                        + "Merging again changes nothing."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:merged (or already merged)", "1:a file could not be read or written",
                "2:the folders cannot be merged (missing or duplicate runs, unfinished shards, different sweeps or code)"})
public final class MergeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT", description = "Folder for the merged sweep (may already exist, "
            + "e.g. the folder that holds shards/).")
    Path out;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "DIR", description = "Shard folders.")
    List<Path> dirs;

    @picocli.CommandLine.Option(names = "--allow-mixed-versions", description = "Merge shards whose sweep.json names "
            + "another crackdown version or git commit (refused by default: different code, different model).")
    boolean allowMixedVersions;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        ShardMerger.Result r;
        try {
            r = ShardMerger.merge(out, dirs, allowMixedVersions);
        } catch (ShardMerger.MergeException e) {
            e.problems().forEach(p -> stderr.println("error: " + p));
            stderr.println("nothing written to " + out);
            return Main.BAD_INPUT;
        } catch (IOException e) {
            stderr.println("error: cannot merge into " + out + ": " + RunCommand.reason(e));
            return Main.FAILED;
        }
        stdout.println("merged " + r.runs() + " runs (" + r.failed() + " failed) from " + dirs.size() + " folder"
                + (dirs.size() == 1 ? "" : "s") + " into " + out + (r.changed().isEmpty()
                ? " (already up to date: nothing changed)" : " (wrote " + String.join(", ", r.changed()) + ")"));
        stdout.flush();
        return Main.OK;
    }
}
