package org.crackdown.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --threads N}: runs at the same time, from 1 to {@link Main#THREADS_PER_PROCESSOR} per
 * processor (more only cost memory). Results never depend on it.
 */
public final class ThreadsOption {

    @Option(names = "--threads", paramLabel = "N", descriptionKey = "threads", converter = Converter.class,
            description = "Runs at the same time (default: the number of processors, here ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    int threads() {
        return threads;
    }

    /** Refuses a count below 1 or above the limit, with the message picocli prints after "error: ". */
    static final class Converter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("--threads: expected a whole number, got '" + value
                        + "'");
            }
            String problem = Main.threadsProblem(n);
            if (problem != null) {
                throw new CommandLine.TypeConversionException(problem);
            }
            return n;
        }
    }
}
