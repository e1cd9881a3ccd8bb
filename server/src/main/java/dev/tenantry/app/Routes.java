package dev.tenantry.app;

import dev.tenantry.arm.ArmActivityLogRoutes;
import dev.tenantry.arm.ArmAuthorizationRoutes;
import dev.tenantry.arm.ArmClassicAdministratorRoutes;
import dev.tenantry.arm.ArmManagedIdentityRoutes;
import dev.tenantry.arm.ArmMetadataRoutes;
import dev.tenantry.arm.ArmQueryOptions;
import dev.tenantry.arm.ArmRenderer;
import dev.tenantry.arm.ArmResourceGroupRoutes;
import dev.tenantry.arm.ArmSubscriptionLifecycleRoutes;
import dev.tenantry.arm.ArmSubscriptionRoutes;
import dev.tenantry.arm.ArmSupportRoutes;
import dev.tenantry.entra.DeviceCodeRoutes;
import dev.tenantry.entra.InstanceDiscoveryRoutes;
import dev.tenantry.entra.OAuthFailureRenderer;
import dev.tenantry.entra.OidcBearerVerifier;
import dev.tenantry.entra.OidcDiscoveryRoutes;
import dev.tenantry.entra.OidcTokenRoutes;
import dev.tenantry.entra.OidcUserInfoRoutes;
import dev.tenantry.entra.OidcV1Routes;
import dev.tenantry.graph.GraphFailureRenderer;
import dev.tenantry.graph.GraphRoutes;
import dev.tenantry.graph.GraphTokenLifetimePolicyRoutes;
import dev.tenantry.identity.grants.V1Tokens;
import dev.tenantry.pages.DirectoryViews;
import dev.tenantry.pages.HtmlFailureRenderer;
import dev.tenantry.pages.PageSupport;
import dev.tenantry.pages.admincenter.AdminAuditRoutes;
import dev.tenantry.pages.admincenter.AdminCenterRoutes;
import dev.tenantry.pages.admincenter.AdminGuests;
import dev.tenantry.pages.devicelogin.DeviceLoginRoutes;
import dev.tenantry.pages.guests.GuestRoutes;
import dev.tenantry.pages.guests.RedeemRoutes;
import dev.tenantry.pages.guests.SwitchDirectoryRoutes;
import dev.tenantry.pages.portal.AdministratorPages;
import dev.tenantry.pages.portal.PortalAccessRoutes;
import dev.tenantry.pages.portal.PortalChangeDirectoryRoutes;
import dev.tenantry.pages.portal.PortalGuests;
import dev.tenantry.pages.portal.PortalRoutes;
import dev.tenantry.pages.portal.PortalSupportRoutes;
import dev.tenantry.pages.signin.AuthorizeRoutes;
import dev.tenantry.pages.signin.SignInRoutes;
import dev.tenantry.pages.store.CloudStoreRoutes;
import dev.tenantry.pages.store.LandingRoutes;
import dev.tenantry.pages.store.SuiteStoreRoutes;
import dev.tenantry.subscriptions.http.AdministratorRoutes;
import dev.tenantry.subscriptions.http.ChangeDirectoryRoutes;
import dev.tenantry.subscriptions.http.CommerceRoutes;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.BaseUrl;
import dev.tenantry.web.Failures;
import dev.tenantry.web.FormBody;
import dev.tenantry.web.ProblemRenderer;
import dev.tenantry.web.RequestLogging;
import dev.tenantry.web.SlowRefusals;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.List;
import java.util.Map;

/** Registers every surface's routes and its failure renderer on the one server. */
final class Routes {

    private Routes() {}

