package org.sinterscope.review.web.api;

import java.util.List;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import org.sinterscope.review.store.Genealogy;

/** The roll report's process-compliance section in the PDF: the window, each condition, flagged stretches, XRD. */
final class CompliancePdf {

    private CompliancePdf() {
    }

    static void section(Document doc, Genealogy g, Font h, Font b) throws DocumentException {
        doc.add(new Paragraph(" "));
        doc.add(new Paragraph("Process compliance", h));
        Genealogy.Limits l = g.limits();
        doc.add(new Paragraph(winAnsi(l.alloy() == null ? "No sintering window (" + l.source() + ")."
                : String.format(Locale.ROOT, "Window: %s, T_cryst %.0f °C − margin %.0f °C = %.0f °C; O₂ ≤ %s ppm; "
                        + "dew point ≤ %s °C; dwell ≥ %s s above %s °C; XRD index ≤ %s (from the %s); foil Ra ≥ %.1f µm.",
                l.alloy(), l.crystallizationTempC(), l.marginC(), l.maxTempC(), n(l.maxO2Ppm()), n(l.maxDewPointC()),
                n(l.minDwellS()), n(l.dwellLevelC()), l.xrdMaxCrystallinity() == null ? "—" : String.format(Locale.ROOT, "%.3f", l.xrdMaxCrystallinity()), l.source(), l.minFoilRaUm())), b));
        PdfPTable t = new PdfPTable(new float[] {3f, 1.6f, 6f});
        t.setWidthPercentage(100);
        cells(t, b, "Condition", "Result", "Evidence");
        for (Genealogy.Condition c : g.conditions()) {
            cells(t, b, c.title(), c.status().name(), c.evidence());
        }
        doc.add(t);
        List<Genealogy.Stretch> flagged = g.sintering().stream().filter(s -> !s.causes().isEmpty()).toList();
        if (!flagged.isEmpty()) {
            doc.add(new Paragraph(" "));
            doc.add(new Paragraph("Flagged furnace stretches", b));
            PdfPTable f = new PdfPTable(4);
            f.setWidthPercentage(100);
            cells(f, b, "web y, m", "max °C (zone)", "worst O₂, ppm", "causes");
            for (Genealogy.Stretch s : flagged) {
                cells(f, b, String.format(Locale.ROOT, "%.2f–%.2f", s.y0Mm() / 1000, s.y1Mm() / 1000),
                        n(s.maxTempC()) + (s.maxTempZone() == null ? "" : " (" + s.maxTempZone() + ")"), n(s.worstO2Ppm()),
                        String.join(", ", s.causes()));
            }
            doc.add(f);
        }
        if (!g.xrd().isEmpty()) {
            doc.add(new Paragraph(" "));
            doc.add(new Paragraph("XRD amorphous checks", b));
            PdfPTable x = new PdfPTable(5);
            x.setWidthPercentage(100);
            cells(x, b, "sample", "web y, m", "crystallinity index", "limit", "verdict");
            for (Genealogy.Xrd r : g.xrd()) {
                cells(x, b, r.sampleId() == null ? r.source() : r.sampleId(), String.format(Locale.ROOT, "%.2f", r.yMm() / 1000),
                        String.format(Locale.ROOT, "%.3f", r.crystallinityIndex()),
                        String.format(Locale.ROOT, "%.3f", r.limit()), r.verdict());
            }
            doc.add(x);
        }
    }

    /** The standard Helvetica of a PDF has no ≤, ≥, minus sign or subscript 2: written as {@code <=}, {@code >=}, {@code -}, {@code 2}. */
    static String winAnsi(String s) {
        return s.replace("≤", "<=").replace("≥", ">=").replace("−", "-").replace("₂", "2");
    }

    private static String n(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static void cells(PdfPTable t, Font f, String... texts) {
        for (String s : texts) {
            t.addCell(new Paragraph(winAnsi(s), f));
        }
    }
}
