package org.sinterscope.inspection.coating;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.PixelRect;
import org.sinterscope.camera.WebGrid;
import org.sinterscope.inspection.Defect;
import org.sinterscope.inspection.Streak;

/**
 * Finds streaks stripe by stripe.
 *
 * <p>Each stripe's column-mean profile minus its own running median over {@code streakWindowMm}
 * leaves narrow features; a run of columns whose residual keeps one sign, is at least
 * {@code streakMinGrey} in size and between {@code streakMinWidthMm} and {@code streakMaxWidthMm}
 * wide is a candidate. Candidates of the same sign that overlap in x in at least
 * {@code streakMinStripes} consecutive stripes make a streak, located from its first to its last
 * stripe, so a streak that starts or ends inside the frame is found where it is. A round spot of
 * streak width is too short to cover that many stripes. The column means average a whole stripe
 * of lines, so the residual's noise is σ/√(lines per stripe): a few grey levels are far above it.
 *
 * <p>The result also gives the background to use for spot detection: the robust (median) profile
 * with features narrower than 1.5 × {@code streakMinWidthMm} taken out by a running median, except
 * inside a streak's columns, where each stripe's own profile is used, so spots are measured
 * against the streaked coating around them and the streak's start or end leaves no false spot.
 *
 * <p>A streak whose chain touches the frame's first (last) stripe gets the measurement
 * {@link Defect#MAY_CONTINUE_BEFORE_MM} ({@link Defect#MAY_CONTINUE_AFTER_MM}) =
 * {@code streakMinStripes × stripeLengthMm}: the previous (next) frame confirms the streak's
 * continuation only where it covers that many stripes, so a shorter tail across the frame edge is
 * not reported there. Whoever rejects the streak must reject that much beyond the edge too.
 */
final class StreakDetector {

    /**
     * @param streaks     streaks found
     * @param defects     one defect per streak
     * @param background  per stripe, the profile to take as background, {@code [stripe][column]}
     */
    record Found(List<Streak> streaks, List<Defect> defects, float[][] background) {
    }

    private record Run(int a, int b, int sign, double sum) {
    }

    private StreakDetector() {
    }

    /**
     * Searches columns {@code [c0, c1)}.
     *
     * @param profiles column sums and means per stripe; stripe {@code s} covers rows {@code [s·rows/n, (s+1)·rows/n)}
     * @param robust   the per-column median of the stripe means
     * @param rows     frame height in lines
     */
    static Found detect(StripeProfiles profiles, float[] robust, int c0, int c1, int rows, WebGrid grid, CoatingInspectorConfig cfg) {
        float[][] stripes = profiles.means();
        int n = stripes.length;
        // features narrower than the smallest streak (scratches) are taken out of the background,
        // or a scratch that covers most stripes would leave a dark line where it is not
        int thin = Math.max(3, (int) Math.round(grid.widthPx(cfg.streakMinWidthMm() * 1.5)) | 1);
        float[] base = robust.clone();
        float[] smooth = CdProfile.runningMedian(robust, c0, c1, thin);
        System.arraycopy(smooth, 0, base, c0, c1 - c0);
        float[][] background = new float[n][];
        for (int s = 0; s < n; s++) {
            background[s] = base.clone();
        }
        List<Streak> streaks = new ArrayList<>();
        List<Defect> defects = new ArrayList<>();
        int window = (int) Math.round(grid.widthPx(cfg.streakWindowMm()));
        if (c1 - c0 < window || n < cfg.streakMinStripes()) {
            return new Found(streaks, defects, background);
        }
        List<List<Run>> runs = new ArrayList<>();
        int[] hist = new int[profiles.maxSum() + 1];
        for (int s = 0; s < n; s++) {
            float[] trend = CdProfile.runningMedian(profiles.sums()[s], profiles.scale()[s], c0, c1, window, hist);
            runs.add(runs(stripes[s], trend, c0, c1, grid, cfg));
        }
        boolean[][] used = new boolean[n][];
        for (int s = 0; s < n; s++) {
            used[s] = new boolean[runs.get(s).size()];
        }
        for (int s = 0; s < n; s++) {
            for (int k = 0; k < runs.get(s).size(); k++) {
                if (used[s][k]) {
                    continue;
                }
                List<int[]> chain = chain(runs, used, s, k);
                if (chain.size() >= cfg.streakMinStripes()) {
                    add(chain, runs, stripes, background, rows, n, grid, cfg, streaks, defects);
                }
            }
        }
        return new Found(streaks, defects, background);
    }

