package org.sinterscope.simulator.demo;

import org.sinterscope.simulator.score.StrictScore;

import java.util.Map;

import org.sinterscope.routes.actuator.ActuationCounts;
import org.sinterscope.simulator.demo.ClassifierSummary;

/**
 * The outcome of a simulated-line run, scored against the simulator's ground truth.
 *
 * @param source                what ran
 * @param paced                 paced at line speed, or as fast as possible
 * @param frames                frames inspected
 * @param megapixels            pixels inspected, Mpx
 * @param elapsedSeconds        first frame into the station → last verdict
 * @param mpxPerSecond          megapixels / elapsedSeconds: the station's throughput (frame in →
 *                              verdict → command), not the simulator's
 * @param simulatorMpxPerSecond the simulator's rendering speed, timed apart
 * @param inspectionThreads     size of the inspection pool (with both stages: both cameras' pools together)
 * @param injectedDefects       defects the simulator injected
 * @param detectedInjected      of those, found by a detection of the right class
 * @param rejectedInjected      of those, inside a stretch the actuator rejected in time
 * @param missedInjected        injected − rejectedInjected
 * @param falseRejects          fired rejects that meet no injected defect
 * @param lateCommands          commands that reached the actuator after their deadline
 * @param failedFrames          frames that could not be inspected (each rejected whole)
 * @param alarms                alarms raised
 * @param rejectedMeters        web length rejected, m
 * @param coatingCvPercent      mean CD coefficient of variation of the coating
 * @param latencyMs             frame complete → reject command at the actuator, for the commands from frames (a furnace
 *                             excursion's command is timed from its reading, not a frame): p50, p99, max
 * @param byClass               the counts per defect class
 * @param framesSkipped         frames not inspected because the station was behind the line (rejected by policy)
 * @param actuation             reject commands: link, sent, acknowledged, fired, late, fail-safe actions
 * @param cracks                the sintered-layer stage scored against its crack truth, or null
 *                              when the run had no sintered stage
 * @param foil                  the foil profilometer's traces and verdicts, or null
 * @param classifier            the classifier's part: bundle, look-alikes suppressed, uncertain, and the
 *                              same frames decided with and without it
 * @param furnace               the sintering furnace's injected excursions against what the station flagged and
 *                              rejected, or null when the run had no furnace
 * @param headroom              pool busy fraction, frame-queue depth, behind alarms, the simulator's lead and the
 *                              process's memory at start and end, or null (sintered stage)
 * @param strict                the run scored strictly ({@link StrictScore}: whole-extent rejects, class and
 *                              overlap for a detection, precision, confusion matrix, false rejects by cause); with
 *                              both stages the two stages' scores merged (the sintered stage's true cracks as
 *                              class {@code crack})
 * @param xrd                   the simulated lab XRD samples of the roll judged against their truth, or null
 * @param stages                each camera stage that ran ({@code coating}, {@code sintered}) with its own
 *                              frames, strict score, late commands and latency; the fields above are the whole
 *                              station's (counts summed over the stages, {@code strict} merged)
 */
