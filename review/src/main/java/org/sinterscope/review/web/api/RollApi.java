package org.sinterscope.review.web.api;

import org.sinterscope.review.store.Analytics;
import org.sinterscope.review.store.DefectStore;
import org.sinterscope.review.store.StoreQueries;
import org.sinterscope.review.web.Ctx;
import org.sinterscope.review.web.HttpError;
import org.sinterscope.review.web.Router;
import org.sinterscope.review.web.auth.Role;

/** Rolls, the roll map, control charts and the store's write status (any signed-in user). */
public final class RollApi {

    private final DefectStore store;
    private final StoreQueries q;
    private final Analytics analytics;

    public RollApi(DefectStore store) {
        this.store = store;
        this.q = store.queries();
        this.analytics = new Analytics(q);
    }

    public void routes(Router r) {
        r.add("GET", "/api/rolls", Role.OPERATOR, ctx -> ctx.json(200, q.rolls()));
        r.add("GET", "/api/rolls/{roll}", Role.OPERATOR, ctx -> ctx.json(200, q.roll(ctx.path("roll"))
                .orElseThrow(() -> noRoll(ctx))));
        r.add("GET", "/api/rolls/{roll}/map", Role.OPERATOR, ctx -> ctx.json(200, q.map(ctx.path("roll"))
                .orElseThrow(() -> noRoll(ctx))));
        r.add("GET", "/api/spc/coating-cv", Role.OPERATOR, ctx -> ctx.json(200,
                analytics.coatingCv(requiredRoll(ctx), reference(ctx))));
        r.add("GET", "/api/spc/crack-density", Role.OPERATOR, ctx -> ctx.json(200,
                analytics.crackDensity(requiredRoll(ctx), reference(ctx))));
        r.add("GET", "/api/spc/foil-ra", Role.OPERATOR, ctx -> ctx.json(200,
                analytics.foilRa(ctx.query("lot"), reference(ctx))));
        r.add("GET", "/api/store/status", Role.OPERATOR, ctx -> ctx.json(200, store.status()));
    }

    private String requiredRoll(Ctx ctx) {
        String roll = ctx.query("roll");
        if (roll == null) {
            throw HttpError.badRequest("query parameter 'roll' is required");
        }
        q.roll(roll).orElseThrow(() -> HttpError.notFound("no such roll: '" + roll + "'"));
        return roll;
    }

    private static int reference(Ctx ctx) {
        return ctx.queryInt("reference", 20, 2, 100_000);
    }

    static HttpError noRoll(Ctx ctx) {
        return HttpError.notFound("no such roll: '" + ctx.path("roll") + "'");
    }
}