    static void register(JavalinConfig cfg, TenantryConfig config, Services services) {
        PageSupport pages = new PageSupport(
                TemplateEngine.createPrecompiled(ContentType.Html),
                services.sessions(),
                services.users(),
                services.pageTokens(),
                services.guests()::homeOf);
        RequestLogging.register(cfg);
        cfg.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.directory = "/static";
            files.location = Location.CLASSPATH;
        });
        new BaseUrl(config.publicUrl(), config.acceptedHostnames()).register(cfg.routes);
        new Failures(List.of(
                        new OAuthFailureRenderer(),
                        new GraphFailureRenderer(),
                        new ArmRenderer(),
                        new HtmlFailureRenderer(pages),
                        new ProblemRenderer()))
                .register(cfg.routes);
        FormBody.register(cfg.routes);
        new Authentication(new OidcBearerVerifier(services.tokenVerifier())).register(cfg.routes);
        cfg.routes.get("/health", ctx -> ctx.json(Map.of("status", "UP")));
        new OidcDiscoveryRoutes(services.tenants(), services.signingKeys()).register(cfg.routes);
        SlowRefusals refusals = new SlowRefusals(); // issue 13: a sign-in flood's refusals answered late
        new OidcTokenRoutes(services.tokens(), refusals).register(cfg.routes);
        new OidcV1Routes(services.tokens(), new V1Tokens(services.signingKeys()), refusals).register(cfg.routes);
        new DeviceCodeRoutes(services.deviceCodes()).register(cfg.routes);
        new InstanceDiscoveryRoutes().register(cfg.routes);
        new GraphRoutes(
                        services.tenants(),
                        services.users(),
                        services.directoryRoles(),
                        services.groups(),
                        services.auditLogs(),
                        services.applications(),
                        services.subscriptions(),
                        services.licences(),
                        services.pageTokens(),
                        services.guests(),
                        services.redirectUris(),
                        services.permissionGrants(),
                        services.keyCredentials(),
                        services.exposedApis())
                .register(cfg.routes);
        new GraphTokenLifetimePolicyRoutes(services.tokenLifetimePolicies()).register(cfg.routes);
        new CommerceRoutes(
                        services.subscriptions(), services.suiteLifecycle(), services.tenants(), services.idempotency())
                .register(cfg.routes);
        new AdministratorRoutes(
                        services.subscriptionAdministrators(), services.billingTransfers(), services.idempotency())
                .register(cfg.routes);
        new ArmSubscriptionRoutes(
                        services.subscriptions(),
                        services.tenants(),
                        services.pageTokens(),
                        services.guests()::directoriesOf)
                .register(cfg.routes);
        new ArmAuthorizationRoutes(services.subscriptions(), services.resourceGroups(), services.access())
                .register(cfg.routes);
        new ArmClassicAdministratorRoutes(services.subscriptionAdministrators()).register(cfg.routes);
        new ArmResourceGroupRoutes(services.resourceGroups()).register(cfg.routes);
        new ArmManagedIdentityRoutes(services.managedIdentities(), services.computeHosts()).register(cfg.routes);
        new ArmMetadataRoutes().register(cfg.routes);
        new ArmQueryOptions().register(cfg.routes);
        new ArmActivityLogRoutes(services.subscriptions(), services.activityLog()).register(cfg.routes);
        new ArmSubscriptionLifecycleRoutes(services.cloudLifecycle()).register(cfg.routes);
        new ArmSupportRoutes(services.support()).register(cfg.routes);
        new ChangeDirectoryRoutes(services.changeDirectory(), services.idempotency()).register(cfg.routes);
        new LandingRoutes(pages).register(cfg.routes);
        new CloudStoreRoutes(pages, services.subscriptions(), services.tenants()).register(cfg.routes);
        new SuiteStoreRoutes(pages, services.subscriptions(), services.tenants(), services.directoryRoles())
                .register(cfg.routes);
        AuthorizeRoutes authorize = new AuthorizeRoutes(pages, services.authorization());
        new SignInRoutes(pages, authorize::redirectTarget, refusals).register(cfg.routes);
        authorize.register(cfg.routes);
        new OidcUserInfoRoutes(services.tokenVerifier(), services.users()).register(cfg.routes);
        new RedeemRoutes(pages, services.guests()).register(cfg.routes);
        new DeviceLoginRoutes(pages, services.deviceCodes()).register(cfg.routes);
        DirectoryViews views = new DirectoryViews(
                services.tenants(),
                services.users(),
                services.directoryRoles(),
                services.groups(),
                services.pageTokens(),
                services.guests()::directoriesOf);
        new SwitchDirectoryRoutes(pages, services.guests()).register(cfg.routes);
        new GuestRoutes(pages, views, services.guests(), AdminGuests.console()).register(cfg.routes);
        new GuestRoutes(pages, views, services.guests(), PortalGuests.console()).register(cfg.routes);
        new PortalRoutes(pages, views, services.subscriptions(), services.licences()).register(cfg.routes);
        new PortalAccessRoutes(
                        pages,
                        views,
                        services.subscriptions(),
                        services.resourceGroups(),
                        services.access(),
                        services.activityLog(),
                        services.applications())
                .register(cfg.routes);
        new AdministratorPages(
                        pages,
                        views,
                        services.subscriptions(),
                        services.subscriptionAdministrators(),
                        services.billingTransfers())
                .register(cfg.routes);
        new AdminCenterRoutes(pages, views, services.subscriptions(), services.suiteLifecycle(), services.licences())
                .register(cfg.routes);
        new AdminAuditRoutes(pages, views, services.auditLogs(), services.pageTokens()).register(cfg.routes);
        new PortalChangeDirectoryRoutes(pages, views, services.subscriptions(), services.changeDirectory())
                .register(cfg.routes);
        new PortalSupportRoutes(pages, views, services.subscriptions(), services.support()).register(cfg.routes);
    }
}
