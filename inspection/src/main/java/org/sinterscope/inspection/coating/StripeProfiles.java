package org.sinterscope.inspection.coating;

/**
 * Column sums and means of the horizontal stripes of a frame ({@link CdProfile#stripes}).
 *
 * @param sums   {@code [stripe][column]} sum of the stripe's grey levels in that column
 * @param rows   lines per stripe
 * @param scale  per stripe, {@code (float) (1 / rows)}
 * @param means  {@code [stripe][column]} = {@code sums · scale}, in float
 */
record StripeProfiles(int[][] sums, int[] rows, float[] scale, float[][] means) {

    int count() {
        return sums.length;
    }

    /** The largest sum any stripe can have (all pixels 255): the size a sum histogram needs, minus one. */
    int maxSum() {
        int max = 0;
        for (int r : rows) {
            max = Math.max(max, 255 * r);
        }
        return max;
    }
}
