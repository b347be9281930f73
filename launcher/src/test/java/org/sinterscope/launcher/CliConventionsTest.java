package org.sinterscope.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every subcommand has --help; every leaf command that prints results has --json. */
class CliConventionsTest {

    private static List<CommandLine> leaves(CommandLine cl) {
        List<CommandLine> out = new ArrayList<>();
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommandName().equals("help")) {
                continue;
            }
            if (sub.getSubcommands().isEmpty()) {
                out.add(sub);
            } else {
                out.addAll(leaves(sub));
            }
        }
        return out;
    }

    @Test
    void every_command_answers_help_and_offers_json() {
        List<CommandLine> leaves = leaves(SinterscopeCli.commandLine());
        assertThat(leaves).extracting(CommandLine::getCommandName).contains("demo", "inspect");
        for (CommandLine c : leaves) {
            assertThat(c.getCommandSpec().findOption("--help")).as("%s --help", c.getCommandName()).isNotNull();
            assertThat(c.getCommandSpec().findOption("--json")).as("%s --json", c.getCommandName()).isNotNull();
        }
    }

    @Test
    void demo_help_prints_usage_on_stdout_and_exits_zero() {
        CommandLine cl = SinterscopeCli.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        int code = cl.execute("demo", "--help");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("--max-speed", "--meters", "--json");
    }

    @Test
    void an_unknown_option_is_a_usage_error() {
        CommandLine cl = SinterscopeCli.commandLine();
        cl.setErr(new PrintWriter(new StringWriter()));
        assertThat(cl.execute("demo", "--no-such-option")).isEqualTo(2);
    }

    @Test
    void demo_stage_and_sintered_frame_spacing_are_checked_before_anything_runs() {
        CommandLine cl = SinterscopeCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("demo", "--stage", "furnace", "--no-web")).isEqualTo(2);
        assertThat(err.toString()).contains("--stage must be coating, sintered or both, got 'furnace'");
        assertThat(cl.execute("demo", "--sintered-every", "5", "--no-web")).isEqualTo(2);
        assertThat(err.toString()).contains("--sintered-every must be at least the frame length, 10.24 mm");
    }

    @Test
    void demo_timeout_follows_the_run_unless_given() {
        assertThat(demoTimeout("--meters", "1800")).isEqualTo(Duration.ofSeconds(5700)); // 1.5 x 3600 s + 300 s
        assertThat(demoTimeout("--meters", "1000", "--max-speed")).isEqualTo(Duration.ofSeconds(3300)); // 3 s/m + 300 s
        assertThat(demoTimeout("--meters", "20")).isEqualTo(Duration.ofSeconds(900)); // the floor
        assertThat(demoTimeout("--meters", "1800", "--timeout", "60")).isEqualTo(Duration.ofSeconds(60));

        CommandLine cl = SinterscopeCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("demo", "--timeout", "0", "--no-web")).isEqualTo(2);
        assertThat(err.toString()).contains("--timeout must be > 0 s, got 0");
    }

    private static Duration demoTimeout(String... args) {
        DemoCommand demo = new DemoCommand();
        new CommandLine(demo).parseArgs(args);
        return demo.timeout();
    }
}
