package org.crackdown.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** Placeholder until implemented. */
@Command(name = "params", description = "(not yet implemented)")
public final class ParamsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return Main.FAILED;
    }
}
