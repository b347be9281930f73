package org.sinterscope.routes.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sinterscope.routes.decide.SinteringLimits;
import org.sinterscope.routes.reject.ActuatorSpec;
import org.sinterscope.routes.reject.FailSafePolicy;
import org.sinterscope.routes.reject.RejectCommand;

/**
 * A line at 500 mm/s through two zones, z1 at 1000–2000 mm and z2 at 2000–3000 mm past the camera
 * line, read every 0.2 s; bins of 100 mm; a marker 5000 mm downstream that acts on every cause.
 */
class FurnaceComplianceTest {

    private static final double SPEED_MM_PER_S = 500;
    private static final double DT_S = 0.2;

    private double encoderMm;
    private Instant now = Instant.parse("2026-11-30T05:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final List<RejectCommand> commands = new ArrayList<>();
    private final List<String> alarms = new ArrayList<>();

    private static SinteringLimits limits(SinteringLimits.Violation v, double minDwellS) {
        return new SinteringLimits("a-Si", 650, 50, 10, -40, minDwellS, 400, 0.05, List.of(), v);
    }

    private FurnaceCompliance judge(SinteringLimits limits) {
        EncoderTrail trail = new EncoderTrail(() -> encoderMm, clock, 600);
        ActuatorSpec marker = new ActuatorSpec("marker-2", 5000, ActuatorSpec.Link.PLC_SIM, FailSafePolicy.WIDEN, 50, Set.of(), "");
        return new FurnaceCompliance("st-1", FurnaceLayout.parse("z1:1000:2000, z2:2000:3000"), limits, List.of(marker), trail,
                clock, 100, 1.0, 10_000);
    }

    /** Runs the line for {@code seconds}, each zone read every DT_S at {@code tempC} (z2 at {@code z2TempC}), O2 2 ppm, dew −60 °C. */
    private void run(FurnaceCompliance f, double seconds, double z1TempC, double z2TempC, double o2Ppm) {
        for (int i = 0; i < Math.round(seconds / DT_S); i++) {
            encoderMm += SPEED_MM_PER_S * DT_S;
            now = now.plusMillis((long) (DT_S * 1000));
            collect(f.accept(FurnaceReading.of("z1", now, z1TempC, Double.NaN, Double.NaN)));
            collect(f.accept(FurnaceReading.of("z2", now, z2TempC, Double.NaN, Double.NaN)));
            collect(f.accept(FurnaceReading.of(FurnaceReading.ALL_ZONES, now, Double.NaN, o2Ppm, -60)));
        }
    }

    private void collect(FurnaceCompliance.Outcome o) {
        commands.addAll(o.commands());
        alarms.addAll(o.alarms());
    }

    @Test
    void a_steady_furnace_inside_the_window_flags_nothing_and_records_each_stretch() {
        FurnaceCompliance f = judge(limits(SinteringLimits.Violation.REJECT, 2.0));
        run(f, 20, 450, 580, 2);
        assertThat(commands).isEmpty();
        assertThat(alarms).isEmpty();
        List<SinterHistory.Record> done = f.judged();
        // 10 m passed the camera; web up to 10 m − 3 m exit has left the furnace
        assertThat(done).hasSize(70);
        SinterHistory.Record r = done.get(30);
        assertThat(r.complies()).isTrue();
        assertThat(r.maxTempC()).isEqualTo(580);
        assertThat(r.maxTempZone()).isEqualTo("z2");
        assertThat(r.worstO2Ppm()).isEqualTo(2);
        assertThat(r.worstDewPointC()).isEqualTo(-60);
        // 2 zones × 1000 mm at 500 mm/s = 4 s above 400 °C, counted in 0.2 s steps (± one step per zone)
        assertThat(r.secondsAbove()).isBetween(3.6, 4.4);
    }

    @Test
    void a_temperature_excursion_rejects_the_web_inside_the_zone_in_time_with_an_alarm() {
        FurnaceCompliance f = judge(limits(SinteringLimits.Violation.REJECT, 2.0));
        run(f, 10, 450, 580, 2); // encoder at 5000 mm
        run(f, DT_S, 450, 640, 2); // one reading of 640 °C in z2 with the encoder at 5100 mm
        assertThat(commands).hasSize(1);
        RejectCommand c = commands.get(0);
        assertThat(c.causes()).containsExactly("furnace-temperature");
        assertThat(c.y0Mm()).isEqualTo(2100); // web in z2: [5100 − 3000, 5100 − 2000]
        assertThat(c.y1Mm()).isEqualTo(3100);
        assertThat(c.deadlineMm()).isEqualTo(7100);
        assertThat(c.lateAtDecision()).isFalse();
        assertThat(alarms).singleElement().asString().contains("zone z2 at 640.0 °C > 600.0 °C").contains("rejected");
        run(f, DT_S, 450, 640, 2); // the excursion goes on: only the new stretch
        assertThat(commands).hasSize(2);
        assertThat(commands.get(1).y0Mm()).isEqualTo(3100);
        assertThat(commands.get(1).y1Mm()).isEqualTo(3200);
    }

    @Test
    void an_o2_spike_flags_the_web_in_every_zone_and_hold_for_lab_sends_no_command() {
        FurnaceCompliance f = judge(limits(SinteringLimits.Violation.HOLD_FOR_LAB, 2.0));
        run(f, 10, 450, 580, 2);
        run(f, DT_S, 450, 580, 35);
        assertThat(commands).isEmpty();
        assertThat(alarms).singleElement().asString().contains("O2 35.0 ppm > 10.0 ppm").contains("2.100–4.100 m held for lab");
    }

    @Test
    void too_short_a_dwell_and_missing_readings_are_judged_when_the_web_leaves_the_furnace() {
        FurnaceCompliance f = judge(limits(SinteringLimits.Violation.REJECT, 6.0)); // needs 6 s, the line gives 4 s
        run(f, 8, 450, 580, 2);
        assertThat(commands).isNotEmpty().allMatch(c -> c.causes().equals(List.of("furnace-dwell")));
        assertThat(alarms.get(0)).contains("s above 400 °C < 6.0 s");

        FurnaceCompliance g = judge(limits(SinteringLimits.Violation.REJECT, 2.0));
        commands.clear();
        encoderMm = 6000; // the web ran while no reading came
        collect(g.judgeExits(encoderMm));
        assertThat(commands).singleElement().satisfies(c -> {
            assertThat(c.causes()).containsExactly("furnace-no-data");
            assertThat(c.y0Mm()).isZero();
            assertThat(c.y1Mm()).isEqualTo(3000);
        });
    }

    @Test
    void readings_that_cannot_be_placed_are_refused() {
        FurnaceCompliance f = judge(limits(SinteringLimits.Violation.REJECT, 2.0));
        run(f, 1, 450, 580, 2);
        assertThatThrownBy(() -> f.accept(FurnaceReading.of("z9", now, 500, Double.NaN, Double.NaN)))
                .hasMessageContaining("unknown furnace zone 'z9' (known: z1, z2, all)");
        assertThatThrownBy(() -> f.accept(FurnaceReading.of("z1", now.minusSeconds(3600), 500, Double.NaN, Double.NaN)))
                .hasMessageContaining("older than the encoder's kept record");
        assertThatThrownBy(() -> FurnaceReading.of("z1", now, Double.NaN, Double.NaN, Double.NaN))
                .hasMessageContaining("carries no temperature, O2 or dew point");
    }
}
