package org.sinterscope.review.web.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.sinterscope.camera.DefectClass;
import org.sinterscope.review.store.DefectFilter;
import org.sinterscope.review.store.DefectStore;
import org.sinterscope.review.store.StoreQueries;
import org.sinterscope.review.store.Views;
import org.sinterscope.review.web.Audit;
import org.sinterscope.review.web.HttpError;
import org.sinterscope.review.web.Requests;
import org.sinterscope.review.web.Routes;
import org.sinterscope.review.web.auth.Role;

/** Defects: the gallery's list, one defect, its crops, its label history, and relabelling. */
public final class DefectApi {

    private final StoreQueries q;
    private final Path imageDir;
    private final Audit audit;

    public DefectApi(DefectStore store, Audit audit) {
        this.q = store.queries();
        this.imageDir = store.settings().imageDir().toAbsolutePath().normalize();
        this.audit = audit;
    }

    public void routes(RoutesConfig r) {
        Routes.get(r, "/api/defects", this::list, Role.OPERATOR);
        Routes.get(r, "/api/defects/{id}", ctx -> ctx.json(find(ctx)), Role.OPERATOR);
        Routes.get(r, "/api/defects/{id}/history", ctx -> ctx.json(q.history(find(ctx).id())), Role.OPERATOR);
        Routes.get(r, "/api/defects/{id}/crop.png", ctx -> image(ctx, false), Role.OPERATOR);
        Routes.get(r, "/api/defects/{id}/overlay.png", ctx -> image(ctx, true), Role.OPERATOR);
        r.post("/api/defects/{id}/label", this::relabel, Role.QUALITY);
    }

    private void list(Context ctx) {
        String cls = Requests.query(ctx, "class");
        if (cls != null) {
            cls = defectClass(cls, "class").label();
        }
        Instant from = Requests.queryInstant(ctx, "from");
        Instant to = Requests.queryInstant(ctx, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw HttpError.badRequest("'from' (" + from + ") must be before 'to' (" + to + ")");
        }
        DefectFilter f;
        try {
            f = new DefectFilter(Requests.query(ctx, "roll"), cls, Requests.queryDouble(ctx, "minConfidence", 0, 1),
                    Requests.queryDouble(ctx, "maxConfidence", 0, 1), from, to, Requests.queryBool(ctx, "reviewed"),
                    Requests.queryInt(ctx, "limit", 200, 1, 1000), Requests.queryInt(ctx, "offset", 0, 0, Integer.MAX_VALUE));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        ctx.json(q.defects(f));
    }

    private Views.Defect find(Context ctx) {
        long id = Requests.pathLong(ctx, "id");
        return q.defect(id).orElseThrow(() -> HttpError.notFound("no such defect: " + id));
    }

    private void image(Context ctx, boolean overlay) throws Exception {
        long id = Requests.pathLong(ctx, "id");
        String rel = q.cropPath(id, overlay).orElseThrow(() -> HttpError.notFound("no crop for defect " + id));
        Path p = imageDir.resolve(rel).normalize();
        if (!p.startsWith(imageDir) || !Files.isRegularFile(p)) {
            throw HttpError.notFound("no crop for defect " + id);
        }
        ctx.header("Cache-Control", "private, max-age=3600");
        ctx.contentType("image/png").result(Files.readAllBytes(p));
    }

    private void relabel(Context ctx) {
        long id = Requests.pathLong(ctx, "id");
        JsonNode body = Requests.jsonBody(ctx);
        DefectClass label = defectClass(Requests.text(body, "label", 32), "label");
        String user = Requests.session(ctx).user();
        Views.Defect d = q.relabel(id, label, user, Instant.now())
                .orElseThrow(() -> HttpError.notFound("no such defect: " + id));
        audit.record(ctx, user, "relabel", "defect " + id + " -> " + label.label());
        ctx.json(Map.of("defect", d, "history", q.history(id)));
    }

    private static DefectClass defectClass(String s, String field) {
        try {
            return DefectClass.fromLabel(s);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("'" + field + "': " + e.getMessage());
        }
    }
}
