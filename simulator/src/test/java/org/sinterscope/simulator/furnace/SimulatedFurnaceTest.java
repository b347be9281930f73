package org.sinterscope.simulator.furnace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sinterscope.routes.compliance.FurnaceLayout;
import org.sinterscope.routes.compliance.FurnaceReading;

class SimulatedFurnaceTest {

    private static final FurnaceLayout LAYOUT = FurnaceLayout.parse("z1:4000:5000,z2:5000:6000,z3:6000:7000");

    private static SimulatedFurnace furnace(List<SimulatedFurnace.Excursion> x) {
        return new SimulatedFurnace(LAYOUT, List.of(450.0, 560.0, 580.0), 3, -55, 100, 30,
                Instant.parse("2026-11-30T05:00:00Z"), x, 5);
    }

    @Test
    void every_step_of_web_gives_one_reading_per_zone_and_one_of_the_atmosphere_stamped_with_encoder_and_line_time() {
        SimulatedFurnace f = furnace(List.of());
        List<FurnaceReading> r = f.readingsUpTo(250); // steps at 0, 100, 200 mm
        assertThat(r).hasSize(12);
        assertThat(r.get(4).encoderMm()).isEqualTo(100);
        assertThat(r.get(4).at()).isEqualTo(Instant.parse("2026-11-30T05:00:00.2Z")); // 100 mm at 500 mm/s
        assertThat(r.get(3).zone()).isEqualTo(FurnaceReading.ALL_ZONES);
        assertThat(r.get(3).o2Ppm()).isBetween(0.0, 6.0);
        assertThat(r.get(2).tempC()).isBetween(570.0, 590.0);
        assertThat(f.readingsUpTo(250)).isEmpty(); // nothing new
    }

    @Test
    void an_excursion_records_the_web_it_touched() {
        SimulatedFurnace f = furnace(List.of(new SimulatedFurnace.Excursion("temperature", "z3", 9000, 9400, 640),
                new SimulatedFurnace.Excursion("o2", "all", 15000, 15200, 40)));
        List<FurnaceReading> r = f.readingsUpTo(20_000);
        assertThat(r).filteredOn(x -> x.zone().equals("z3") && x.tempC() == 640).hasSize(4); // 9000 … 9300
        assertThat(r).filteredOn(x -> x.o2Ppm() == 40).hasSize(2);
        List<SimulatedFurnace.Truth> t = f.truth();
        // z3 (6000–7000 mm) hot at encoder 9000 … 9300: web [9000 − 7000, 9300 − 6000]
        assertThat(t.get(0).webFromMm()).isEqualTo(2000);
        assertThat(t.get(0).webToMm()).isEqualTo(3300);
        // the whole furnace (4000–7000 mm) at 15000 … 15100: web [8000, 11100]
        assertThat(t.get(1).webFromMm()).isEqualTo(8000);
        assertThat(t.get(1).webToMm()).isEqualTo(11100);
    }
}
