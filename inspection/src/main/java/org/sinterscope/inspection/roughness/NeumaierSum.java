package org.sinterscope.inspection.roughness;

/**
 * Compensated summation (Neumaier's variant of Kahan summation): the running sum carries a
 * correction term, so the error of a sum of n terms stays of the order of one rounding of the
 * result instead of growing with n. Used for every mean and moment over long profiles
 * (10^5–10^6 points), where a naive sum of nearly-equal terms loses digits.
 *
 * <p>Mutable accumulator, not thread-safe; the static helpers allocate nothing.
 */
public final class NeumaierSum {

    private double sum;
    private double compensation;

    public void add(double v) {
        double t = sum + v;
        if (Math.abs(sum) >= Math.abs(v)) {
            compensation += (sum - t) + v;
        } else {
            compensation += (v - t) + sum;
        }
        sum = t;
    }

    public double value() {
        return sum + compensation;
    }

    /** Compensated sum of {@code a[from..to)}. */
    public static double sum(double[] a, int from, int to) {
        double s = 0;
        double c = 0;
        for (int i = from; i < to; i++) {
            double v = a[i];
            double t = s + v;
            if (Math.abs(s) >= Math.abs(v)) {
                c += (s - t) + v;
            } else {
                c += (v - t) + s;
            }
            s = t;
        }
        return s + c;
    }

    /** Compensated mean of {@code a[from..to)}. */
    public static double mean(double[] a, int from, int to) {
        return sum(a, from, to) / (to - from);
    }

    /** Compensated mean of {@code |a[i] - ref|^power} over {@code a[from..to)}, power 1..4. */
    public static double meanPower(double[] a, int from, int to, double ref, int power) {
        double s = 0;
        double c = 0;
        for (int i = from; i < to; i++) {
            double d = a[i] - ref;
            double v = switch (power) {
                case 1 -> Math.abs(d);
                case 2 -> d * d;
                case 3 -> d * d * d;
                default -> d * d * d * d;
            };
            double t = s + v;
            if (Math.abs(s) >= Math.abs(v)) {
                c += (s - t) + v;
            } else {
                c += (v - t) + s;
            }
            s = t;
        }
        return (s + c) / (to - from);
    }
}
