package org.crackdown.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code crackdown} command. {@link #main} is the only place in the code base that exits;
 * everything else returns exit codes, so tests call {@link #execute} with their own writers.
 *
 * <p>Exit codes: 0 success; 1 the run itself failed; 2 bad input (usage, scenario file, an
 * existing output folder); 130 and 143 when Ctrl-C or SIGTERM stops the JVM (its own codes,
 * 128 + the signal, returned once the shutdown hooks have cleaned up). See docs/reliability.md.
 */
@Command(name = "crackdown", mixinStandardHelpOptions = true,
        versionProvider = BuildInfo.VersionProvider.class,
        description = "Agent-based model of human trafficking and police enforcement across China's provinces.",
        subcommands = {RunCommand.class, ValidateCommand.class, ParamsCommand.class, GuiCommand.class, CalibrateCommand.class,
                PatternsCommand.class,
                SweepCommand.class, MergeCommand.class, SlurmCommand.class, AnalyzeCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // No subcommand: show what there is.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = execute(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line with the given writers and returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> FAILED);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("error: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
            c.getErr().println("Try 'crackdown " + (c.getCommandName().equals("crackdown") ? "" : c.getCommandName() + " ")
                    + "--help' for usage.");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            // A bug, not bad input: one line for the user, the trace only on request.
            c.getErr().println("error: " + ex);
            if (Boolean.getBoolean("crackdown.debug")) {
                ex.printStackTrace(c.getErr());
            } else {
                c.getErr().println("(this is a bug in crackdown; rerun with -Dcrackdown.debug=true for details)");
            }
            return FAILED;
        });
        return cl.execute(args);
    }
}
