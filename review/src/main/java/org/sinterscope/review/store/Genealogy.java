package org.sinterscope.review.store;

import java.time.Instant;
import java.util.List;

/**
 * One roll's genealogy: everything the store holds about how the roll was made and what was found,
 * with the defining process conditions judged from that evidence ({@link GenealogyQueries}).
 * Numbers the store does not have are null (never NaN, so the JSON stays valid).
 *
 * @param roll       the roll record (station, product, foil lot, length, counts)
 * @param inspection coating inspection summary: mean coating CV, defects by class, rejects, commands
 * @param foil       the roll's foil lot's profilometer readings (and readings naming the roll), by time
 * @param thickness  thickness gauge readings after the dryer and the calender (optional records), by position
 * @param sintering  the furnace history per stretch of web, by position
 * @param xrd        lab XRD checks of samples from the roll, by position
 * @param cracks     sintered-layer crack metrics summed over the roll's frames
 * @param rejects    stretches of web rejected by a verdict, with their causes
 * @param limits     the sintering window the conditions are judged against
 * @param conditions each defining condition: pass, fail or no-data, with its evidence in words
 */
public record Genealogy(Views.Roll roll, Views.Report inspection, List<Foil> foil, List<ThicknessReading> thickness,
                        List<Stretch> sintering, List<Xrd> xrd,
                        Cracks cracks, List<Views.Span> rejects, Limits limits, List<Condition> conditions) {

    /** A condition's outcome: {@code pass}, {@code fail}, or {@code no-data} when the store holds no evidence. */
    public enum Status { PASS, FAIL, NO_DATA }

    /** One defining condition: id (stable, for pages and reports), title, outcome, evidence in words. */
    public record Condition(String id, String title, Status status, String evidence) {
    }

    /** One foil reading: lot, time, source, Ra and Rz (µm), the foil route's pass. */
    public record Foil(String lot, Instant measuredAt, String source, double raUm, Double rzUm, boolean pass) {
    }

    /** Furnace history of one stretch of web (see routes' {@code SinterHistory.Record}). */
    public record Stretch(double y0Mm, double y1Mm, Double maxTempC, String maxTempZone, double secondsAbove,
                          Double worstO2Ppm, Double worstDewPointC, int readings, List<String> causes) {
    }

    /** One XRD check (see {@link XrdRecord}), with a null standard error when unknown. */
    public record Xrd(double yMm, String sampleId, String source, Instant measuredAt, double crystallinityIndex,
                      Double crystallinityStdErr, double limit, String verdict, String peaksJson) {
    }

    /** Crack metrics over the roll: frames measured, mean and highest density (1/mm), widest crack (µm). */
    public record Cracks(long frames, Double meanDensityPerMm, Double maxDensityPerMm, Double maxWidthUm) {
    }

    /**
     * The sintering window: alloy, T_cryst, margin, T_max = T_cryst − margin, O₂ and dew point limits,
     * dwell, XRD limit (null = not limited), foil Ra minimum, and where the window came from.
     */
    public record Limits(String source, String alloy, Double crystallizationTempC, Double marginC, Double maxTempC,
                         Double maxO2Ppm, Double maxDewPointC, Double minDwellS, Double dwellLevelC,
                         Double xrdMaxCrystallinity, double minFoilRaUm) {
    }
}
