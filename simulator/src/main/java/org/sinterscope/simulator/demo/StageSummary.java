package org.sinterscope.simulator.demo;

import java.util.List;
import java.util.Map;

import org.sinterscope.simulator.score.StrictScore;

/**
 * One camera stage of a demo run (the coating camera, the sintered-layer camera), scored against its
 * own ground truth with its own actuators' fired commands (synthetic figures).
 *
 * @param stage          coating | sintered
 * @param camera         camera id
 * @param source         what the camera was
 * @param offsetMm       the camera's offset-mm (roll y = camera y + offset)
 * @param actuators      the actuators its rejects go to
 * @param frames         frames of the camera inspected
 * @param megapixels     pixels of the camera inspected, Mpx
 * @param injected       defects injected where the camera looks (coating defects; true cracks)
 * @param detected       of those, detected with the right class (strict match)
 * @param rejected       of those, whose whole extent in-time fired stretches of its actuators cover
 * @param missed         injected − rejected
 * @param falseRejects   its actuators' fired stretches that meet no injected defect of the stage
 * @param lateCommands   its actuators' commands that arrived after their deadline
 * @param failedFrames   its frames that could not be inspected
 * @param latencyMs      frame complete → command at its actuators: p50, p99, max
 * @param strict         the stage scored strictly ({@link StrictScore}); per class, confusion, false rejects by cause
 */
public record StageSummary(String stage, String camera, String source, double offsetMm, List<String> actuators, long frames,
                           double megapixels, int injected, int detected, int rejected, int missed, int falseRejects,
                           int lateCommands, long failedFrames, Map<String, Double> latencyMs, StrictScore.Result strict) {

    public StageSummary {
        actuators = List.copyOf(actuators);
        latencyMs = Map.copyOf(latencyMs);
    }

    /** The stage's counts out of its strict score. */
    static StageSummary of(String stage, String camera, String source, double offsetMm, List<String> actuators, long frames,
                           double megapixels, int lateCommands, long failedFrames, Map<String, Double> latencyMs,
                           StrictScore.Result strict) {
        int injected = 0;
        int detected = 0;
        int rejected = 0;
        for (StrictScore.ClassRow r : strict.byClass().values()) {
            injected += r.injected();
            detected += r.detected();
            rejected += r.rejected();
        }
        return new StageSummary(stage, camera, source, offsetMm, actuators, frames, megapixels, injected, detected, rejected,
                injected - rejected, strict.falseRejects(), lateCommands, failedFrames, latencyMs, strict);
    }

    /**
     * Two stages' strict scores as one (the same roll seen by two cameras): per-class rows, confusion
     * and false rejects by cause summed; web metres the larger of the two (the same web, not twice).
     */
    static StrictScore.Result merge(StrictScore.Result a, StrictScore.Result b) {
        Map<String, int[]> rows = new java.util.TreeMap<>();
        for (StrictScore.Result r : List.of(a, b)) {
            r.byClass().forEach((c, v) -> {
                int[] x = rows.computeIfAbsent(c, k -> new int[7]);
                x[0] += v.injected();
                x[1] += v.detected();
                x[2] += v.rejected();
                x[3] += v.detections();
                x[4] += v.matchedDetections();
                x[5] += v.falseDetections();
                x[6] += v.falseRejects();
            });
        }
        Map<String, StrictScore.ClassRow> byClass = new java.util.LinkedHashMap<>();
        rows.forEach((c, x) -> byClass.put(c, new StrictScore.ClassRow(x[0], x[1], x[2], x[3], x[4], x[5], x[6])));
        Map<String, Map<String, Integer>> confusion = new java.util.TreeMap<>();
        Map<String, Integer> byCause = new java.util.LinkedHashMap<>();
        for (StrictScore.Result r : List.of(a, b)) {
            r.confusion().forEach((row, cols) -> cols.forEach((col, n) ->
                    confusion.computeIfAbsent(row, k -> new java.util.TreeMap<>()).merge(col, n, Integer::sum)));
            r.falseRejectsByCause().forEach((k, v) -> byCause.merge(k, v, Integer::sum));
        }
        List<StrictScore.Miss> missed = new java.util.ArrayList<>(a.missed());
        missed.addAll(b.missed());
        List<StrictScore.FalseReject> falseList = new java.util.ArrayList<>(a.falseRejectList());
        falseList.addAll(b.falseRejectList());
        return new StrictScore.Result(byClass, confusion, a.falseRejects() + b.falseRejects(), byCause,
                Math.max(a.webMeters(), b.webMeters()), missed, falseList);
    }
}
