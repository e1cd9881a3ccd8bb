package dev.tenantry.arm;

import dev.tenantry.web.Failure;
import dev.tenantry.web.FailureRenderer;
import io.javalin.http.Context;
import java.util.Map;

/**
 * ARM's error shape, {@code {"error":{"code","message"}}}, with our stable codes mapped to ARM's in one table, and
 * the {@code WWW-Authenticate} challenge ARM sends with a 401.
 */
public final class ArmRenderer implements FailureRenderer {

    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("subscription_not_found", "SubscriptionNotFound"),
            Map.entry("authorization_failed", "AuthorizationFailed"),
            Map.entry("resource_group_not_found", "ResourceGroupNotFound"),
            Map.entry("role_assignment_not_found", "RoleAssignmentNotFound"),
            Map.entry("role_definition_not_found", "RoleDefinitionDoesNotExist"),
            Map.entry("role_assignment_exists", "RoleAssignmentExists"),
            Map.entry("principal_not_found", "PrincipalNotFound"),
            Map.entry("last_owner", "LastOwnerCannotBeRemoved"),
            Map.entry("missing_api_version", "MissingApiVersionParameter"),
            Map.entry("invalid_resource_group_name", "InvalidResourceGroup"),
            Map.entry("location_required", "LocationRequired"),
            Map.entry("location_immutable", "InvalidResourceGroupLocation"),
            Map.entry("invalid_token", "InvalidAuthenticationToken"),
            Map.entry("missing_token", "AuthenticationFailed"),
            Map.entry("malformed_body", "InvalidRequestContent"),
            Map.entry("not_found", "InvalidResourceType"));

    @Override
    public boolean handles(Context ctx) {
        String path = ctx.path();
        return path.startsWith("/subscriptions") || path.startsWith("/tenants") || path.startsWith("/providers");
    }

    @Override
    public void render(Context ctx, Failure failure) {
        String code = CODES.getOrDefault(failure.code(), fallback(failure.status()));
        if (failure.status() == 401) {
            ctx.header(
                    "WWW-Authenticate",
                    "Bearer authorization_uri=\"" + ArmJson.base(ctx) + "/common\", error=\"invalid_token\", "
                            + "error_description=\"" + failure.message().replace("\"", "'") + "\"");
        }
        ctx.status(failure.status()).json(Map.of("error", Map.of("code", code, "message", failure.message())));
    }

    private static String fallback(int status) {
        return switch (status) {
            case 401 -> "AuthenticationFailed";
            case 403 -> "AuthorizationFailed";
            case 404 -> "NotFound";
            case 409 -> "Conflict";
            case 500 -> "InternalServerError";
            default -> "BadRequest";
        };
    }
}
