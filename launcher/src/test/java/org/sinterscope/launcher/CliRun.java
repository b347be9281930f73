package org.sinterscope.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line in the test's JVM, with what it printed on stdout and stderr. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SinterscopeCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(exit, out.toString(), err.toString());
    }
}
