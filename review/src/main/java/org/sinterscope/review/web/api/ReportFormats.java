package org.sinterscope.review.web.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.sinterscope.review.store.Genealogy;
import org.sinterscope.review.store.Views;

/**
 * A roll report as CSV (summary and process compliance, then one row per defect) and as a PDF (OpenPDF):
 * summary, defects by class, and the process-compliance section from the roll's {@link Genealogy}.
 */
final class ReportFormats {

    private ReportFormats() {
    }

    /**
     * The report as CSV (commons-csv, RFC 4180 quoting, LF line ends): summary as {@code # key,value} comment
     * lines first, then the compliance section as comment lines ({@code # compliance,<id>,<PASS|FAIL|NO_DATA>,<evidence>},
     * {@code # xrd,<sample>,<y_m>,<index>,<limit>,<verdict>}, {@code # furnace_flagged,<y0_m>,<y1_m>,<max_temp_c>,
     * <worst_o2_ppm>,<causes>}), then the defects.
     */
    static String csv(Views.Report r, List<Views.Defect> defects, Genealogy g) {
        StringBuilder sb = new StringBuilder();
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").setCommentMarker('#').get();
        try (CSVPrinter p = new CSVPrinter(sb, format)) {
            p.printComment("roll," + format.format(cell(r.roll().id())));
            p.printComment("product," + format.format(cell(r.roll().product())));
            p.printComment("lot," + format.format(cell(r.roll().lot())));
            p.printComment(String.format(Locale.ROOT, "length_m,%.3f", r.lengthMeters()));
            p.printComment(String.format(Locale.ROOT, "rejected_m,%.3f", r.rejectedMeters()));
            p.printComment(String.format(Locale.ROOT, "yield_percent,%.2f", r.yieldPercent()));
            for (Map.Entry<String, Long> e : r.byClass().entrySet()) {
                p.printComment("count_" + e.getKey() + "," + e.getValue());
            }
            for (Genealogy.Condition c : g.conditions()) {
                p.printComment("compliance," + c.id() + "," + c.status() + "," + format.format(cell(c.evidence())));
            }
            for (Genealogy.Xrd x : g.xrd()) {
                p.printComment(String.format(Locale.ROOT, "xrd,%s,%.3f,%.4f,%.4f,%s", format.format(cell(
                        x.sampleId() == null ? x.source() : x.sampleId())), x.yMm() / 1000, x.crystallinityIndex(), x.limit(),
                        x.verdict()));
            }
            for (Genealogy.Stretch st : g.sintering()) {
                if (!st.causes().isEmpty()) {
                    p.printComment(String.format(Locale.ROOT, "furnace_flagged,%.3f,%.3f,%s,%s,%s", st.y0Mm() / 1000,
                            st.y1Mm() / 1000, num(st.maxTempC()), num(st.worstO2Ppm()), String.join(" ", st.causes())));
                }
            }
            p.printRecord("id", "class", "line_class", "confidence", "x0_mm", "y0_mm", "x1_mm", "y1_mm", "rejecting",
                    "detector", "model_version", "found_at", "labelled_by", "labelled_at");
            for (Views.Defect d : defects) {
                p.printRecord(d.id(), d.effectiveClass(), d.defectClass(), String.format(Locale.ROOT, "%.3f", d.confidence()),
                        mm(d.x0Mm()), mm(d.y0Mm()), mm(d.x1Mm()), mm(d.y1Mm()), d.rejecting(), cell(d.detector()),
                        cell(d.modelVersion()), d.foundAt(), d.labelledBy() == null ? "" : cell(d.labelledBy()),
                        d.labelledAt() == null ? "" : d.labelledAt());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("CSV report of roll " + r.roll().id() + " failed: " + e.getMessage(), e);
        }
        return sb.toString();
    }

    private static String num(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String mm(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** A text cell with a leading = + - @ defused (a spreadsheet would run it as a formula); quoting is the printer's. */
    static String cell(String s) {
        return !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    static byte[] pdf(Views.Report r, Genealogy g) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 50, 50, 50, 50);
        try {
            PdfWriter.getInstance(doc, out);
            doc.open();
            Font h = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
            Font b = FontFactory.getFont(FontFactory.HELVETICA, 10);
            doc.add(new Paragraph("Sinterscope roll report — " + r.roll().id(), h));
            doc.add(new Paragraph(String.format(Locale.ROOT, "Product %s, lot %s, station %s, started %s",
                    r.roll().product(), r.roll().lot(), r.roll().stationId(), r.roll().startedAt()), b));
            doc.add(new Paragraph(" "));
            PdfPTable t = new PdfPTable(2);
            t.setWidthPercentage(60);
            row(t, "Web inspected", String.format(Locale.ROOT, "%.2f m", r.lengthMeters()), b);
            row(t, "Rejected", String.format(Locale.ROOT, "%.2f m", r.rejectedMeters()), b);
            row(t, "Yield", String.format(Locale.ROOT, "%.2f %%", r.yieldPercent()), b);
            row(t, "Defects (reviewed)", r.defects() + " (" + r.reviewed() + ")", b);
            row(t, "Reject commands", Long.toString(r.rejectCommands()), b);
            row(t, "Mean coating CV", r.meanCoatingCvPercent() == null ? "—"
                    : String.format(Locale.ROOT, "%.2f %%", r.meanCoatingCvPercent()), b);
            doc.add(t);
            doc.add(new Paragraph(" "));
            doc.add(new Paragraph("Defects by class (reviewer's label where reviewed)", h));
            PdfPTable c = new PdfPTable(2);
            c.setWidthPercentage(60);
            for (Map.Entry<String, Long> e : r.byClass().entrySet()) {
                row(c, e.getKey(), Long.toString(e.getValue()), b);
            }
            if (r.byClass().isEmpty()) {
                row(c, "none", "0", b);
            }
            doc.add(c);
            if (!r.commandOutcomes().isEmpty()) {
                doc.add(new Paragraph(" "));
                doc.add(new Paragraph("Reject command outcomes: " + r.commandOutcomes(), b));
            }
            CompliancePdf.section(doc, g, h, b);
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF report of roll " + r.roll().id() + " failed: " + e.getMessage(), e);
        } finally {
            doc.close();
        }
        return out.toByteArray();
    }

    private static void row(PdfPTable t, String k, String v, Font f) {
        t.addCell(new Paragraph(k, f));
        t.addCell(new Paragraph(v, f));
    }
}
