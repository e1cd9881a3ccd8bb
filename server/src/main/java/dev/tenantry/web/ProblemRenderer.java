package dev.tenantry.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** Tenantry's own API: RFC 9457 {@code application/problem+json} with a stable {@code code}. */
public final class ProblemRenderer implements FailureRenderer {

    @Override
    public boolean handles(Context ctx) {
        return true;
    }

    @Override
    public void render(Context ctx, Failure failure) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://tenantry.dev/problems/" + failure.code());
        problem.put("title", HttpStatus.forStatus(failure.status()).getMessage());
        problem.put("status", failure.status());
        problem.put("code", failure.code());
        problem.put("detail", failure.message());
        if (!failure.requiredRoles().isEmpty()) {
            problem.put("requiredRoles", failure.requiredRoles());
        }
        if (failure.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        // json() sets application/json, so the problem media type must be set after it
        ctx.status(failure.status()).json(problem).contentType("application/problem+json");
    }
}
