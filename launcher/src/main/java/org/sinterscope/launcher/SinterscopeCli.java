package org.sinterscope.launcher;

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
                InspectCommand.class,
                RoughnessCommand.class,
                CracksCommand.class,
                ClassifierCommand.class,
                JournalCommand.class,
                PodCommand.class,
                ReviewCommand.class,
                XrdCommand.class,
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

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
