package org.crackdown.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import org.crackdown.output.RunFolder;

import picocli.CommandLine.Option;

/**
 * {@code --out DIR} and {@code --force}: where a command writes its folder and whether it may
 * replace one it wrote before. Each command's default folder and its meaning of "replace" are
 * in Options.properties, under the command's name.
 */
public final class OutputOptions {

    @Option(names = "--out", paramLabel = "DIR", descriptionKey = "out", description = "Output folder.")
    Path out;

    @Option(names = "--force", descriptionKey = "force",
            description = "Replace the output folder if it exists; refused if it holds files crackdown did not write.")
    boolean force;

    /** The folder given with --out, or {@code fallback}. */
    Path folder(Path fallback) {
        return out != null ? out : fallback;
    }

    /**
     * Opens the output folder ({@code --out}, else {@code fallback}) for writing, honouring
     * {@code --force}. A folder in the way is bad input; an interruption while waiting for it
     * says that no {@code what} folder was written.
     */
    RunFolder open(Path fallback, String what) {
        Path target = folder(fallback);
        try {
            return RunFolder.open(target, force);
        } catch (RunFolder.ExistsException e) {
            throw new Main.BadInput(e.getMessage());
        } catch (IOException e) {
            throw new Main.BadInput("cannot create output folder " + target + ": " + RunCommand.reason(e));
        } catch (CancellationException e) {
            throw new CancellationException("no " + what + " folder written");
        }
    }
}
