package org.sinterscope.camera.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CsvProfileReaderTest {

    @Test
    void two_column_csv_converts_units_from_the_header() throws Exception {
        String csv = "# foil 17\nx_um;z_nm\n0;100\n0.5;-250\n1.0;50\n";
        Profile p = new CsvProfileReader(Double.NaN).read("f.csv", csv.getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(p.xMm()).containsExactly(0.0, 0.0005, 0.001);
        assertThat(p.zUm()[0]).isCloseTo(0.1, offset(1e-12));
        assertThat(p.zUm()[1]).isCloseTo(-0.25, offset(1e-12));
    }

    @Test
    void z_then_x_column_order_and_mm_heights_are_accepted() throws Exception {
        String csv = "z_mm,x_mm\n0.001,0\n0.002,0.01\n";
        Profile p = new CsvProfileReader(Double.NaN).read("f.csv", csv.getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(p.zUm()).containsExactly(1.0, 2.0);
        assertThat(p.xMm()).containsExactly(0.0, 0.01);
    }

    @Test
    void one_column_csv_uses_the_given_spacing() throws Exception {
        String csv = "z_um\r\n0.1\r\n0.2\r\n0.3\r\n";
        Profile p = new CsvProfileReader(0.5).read("z.csv", csv.getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(p.size()).isEqualTo(3);
        assertThat(p.spacingMm()).isCloseTo(0.0005, offset(1e-15));
    }
}
