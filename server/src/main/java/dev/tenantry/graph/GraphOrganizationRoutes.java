package dev.tenantry.graph;

import dev.tenantry.directory.Tenant;
import dev.tenantry.directory.tenants.TenantService;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.Gate;
import dev.tenantry.web.WebError;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * Graph v1.0 {@code /organization} (the caller's directory) and {@code /domains} (its initial domain).
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/organization">Graph organization resource</a>
 */
public final class GraphOrganizationRoutes {

    private final TenantService tenants;

    public GraphOrganizationRoutes(TenantService tenants) {
        this.tenants = tenants;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1.0/organization", this::organization, Gate.GRAPH);
        routes.get("/v1.0/organization/{id}", this::organizationById, Gate.GRAPH);
        routes.get("/v1.0/domains", this::domains, Gate.GRAPH);
        routes.get("/v1.0/domains/{id}", this::domain, Gate.GRAPH);
    }

    private void organization(Context ctx) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        Tenant tenant = tenants.readOrganization(Authentication.caller(ctx), GraphResponses.tenant(ctx));
        GraphResponses.ok(
                ctx, GraphResponses.collection(ctx, "organization", List.of(OrganizationView.of(tenant)), null));
    }

    private void organizationById(Context ctx) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        Tenant tenant = tenants.readOrganization(Authentication.caller(ctx), GraphResponses.tenant(ctx));
        requireId(ctx, tenant.id().toString());
        GraphResponses.ok(ctx, OrganizationView.of(tenant));
    }

    private void domains(Context ctx) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        Tenant tenant = tenants.readOrganization(Authentication.caller(ctx), GraphResponses.tenant(ctx));
        GraphResponses.ok(ctx, GraphResponses.collection(ctx, "domains", List.of(DomainView.of(tenant)), null));
    }

    private void domain(Context ctx) {
        ODataQuery.parse(ctx.queryParamMap()).allowOnly();
        Tenant tenant = tenants.readOrganization(Authentication.caller(ctx), GraphResponses.tenant(ctx));
        requireId(ctx, tenant.initialDomain());
        GraphResponses.ok(ctx, DomainView.of(tenant));
    }

    /** R14: only the caller's own organization and domain exist for it. */
    private static void requireId(Context ctx, String expected) {
        if (!ctx.pathParam("id").equalsIgnoreCase(expected)) {
            throw new NotFoundException(
                    WebError.NOT_FOUND,
                    "Resource '" + ctx.pathParam("id") + "' does not exist or one of its queried "
                            + "reference-property objects are not present.");
        }
    }

    /** Graph's organization resource; plans stay empty until licences exist. */
    record OrganizationView(
            String id,
            String displayName,
            String tenantType,
            String countryLetterCode,
            String createdDateTime,
            List<VerifiedDomain> verifiedDomains,
            List<Object> assignedPlans,
            List<Object> provisionedPlans,
            List<String> technicalNotificationMails,
            List<String> businessPhones) {

        static OrganizationView of(Tenant tenant) {
            return new OrganizationView(
                    tenant.id().toString(),
                    tenant.displayName(),
                    "AAD",
                    tenant.countryCode(),
                    tenant.createdAt().toString(),
                    List.of(new VerifiedDomain(
                            "Email, OfficeCommunicationsOnline", true, true, tenant.initialDomain(), "Managed")),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of());
        }
    }

    /** One of the organization's {@code verifiedDomains}. */
    record VerifiedDomain(String capabilities, boolean isDefault, boolean isInitial, String name, String type) {}

    /** Graph's domain resource. */
    record DomainView(
            String id,
            String authenticationType,
            boolean isAdminManaged,
            boolean isDefault,
            boolean isInitial,
            boolean isRoot,
            boolean isVerified,
            List<String> supportedServices) {

        static DomainView of(Tenant tenant) {
            return new DomainView(
                    tenant.initialDomain(),
                    "Managed",
                    true,
                    true,
                    true,
                    true,
                    true,
                    List.of("Email", "OfficeCommunicationsOnline"));
        }
    }
}
