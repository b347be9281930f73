package org.sinterscope.inspection.coating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.Mats;
import org.sinterscope.camera.OpenCvNative;

/**
 * {@link LineShape} on rasterised curves of known geometry: straight bands of any direction and
 * width bend ≈ 0; a circular arc of known chord and length bends ≈ 0.298 × its sagitta; an S-curve
 * (two opposite arcs) bends less than one arc of the same sagitta but clearly more than a straight line.
 */
class LineShapeTest {

    @BeforeAll
    static void opencv() {
        OpenCvNative.load();
    }

    /** Polyline of a circular arc of length {@code len} px and total turn {@code turnRad}, starting at (100, 100) at {@code angle}. */
    private static List<Point> arc(double len, double turnRad, double angle) {
        List<Point> pts = new ArrayList<>();
        int n = 200;
        double x = 100;
        double y = 100;
        pts.add(new Point(x, y));
        for (int i = 0; i < n; i++) {
            double a = angle + turnRad * (i + 0.5) / n;
            x += len / n * Math.cos(a);
            y += len / n * Math.sin(a);
            pts.add(new Point(x, y));
        }
        return pts;
    }

    private static LineShape shapeOf(List<Point> pts, int thickness) {
        try (Mats m = new Mats()) {
            Mat mask = m.add(Mat.zeros(400, 400, CvType.CV_8U));
            MatOfPoint poly = m.add(new MatOfPoint(pts.toArray(new Point[0])));
            Imgproc.polylines(mask, List.of(poly), false, new Scalar(255), thickness, Imgproc.LINE_8);
            return LineShape.of(mask);
        }
    }

    static Stream<Arguments> straight() {
        // angle (deg), thickness px: every direction, 1 to 3 px (the simulator's scratches are 1–3 px wide)
        return Stream.of(Arguments.of(0, 1), Arguments.of(90, 1), Arguments.of(22.5, 1), Arguments.of(45, 1),
                Arguments.of(67, 1), Arguments.of(88, 3), Arguments.of(30, 2), Arguments.of(-60, 3));
    }

    @ParameterizedTest(name = "straight at {0} deg, {1} px")
    @MethodSource("straight")
    void a_straight_line_does_not_bend(double angleDeg, int thickness) {
        LineShape s = shapeOf(arc(120, 0, Math.toRadians(angleDeg)), thickness);
        assertThat(s.lengthPx()).as("%s", s).isCloseTo(120, within(6.0));
        assertThat(s.bendPx()).as("%s", s).isLessThan(0.25); // measured 0–0.16 px (digitisation)
        assertThat(s.bendRatio()).as("%s", s).isLessThan(0.003);
    }

    static Stream<Arguments> arcs() {
        // length px, total turn rad, start angle rad
        return Stream.of(Arguments.of(120.0, 0.6, 0.3), Arguments.of(120.0, 1.2, 2.0), Arguments.of(80.0, 0.9, -1.0),
                Arguments.of(200.0, 0.4, 1.5));
    }

    @ParameterizedTest(name = "arc {0} px turning {1} rad")
    @MethodSource("arcs")
    void an_arc_bends_by_0_298_of_its_sagitta(double len, double turn, double angle) {
        double r = len / turn;
        double chord = 2 * r * Math.sin(turn / 2);
        double sagitta = r * (1 - Math.cos(turn / 2));
        LineShape s = shapeOf(arc(len, turn, angle), 1);
        assertThat(chord / len).as("the arc is gentle").isGreaterThan(0.94);
        assertThat(s.bendPx()).as("%s, sagitta %.2f px", s, sagitta).isCloseTo(0.298 * sagitta, within(0.1 * 0.298 * sagitta + 0.2));
        assertThat(s.bendRatio()).isGreaterThan(0.01);
    }

    @Test
    void an_s_curve_bends_less_than_one_arc_but_more_than_a_line() {
        List<Point> first = arc(60, 0.8, 0.2);
        Point end = first.get(first.size() - 1);
        List<Point> pts = new ArrayList<>(first);
        double a = 0.2 + 0.8;
        double x = end.x;
        double y = end.y;
        for (int i = 0; i < 200; i++) {
            double ang = a - 0.8 * (i + 0.5) / 200;
            x += 60.0 / 200 * Math.cos(ang);
            y += 60.0 / 200 * Math.sin(ang);
            pts.add(new Point(x, y));
        }
        LineShape s = shapeOf(pts, 1);
        LineShape oneArc = shapeOf(arc(120, 0.8, 0.2), 1);
        LineShape line = shapeOf(arc(120, 0, 0.6), 1);
        assertThat(s.bendPx()).as("S %s, arc %s, line %s", s, oneArc, line)
                .isLessThan(oneArc.bendPx()).isGreaterThan(line.bendPx() + 0.5);
    }

    @Test
    void an_empty_mask_is_refused() {
        try (Mats m = new Mats()) {
            Mat mask = m.add(Mat.zeros(10, 10, CvType.CV_8U));
            assertThatThrownBy(() -> LineShape.of(mask)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("empty");
        }
    }
}
