package org.sinterscope.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The demo's furnace and sintered-layer camera are placed for the line speed, as a real line's are. */
class DemoLayoutTest {

    @Test
    void at_30_m_per_min_the_furnace_is_4_to_7_m_with_its_marker_at_9_m_and_the_sintered_camera_at_7_5_m() {
        Map<String, String> f = DemoFurnace.withDefaults(Map.of(), 30);
        assertThat(f).containsEntry("sinterscope.furnace.zones", "z1:4000:5000,z2:5000:6000,z3:6000:7000")
                .containsEntry("sinterscope.actuator.marker-f.distance-mm", "9000");
        Map<String, String> c = DemoSinteredCamera.overrides("line-cam-1", "marker-1,marker-f", 30);
        assertThat(c).containsEntry("sinterscope.camera.sinter-cam-1.offset-mm", "-7500.0")
                .containsEntry("sinterscope.actuator.marker-s.distance-mm", "8500.0");
    }

    @Test
    void at_120_m_per_min_the_zones_are_four_times_as_long_so_the_dwell_is_the_same_and_the_camera_stays_past_the_exit() {
        Map<String, String> f = DemoFurnace.withDefaults(Map.of(), 120);
        assertThat(f).containsEntry("sinterscope.furnace.zones", "z1:4000:8000,z2:8000:12000,z3:12000:16000")
                .containsEntry("sinterscope.actuator.marker-f.distance-mm", "18000");
        // dwell over the three zones: 3 m at 0.5 m/s and 12 m at 2 m/s are both 6 s
        assertThat((DemoFurnace.exitMm(120) - DemoFurnace.ENTRY_MM) / (120 / 60.0 * 1000))
                .isEqualTo((DemoFurnace.exitMm(30) - DemoFurnace.ENTRY_MM) / (30 / 60.0 * 1000));
        assertThat(DemoSinteredCamera.overrides("line-cam-1", "marker-1,marker-f", 120))
                .containsEntry("sinterscope.camera.sinter-cam-1.offset-mm", "-16500.0");
        // a slower line keeps the 30 m/min furnace (it is not made shorter than the real one)
        assertThat(DemoFurnace.withDefaults(Map.of(), 10)).containsEntry("sinterscope.furnace.zones",
                "z1:4000:5000,z2:5000:6000,z3:6000:7000");
    }

    @Test
    void a_setting_given_by_the_user_wins() {
        assertThat(DemoFurnace.withDefaults(Map.of("sinterscope.furnace.zones", "z1:1000:2000"), 120))
                .containsEntry("sinterscope.furnace.zones", "z1:1000:2000");
    }
}
