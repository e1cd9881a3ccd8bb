package dev.tenantry.entra;

import dev.tenantry.identity.IdentityError;
import dev.tenantry.identity.grants.ManagedIdentityTokenError;
import dev.tenantry.identity.grants.ManagedIdentityTokens;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.Secrets;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The managed identity endpoint's two protocols (issue 11), for the identities of the one compute host it serves.
 *
 * <ul>
 *   <li>App Service ({@code IDENTITY_ENDPOINT} + {@code IDENTITY_HEADER}): {@code GET /msi/token?api-version=2019-08-01
 *       &resource=…[&client_id=|&principal_id=|&mi_res_id=]} with the secret in {@code X-IDENTITY-HEADER}, compared in
 *       constant time; answers {@code access_token}, {@code expires_on} (epoch seconds), {@code resource},
 *       {@code token_type}, {@code client_id}.
 *   <li>IMDS ({@code GET /metadata/identity/oauth2/token?api-version=2018-02-01&resource=…[&client_id=|&object_id=|
 *       &msi_res_id=]} with {@code Metadata: true}, else 400); answers with {@code expires_in}, {@code expires_on},
 *       {@code not_before}, {@code ext_expires_in} as strings, as IMDS does.
 * </ul>
 *
 * Refusals are {@code {"error","error_description"}} with IMDS's wording where it has one.
 *
 * @see <a href="https://learn.microsoft.com/azure/app-service/overview-managed-identity#rest-endpoint-reference">App
 *     Service REST endpoint reference</a>
 * @see <a href="https://learn.microsoft.com/entra/identity/managed-identities-azure-resources/how-to-use-vm-token">IMDS
 *     token endpoint</a>
 */
public final class ManagedIdentityEndpointRoutes {

    public static final String APP_SERVICE_PATH = "/msi/token";
    public static final String IMDS_PATH = "/metadata/identity/oauth2/token";

    private final ManagedIdentityTokens tokens;
    private final String hostId;
    private final String header;
    private final Supplier<String> issuerBase;

    /**
     * @param hostId the ARM id of the compute host served
     * @param header the App Service protocol's secret
     * @param issuerBase the server's HTTPS origin, which names the tokens' issuer
     */
    public ManagedIdentityEndpointRoutes(
            ManagedIdentityTokens tokens, String hostId, String header, Supplier<String> issuerBase) {
        this.tokens = tokens;
        this.hostId = hostId;
        this.header = header;
        this.issuerBase = issuerBase;
    }

    public void register(RoutesConfig routes) {
        routes.get(APP_SERVICE_PATH, this::appService);
        routes.get(IMDS_PATH, this::imds);
    }

    private void appService(Context ctx) {
        String presented = ctx.header("X-IDENTITY-HEADER");
        if (presented == null || !Secrets.constantTimeEquals(presented, header)) {
            refuse(
                    ctx,
                    401,
                    "invalid_request",
                    "The X-IDENTITY-HEADER header is missing or does not hold the value of"
                            + " IDENTITY_HEADER that this endpoint printed at start.");
            return;
        }
        if (!"2019-08-01".equals(ctx.queryParam("api-version"))) {
            refuse(ctx, 400, "invalid_request", "Unsupported or missing api-version: this endpoint speaks 2019-08-01.");
            return;
        }
        String resource = ctx.queryParam("resource");
        if (resource == null || resource.isBlank()) {
            refuse(ctx, 400, "invalid_request", "Required parameter 'resource' not specified.");
            return;
        }
        issue(
                ctx,
                resource,
                new ManagedIdentityTokens.Selector(
                        ctx.queryParam("client_id"), ctx.queryParam("principal_id"), ctx.queryParam("mi_res_id")),
                false);
    }

    private void imds(Context ctx) {
        if (!"true".equals(ctx.header("Metadata"))) {
            refuse(ctx, 400, "invalid_request", "Required metadata header not specified");
            return;
        }
        String version = ctx.queryParam("api-version");
        if (version == null || version.isBlank()) {
            refuse(ctx, 400, "invalid_request", "Required api-version parameter not specified");
            return;
        }
        String resource = ctx.queryParam("resource");
        if (resource == null || resource.isBlank()) {
            refuse(ctx, 400, "invalid_request", "Required audience parameter not specified");
            return;
        }
        String resourceId =
                ctx.queryParam("msi_res_id") != null ? ctx.queryParam("msi_res_id") : ctx.queryParam("mi_res_id");
        issue(
                ctx,
                resource,
                new ManagedIdentityTokens.Selector(
                        ctx.queryParam("client_id"), ctx.queryParam("object_id"), resourceId),
                true);
    }

    private void issue(Context ctx, String resource, ManagedIdentityTokens.Selector selector, boolean imds) {
        ManagedIdentityTokens.Issued issued;
        try {
            issued = tokens.issue(hostId, resource, selector, issuerBase.get());
        } catch (DomainException e) {
            if (e.errorCode() == IdentityError.INVALID_RESOURCE) {
                refuse(ctx, 400, "invalid_resource", e.getMessage());
            } else if (imds && e.errorCode() == ManagedIdentityTokenError.HOST_IDENTITY_NOT_FOUND) {
                refuse(ctx, 400, "invalid_request", "Identity not found");
            } else {
                refuse(ctx, 400, "invalid_request", e.getMessage());
            }
            return;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("access_token", issued.accessToken());
        json.put("client_id", issued.identity().clientId().toString());
        long expiresOn = issued.expiresOn().getEpochSecond();
        if (imds) {
            String expiresIn = Long.toString(expiresOn - issued.notBefore().getEpochSecond());
            json.put("expires_in", expiresIn);
            json.put("expires_on", Long.toString(expiresOn));
            json.put("ext_expires_in", expiresIn);
            json.put("not_before", Long.toString(issued.notBefore().getEpochSecond()));
        } else {
            json.put("expires_on", Long.toString(expiresOn));
        }
        json.put("resource", issued.resource());
        json.put("token_type", "Bearer");
        ctx.header("Cache-Control", "no-store").json(json);
    }

    private static void refuse(Context ctx, int status, String error, String description) {
        ctx.status(status).json(Map.of("error", error, "error_description", description));
    }
}
