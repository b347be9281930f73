package org.sinterscope.models.crack;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.opencv.core.Mat;
import org.sinterscope.inspection.crack.CrackEvaluator;
import org.sinterscope.inspection.crack.EvaluationSummary;

/**
 * Runs a {@link CrackEvaluator} over a {@link CrackDataset}. A missing mask, an unreadable file
 * or a size mismatch is recorded for that image and the run goes on.
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

    private final CrackEvaluator evaluator;

    public CrackDatasetEvaluation(CrackEvaluator evaluator) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
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
