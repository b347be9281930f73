package org.sinterscope.review.web.api;

import io.javalin.config.RoutesConfig;
import org.sinterscope.review.store.DefectStore;
import org.sinterscope.review.store.GenealogyQueries;
import org.sinterscope.review.web.Routes;
import org.sinterscope.review.web.auth.Role;
import org.sinterscope.routes.decide.RecipeLoader;

/** A roll's genealogy and its process-compliance conditions (any signed-in user). */
public final class ComplianceApi {

    /** Where the window shown with the evidence comes from: the store does not keep a roll's recipe. */
    static final String WINDOW_SOURCE = "default recipe (" + RecipeLoader.DEFAULT_RESOURCE + ")";

    private final GenealogyQueries genealogy;

    public ComplianceApi(DefectStore store) {
        this.genealogy = genealogyOf(store);
    }

    /** Genealogy reads with the default recipe's sintering window. */
    static GenealogyQueries genealogyOf(DefectStore store) {
        return new GenealogyQueries(store, RecipeLoader.defaults().sinteringLimits().orElse(null), WINDOW_SOURCE);
    }

    public void routes(RoutesConfig r) {
        Routes.get(r, "/api/rolls/{roll}/genealogy", ctx -> ctx.json(genealogy.genealogy(ctx.pathParam("roll"))
                .orElseThrow(() -> RollApi.noRoll(ctx))), Role.OPERATOR);
    }
}
