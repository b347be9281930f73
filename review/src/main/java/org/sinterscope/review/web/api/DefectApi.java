package org.sinterscope.review.web.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.sinterscope.camera.DefectClass;
import org.sinterscope.review.store.DefectFilter;
import org.sinterscope.review.store.DefectStore;
import org.sinterscope.review.store.StoreQueries;
import org.sinterscope.review.store.Views;
import org.sinterscope.review.web.Ctx;
import org.sinterscope.review.web.HttpError;
import org.sinterscope.review.web.Router;
import org.sinterscope.review.web.auth.Role;

/** Defects: the gallery's list, one defect, its crops, its label history, and relabelling. */
public final class DefectApi {

    private final StoreQueries q;
    private final Path imageDir;

    public DefectApi(DefectStore store) {
        this.q = store.queries();
        this.imageDir = store.settings().imageDir().toAbsolutePath().normalize();
    }

    public void routes(Router r) {
        r.add("GET", "/api/defects", Role.OPERATOR, this::list);
        r.add("GET", "/api/defects/{id}", Role.OPERATOR, ctx -> ctx.json(200, find(ctx)));
        r.add("GET", "/api/defects/{id}/history", Role.OPERATOR, ctx -> ctx.json(200, q.history(find(ctx).id())));
        r.add("GET", "/api/defects/{id}/crop.png", Role.OPERATOR, ctx -> image(ctx, false));
        r.add("GET", "/api/defects/{id}/overlay.png", Role.OPERATOR, ctx -> image(ctx, true));
        r.add("POST", "/api/defects/{id}/label", Role.QUALITY, this::relabel);
    }

    private void list(Ctx ctx) throws Exception {
        String cls = ctx.query("class");
        if (cls != null) {
            cls = defectClass(cls, "class").label();
        }
        Instant from = ctx.queryInstant("from");
        Instant to = ctx.queryInstant("to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw HttpError.badRequest("'from' (" + from + ") must be before 'to' (" + to + ")");
        }
        DefectFilter f;
        try {
            f = new DefectFilter(ctx.query("roll"), cls, ctx.queryDouble("minConfidence", 0, 1),
                    ctx.queryDouble("maxConfidence", 0, 1), from, to, ctx.queryBool("reviewed"),
                    ctx.queryInt("limit", 200, 1, 1000), ctx.queryInt("offset", 0, 0, Integer.MAX_VALUE));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        ctx.json(200, q.defects(f));
    }

    private Views.Defect find(Ctx ctx) {
        long id = ctx.pathLong("id");
        return q.defect(id).orElseThrow(() -> HttpError.notFound("no such defect: " + id));
    }

    private void image(Ctx ctx, boolean overlay) throws Exception {
        long id = ctx.pathLong("id");
        String rel = q.cropPath(id, overlay).orElseThrow(() -> HttpError.notFound("no crop for defect " + id));
        Path p = imageDir.resolve(rel).normalize();
        if (!p.startsWith(imageDir) || !Files.isRegularFile(p)) {
            throw HttpError.notFound("no crop for defect " + id);
        }
        ctx.header("Cache-Control", "private, max-age=3600");
        ctx.send(200, "image/png", Files.readAllBytes(p));
    }

    private void relabel(Ctx ctx) throws Exception {
        long id = ctx.pathLong("id");
        JsonNode body = ctx.jsonBody();
        DefectClass label = defectClass(Ctx.text(body, "label", 32), "label");
        Views.Defect d = q.relabel(id, label, ctx.session().user(), Instant.now())
                .orElseThrow(() -> HttpError.notFound("no such defect: " + id));
        ctx.json(200, Map.of("defect", d, "history", q.history(id)));
    }

    private static DefectClass defectClass(String s, String field) {
        try {
            return DefectClass.fromLabel(s);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("'" + field + "': " + e.getMessage());
        }
    }
}
