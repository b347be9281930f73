package org.sinterscope.simulator.line;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.sinterscope.camera.WebRect;

/**
 * Ground truth for one harmless look-alike the simulator put on the web: something the classical
 * detectors flag that is not a defect of the electrode. Never counted as an injected defect, never
 * in the label image.
 *
 * <p>Shapes, in mm on the web (all drawn before the optics blur, so they come out soft):
 * <ul>
 *   <li>{@link Kind#DUST}: one to three overlapping dark Gaussian blobs (σ {@code sizeMm / 4} each,
 *   the darkest {@code contrast} grey levels, the others 0.6–1 of it) within {@code sizeMm / 2} of
 *   the centre: a small, soft, irregular dark clump (the classical detector calls it an agglomerate);</li>
 *   <li>{@link Kind#GLINT}: one bright Gaussian spot (σ {@code sizeMm / 4} across, up to 1.8× that
 *   along the web), a light reflection (the classical detector calls it a pinhole);</li>
 *   <li>{@link Kind#FIBRE}: a thin curved line of length {@code sizeMm} (four to seven segments,
 *   turning up to ±0.5 rad each), {@code contrast} grey levels lighter or darker than the coating.</li>
 * </ul>
 * The shape is a function of {@code shapeSeed} alone ({@link #blobsMm()}, {@link #fibrePathMm()}),
 * so every frame that meets a look-alike draws the same one.
 *
 * @param id        unique within a plan, from 1
 * @param kind      what it is
 * @param xMm       centre (start of a fibre) across the web, mm
 * @param yMm       centre (start of a fibre) along the web, mm
 * @param sizeMm    clump or spot size (≈ 4 σ), or fibre length, mm
 * @param contrast  grey-level change at its strongest point (signed: dust is dark, a glint bright)
 * @param shapeSeed drives its shape
 */
public record Lookalike(long id, Kind kind, double xMm, double yMm, double sizeMm, double contrast, long shapeSeed) {

    /** The kinds of look-alike. */
    public enum Kind { DUST, GLINT, FIBRE }

    /**
     * A Gaussian blob relative to the look-alike's centre.
     *
     * @param dxMm     offset across the web
     * @param dyMm     offset along the web
     * @param sigmaXMm σ across
     * @param sigmaYMm σ along
     * @param grey     peak grey-level change (signed)
     */
    public record Blob(double dxMm, double dyMm, double sigmaXMm, double sigmaYMm, double grey) {
    }

    public Lookalike {
        Objects.requireNonNull(kind, "kind");
        if (id <= 0 || !(sizeMm > 0)) {
            throw new IllegalArgumentException("look-alike needs id > 0 and size > 0, got id=" + id + ", size=" + sizeMm + " mm");
        }
    }

    /** Its extent on the web, mm (blobs to ±2 σ, the fibre's path). */
    public WebRect bounds() {
        double x0 = 0;
        double y0 = 0;
        double x1 = 0;
        double y1 = 0;
        for (double[] p : fibrePathMm()) {
            x0 = Math.min(x0, p[0]);
            x1 = Math.max(x1, p[0]);
            y0 = Math.min(y0, p[1]);
            y1 = Math.max(y1, p[1]);
        }
        for (Blob b : blobsMm()) {
            x0 = Math.min(x0, b.dxMm() - 2 * b.sigmaXMm());
            x1 = Math.max(x1, b.dxMm() + 2 * b.sigmaXMm());
            y0 = Math.min(y0, b.dyMm() - 2 * b.sigmaYMm());
            y1 = Math.max(y1, b.dyMm() + 2 * b.sigmaYMm());
        }
        return new WebRect(xMm + x0, yMm + y0, xMm + x1, yMm + y1);
    }

    /** The blobs of a dust clump or glint, relative to the centre (empty for a fibre). */
    public List<Blob> blobsMm() {
        List<Blob> out = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(shapeSeed);
        double sigma = sizeMm / 4;
        switch (kind) {
            case GLINT -> {
                double along = sigma * (1 + 0.8 * r.nextDouble());
                out.add(new Blob(0, 0, sigma, along, contrast));
            }
            case DUST -> {
                int n = 1 + r.nextInt(3);
                out.add(new Blob(0, 0, sigma, sigma, contrast));
                for (int i = 1; i < n; i++) {
                    double s = sigma * (0.6 + 0.5 * r.nextDouble());
                    out.add(new Blob((r.nextDouble() - 0.5) * sizeMm, (r.nextDouble() - 0.5) * sizeMm, s, s,
                            contrast * (0.6 + 0.4 * r.nextDouble())));
                }
            }
            default -> {
                // a fibre is a path
            }
        }
        return out;
    }

    /** The points of a fibre's path relative to its start, mm (empty for a blob). */
    public List<double[]> fibrePathMm() {
        List<double[]> out = new ArrayList<>();
        if (kind != Kind.FIBRE) {
            return out;
        }
        SplittableRandom r = new SplittableRandom(shapeSeed);
        int segments = 4 + r.nextInt(4);
        double angle = 2 * Math.PI * r.nextDouble();
        double x = 0;
        double y = 0;
        out.add(new double[] {x, y});
        for (int i = 0; i < segments; i++) {
            angle += (r.nextDouble() - 0.5);
            double len = sizeMm / segments;
            x += len * Math.cos(angle);
            y += len * Math.sin(angle);
            out.add(new double[] {x, y});
        }
        return out;
    }
}