public record DemoSummary(String source, boolean paced, long frames, double megapixels, double elapsedSeconds,
                          double mpxPerSecond, double simulatorMpxPerSecond, int inspectionThreads, int injectedDefects,
                          int detectedInjected, int rejectedInjected, int missedInjected, int falseRejects,
                          int lateCommands, long failedFrames, int alarms, double rejectedMeters,
                          double coatingCvPercent, Map<String, Double> latencyMs, Map<String, ClassSummary> byClass,
                          long framesSkipped, ActuationCounts actuation, CrackSummary cracks,
                          ClassifierSummary classifier, FoilSummary foil, FurnaceSummary furnace, Headroom headroom,
                          StrictScore.Result strict, XrdSummary xrd, Map<String, StageSummary> stages) {

    /**
     * The roll's simulated lab XRD samples (one amorphous halo, one with a crystalline Si(111) peak).
     *
     * @param analysed            samples judged
     * @param amorphous           of those, judged substantially amorphous
     * @param crystalline         judged crystalline (crystallinity index over the recipe's limit)
     * @param expectedAmorphous   samples simulated amorphous
     * @param expectedCrystalline samples simulated with the crystalline peak
     */
    public record XrdSummary(int analysed, int amorphous, int crystalline, int expectedAmorphous, int expectedCrystalline) {
    }

    /**
     * The simulated furnace of the run.
     *
     * @param injected        excursions injected (temperature above T_cryst − margin, O₂ spike)
     * @param flagged         of those, flagged on every judged web stretch they touched
     * @param rejectedInTime  of those, whose touched web was covered by reject commands fired in time
     * @param readings        furnace readings placed on the web
     * @param stretches       web stretches judged after leaving the furnace
     * @param violating       of those, with a violation
     * @param maxAllowedC     T_cryst − margin of the recipe, °C
     * @param maxSeenC        highest zone temperature any stretch saw, °C
     * @param excursions      each excursion: the web it touched and what became of it
     * @param lateCommands    furnace commands that reached their actuator after the deadline (part of the run's
     *                        {@code lateCommands}; a violation known only when the web leaves the furnace, such as a
     *                        dwell too short for the line speed, can be decided after the web passed the marker)
     */
    public record FurnaceSummary(int injected, int flagged, int rejectedInTime, long readings, int stretches,
                                 long violating, double maxAllowedC, double maxSeenC, java.util.List<FurnaceExcursion> excursions,
                                 int lateCommands) {
    }

    /** One injected excursion: kind, zone, the web it touched (mm) and whether it was flagged and rejected in time. */
    public record FurnaceExcursion(String kind, String zone, double webFromMm, double webToMm, boolean flagged,
                                   boolean rejectedInTime) {
    }

    /**
     * The foil profilometer of the run: traces the station's foil route judged.
     *
     * @param lot          foil lot
     * @param traces       traces measured
     * @param judged       traces with a verdict
     * @param failed       of those, failing the recipe (Ra below the minimum, …): each raised an alarm
     * @param quarantined  traces that could not be read
     * @param meanRaUm     mean Ra of the judged traces, µm
     * @param minRaUm      lowest Ra, µm
     */
    public record FoilSummary(String lot, int traces, long judged, long failed, long quarantined, double meanRaUm,
                              double minRaUm) {
    }

    /**
     * The sintered-layer stage against the simulator's crack truth ({@code CrackScorer}).
     *
     * @param frames                frames of the sintered camera
     * @param framesWithCracks      of those, with injected cracks
     * @param framesWithDetections  with at least one detected crack
     * @param injectedCracks        true cracks (connected parts of the true crack mask)
     * @param detectedCracks        of those, met by a detected crack of the same frame (± 0.1 mm)
     * @param rejectedCracks        of those, inside a stretch the actuator rejected in time
     * @param falseRejects          fired rejects that meet no true crack
     * @param recall                detectedCracks / injectedCracks
     * @param trueLengthMm          summed true crack centre-line length, mm
     * @param measuredLengthMm      summed crack length the station measured, mm
     * @param lengthErrorRelative   (measured − true) / true over the run
     * @param meanFrameLengthErrorRelative mean over frames with cracks of |measured − true| / true
     */
    public record CrackSummary(int frames, int framesWithCracks, int framesWithDetections, int injectedCracks,
                               int detectedCracks, int rejectedCracks, int falseRejects, double recall, double trueLengthMm,
                               double measuredLengthMm, double lengthErrorRelative, double meanFrameLengthErrorRelative) {
    }

    /**
     * @param injected      injected defects of the class
     * @param detected      found with the right class
     * @param rejected      rejected in time
     * @param missed        injected − rejected
     * @param falseRejects  fired rejects caused by this class that meet no injected defect
     */
    public record ClassSummary(int injected, int detected, int rejected, int missed, int falseRejects) {
        public double recall() {
            return injected == 0 ? Double.NaN : (double) detected / injected;
        }
    }
}
