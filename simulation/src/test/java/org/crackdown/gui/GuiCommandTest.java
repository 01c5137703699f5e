package org.crackdown.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.crackdown.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crackdown gui} without a display (the tests run headless): input errors come first. */
class GuiCommandTest {

    record Outcome(int code, String out, String err) {
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void aBadScenarioIsReportedWithFileAndLineAndExitCode2(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "start: 2008-01-01\nend: 2009-12-31\npolice:\n  budgett: 2\n");
        Outcome o = run("gui", f.toString());
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains(f + ":4:3:"), o.err());
        assertTrue(o.err().contains("budgett"), o.err());
        assertFalse(o.err().contains("Exception"), "no stack trace: " + o.err());
    }

    @Test
    void aBadOverrideIsBadInput() {
        Outcome o = run("gui", "--set", "police.budget=eleven");
        assertEquals(Main.BAD_INPUT, o.code(), o.err());
        assertTrue(o.err().contains("police.budget"), o.err());
    }

    @Test
    void aPauseDateOutsideTheRunOrNotADateIsBadInput() {
        Outcome outside = run("gui", "--pause-on", "2030-01-01");
        assertEquals(Main.BAD_INPUT, outside.code(), outside.err());
        assertTrue(outside.err().contains("--pause-on: pause date 2030-01-01 is outside the run: give a date from "
                + "2008-01-02 to"), outside.err());
        Outcome garbled = run("gui", "--pause-on", "9 April 2009");
        assertEquals(Main.BAD_INPUT, garbled.code(), garbled.err());
        assertTrue(garbled.err().contains("--pause-on: '9 April 2009' is not a date written yyyy-mm-dd"),
                garbled.err());
        assertFalse(outside.err().contains("Exception") || garbled.err().contains("Exception"), "no stack trace");
        // A good date passes the input checks and meets the missing display.
        Outcome good = run("gui", "--pause-on", "2009-04-09", "--set", "scale=0.01");
        assertEquals(Main.FAILED, good.code(), good.err());
        assertTrue(good.err().contains("needs a display"), good.err());
    }

    @Test
    void timingToADateChecksItsDateAndStandsAlone() {
        Outcome both = run("gui", "--time-to", "2009-04-09", "--pause-on", "2009-04-09");
        assertEquals(Main.BAD_INPUT, both.code(), both.err());
        assertTrue(both.err().contains("--time-to cannot be combined with --pause-on or a screenshot"), both.err());
        Outcome outside = run("gui", "--time-to", "2007-01-01");
        assertEquals(Main.BAD_INPUT, outside.code(), outside.err());
        assertTrue(outside.err().contains("--time-to: pause date 2007-01-01 is outside the run"), outside.err());
    }

    @Test
    void withoutADisplayItSaysHowToGetOne() {
        // The default scenario is found from the module folder (the checkout's scenarios/).
        Outcome o = run("gui", "--set", "scale=0.01");
        assertEquals(Main.FAILED, o.code(), o.out() + o.err());
        assertTrue(o.err().contains("needs a display"), o.err());
        assertTrue(o.err().contains("xvfb-run"), o.err());
    }

    @Test
    void theDefaultScenarioIsFoundInTheCheckout() {
        Path p = org.crackdown.cli.GuiCommand.defaultScenario();
        assertTrue(p != null && Files.isRegularFile(p), "found " + p);
        assertTrue(p.toString().endsWith("china-2011.yaml"));
    }
}
