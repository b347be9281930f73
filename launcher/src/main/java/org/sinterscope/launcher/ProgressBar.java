package org.sinterscope.launcher;

import java.io.PrintStream;
import java.util.Locale;

import org.sinterscope.models.TrainingProgress;

/** A one-line training progress bar on stderr, drawn only when a console is attached. */
final class ProgressBar implements TrainingProgress, AutoCloseable {

    private static final int WIDTH = 30;
    private final PrintStream err;
    private String lastEpoch = "";
    private boolean drawn;

    private ProgressBar(PrintStream err) {
        this.err = err;
    }

    /** A bar on stderr when the JVM has a console, otherwise one that draws nothing. */
    static ProgressBar onConsole() {
        return new ProgressBar(System.console() != null ? System.err : null);
    }

    @Override
    public void onBatch(int epoch, int epochs, int batch, int batches) {
        if (err == null) {
            return;
        }
        int filled = (int) Math.round(WIDTH * (double) batch / batches);
        err.printf(Locale.ROOT, "\r epoch %d/%d [%s%s] %d/%d %s", epoch, epochs, "#".repeat(filled), ".".repeat(WIDTH - filled),
                batch, batches, lastEpoch);
        err.flush();
        drawn = true;
    }

    @Override
    public void onEpoch(EpochReport r) {
        lastEpoch = String.format(Locale.ROOT, "| last val loss %.3f acc %.3f F1 %.3f%s", r.valLoss(), r.valAccuracy(),
                r.valMacroF1(), r.best() ? " *" : "");
    }

    @Override
    public void close() {
        if (err != null && drawn) {
            err.println();
            drawn = false;
        }
    }
}
