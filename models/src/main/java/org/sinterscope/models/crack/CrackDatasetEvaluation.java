package org.sinterscope.models.crack;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.folder.ImageFiles;
import org.sinterscope.inspection.crack.CrackEvaluator;
import org.sinterscope.inspection.crack.EvaluationSummary;

/**
 * Runs a {@link CrackEvaluator} over a {@link CrackDataset}. A missing mask, an unreadable file
 * or a size mismatch is recorded for that image and the run goes on.
 *
 * <p>With a {@code scale} other than 1 each image and its mask are resized by that factor before
 * the evaluation (another camera resolution): the image with area averaging when shrinking and
 * bicubic interpolation when enlarging, the mask bilinearly (crack where ≥ 128 as at 1×); the
 * tolerance stays in pixels of the resized image.
 */
public final class CrackDatasetEvaluation {

    /**
     * One image's outcome: {@code evaluation} when it was evaluated, otherwise {@code error}.
     */
    public record ImageOutcome(String stem, CrackEvaluator.ImageEvaluation evaluation, String error) {

        public boolean ok() {
            return evaluation != null;
        }
    }

    /** All outcomes and the summary over the images that were evaluated. */
    public record Report(List<ImageOutcome> outcomes, EvaluationSummary summary) {

        public Report {
            outcomes = List.copyOf(outcomes);
        }

        public long failed() {
            return outcomes.stream().filter(o -> !o.ok()).count();
        }
    }

    /** Smallest and largest resize factor. */
    public static final double MIN_SCALE = 0.1;
    public static final double MAX_SCALE = 4;

    private final CrackEvaluator evaluator;
    private final double scale;

    public CrackDatasetEvaluation(CrackEvaluator evaluator) {
        this(evaluator, 1.0);
    }

    /** @param scale resize factor of images and masks, {@value #MIN_SCALE}..{@value #MAX_SCALE} */
    public CrackDatasetEvaluation(CrackEvaluator evaluator, double scale) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        if (!(scale >= MIN_SCALE && scale <= MAX_SCALE)) {
            throw new IllegalArgumentException("scale must be " + MIN_SCALE + ".." + MAX_SCALE + ", got " + scale);
        }
        this.scale = scale;
    }

    public Report run(CrackDataset data) {
        List<ImageOutcome> out = new ArrayList<>();
        List<CrackEvaluator.ImageEvaluation> ok = new ArrayList<>();
        for (CrackDataset.Item item : data.items()) {
            ImageOutcome o = one(item);
            out.add(o);
            if (o.ok()) {
                ok.add(o.evaluation());
            }
        }
        return new Report(out, EvaluationSummary.of(ok, evaluator.tolerancePx()));
    }

    private ImageOutcome one(CrackDataset.Item item) {
        if (item.mask() == null) {
            return new ImageOutcome(item.stem(), null, "no mask with stem '" + item.stem() + "'");
        }
        Mat img = null;
        Mat mask = null;
        try {
            img = CrackImages.readGrey(item.image());
            mask = CrackImages.readMask(item.mask());
            if (!img.size().equals(mask.size())) {
                return new ImageOutcome(item.stem(), null, "size mismatch: image " + item.image().getFileName() + " is "
                        + img.cols() + "x" + img.rows() + ", mask " + item.mask().getFileName() + " is "
                        + mask.cols() + "x" + mask.rows());
            }
            if (scale != 1.0) {
                long w = Math.round(img.cols() * scale);
                long h = Math.round(img.rows() * scale);
                if (w < 8 || h < 8 || w * h > ImageFiles.DEFAULT_MAX_PIXELS) {
                    return new ImageOutcome(item.stem(), null, "scaled size " + w + "x" + h + " of " + item.image().getFileName()
                            + " is outside 8 px .. " + ImageFiles.DEFAULT_MAX_PIXELS + " px");
                }
                Size size = new Size(w, h);
                Imgproc.resize(img, img, size, 0, 0, scale < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_CUBIC);
                Imgproc.resize(mask, mask, size, 0, 0, Imgproc.INTER_LINEAR);
            }
            return new ImageOutcome(item.stem(), evaluator.evaluate(img, mask), null);
        } catch (IllegalArgumentException e) {
            return new ImageOutcome(item.stem(), null, e.getMessage());
        } finally {
            if (img != null) {
                img.release();
            }
            if (mask != null) {
                mask.release();
            }
        }
    }
}
