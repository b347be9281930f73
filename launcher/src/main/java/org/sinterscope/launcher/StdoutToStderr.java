package org.sinterscope.launcher;

import java.io.PrintStream;

/**
 * Sends {@code System.out} to stderr while open. ND4J prints notes ("Added differentiated op …")
 * straight to {@code System.out} when it builds a training graph; a command that must print exactly
 * one JSON document on stdout takes its {@code PrintWriter} first, then opens this around the work.
 */
final class StdoutToStderr implements AutoCloseable {

    private final PrintStream original;

    StdoutToStderr() {
        original = System.out;
        System.setOut(System.err);
    }

    @Override
    public void close() {
        System.setOut(original);
    }
}
