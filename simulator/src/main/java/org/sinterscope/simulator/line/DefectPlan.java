package org.sinterscope.simulator.line;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.WebRect;

/**
 * The defects to inject along a simulated roll, drawn once from the seed before the first frame.
 *
 * <p>Stratified, so that a run of L metres scores every class on an equal share: the plan holds
 * exactly {@code round(defectRatePerM × usable length)} defects (the usable length leaves 20 mm clean
 * at each end) at positions drawn uniformly along the web, i.e. a Poisson process along the web
 * conditioned on its expected count; the classes are dealt from decks of all configured classes, each
 * deck shuffled from the seed, so every class occurs {@code n / classes} times, ±1. A defect that would
 * run past the end of the web (a long streak) is drawn again at another position. Sizes are uniform
 * in the ranges below, chosen to match what an electrode line's inspection has to catch at 50 µm/px:
 *
 * <table>
 *   <caption>sizes</caption>
 *   <tr><th>class</th><th>size</th><th>extent along the web</th></tr>
 *   <tr><td>pinhole</td><td>Ø 0.15–0.5 mm</td><td>same</td></tr>
 *   <tr><td>agglomerate</td><td>Ø 0.6–2.5 mm</td><td>same</td></tr>
 *   <tr><td>scratch</td><td>width 0.05–0.15 mm</td><td>10–60 mm</td></tr>
 *   <tr><td>streak</td><td>width 0.8–3 mm, ±10–20 grey levels</td><td>150–1200 mm</td></tr>
 *   <tr><td>uncoated spot</td><td>Ø 2–8 mm</td><td>same</td></tr>
 *   <tr><td>edge notch / bulge</td><td>depth 0.8–3 mm</td><td>3–15 mm</td></tr>
 * </table>
 *
 * <p>Harmless look-alikes ({@link Lookalike}: dust, glints, fibres) follow their own Poisson process
 * ({@code lookalikeRatePerM}) from their own random stream, so adding them leaves the defects of a
 * seed where they were. Their kind is dust 40 %, glint 35 %, fibre 25 %; sizes and contrasts:
 *
 * <table>
 *   <caption>look-alikes</caption>
 *   <tr><th>kind</th><th>size</th><th>contrast</th></tr>
 *   <tr><td>dust</td><td>clump ≈ 0.25–0.45 mm (σ 0.06–0.11 mm per blob)</td><td>−40 to −70 grey levels</td></tr>
 *   <tr><td>glint</td><td>≈ 0.26–0.52 mm (σ 0.065–0.13 mm)</td><td>+40 to +62</td></tr>
 *   <tr><td>fibre</td><td>1–3.5 mm long, one pixel thin</td><td>±50 to ±80 (60 % dark)</td></tr>
 * </table>
 * They are never counted as defects ({@link #size()}).
 *
 * @param defects    the defects sorted by their start along the web
 * @param lookalikes the look-alikes sorted by their centre along the web
 */
public record DefectPlan(List<InjectedDefect> defects, List<Lookalike> lookalikes) {

    public DefectPlan {
        defects = List.copyOf(defects);
        lookalikes = List.copyOf(lookalikes);
    }

    /** A plan of defects only. */
    public DefectPlan(List<InjectedDefect> defects) {
        this(defects, List.of());
    }

