package org.sinterscope.camera.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class SmdProfileReaderTest {

    /** An NPL-style softgauge file with an incremental x of 0.25 µm (2.5e-4 mm) and z in µm. */
    static String smd(boolean eorAfterAxes, String... z) {
        StringBuilder b = new StringBuilder();
        b.append("ISO 5436 - 2000 test01\n").append("PRF 1 ISO5436\n")
                .append("CX I ").append(z.length).append(" mm 1.0e0 D 2.5e-4\n")
                .append("CZ A ").append(z.length).append(" um 1.0e0 D\n");
        b.append(eorAfterAxes ? "EOR\n" : "\n");
        b.append("DATE 25-Nov-2004\nCREATED_BY test\nPARAMETER_VALUE Ra 0 mm 0\nPROFILE_FILTER Gaussian LS 0.0e0 LC 8.0e-1\nEOR\n");
        for (String v : z) {
            b.append(v).append('\n');
        }
        b.append("EOR\n0\nEOF\n");
        return b.toString();
    }

    @Test
    void npl_style_softgauge_is_read_with_incremental_x() throws Exception {
        for (boolean eor : new boolean[] {true, false}) {
            List<Profile> p = new SmdProfileReader().read("g.smd",
                    smd(eor, "-0.296539", "-0.270753", "0.5", "1e-1").getBytes(StandardCharsets.UTF_8));
            assertThat(p).hasSize(1);
            assertThat(p.get(0).zUm()).containsExactly(-0.296539, -0.270753, 0.5, 0.1);
            assertThat(p.get(0).spacingMm()).isCloseTo(2.5e-4, offset(1e-15));
            assertThat(p.get(0).name()).isEqualTo("g.smd");
        }
    }

    @Test
    void absolute_x_and_integer_z_with_scale_are_converted_to_mm_and_um() throws Exception {
        String text = "ISO 5436 - 2000 abs\nPRF 1 ISO5436\nCX A 3 um 1.0 D\nCZ A 3 nm 10 L\nEOR\nEOR\n"
                + "0 5\n0.5 -7\n1.0 12\nEOR\nEOF\n";
        Profile p = new SmdProfileReader().read("a.smd", text.getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(p.xMm()).containsExactly(0.0, 0.0005, 0.001);
        assertThat(p.zUm()).containsExactly(0.05, -0.07, 0.12);
    }

    @Test
    void smd_point_count_must_match_the_header() throws Exception {
        String text = smd(true, "1", "2", "3").replace("CX I 3", "CX I 4").replace("CZ A 3", "CZ A 4");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SmdProfileReader().read("n.smd",
                        text.getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("n.smd: ")
                .hasMessageContaining("3 points, the header announces 4");
    }
}
