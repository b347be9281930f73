package org.sinterscope.simulator.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.sinterscope.camera.profile.Profile;

class SimulatedProfilometerTest {

    @Test
    void a_trace_has_the_requested_length_spacing_and_roughness_before_waviness() {
        Profile p = SimulatedProfilometer.defaults(3).trace("t", 0.4);
        assertThat(p.xMm()).hasSize(9600);
        assertThat(p.xMm()[1] - p.xMm()[0]).isCloseTo(0.0005, within(1e-12));
        // the raw trace also carries the 0.3 µm waviness and a tilt: its mean absolute deviation is a bit above Ra
        double mean = 0;
        for (double z : p.zUm()) {
            mean += z;
        }
        mean /= p.zUm().length;
        double ra = 0;
        for (double z : p.zUm()) {
            ra += Math.abs(z - mean);
        }
        ra /= p.zUm().length;
        assertThat(ra).isBetween(0.35, 0.55);
    }

    @Test
    void the_same_seed_gives_the_same_traces() {
        Profile a = SimulatedProfilometer.defaults(9).trace("a", 0.3);
        Profile b = SimulatedProfilometer.defaults(9).trace("a", 0.3);
        assertThat(a.zUm()).containsExactly(b.zUm());
    }

    @Test
    void csv_export_reads_as_x_and_z_columns() {
        String csv = SimulatedProfilometer.toCsv(SimulatedProfilometer.defaults(1).trace("c", 0.3));
        assertThat(csv).startsWith("x_mm,z_um\n0.000000,");
        assertThat(csv.lines().count()).isEqualTo(9601);
    }
}
