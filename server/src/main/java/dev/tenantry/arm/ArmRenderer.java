package dev.tenantry.arm;

import dev.tenantry.access.AccessError;
import dev.tenantry.shared.RequestError;
import dev.tenantry.subscriptions.ManagedIdentityError;
import dev.tenantry.subscriptions.SubscriptionError;
import dev.tenantry.web.Failure;
import dev.tenantry.web.FailureRenderer;
import dev.tenantry.web.WebError;
import io.javalin.http.Context;
import java.util.Map;

/**
 * ARM's error shape, {@code {"error":{"code","message"}}}, with our stable codes mapped to ARM's in one table, and
 * the {@code WWW-Authenticate} challenge ARM sends with a 401.
 */
public final class ArmRenderer implements FailureRenderer {

    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry(AccessError.SUBSCRIPTION_NOT_FOUND.value(), "SubscriptionNotFound"),
            Map.entry(AccessError.AUTHORIZATION_FAILED.value(), "AuthorizationFailed"),
            Map.entry(SubscriptionError.RESOURCE_GROUP_NOT_FOUND.value(), "ResourceGroupNotFound"),
            Map.entry(AccessError.ROLE_ASSIGNMENT_NOT_FOUND.value(), "RoleAssignmentNotFound"),
            Map.entry(ArmError.ROLE_DEFINITION_NOT_FOUND.value(), "RoleDefinitionDoesNotExist"),
            Map.entry(ArmError.INVALID_ROLE_DEFINITION.value(), "RoleDefinitionDoesNotExist"),
            Map.entry(AccessError.ROLE_ASSIGNMENT_EXISTS.value(), "RoleAssignmentExists"),
            Map.entry(AccessError.PRINCIPAL_NOT_FOUND.value(), "PrincipalNotFound"),
            Map.entry(AccessError.LAST_OWNER.value(), "LastOwnerCannotBeRemoved"),
            Map.entry(ArmError.MISSING_API_VERSION.value(), "MissingApiVersionParameter"),
            Map.entry(ArmError.INVALID_API_VERSION.value(), "InvalidApiVersionParameter"),
            Map.entry(ArmError.UNSUPPORTED_QUERY_PARAMETER.value(), "InvalidQueryParameter"),
            Map.entry(ArmError.UNSUPPORTED_FILTER_PARAMETER.value(), "InvalidFilterInQueryString"),
            Map.entry(ArmError.UNSUPPORTED_ROLE_ASSIGNMENT_FILTER.value(), "UnsupportedQuery"),
            Map.entry(ArmError.INVALID_ACTIVITY_FILTER.value(), "BadRequest"),
            Map.entry(AccessError.INVALID_TIME_WINDOW.value(), "BadRequest"),
            Map.entry(SubscriptionError.INVALID_RESOURCE_GROUP_NAME.value(), "InvalidResourceGroup"),
            Map.entry(SubscriptionError.LOCATION_REQUIRED.value(), "LocationRequired"),
            Map.entry(SubscriptionError.LOCATION_IMMUTABLE.value(), "InvalidResourceGroupLocation"),
            Map.entry(RequestError.INVALID_TOKEN.value(), "InvalidAuthenticationToken"),
            Map.entry(RequestError.MISSING_TOKEN.value(), "AuthenticationFailed"),
            Map.entry(WebError.MALFORMED_BODY.value(), "InvalidRequestContent"),
            Map.entry(WebError.NOT_FOUND.value(), "InvalidResourceType"),
            Map.entry(SubscriptionError.SUBSCRIPTION_DISABLED.value(), "ReadOnlyDisabledSubscription"),
            Map.entry(SubscriptionError.SUPPORT_TICKET_NOT_FOUND.value(), "ResourceNotFound"),
            Map.entry(ManagedIdentityError.IDENTITY_NOT_FOUND.value(), "ResourceNotFound"),
            Map.entry(ManagedIdentityError.HOST_NOT_FOUND.value(), "ResourceNotFound"),
            Map.entry(ManagedIdentityError.INVALID_IDENTITY_NAME.value(), "InvalidResourceName"),
            Map.entry(ManagedIdentityError.INVALID_HOST_NAME.value(), "InvalidResourceName"),
            Map.entry(ManagedIdentityError.INVALID_IDENTITY.value(), "InvalidIdentityValues"),
            Map.entry(ManagedIdentityError.USER_ASSIGNED_IDENTITY_NOT_FOUND.value(), "FailedIdentityOperation"));

    @Override
    public boolean handles(Context ctx) {
        String path = ctx.path();
        return path.startsWith("/subscriptions")
                || path.startsWith("/tenants")
                || path.startsWith("/providers")
                || path.startsWith("/metadata/");
    }

    @Override
    public void render(Context ctx, Failure failure) {
        String code = armCode(failure.status(), failure.code());
        if (failure.status() == 401) {
            ctx.header(
                    "WWW-Authenticate",
                    "Bearer authorization_uri=\"" + ArmJson.base(ctx) + "/common\", error=\"invalid_token\", "
                            + "error_description=\"" + failure.message().replace("\"", "'") + "\"");
        }
        ctx.status(failure.status()).json(Map.of("error", Map.of("code", code, "message", failure.message())));
    }

    /** The one table from our failures to ARM's error codes. */
    static String armCode(int status, String code) {
        return CODES.getOrDefault(code, fallback(status));
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
