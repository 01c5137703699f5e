package org.crackdown.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

import org.crackdown.scenario.ScenarioException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code crackdown} command. {@link #main} is the only place in the code base that exits;
 * everything else returns exit codes, so tests call {@link #execute} with their own writers.
 *
 * <p>Exit codes: 0 success; 1 the run itself failed (also: out of memory, reported in one line
 * without a stack trace); 2 bad input (usage, scenario file, an existing output folder); 130 and
 * 143 when Ctrl-C or SIGTERM stops the JVM (its own codes, 128 + the signal, returned once the
 * shutdown hooks have cleaned up). See docs/reliability.md.
 */
@Command(name = "crackdown", mixinStandardHelpOptions = true, resourceBundle = "org.crackdown.cli.Options",
        versionProvider = BuildInfo.class,
        description = "Agent-based model of human trafficking and police enforcement across China's provinces.",
        subcommands = {RunCommand.class, ValidateCommand.class, ParamsCommand.class, GuiCommand.class, CalibrateCommand.class,
                OptimizeCommand.class, PatternsCommand.class,
                SweepCommand.class, MergeCommand.class, SlurmCommand.class, AnalyzeCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    /** Runs at the same time beyond this many per processor only cost memory: they are refused. */
    static final int THREADS_PER_PROCESSOR = 4;

    /** Why {@code --threads} is not allowed, or null if it is. */
    static String threadsProblem(int threads) {
        int cores = Runtime.getRuntime().availableProcessors();
        int max = THREADS_PER_PROCESSOR * cores;
        if (threads >= 1 && threads <= max) {
            return null;
        }
        return "--threads: expected a whole number from 1 to " + max + " (" + THREADS_PER_PROCESSOR + " x the " + cores
                + " processor" + (cores == 1 ? "" : "s") + " here), got " + threads;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Bad input a command found after parsing (a contradiction between options, a folder in the
     * way): printed as {@code error: message}, exit code 2. Problems in input files are
     * {@link ScenarioException}s, handled the same way.
     */
    public static final class BadInput extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public BadInput(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() {
        // No subcommand: a usage error, like any other missing argument.
        spec.commandLine().getErr().println("error: missing command");
        spec.commandLine().usage(spec.commandLine().getErr());
        return BAD_INPUT;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = execute(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** A usage error: what is wrong, a suggestion for a misspelt option, and where the usage is. */
    private static int usageError(CommandLine.ParameterException ex) {
        CommandLine c = ex.getCommandLine();
        // Our converters (--threads, --shard) say what is allowed, naming the option themselves.
        c.getErr().println("error: " + (ex.getCause() instanceof CommandLine.TypeConversionException t
                && t.getMessage().startsWith("--") ? t.getMessage() : ex.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
        c.getErr().println("Try 'crackdown " + (c.getCommandName().equals("crackdown") ? "" : c.getCommandName() + " ")
                + "--help' for usage.");
        return BAD_INPUT;
    }

    /** Runs the command line with the given writers and returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> FAILED);
        cl.setParameterExceptionHandler((ex, a) -> usageError(ex));
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            // The one place that turns what a command throws into an exit code.
            if (ex instanceof CommandLine.ParameterException pe) {
                return usageError(pe); // options that contradict each other, found by the command
            }
            if (ex instanceof ScenarioException se) {
                se.problems().forEach(c.getErr()::println);
                return BAD_INPUT;
            }
            if (ex instanceof BadInput) {
                c.getErr().println("error: " + ex.getMessage());
                return BAD_INPUT;
            }
            if (ex instanceof CancellationException) {
                c.getErr().println("interrupted" + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
                return FAILED;
            }
            // A bug, not bad input: one line for the user, the trace only on request.
            c.getErr().println("error: " + ex);
            if (Boolean.getBoolean("crackdown.debug")) {
                ex.printStackTrace(c.getErr());
            } else {
                c.getErr().println("(this is a bug in crackdown; rerun with -Dcrackdown.debug=true for details)");
            }
            return FAILED;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // Picocli passes Errors through. By now the command's objects are unreachable, so
            // there is memory again to say what happened; folders in the making were removed on
            // the way out (try-with-resources), so nothing half-written is left.
            err.println("error: out of memory (the Java heap holds at most " + Runtime.getRuntime().maxMemory()
                    / (1024 * 1024) + " MB); give Java more, e.g. CRACKDOWN_JAVA_OPTS=-Xmx4g (a run of "
                    + "2008-2011 at scale 1 needs about 400 MB), or use a smaller scale (--set scale=0.1)");
            err.flush();
            return FAILED;
        }
    }
}
