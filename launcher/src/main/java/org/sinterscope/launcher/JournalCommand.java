package org.sinterscope.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.actuator.Actuation;
import org.sinterscope.routes.journal.Journal;
import org.sinterscope.routes.journal.JournalEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sinterscope journal}: the reject commands in the actuation journal and what became of them. */
@Command(name = "journal", mixinStandardHelpOptions = true,
        description = {"Lists the reject commands of the actuation journal with their outcomes (sent, acknowledged, fired,",
                "late, failed, ...) and the commands still in flight."})
final class JournalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--since", paramLabel = "T", description = "Only entries at or after T (ISO-8601, e.g. 2025-06-01T08:00:00Z).")
    String since;

    @Option(names = "--dir", paramLabel = "DIR", description = "Journal folder (default: sinterscope.journal.dir of the settings).")
    Path dir;

    @Option(names = "--config", paramLabel = "FILE", description = "Station settings (properties) overriding the defaults.")
    Path config;

    @Option(names = "--json", description = "Print one JSON object: entries, per-command last outcome, in flight.")
    boolean json;

    @Override
    public Integer call() {
        Instant from = Instant.MIN;
        if (since != null) {
            try {
                from = Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), "--since must be an ISO-8601 instant like 2025-06-01T08:00:00Z, got '" + since + "'");
            }
        }
        Path folder = dir != null ? dir : Actuation.journalDir(StationSettings.load(config, Map.of()));
        List<JournalEntry> all;
        try {
            all = Journal.readAll(folder);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Instant cut = from;
        List<JournalEntry> entries = all.stream().filter(e -> !e.at().isBefore(cut)).toList();
        Map<String, JournalEntry> last = new LinkedHashMap<>();
        entries.forEach(e -> last.put(e.run() + " " + e.commandId(), e));
        List<JournalEntry> inFlight = Journal.inFlight(all).stream().filter(e -> !e.at().isBefore(cut)).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("folder", folder.toString());
            doc.put("entries", entries.stream().map(JournalCommand::row).toList());
            doc.put("commands", last.values().stream().map(JournalCommand::row).toList());
            doc.put("inFlight", inFlight.stream().map(JournalCommand::row).toList());
            Json.print(out, doc);
            return 0;
        }
        out.printf(Locale.ROOT, "actuation journal %s: %d entries, %d commands%n", folder, entries.size(), last.size());
        for (JournalEntry e : entries) {
            out.printf(Locale.ROOT, "  %s  %-12s %-46s encoder %9.1f mm  %s%n", e.at(), e.outcome(), e.commandId(), e.encoderMm(),
                    e.command() != null ? String.format(Locale.ROOT, "[%.1f, %.1f] mm %s deadline %.1f mm %s", e.command().y0Mm(),
                            e.command().y1Mm(), e.command().causes(), e.command().deadlineMm(), e.detail()) : e.detail());
        }
        out.printf(Locale.ROOT, "in flight (not fired, failed or recovered): %d%n", inFlight.size());
        inFlight.forEach(e -> out.printf(Locale.ROOT, "  %s last %s at %s%n", e.commandId(), e.outcome(), e.at()));
        out.flush();
        return 0;
    }

    private static Map<String, Object> row(JournalEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", e.at().toString());
        m.put("run", e.run());
        m.put("commandId", e.commandId());
        m.put("actuatorId", e.actuatorId());
        m.put("outcome", e.outcome().name());
        m.put("encoderMm", e.encoderMm());
        m.put("detail", e.detail());
        if (e.command() != null) {
            m.put("y0Mm", e.command().y0Mm());
            m.put("y1Mm", e.command().y1Mm());
            m.put("causes", e.command().causes());
            m.put("defectIds", e.command().defectIds());
            m.put("deadlineMm", e.command().deadlineMm());
            m.put("decidedAt", e.command().decidedAt().toString());
        }
        return m;
    }
}
