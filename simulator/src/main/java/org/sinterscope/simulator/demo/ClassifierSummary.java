package org.sinterscope.simulator.demo;

/**
 * The classifier's part of a run summary: what it did and the same run decided with and without it.
 *
 * @param bundle                        the bundle in use at the end ({@code name@sha256-prefix}), or "none"
 * @param note                          empty when a bundle was in use from the start; else why not
 * @param classifiedDetectors           whose detections were classified
 * @param candidates                    detections given to the classifier
 * @param lookalikesSuppressed          of those, dropped as look-alikes
 * @param uncertain                     of those, left to the recipe's uncertain policy
 * @param promotions                    bundles put in use (the first load counts)
 * @param refusals                      bundle files refused
 * @param lookalikesOnWeb               look-alikes the simulator put on the web (never defects)
 * @param falseRejectsWithoutClassifier reject stretches meeting no defect, classical classes only
 * @param falseRejectsWithClassifier    the same with the classifier
 * @param withoutClassifier             the run decided on the classical detections
 * @param withClassifier                the run decided on the classified detections
 */
public record ClassifierSummary(String bundle, String note, String classifiedDetectors, long candidates,
                                long lookalikesSuppressed, long uncertain, int promotions, int refusals,
                                int lookalikesOnWeb, int falseRejectsWithoutClassifier, int falseRejectsWithClassifier,
                                LineFigures withoutClassifier, LineFigures withClassifier) {
}
