package org.sinterscope.simulator.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.WebRect;
import org.sinterscope.inspection.Defect;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.inspection.crack.CrackFrameInspector;
import org.sinterscope.simulator.plc.PlcSimulator;

/**
 * Scores a sintered-layer run against the simulator's truth.
 *
 * <ul>
 *   <li>A true crack (connected part of the crack mask) is <b>detected</b> when a crack defect of the
 *   same frame overlaps its box grown by {@value #TOLERANCE_MM} mm, and <b>rejected</b> when a reject
 *   the actuator fired in time overlaps its y range.</li>
 *   <li>A fired reject is <b>false</b> when it meets no true crack (± tolerance).</li>
 *   <li>Length: the summed crack length the station measured against the summed true centre-line
 *   length, over all frames, and the mean per-frame |measured − true| / true over frames with cracks.</li>
 * </ul>
 */
final class CrackScorer {

    static final double TOLERANCE_MM = 0.1;

    private CrackScorer() {
    }

    static DemoSummary.CrackSummary score(List<SinteredCamera.FrameTruth> truth, List<FrameInspection> inspections,
                                          List<PlcSimulator.Fired> fired) {
        Map<Long, FrameInspection> bySeq = new HashMap<>();
        for (FrameInspection fi : inspections) {
            bySeq.put(fi.sequence(), fi);
        }
        int trueCracks = 0;
        int detected = 0;
        int rejected = 0;
        double trueLength = 0;
        double measuredLength = 0;
        double relErrSum = 0;
        int framesWithCracks = 0;
        int framesWithDetections = 0;
        for (SinteredCamera.FrameTruth t : truth) {
            FrameInspection fi = bySeq.get(t.sequence());
            List<Defect> found = fi == null ? List.of()
                    : fi.defects().stream().filter(d -> d.defectClass() == DefectClass.CRACK).toList();
            double measured = fi == null ? 0 : fi.measurement(CrackFrameInspector.LENGTH_MM);
            measured = Double.isNaN(measured) ? 0 : measured;
            trueLength += t.crackLengthMm();
            measuredLength += measured;
            if (!found.isEmpty()) {
                framesWithDetections++;
            }
            if (t.crackLengthMm() > 0) {
                framesWithCracks++;
                relErrSum += Math.abs(measured - t.crackLengthMm()) / t.crackLengthMm();
            }
            for (WebRect c : t.cracks()) {
                trueCracks++;
                WebRect grown = c.grow(TOLERANCE_MM);
                if (found.stream().anyMatch(d -> d.boundsMm().intersects(grown))) {
                    detected++;
                }
                if (fired.stream().anyMatch(f -> f.inTime() && f.command().y0Mm() <= c.y1Mm() && c.y0Mm() <= f.command().y1Mm())) {
                    rejected++;
                }
            }
        }
        int falseRejects = 0;
        for (PlcSimulator.Fired f : fired) {
            double y0 = f.command().y0Mm() - TOLERANCE_MM;
            double y1 = f.command().y1Mm() + TOLERANCE_MM;
            boolean meets = truth.stream().flatMap(t -> t.cracks().stream()).anyMatch(c -> c.overlapsY(y0, y1));
            if (!meets) {
                falseRejects++;
            }
        }
        return new DemoSummary.CrackSummary(truth.size(), framesWithCracks, framesWithDetections, trueCracks, detected,
                rejected, falseRejects, trueCracks == 0 ? Double.NaN : (double) detected / trueCracks, trueLength,
                measuredLength, trueLength == 0 ? Double.NaN : (measuredLength - trueLength) / trueLength,
                framesWithCracks == 0 ? Double.NaN : relErrSum / framesWithCracks);
    }
}
