package org.sinterscope.inspection.coating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.Frame;
import org.sinterscope.inspection.Defect;

/**
 * Spot fragments joined by hysteresis ({@link FragmentGroups}) and line-shaped spots, on a synthetic
 * frame (coating grey 70, noise σ 3, so the spot threshold is its 25-level floor and the join level
 * 12.5): a faint line that crosses the spot threshold in pieces is one line-shaped spot (a scratch
 * whose length is the whole line's), two discs on clean coating stay two pinholes.
 */
class FragmentGroupsTest {

    private final CoatingInspector inspector = new CoatingInspector(CoatingInspectorConfig.defaults());

    /** Five 8 px pieces at +35 grey joined by 4 px pieces at +19 (above the join level, below the spot threshold), 2 px thick. */
    private static SyntheticWeb dashedLine(int c0, int row) {
        SyntheticWeb web = new SyntheticWeb(2048, 512, 64, 1984, 224, 1824);
        for (int k = 0; k < 5; k++) {
            int a = c0 + 12 * k;
            web.fill(row, row + 2, a, a + 8, SyntheticWeb.COATING + 35);
            if (k < 4) {
                web.fill(row, row + 2, a + 8, a + 12, SyntheticWeb.COATING + 19);
            }
        }
        return web;
    }

    @ParameterizedTest(name = "noise seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void a_faint_line_in_pieces_is_one_line_shaped_spot_of_the_whole_length(long seed) {
        try (Frame f = dashedLine(900, 250).frame(3, seed)) {
            List<Defect> found = inspector.inspect(f).defects();
            assertThat(found).as("defects: %s", found).hasSize(1);
            Defect d = found.get(0);
            assertThat(d.measurement("fragments")).isEqualTo(5.0);
            assertThat(d.defectClass()).isEqualTo(DefectClass.SCRATCH);
            // 56 px from the first piece's start to the last piece's end, 2 px thick: diagonal 2.80 mm
            assertThat(d.measurement("lengthMm")).isCloseTo(Math.hypot(SyntheticWeb.mm(56), SyntheticWeb.mm(2)), within(0.1));
            assertThat(d.boundsPx().x()).isCloseTo(900, within(1));
            assertThat(d.boundsPx().x1()).isCloseTo(956, within(1));
        }
    }

    @Test
    void two_discs_with_clean_coating_between_stay_two_pinholes() {
        SyntheticWeb web = new SyntheticWeb(2048, 512, 64, 1984, 224, 1824)
                .disc(1000, 256, 6, 160).disc(1010, 256, 6, 160);
        try (Frame f = web.frame(3, 7)) {
            List<Defect> found = inspector.inspect(f).defects();
            assertThat(found).as("defects: %s", found).hasSize(2);
            assertThat(found).allSatisfy(d -> {
                assertThat(d.defectClass()).isEqualTo(DefectClass.PINHOLE);
                assertThat(d.measurement("fragments")).isEqualTo(1.0);
            });
        }
    }

    @Test
    void boxes_further_apart_than_the_gap_are_not_even_looked_at() {
        assertThat(FragmentGroups.gap(new int[] {0, 0, 4, 4, 16}, new int[] {4, 0, 4, 4, 16})).isZero();
        assertThat(FragmentGroups.gap(new int[] {0, 0, 4, 4, 16}, new int[] {10, 2, 4, 4, 16})).isEqualTo(6);
        assertThat(FragmentGroups.gap(new int[] {0, 0, 4, 4, 16}, new int[] {1, 20, 4, 4, 16})).isEqualTo(16);
    }
}
