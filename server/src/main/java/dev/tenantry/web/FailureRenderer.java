package dev.tenantry.web;

import io.javalin.http.Context;

/** Writes a failure in the wire format of one surface (native, OAuth, Graph, ARM, pages). */
public interface FailureRenderer {

    /** Whether this renderer owns the request, usually by path prefix. */
    boolean handles(Context ctx);

    void render(Context ctx, Failure failure);
}
