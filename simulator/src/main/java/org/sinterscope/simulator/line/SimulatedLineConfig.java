package org.sinterscope.simulator.line;

import java.util.EnumSet;
import java.util.Set;

import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.PixelPitch;

/**
 * Settings of the simulated electrode line. Immutable; start from {@link #defaults()} and change
 * what you need with the {@code with…} methods.
 *
 * <p>Geometry: the camera sees {@code frameWidthPx × pitch} of web across; the foil of
 * {@code foilWidthMm} is centred in it (beyond it the camera sees the dark roller), and the
 * coating of {@code coatingWidthMm} is centred on the foil, leaving bare copper margins.
 *
 * @param cameraId           id carried by every frame
 * @param frameWidthPx       pixels across the web per line
 * @param frameHeightPx      lines per frame
 * @param pitch              pixel pitch, µm/px in x and y
 * @param foilWidthMm        width of the copper foil
 * @param coatingWidthMm     nominal width of the coated band
 * @param edgeDriftMm        amplitude of the slow wander of each coating edge, mm
 * @param lineSpeedMPerMin   web speed, m/min (pacing and encoder)
 * @param lengthM            length of web to run, m
 * @param defectRatePerM     injected defects per metre of web: the plan holds this many per metre
 *                           (rounded), placed uniformly at random ({@link DefectPlan})
 * @param defectClasses      which classes the plan deals (each equally often, ±1)
 * @param lookalikeRatePerM  expected number of harmless look-alikes per metre of web (Poisson, drawn
 *                           from their own random stream, so they do not move the defects): dust
 *                           specks, light glints and fibres lying on the coating ({@link Lookalike})
 * @param seed               drives the defect plan, the textures and the noise
 */
