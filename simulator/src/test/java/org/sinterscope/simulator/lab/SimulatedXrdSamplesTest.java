package org.sinterscope.simulator.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sinterscope.inspection.xrd.XrdAnalyzer;
import org.sinterscope.inspection.xrd.XrdResult;
import org.sinterscope.inspection.xrd.XrdSettings;

class SimulatedXrdSamplesTest {

    /** The demo's default seed (7) and DemoAccuracyTest's (11); each run makes samples with seed and seed + 1. */
    @ParameterizedTest
    @ValueSource(longs = {7, 11})
    void amorphousAndCrystallineSamplesGetTheirVerdictsAndTheTrueIndex(long seed) {
        List<SimulatedXrdSamples.Sample> samples = SimulatedXrdSamples.forRoll("R-9", 30_000, seed);
        assertEquals(2, samples.size());
        SimulatedXrdSamples.Sample a = samples.get(0);
        SimulatedXrdSamples.Sample c = samples.get(1);
        assertFalse(a.crystalline());
        assertTrue(c.crystalline());
        assertEquals("R-9", a.pattern().tag().rollId());
        assertEquals(10_000, a.pattern().tag().yMm(), 1e-9);
        assertEquals(20_000, c.pattern().tag().yMm(), 1e-9);
        assertEquals(0, a.trueCrystallinity());
        assertTrue(c.trueCrystallinity() > 0.1 && c.trueCrystallinity() < 0.25, "true CI " + c.trueCrystallinity());

        XrdSettings settings = XrdSettings.defaults();
        XrdResult ra = XrdAnalyzer.analyze(a.pattern(), settings);
        XrdResult rc = XrdAnalyzer.analyze(c.pattern(), settings);
        assertEquals(XrdResult.Verdict.AMORPHOUS, ra.verdict(), "amorphous CI " + ra.crystallinityIndex());
        assertEquals(XrdResult.Verdict.CRYSTALLINE, rc.verdict(), "crystalline CI " + rc.crystallinityIndex());
        assertEquals(c.trueCrystallinity(), rc.crystallinityIndex(), 0.02);
        assertTrue(rc.peaks().stream().anyMatch(p -> "Si(111)".equals(p.reflection())), "peaks " + rc.peaks());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void badRollLengthIsRefused(double lengthMm) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulatedXrdSamples.forRoll("R-9", lengthMm, 1));
        assertTrue(e.getMessage().contains("roll length"), e.getMessage());
    }
}
