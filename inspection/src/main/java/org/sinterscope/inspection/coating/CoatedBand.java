package org.sinterscope.inspection.coating;

/**
 * Where the coated band lies in a frame, found from the CD profile: the coating is dark, the bare
 * copper margins bright, and whatever lies beyond the foil (the roller) dark again.
 *
 * <p>The threshold is halfway between the copper level (the brightest column, after a 9-column
 * box smoothing) and the coating level (the median column). The band is the widest run of dark
 * columns with bright columns on both sides; its edges are where the profile crosses the
 * threshold, interpolated between columns.
 *
 * @param leftCol      operator-side coating edge, continuous column (pixel centres at +0.5)
 * @param rightCol     drive-side coating edge
 * @param foilLeftCol  first bright column left of the band (start of the copper margin)
 * @param foilRightCol last bright column right of the band, + 1
 * @param coatGrey     coating level
 * @param copperGrey   copper level
 */
record CoatedBand(double leftCol, double rightCol, int foilLeftCol, int foilRightCol, double coatGrey, double copperGrey) {

    double threshold() {
        return (coatGrey + copperGrey) / 2;
    }

    /** The band, or null when the profile shows no dark run between bright margins. */
    static CoatedBand find(float[] p) {
        int w = p.length;
        float[] smooth = new float[w];
        double acc = 0;
        int r = 4;
        for (int i = 0; i < w + r; i++) {
            if (i < w) {
                acc += p[i];
            }
            if (i - 2 * r - 1 >= 0) {
                acc -= p[i - 2 * r - 1];
            }
            int c = i - r;
            if (c >= 0 && c < w) {
                int a = Math.max(0, c - r);
                int b = Math.min(w - 1, c + r);
                smooth[c] = (float) (acc / (b - a + 1));
            }
        }
        float copper = Float.NEGATIVE_INFINITY;
        for (float v : smooth) {
            copper = Math.max(copper, v);
        }
        float coat = CdProfile.select(p, w / 2);
        if (copper - coat < 20) {
            return null; // no contrast between a coating and a margin
        }
        float t = (copper + coat) / 2;
        int bestA = -1;
        int bestB = -1;
        int i = 0;
        while (i < w) {
            if (p[i] < t) {
                int a = i;
                while (i < w && p[i] < t) {
                    i++;
                }
                int b = i; // run [a, b)
                if (a > 0 && b < w && b - a > bestB - bestA) {
                    bestA = a;
                    bestB = b;
                }
            } else {
                i++;
            }
        }
        if (bestA < 0) {
            return null;
        }
        double left = bestA - 1 + (p[bestA - 1] - t) / (p[bestA - 1] - p[bestA]) + 0.5;
        double right = bestB - 1 + (p[bestB - 1] - t) / (p[bestB - 1] - p[bestB]) + 0.5;
        int fl = bestA - 1;
        while (fl > 0 && p[fl - 1] >= t) {
            fl--;
        }
        int fr = bestB;
        while (fr < w && p[fr] >= t) {
            fr++;
        }
        return new CoatedBand(left, right, fl, fr, coat, copper);
    }
}