public record SimulatedLineConfig(String cameraId, int frameWidthPx, int frameHeightPx, PixelPitch pitch,
                                  double foilWidthMm, double coatingWidthMm, double edgeDriftMm,
                                  double lineSpeedMPerMin, double lengthM, double defectRatePerM,
                                  Set<DefectClass> defectClasses, double lookalikeRatePerM, long seed) {

    /** The classes the coating stage renders. */
    public static final Set<DefectClass> COATING_CLASSES = Set.copyOf(EnumSet.of(DefectClass.PINHOLE,
            DefectClass.AGGLOMERATE, DefectClass.SCRATCH, DefectClass.STREAK, DefectClass.UNCOATED, DefectClass.EDGE));

    public SimulatedLineConfig {
        defectClasses = Set.copyOf(defectClasses);
        if (frameWidthPx < 256 || frameHeightPx < 16) {
            throw new IllegalArgumentException("frame must be at least 256 x 16 px, got " + frameWidthPx + " x " + frameHeightPx);
        }
        double fovMm = frameWidthPx * pitch.xMmPerPx();
        if (!(foilWidthMm > 0) || foilWidthMm > fovMm) {
            throw new IllegalArgumentException("foil width must be in (0, " + fovMm + "] mm (the camera's view), got " + foilWidthMm);
        }
        if (!(coatingWidthMm > 0) || coatingWidthMm > foilWidthMm - 4) {
            throw new IllegalArgumentException("coating width must be in (0, foil width - 4 mm], got " + coatingWidthMm
                    + " mm on a " + foilWidthMm + " mm foil");
        }
        if (edgeDriftMm < 0 || edgeDriftMm > 2) {
            throw new IllegalArgumentException("edge drift must be in [0, 2] mm, got " + edgeDriftMm);
        }
        if (!(lineSpeedMPerMin > 0) || !(lengthM > 0) || defectRatePerM < 0) {
            throw new IllegalArgumentException("need line speed > 0, length > 0 and defect rate >= 0, got "
                    + lineSpeedMPerMin + " m/min, " + lengthM + " m, " + defectRatePerM + " /m");
        }
        if (!(lookalikeRatePerM >= 0)) {
            throw new IllegalArgumentException("look-alike rate must be >= 0 per m, got " + lookalikeRatePerM);
        }
        if (defectRatePerM > 0 && defectClasses.isEmpty()) {
            throw new IllegalArgumentException("a defect rate > 0 needs at least one defect class");
        }
    }

    /**
     * The default line: 4096 px at 50 µm (204.8 mm view), 1024 lines per frame (51.2 mm), a
     * 190 mm foil with a 160 mm coating, 30 m/min, 30 m, one defect and one look-alike per metre, seed 7.
     */
    public static SimulatedLineConfig defaults() {
        return new SimulatedLineConfig("line-cam-1", 4096, 1024, PixelPitch.square(50), 190, 160, 0.4,
                30, 30, 1.0, COATING_CLASSES, 1.0, 7);
    }

    public SimulatedLineConfig withSeed(long s) {
        return new SimulatedLineConfig(cameraId, frameWidthPx, frameHeightPx, pitch, foilWidthMm, coatingWidthMm,
                edgeDriftMm, lineSpeedMPerMin, lengthM, defectRatePerM, defectClasses, lookalikeRatePerM, s);
    }

    public SimulatedLineConfig withLengthM(double m) {
        return new SimulatedLineConfig(cameraId, frameWidthPx, frameHeightPx, pitch, foilWidthMm, coatingWidthMm,
                edgeDriftMm, lineSpeedMPerMin, m, defectRatePerM, defectClasses, lookalikeRatePerM, seed);
    }

    public SimulatedLineConfig withDefectRatePerM(double r) {
        return new SimulatedLineConfig(cameraId, frameWidthPx, frameHeightPx, pitch, foilWidthMm, coatingWidthMm,
                edgeDriftMm, lineSpeedMPerMin, lengthM, r, defectClasses, lookalikeRatePerM, seed);
    }

    public SimulatedLineConfig withLineSpeedMPerMin(double v) {
        return new SimulatedLineConfig(cameraId, frameWidthPx, frameHeightPx, pitch, foilWidthMm, coatingWidthMm,
                edgeDriftMm, v, lengthM, defectRatePerM, defectClasses, lookalikeRatePerM, seed);
    }

    public SimulatedLineConfig withDefectClasses(Set<DefectClass> classes) {
        return new SimulatedLineConfig(cameraId, frameWidthPx, frameHeightPx, pitch, foilWidthMm, coatingWidthMm,
                edgeDriftMm, lineSpeedMPerMin, lengthM, defectRatePerM, classes, lookalikeRatePerM, seed);
    }

    public SimulatedLineConfig withLookalikeRatePerM(double r) {
        return new SimulatedLineConfig(cameraId, frameWidthPx, frameHeightPx, pitch, foilWidthMm, coatingWidthMm,
                edgeDriftMm, lineSpeedMPerMin, lengthM, defectRatePerM, defectClasses, r, seed);
    }

    public SimulatedLineConfig withFrame(int widthPx, int heightPx, PixelPitch p, double foilMm, double coatingMm) {
        return new SimulatedLineConfig(cameraId, widthPx, heightPx, p, foilMm, coatingMm,
                edgeDriftMm, lineSpeedMPerMin, lengthM, defectRatePerM, defectClasses, lookalikeRatePerM, seed);
    }

    /** Width of the camera's view across the web, mm. */
    public double viewWidthMm() {
        return frameWidthPx * pitch.xMmPerPx();
    }

    /** Web length covered by one frame, mm. */
    public double frameLengthMm() {
        return frameHeightPx * pitch.yMmPerPx();
    }

    /** Number of whole frames in {@link #lengthM()}. */
    public int frameCount() {
        return (int) Math.ceil(lengthM * 1000.0 / frameLengthMm() - 1e-9);
    }

    /** Web x (mm, from the foil's operator-side edge) of the first pixel column. */
    public double xOriginMm() {
        return -(viewWidthMm() - foilWidthMm) / 2;
    }

    /** Nominal x of the coating's operator-side edge, mm. */
    public double coatingLeftMm() {
        return (foilWidthMm - coatingWidthMm) / 2;
    }

    /** Nominal x of the coating's drive-side edge, mm. */
    public double coatingRightMm() {
        return coatingLeftMm() + coatingWidthMm;
    }
}
