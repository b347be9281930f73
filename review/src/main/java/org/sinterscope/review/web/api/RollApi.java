package org.sinterscope.review.web.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.sinterscope.review.store.Analytics;
import org.sinterscope.review.store.DefectStore;
import org.sinterscope.review.store.StoreQueries;
import org.sinterscope.review.web.HttpError;
import org.sinterscope.review.web.Requests;
import org.sinterscope.review.web.Routes;
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

    public void routes(RoutesConfig r) {
        Routes.get(r, "/api/rolls", ctx -> ctx.json(q.rolls()), Role.OPERATOR);
        Routes.get(r, "/api/rolls/{roll}", ctx -> ctx.json(q.roll(ctx.pathParam("roll"))
                .orElseThrow(() -> noRoll(ctx))), Role.OPERATOR);
        Routes.get(r, "/api/rolls/{roll}/map", ctx -> ctx.json(q.map(ctx.pathParam("roll"))
                .orElseThrow(() -> noRoll(ctx))), Role.OPERATOR);
        Routes.get(r, "/api/spc/coating-cv", ctx -> ctx.json(
                analytics.coatingCv(requiredRoll(ctx), reference(ctx))), Role.OPERATOR);
        Routes.get(r, "/api/spc/crack-density", ctx -> ctx.json(
                analytics.crackDensity(requiredRoll(ctx), reference(ctx))), Role.OPERATOR);
        Routes.get(r, "/api/spc/foil-ra", ctx -> ctx.json(
                analytics.foilRa(Requests.query(ctx, "lot"), reference(ctx))), Role.OPERATOR);
        Routes.get(r, "/api/store/status", ctx -> ctx.json(store.status()), Role.OPERATOR);
    }

    private String requiredRoll(Context ctx) {
        String roll = Requests.query(ctx, "roll");
        if (roll == null) {
            throw HttpError.badRequest("query parameter 'roll' is required");
        }
        q.roll(roll).orElseThrow(() -> HttpError.notFound("no such roll: '" + roll + "'"));
        return roll;
    }

    private static int reference(Context ctx) {
        return Requests.queryInt(ctx, "reference", 20, 2, 100_000);
    }

    static HttpError noRoll(Context ctx) {
        return HttpError.notFound("no such roll: '" + ctx.pathParam("roll") + "'");
    }
}