    /** Draws the plan for {@code cfg} from its seed; the same config gives the same plan. */
    public static DefectPlan generate(SimulatedLineConfig cfg) {
        SplittableRandom rnd = new SplittableRandom(cfg.seed() ^ 0x5EED_D0E5_1234L);
        List<DefectClass> classes = cfg.defectClasses().stream().sorted().toList();
        List<InjectedDefect> out = new ArrayList<>();
        double lengthMm = cfg.lengthM() * 1000.0;
        // keep the first and last 20 mm clean: a camera starts mid-web and the first lines are not a full frame of context
        double usableMm = Math.max(0, lengthMm - 40.0);
        long count = Math.round(cfg.defectRatePerM() * usableMm / 1000.0);
        if (count > MAX_DEFECTS) {
            throw new IllegalArgumentException("a plan of " + count + " defects (" + cfg.defectRatePerM() + " per m over " + cfg.lengthM()
                    + " m) is more than " + MAX_DEFECTS);
        }
        List<DefectClass> deck = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            if (deck.isEmpty()) {
                deck.addAll(classes);
                shuffle(deck, rnd);
            }
            DefectClass c = deck.remove(deck.size() - 1);
            InjectedDefect d = null;
            for (int attempt = 0; attempt < 1000 && d == null; attempt++) {
                InjectedDefect tried = draw(id, c, 20.0 + usableMm * rnd.nextDouble(), cfg, rnd);
                if (tried.bounds().y1Mm() < lengthMm) {
                    d = tried;
                }
            }
            if (d == null) {
                throw new IllegalArgumentException("a " + c.label() + " does not fit on " + cfg.lengthM() + " m of web");
            }
            out.add(d);
        }
        out.sort(Comparator.comparingDouble(d -> d.bounds().y0Mm()));
        return new DefectPlan(out, lookalikes(cfg));
    }

    /** The most defects one plan holds (a bound on what a configuration can ask for). */
    static final long MAX_DEFECTS = 10_000_000;

    private static void shuffle(List<DefectClass> deck, SplittableRandom rnd) {
        for (int i = deck.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            DefectClass t = deck.get(i);
            deck.set(i, deck.get(j));
            deck.set(j, t);
        }
    }

    private static List<Lookalike> lookalikes(SimulatedLineConfig cfg) {
        SplittableRandom rnd = new SplittableRandom(cfg.seed() ^ 0x100C_A11CE_5EEDL);
        List<Lookalike> out = new ArrayList<>();
        double lengthMm = cfg.lengthM() * 1000.0;
        double meanGapMm = cfg.lookalikeRatePerM() > 0 ? 1000.0 / cfg.lookalikeRatePerM() : Double.POSITIVE_INFINITY;
        double left = cfg.coatingLeftMm() + cfg.edgeDriftMm() + 4;
        double right = cfg.coatingRightMm() - cfg.edgeDriftMm() - 4;
        double y = 20.0 + exp(rnd, meanGapMm);
        long id = 1;
        while (y < lengthMm - 20.0) {
            double kind = rnd.nextDouble();
            double x = uniform(rnd, left + 2, right - 2);
            long shape = rnd.nextLong();
            Lookalike l;
            if (kind < 0.40) {
                l = new Lookalike(id, Lookalike.Kind.DUST, x, y, uniform(rnd, 0.24, 0.44), -uniform(rnd, 40, 70), shape);
            } else if (kind < 0.75) {
                l = new Lookalike(id, Lookalike.Kind.GLINT, x, y, uniform(rnd, 0.26, 0.52), uniform(rnd, 40, 62), shape);
            } else {
                double sign = rnd.nextDouble() < 0.6 ? -1 : 1;
                l = new Lookalike(id, Lookalike.Kind.FIBRE, x, y, uniform(rnd, 1.0, 3.5), sign * uniform(rnd, 50, 80), shape);
            }
            out.add(l);
            id++;
            y += exp(rnd, meanGapMm);
        }
        return out;
    }

    private static double exp(SplittableRandom rnd, double mean) {
        return Double.isInfinite(mean) ? mean : -mean * Math.log(1.0 - rnd.nextDouble());
    }

    private static double uniform(SplittableRandom rnd, double lo, double hi) {
        return lo + (hi - lo) * rnd.nextDouble();
    }

    private static InjectedDefect draw(long id, DefectClass c, double y, SimulatedLineConfig cfg, SplittableRandom rnd) {
        double left = cfg.coatingLeftMm() + cfg.edgeDriftMm() + 4;
        double right = cfg.coatingRightMm() - cfg.edgeDriftMm() - 4;
        return switch (c) {
            case PINHOLE -> spot(id, c, uniform(rnd, left, right), y, uniform(rnd, 0.15, 0.5), 110);
            case AGGLOMERATE -> spot(id, c, uniform(rnd, left, right), y, uniform(rnd, 0.6, 2.5), -40);
            case UNCOATED -> spot(id, c, uniform(rnd, left + 4, right - 4), y, uniform(rnd, 2, 8), 110);
            case SCRATCH -> {
                double w = uniform(rnd, 0.05, 0.15);
                double len = uniform(rnd, 10, 60);
                double x = uniform(rnd, left, right);
                yield new InjectedDefect(id, c, new WebRect(x - w / 2, y, x + w / 2, y + len), w, uniform(rnd, 35, 60));
            }
            case STREAK -> {
                double w = uniform(rnd, 0.8, 3.0);
                double len = uniform(rnd, 150, 1200);
                double x = uniform(rnd, left + 5, right - 5);
                double contrast = uniform(rnd, 10, 20) * (rnd.nextBoolean() ? 1 : -1);
                yield new InjectedDefect(id, c, new WebRect(x - w / 2, y, x + w / 2, y + len), w, contrast);
            }
            case EDGE -> {
                double depth = uniform(rnd, 0.8, 3.0);
                double len = uniform(rnd, 3, 15);
                boolean leftSide = rnd.nextBoolean();
                boolean notch = rnd.nextDouble() < 0.7; // notches (coating missing) are the common kind
                double edge = leftSide ? cfg.coatingLeftMm() : cfg.coatingRightMm();
                // the sign says which way the edge moves: + towards the drive side (x up)
                double shift = (leftSide == notch) ? depth : -depth;
                double x0 = Math.min(edge, edge + shift) - cfg.edgeDriftMm();
                double x1 = Math.max(edge, edge + shift) + cfg.edgeDriftMm();
                yield new InjectedDefect(id, c, new WebRect(x0, y, x1, y + len), depth, shift);
            }
            default -> throw new IllegalArgumentException("the coating stage cannot render " + c.label());
        };
    }

    private static InjectedDefect spot(long id, DefectClass c, double x, double y, double d, double contrast) {
        return new InjectedDefect(id, c, new WebRect(x - d / 2, y, x + d / 2, y + d), d, contrast);
    }

    /** The defects whose extent meets {@code [y0Mm, y1Mm]}. */
    public List<InjectedDefect> within(double y0Mm, double y1Mm) {
        List<InjectedDefect> out = new ArrayList<>();
        for (InjectedDefect d : defects) {
            if (d.bounds().overlapsY(y0Mm, y1Mm)) {
                out.add(d);
            }
        }
        return out;
    }

    /** The look-alikes whose extent meets {@code [y0Mm, y1Mm]}. */
    public List<Lookalike> lookalikesWithin(double y0Mm, double y1Mm) {
        List<Lookalike> out = new ArrayList<>();
        for (Lookalike l : lookalikes) {
            if (l.bounds().overlapsY(y0Mm, y1Mm)) {
                out.add(l);
            }
        }
        return out;
    }

    /** Number of injected defects (look-alikes are not defects). */
    public int size() {
        return defects.size();
    }
}