    /** Follows run {@code k} of stripe {@code s} down through overlapping same-sign runs. */
    private static List<int[]> chain(List<List<Run>> runs, boolean[][] used, int s, int k) {
        List<int[]> chain = new ArrayList<>();
        chain.add(new int[] {s, k});
        used[s][k] = true;
        Run cur = runs.get(s).get(k);
        for (int t = s + 1; t < runs.size(); t++) {
            int next = -1;
            for (int j = 0; j < runs.get(t).size(); j++) {
                Run r = runs.get(t).get(j);
                if (!used[t][j] && r.sign == cur.sign && r.a < cur.b && cur.a < r.b) {
                    next = j;
                    break;
                }
            }
            if (next < 0) {
                break;
            }
            used[t][next] = true;
            chain.add(new int[] {t, next});
            cur = runs.get(t).get(next);
        }
        return chain;
    }

    private static void add(List<int[]> chain, List<List<Run>> runs, float[][] stripes, float[][] background, int rows,
                            int n, WebGrid grid, CoatingInspectorConfig cfg, List<Streak> streaks, List<Defect> defects) {
        int a = Integer.MAX_VALUE;
        int b = Integer.MIN_VALUE;
        double sum = 0;
        int cols = 0;
        for (int[] sk : chain) {
            Run r = runs.get(sk[0]).get(sk[1]);
            a = Math.min(a, r.a);
            b = Math.max(b, r.b);
            sum += r.sum;
            cols += r.b - r.a;
        }
        // in the streak's columns every stripe is its own background: the median over stripes
        // would show the streak in stripes it has not reached yet (or has left)
        for (int s = 0; s < n; s++) {
            for (int c = Math.max(0, a - 2); c < Math.min(background[s].length, b + 2); c++) {
                background[s][c] = stripes[s][c];
            }
        }
        double contrast = sum / cols;
        int s0 = chain.get(0)[0];
        int s1 = chain.get(chain.size() - 1)[0] + 1;
        int r0 = s0 * rows / n;
        int r1 = s1 * rows / n;
        PixelRect px = new PixelRect(a, r0, b - a, r1 - r0);
        streaks.add(new Streak(grid.xMm(a), grid.xMm(b), contrast));
        double t = cfg.streakMinGrey();
        double conf = Math.min(1, 0.5 + 0.5 * (Math.abs(contrast) - t) / t);
        Map<String, Double> m = new HashMap<>();
        m.put("widthMm", grid.widthMm(b - a));
        m.put("contrastGrey", contrast);
        m.put("lengthMm", grid.lengthMm(r1 - r0));
        // the neighbouring frame finds the streak's continuation only where it covers
        // streakMinStripes stripes: up to that length across the touched edge may go unreported
        double unseen = cfg.streakMinStripes() * grid.lengthMm(rows / (double) n);
        if (s0 == 0) {
            m.put(Defect.MAY_CONTINUE_BEFORE_MM, unseen);
        }
        if (s1 == n) {
            m.put(Defect.MAY_CONTINUE_AFTER_MM, unseen);
        }
        defects.add(new Defect(DefectClass.STREAK, conf, grid.toWeb(px), px, m, "streak"));
    }

    private static List<Run> runs(float[] p, float[] trend, int c0, int c1, WebGrid grid, CoatingInspectorConfig cfg) {
        List<Run> out = new ArrayList<>();
        int n = c1 - c0;
        float t = (float) cfg.streakMinGrey();
        int i = 0;
        while (i < n) {
            float r = p[c0 + i] - trend[i];
            if (Math.abs(r) < t) {
                i++;
                continue;
            }
            int sign = r > 0 ? 1 : -1;
            int a = i;
            double sum = 0;
            while (i < n && (p[c0 + i] - trend[i]) * sign >= t) {
                sum += p[c0 + i] - trend[i];
                i++;
            }
            double widthMm = grid.widthMm(i - a);
            if (widthMm >= cfg.streakMinWidthMm() && widthMm <= cfg.streakMaxWidthMm() && a > 0 && i < n) {
                out.add(new Run(c0 + a, c0 + i, sign, sum));
            }
        }
        return out;
    }
}
