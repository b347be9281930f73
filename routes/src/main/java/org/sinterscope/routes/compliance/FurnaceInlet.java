package org.sinterscope.routes.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The furnace stage's entry points, called by {@link FurnaceRoutes}: parses, places and judges, and
 * says what to send and what to quarantine. No Camel types.
 */
public final class FurnaceInlet {

    /** What a log file gave: the commands and alarms of its good rows, and the reasons of its bad ones. */
    public record LogOutcome(List<Object> commands, List<String> alarms, List<String> bad, int applied) {
        /** The reason text for the quarantine (empty when every row was used). */
        public String reason() {
            return bad.isEmpty() ? "" : String.format(Locale.ROOT, "%d bad row(s), %d good row(s) applied:%n%s", bad.size(),
                    applied, String.join(System.lineSeparator(), bad));
        }
    }

    private final FurnaceReadingParser parser;
    private final FurnaceCompliance compliance;

    private final double staleMm;

    /** @param staleMm encoder run past the last reading after which telemetry counts as lost, mm */
    public FurnaceInlet(FurnaceReadingParser parser, FurnaceCompliance compliance, double staleMm) {
        this.parser = parser;
        this.compliance = compliance;
        this.staleMm = staleMm;
    }

    public FurnaceCompliance compliance() {
        return compliance;
    }

    /** A JSON message: every reading in it is placed, or none (the message is quarantined whole). */
    public FurnaceCompliance.Outcome json(byte[] body) throws FurnaceReadingException {
        List<FurnaceReading> rs = parser.json(body);
        List<org.sinterscope.routes.reject.RejectCommand> commands = new ArrayList<>();
        List<String> alarms = new ArrayList<>();
        for (FurnaceReading r : rs) {
            try {
                FurnaceCompliance.Outcome o = compliance.accept(r);
                commands.addAll(o.commands());
                alarms.addAll(o.alarms());
            } catch (IllegalArgumentException e) {
                throw new FurnaceReadingException(e.getMessage());
            }
        }
        return new FurnaceCompliance.Outcome(commands, alarms);
    }

    /** One numeric value of an OPC UA node mapped to {@code zone} and {@code quantity} (tempC, o2Ppm, dewPointC). */
    public FurnaceCompliance.Outcome value(String zone, String quantity, Object value) throws FurnaceReadingException {
        double v;
        if (value instanceof Number n) {
            v = n.doubleValue();
        } else {
            try {
                v = Double.parseDouble(String.valueOf(value).trim());
            } catch (NumberFormatException e) {
                throw new FurnaceReadingException("zone " + zone + " " + quantity + ": '" + value + "' is not a number");
            }
        }
        java.time.Instant now = java.time.Instant.now();
        try {
            FurnaceReading r = switch (quantity) {
                case "tempC" -> FurnaceReading.of(zone, now, v, Double.NaN, Double.NaN);
                case "o2Ppm" -> FurnaceReading.of(zone, now, Double.NaN, v, Double.NaN);
                case "dewPointC" -> FurnaceReading.of(zone, now, Double.NaN, Double.NaN, v);
                default -> throw new IllegalArgumentException("unknown quantity '" + quantity + "' (tempC, o2Ppm, dewPointC)");
            };
            return compliance.accept(r);
        } catch (IllegalArgumentException e) {
            throw new FurnaceReadingException(e.getMessage());
        }
    }

    /** A CSV log: good rows are placed, bad rows (unreadable, or not placeable) are reported. */
    public LogOutcome csv(byte[] body) throws FurnaceReadingException {
        FurnaceReadingParser.LogRows rows = parser.csv(body);
        List<Object> commands = new ArrayList<>();
        List<String> alarms = new ArrayList<>();
        List<String> bad = new ArrayList<>(rows.bad());
        int applied = 0;
        for (int i = 0; i < rows.readings().size(); i++) {
            FurnaceReading r = rows.readings().get(i);
            try {
                FurnaceCompliance.Outcome o = compliance.accept(r);
                commands.addAll(o.commands());
                alarms.addAll(o.alarms());
                applied++;
            } catch (IllegalArgumentException e) {
                bad.add("line " + rows.lines().get(i) + ": " + e.getMessage());
            }
        }
        return new LogOutcome(commands, alarms, bad, applied);
    }

    /** The watchdog's call: encoder sample and stale-telemetry alarm. */
    public FurnaceCompliance.Outcome tick() {
        return compliance.watch(staleMm);
    }
}
