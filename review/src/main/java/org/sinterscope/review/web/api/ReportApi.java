package org.sinterscope.review.web.api;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.sinterscope.review.store.Analytics;
import org.sinterscope.review.store.DefectStore;
import org.sinterscope.review.store.LabelledExport;
import org.sinterscope.review.store.Views;
import org.sinterscope.review.web.Ctx;
import org.sinterscope.review.web.Router;
import org.sinterscope.review.web.auth.Role;

/** Roll reports (JSON, CSV, PDF) and the labelled export (zip). */
public final class ReportApi {

    private final DefectStore store;
    private final Analytics analytics;

    public ReportApi(DefectStore store) {
        this.store = store;
        this.analytics = new Analytics(store.queries());
    }

    public void routes(Router r) {
        r.add("GET", "/api/rolls/{roll}/report", Role.OPERATOR, ctx -> ctx.json(200, report(ctx)));
        r.add("GET", "/api/rolls/{roll}/report.csv", Role.OPERATOR, ctx -> {
            Views.Report rep = report(ctx);
            ctx.header("Content-Disposition", "attachment; filename=\"" + rep.roll().id() + "-report.csv\"");
            ctx.send(200, "text/csv; charset=utf-8", ReportFormats.csv(rep, store.queries()
                    .defects(org.sinterscope.review.store.DefectFilter.ofRoll(rep.roll().id()))).getBytes(StandardCharsets.UTF_8));
        });
        r.add("GET", "/api/rolls/{roll}/report.pdf", Role.OPERATOR, ctx -> {
            Views.Report rep = report(ctx);
            ctx.header("Content-Disposition", "attachment; filename=\"" + rep.roll().id() + "-report.pdf\"");
            ctx.send(200, "application/pdf", ReportFormats.pdf(rep));
        });
        r.add("GET", "/api/export/labelled.zip", Role.QUALITY, ctx -> {
            try (OutputStream out = ctx.stream(200, "application/zip", "sinterscope-labelled.zip")) {
                new LabelledExport(store.queries(), store.settings().imageDir()).zipTo(out);
            }
        });
    }

    private Views.Report report(Ctx ctx) {
        return analytics.report(ctx.path("roll")).orElseThrow(() -> RollApi.noRoll(ctx));
    }
}
