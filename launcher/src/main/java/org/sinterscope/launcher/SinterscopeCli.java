package org.sinterscope.launcher;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sinterscope} command line: one entry point for the station's commands (demo, journal,
 * roughness, cracks) and the offline ones (classifier training and evaluation).
 *
 * <p>Conventions every subcommand follows: {@code --help}; {@code --json} prints exactly one JSON
 * document on stdout; logs go to stderr; exit code 0 on success, 1 when the work failed, 2 on
 * bad usage.
 */
@Command(name = "sinterscope", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Inline inspection station for the negative-electrode line.",
        subcommands = {
                CommandLine.HelpCommand.class,
                DemoCommand.class,
                BenchCommand.class,
                RunCommand.class,
                SimulateCommand.class,
                InspectCommand.class,
                RoughnessCommand.class,
                CracksCommand.class,
                ClassifierCommand.class,
                JournalCommand.class,
                PodCommand.class,
                ReviewCommand.class,
                XrdCommand.class,
                CameraCommand.class,
        })
public final class SinterscopeCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Builds the command line; tests run it without {@code main}. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SinterscopeCli());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            org.slf4j.LoggerFactory.getLogger(SinterscopeCli.class).debug("command failed", ex);
            cmd.getErr().println("sinterscope " + cmd.getCommandName() + ": " + ex.getMessage());
            return 1;
        });
        return cl;
    }

    /**
     * Runs one command line with {@code out} and {@code err}. With {@code --json} among the
     * arguments, stdout carries exactly one JSON document whatever happens: when the command failed
     * (usage error, missing file, crash) without printing one, {@code {"error": ..., "exitCode": ...}}
     * is printed, its text the last line the command wrote on stderr.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean json = java.util.Arrays.asList(args).contains("--json");
        CountingWriter counted = new CountingWriter(out);
        LastLineWriter lastErr = new LastLineWriter(err);
        CommandLine cl = commandLine();
        String[] failure = {null};
        CommandLine.IExecutionExceptionHandler onCrash = cl.getExecutionExceptionHandler();
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            failure[0] = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            return onCrash.handleExecutionException(ex, cmd, parsed);
        });
        cl.setParameterExceptionHandler((ex, arguments) -> {
            failure[0] = ex.getMessage();
            CommandLine c = ex.getCommandLine();
            c.getErr().println(ex.getMessage());
            c.getErr().println("Try 'sinterscope " + c.getCommandSpec().qualifiedName(" ").replaceFirst("^sinterscope ?", "")
                    + " --help' for the options.");
            return 2;
        });
        PrintWriter o = new PrintWriter(counted, true);
        PrintWriter e = new PrintWriter(lastErr, true);
        cl.setOut(o);
        cl.setErr(e);
        int exit = cl.execute(args);
        o.flush();
        e.flush();
        if (json && exit != 0 && counted.count() == 0) {
            Map<String, Object> doc = new LinkedHashMap<>();
            String msg = failure[0] != null ? failure[0] : lastErr.lastLine();
            doc.put("error", msg.isEmpty() ? "the command failed (exit code " + exit + ")" : msg);
            doc.put("exitCode", exit);
            Json.print(out, doc);
        }
        out.flush();
        return exit;
    }

    public static void main(String[] args) {
        LogFormat.applySystemProperty();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true);
        System.exit(run(args, out, err));
    }

    /** Passes text on and counts the characters. */
    private static final class CountingWriter extends java.io.Writer {
        private final java.io.Writer to;
        private long count;

        CountingWriter(java.io.Writer to) {
            this.to = to;
        }

        long count() {
            return count;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws java.io.IOException {
            count += len;
            to.write(cbuf, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            to.flush();
        }

        @Override
        public void close() throws java.io.IOException {
            to.flush();
        }
    }

    /** Passes text on and keeps the last non-blank line (bounded: an endless line keeps its first 2,000 characters). */
    private static final class LastLineWriter extends java.io.Writer {
        private final java.io.Writer to;
        private final StringBuilder current = new StringBuilder();
        private String last = "";

        LastLineWriter(java.io.Writer to) {
            this.to = to;
        }

        String lastLine() {
            String c = current.toString().strip();
            return c.isEmpty() ? last : c;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws java.io.IOException {
            for (int i = off; i < off + len; i++) {
                char ch = cbuf[i];
                if (ch == '\n') {
                    String l = current.toString().strip();
                    if (!l.isEmpty()) {
                        last = l;
                    }
                    current.setLength(0);
                } else if (current.length() < 2000) {
                    current.append(ch);
                }
            }
            to.write(cbuf, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            to.flush();
        }

        @Override
        public void close() throws java.io.IOException {
            to.flush();
        }
    }
}
