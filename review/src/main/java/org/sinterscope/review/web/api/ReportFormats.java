package org.sinterscope.review.web.api;

import java.io.ByteArrayOutputStream;
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
import org.sinterscope.review.store.Views;

/** A roll report as CSV (summary, then one row per defect) and as a one-page PDF (OpenPDF). */
final class ReportFormats {

    private ReportFormats() {
    }

    static String csv(Views.Report r, List<Views.Defect> defects) {
        StringBuilder sb = new StringBuilder();
        sb.append("# roll,").append(cell(r.roll().id())).append('\n');
        sb.append("# product,").append(cell(r.roll().product())).append('\n');
        sb.append("# lot,").append(cell(r.roll().lot())).append('\n');
        sb.append(String.format(Locale.ROOT, "# length_m,%.3f%n# rejected_m,%.3f%n# yield_percent,%.2f%n",
                r.lengthMeters(), r.rejectedMeters(), r.yieldPercent()));
        r.byClass().forEach((c, n) -> sb.append("# count_").append(c).append(',').append(n).append('\n'));
        sb.append("id,class,line_class,confidence,x0_mm,y0_mm,x1_mm,y1_mm,rejecting,detector,model_version,found_at,"
                + "labelled_by,labelled_at\n");
        for (Views.Defect d : defects) {
            sb.append(String.format(Locale.ROOT, "%d,%s,%s,%.3f,%.2f,%.2f,%.2f,%.2f,%s,%s,%s,%s,%s,%s%n", d.id(),
                    d.effectiveClass(), d.defectClass(), d.confidence(), d.x0Mm(), d.y0Mm(), d.x1Mm(), d.y1Mm(),
                    d.rejecting(), cell(d.detector()), cell(d.modelVersion()), d.foundAt(),
                    d.labelledBy() == null ? "" : cell(d.labelledBy()), d.labelledAt() == null ? "" : d.labelledAt()));
        }
        return sb.toString();
    }

    /** A CSV cell: quoted when it holds a comma, quote or line break; a leading = + - @ is defused. */
    static String cell(String s) {
        String v = s;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    static byte[] pdf(Views.Report r) {
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
