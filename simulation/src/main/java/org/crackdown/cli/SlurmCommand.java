package org.crackdown.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** Placeholder until implemented. */
@Command(name = "slurm", description = "(not yet implemented)")
public final class SlurmCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return Main.FAILED;
    }
}
