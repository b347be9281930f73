package org.sinterscope.review.web.api;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.sinterscope.review.store.Analytics;
import org.sinterscope.review.store.DefectFilter;
import org.sinterscope.review.store.DefectStore;
import org.sinterscope.review.store.Genealogy;
import org.sinterscope.review.store.GenealogyQueries;
import org.sinterscope.review.store.LabelledExport;
import org.sinterscope.review.store.Views;
import org.sinterscope.review.web.Audit;
import org.sinterscope.review.web.Requests;
import org.sinterscope.review.web.Routes;
import org.sinterscope.review.web.auth.Role;

/** Roll reports (JSON, CSV, PDF) and the labelled export (zip); downloads are audited. */
public final class ReportApi {

    private final DefectStore store;
    private final Analytics analytics;
    private final Audit audit;
    private final GenealogyQueries genealogy;

    public ReportApi(DefectStore store, Audit audit) {
        this.store = store;
        this.analytics = new Analytics(store.queries());
        this.audit = audit;
        this.genealogy = ComplianceApi.genealogyOf(store);
    }

    public void routes(RoutesConfig r) {
        Routes.get(r, "/api/rolls/{roll}/report", ctx -> ctx.json(report(ctx)), Role.OPERATOR);
        Routes.get(r, "/api/rolls/{roll}/report.csv", ctx -> {
            Views.Report rep = report(ctx);
            exported(ctx, "report.csv of roll " + rep.roll().id());
            ctx.header("Content-Disposition", "attachment; filename=\"" + rep.roll().id() + "-report.csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(ReportFormats.csv(rep, store.queries()
                    .defects(DefectFilter.ofRoll(rep.roll().id())), genealogy(ctx)).getBytes(StandardCharsets.UTF_8));
        }, Role.OPERATOR);
        Routes.get(r, "/api/rolls/{roll}/report.pdf", ctx -> {
            Views.Report rep = report(ctx);
            exported(ctx, "report.pdf of roll " + rep.roll().id());
            ctx.header("Content-Disposition", "attachment; filename=\"" + rep.roll().id() + "-report.pdf\"");
            ctx.contentType("application/pdf").result(ReportFormats.pdf(rep, genealogy(ctx)));
        }, Role.OPERATOR);
        Routes.get(r, "/api/export/labelled.zip", ctx -> {
            ctx.contentType("application/zip");
            ctx.header("Content-Disposition", "attachment; filename=\"sinterscope-labelled.zip\"");
            if (ctx.method() == HandlerType.HEAD) {
                return;
            }
            exported(ctx, "labelled.zip");
            OutputStream out = ctx.outputStream();
            new LabelledExport(store.queries(), store.settings().imageDir()).zipTo(out);
            out.flush();
        }, Role.QUALITY);
    }

    private void exported(Context ctx, String what) {
        if (ctx.method() != HandlerType.HEAD) {
            audit.record(ctx, Requests.session(ctx).user(), "export", what);
        }
    }

    private Genealogy genealogy(Context ctx) {
        return genealogy.genealogy(ctx.pathParam("roll")).orElseThrow(() -> RollApi.noRoll(ctx));
    }

    private Views.Report report(Context ctx) {
        return analytics.report(ctx.pathParam("roll")).orElseThrow(() -> RollApi.noRoll(ctx));
    }
}
