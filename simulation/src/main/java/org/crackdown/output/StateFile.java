package org.crackdown.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectStreamException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipException;

import org.crackdown.format.CodeVersion;
import org.crackdown.model.Scenario;
import org.crackdown.model.TraffickingModel;
import org.crackdown.scenario.ScenarioWriter;

import sim.engine.SimState;

/**
 * A saved model state: MASON's checkpoint format (a gzipped Java serialization of the whole
 * model), so that {@code crackdown run --save-state-at}, {@code --from-state} and the GUI's
 * File > Save and Open read and write the same files. A state is read back only by the code that
 * wrote it, and continued only under the scenario it was saved under: anything else is refused
 * with a reason rather than continued into a run that means something else.
 */
public final class StateFile {

    /** The file cannot be used: not a state, another code version, another scenario or seed. */
    public static final class BadStateException extends Exception {
        private static final long serialVersionUID = 1L;

        public BadStateException(String message) {
            super(message);
        }
    }

    private StateFile() {
    }

    /** Writes {@code model} to {@code file} whole or not at all (a temporary file renamed at the end). */
    public static void write(TraffickingModel model, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                model.writeToCheckpoint(out);
            } catch (StackOverflowError e) {
                // Serialization follows references depth-first; the model keeps its long chains
                // (the gang network) out of that, but say what happened if another one appears.
                throw new IOException("the model's objects are linked too deeply to write with this stack size "
                        + "(try CRACKDOWN_JAVA_OPTS=-Xss64m)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads a model saved by this code version, whatever its scenario (the GUI opens any).
     *
     * @throws BadStateException if the file is missing, unreadable, not a crackdown state, or was
     *                           written by another code version
     */
    public static TraffickingModel read(Path file) throws BadStateException {
        SimState state;
        try (InputStream in = Files.newInputStream(file)) {
            state = SimState.readFromCheckpoint(in);
        } catch (NoSuchFileException e) {
            throw new BadStateException("no such state file: " + file);
        } catch (AccessDeniedException e) {
            throw new BadStateException("cannot read state file " + file + ": permission denied");
        } catch (InvalidClassException e) {
            throw new BadStateException(file + " was saved by another version of crackdown (" + e.getMessage()
                    + "); a state is read only by the version that wrote it");
        } catch (ZipException | ObjectStreamException | ClassNotFoundException | ClassCastException e) {
            throw new BadStateException(file + " is not a crackdown state file (or it is damaged)");
        } catch (IOException e) {
            throw new BadStateException("cannot read state file " + file + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (RuntimeException e) {
            // A damaged stream can fail anywhere inside deserialization.
            throw new BadStateException(file + " is not a crackdown state file (or it is damaged)");
        }
        if (!(state instanceof TraffickingModel model)) {
            throw new BadStateException(file + " is a MASON checkpoint of another model ("
                    + (state == null ? "nothing" : state.getClass().getName()) + "), not a crackdown state");
        }
        if (!CodeVersion.current().equals(model.savedBy())) {
            throw new BadStateException(file + " was saved by crackdown " + model.savedBy() + ", this is "
                    + CodeVersion.current() + "; a state is read only by the version that wrote it (rerun from "
                    + "the start, saving the state again)");
        }
        return model;
    }

    /**
     * Reads a model to continue the run of {@code scenario} with {@code seed} (null: whatever seed
     * it was saved with).
     *
     * @throws BadStateException as {@link #read(Path)}, or if the state belongs to another scenario
     *                           or seed, or its run has already ended
     */
    public static TraffickingModel read(Path file, Scenario scenario, Long seed) throws BadStateException {
        TraffickingModel model = read(file);
        if (!ScenarioWriter.toYaml(model.scenario()).equals(ScenarioWriter.toYaml(scenario))) {
            throw new BadStateException(file + " was saved from a run of another scenario ('"
                    + model.scenario().name() + "' with other settings); continue it with the scenario and --set "
                    + "options it was saved with (its run folder's scenario.yaml, if it has one)");
        }
        if (seed != null && seed != model.seed()) {
            throw new BadStateException(file + " was saved from a run with seed " + model.seed() + ", not " + seed);
        }
        if (model.finished()) {
            throw new BadStateException(file + " was saved at the end of its run: nothing is left to simulate");
        }
        return model;
    }
}
