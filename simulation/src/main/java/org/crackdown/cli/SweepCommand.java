package org.crackdown.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** Placeholder until implemented. */
@Command(name = "sweep", description = "(not yet implemented)")
public final class SweepCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return Main.FAILED;
    }
}
