package dev.tenantry.pages.store;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.PageSupport;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The public landing page: both products and both consoles, reachable signed in or not. */
public final class LandingRoutes {

    private final PageSupport pages;

    public LandingRoutes(PageSupport pages) {
        this.pages = pages;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", this::landing);
    }

    private void landing(Context ctx) {
        pages.render(ctx, "store/landing.jte", new LandingPage(pages.chrome(ctx, Chrome.Console.STORE)));
    }
}
