package dev.tenantry.app.testmode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.app.Services;
import dev.tenantry.app.testmode.Seed.ApiPermissionSeed;
import dev.tenantry.app.testmode.Seed.ApiSeed;
import dev.tenantry.app.testmode.Seed.ApplicationSeed;
import dev.tenantry.app.testmode.Seed.FederatedCredentialSeed;
import dev.tenantry.app.testmode.Seed.PermissionScopeSeed;
import dev.tenantry.app.testmode.Seed.TokenLifetimePolicySeed;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.ExposedApiService;
import dev.tenantry.directory.apps.NewFederatedCredential;
import dev.tenantry.directory.apps.PermissionGrant;
import dev.tenantry.directory.apps.PermissionScope;
import dev.tenantry.directory.apps.ServicePrincipal;
import dev.tenantry.directory.apps.TokenLifetimePolicy;
import dev.tenantry.directory.apps.TokenLifetimePolicyService;
import dev.tenantry.shared.NewIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a seeded application exposes and proves itself with (issue 11): its {@code identifierUris} and {@code api}, its
 * federated identity credentials, the delegated permissions of the directory's APIs granted to it, and the directory's
 * token lifetime policies. Each goes through its service as the directory's administrator.
 */
final class SeedApis {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SeedRefs refs;
    private final SeedFile file;
    private final Services services;

    SeedApis(SeedRefs refs, Services services) {
        this.refs = refs;
        this.file = refs.file();
        this.services = services;
    }

    /** The application's identifier URIs, API scopes and token version, and its federated identity credentials. */
    void expose(String where, ApplicationSeed app, Application created) {
        ExposedApiService apis = services.exposedApis();
        if (!app.identifierUris().isEmpty()) {
            var change = new ExposedApiService.Change(app.identifierUris(), null, false, null);
            file.guardedProperty(where, () -> apis.change(refs.admin(), refs.tenantId(), created.id(), change));
        }
        ApiSeed api = app.api();
        if (api != null) {
            List<PermissionScope> scopes = new ArrayList<>();
            for (int i = 0; i < api.oauth2PermissionScopes().size(); i++) {
                String field = where + "/api/oauth2PermissionScopes/" + i;
                scopes.add(scope(field, api.oauth2PermissionScopes().get(i)));
                var checked = new ExposedApiService.Change(null, List.copyOf(scopes), false, null);
                file.guardedProperty(field, () -> {
                    apis.check(refs.tenantId(), checked);
                    return null;
                });
            }
            var scopesAndVersion = new ExposedApiService.Change(
                    null, scopes, api.requestedAccessTokenVersion() != null, api.requestedAccessTokenVersion());
            file.guardedProperty(
                    where + "/api", () -> apis.change(refs.admin(), refs.tenantId(), created.id(), scopesAndVersion));
        }
        for (int i = 0; i < app.federatedIdentityCredentials().size(); i++) {
            String field = where + "/federatedIdentityCredentials/" + i;
            FederatedCredentialSeed credential =
                    app.federatedIdentityCredentials().get(i);
            UUID fixed = refs.fixedId(credential.id(), field + "/id");
            var wanted = new NewFederatedCredential(
                    credential.name(),
                    credential.issuer(),
                    credential.subject(),
                    credential.audiences() == null || credential.audiences().isEmpty() ? null : credential.audiences(),
                    credential.description());
            pinned(field, NewIds.Kind.FEDERATED_CREDENTIAL, fixed, () -> services.keyCredentials()
                    .federated()
                    .create(refs.admin(), refs.tenantId(), created.id(), wanted));
        }
    }

    private PermissionScope scope(String where, PermissionScopeSeed seed) {
        return new PermissionScope(
                seed.id() == null ? UUID.randomUUID() : refs.guid(seed.id(), where + "/id"),
                refs.required(seed.value(), where + "/value"),
                seed.type() == null ? PermissionScope.USER : seed.type(),
                seed.adminConsentDisplayName(),
                seed.adminConsentDescription(),
                seed.userConsentDisplayName(),
                seed.userConsentDescription(),
                !Boolean.FALSE.equals(seed.isEnabled()));
    }

    /** The delegated permissions of the directory's APIs granted to the application; every API exists by now. */
    void grant(String where, ApplicationSeed app, ServicePrincipal principal) {
        for (int i = 0; i < app.apiPermissions().size(); i++) {
            String field = where + "/apiPermissions/" + i;
            ApiPermissionSeed permission = app.apiPermissions().get(i);
            Seeded.SeededApp api = refs.app(refs.required(permission.api(), field + "/api"), field + "/api");
            if (permission.scopes().isEmpty()) {
                throw file.refuse(field + "/scopes", "name at least one delegated permission of the API");
            }
            UUID user = permission.user() == null
                    ? null
                    : refs.account(permission.user(), field + "/user").id().value();
            file.guardedAt(field + "/scopes", () -> services.permissionGrants()
                    .create(
                            refs.admin(),
                            refs.tenantId(),
                            principal.id(),
                            user == null ? PermissionGrant.ALL_PRINCIPALS : PermissionGrant.PRINCIPAL,
                            user,
                            api.servicePrincipalId(),
                            String.join(" ", permission.scopes())));
        }
    }

    /** The directory's token lifetime policies and the applications each is assigned to. */
    void policies(String where, List<TokenLifetimePolicySeed> policies) {
        TokenLifetimePolicyService service = services.tokenLifetimePolicies();
        for (int i = 0; i < policies.size(); i++) {
            String field = where + "/" + i;
            TokenLifetimePolicySeed policy = policies.get(i);
            String definition = refs.required(policy.definition(), field + "/definition");
            Map<String, ?> parsed = definition(definition, field + "/definition");
            UUID fixed = refs.fixedId(policy.id(), field + "/id");
            var draft = new TokenLifetimePolicyService.Draft(
                    policy.displayName(), policy.isOrganizationDefault(), definition, parsed);
            TokenLifetimePolicy created = pinned(
                    field,
                    NewIds.Kind.TOKEN_LIFETIME_POLICY,
                    fixed,
                    () -> service.create(refs.admin(), refs.tenantId(), draft));
            for (int a = 0; a < policy.appliesTo().size(); a++) {
                String to = field + "/appliesTo/" + a;
                UUID application = refs.app(policy.appliesTo().get(a), to).objectId();
                file.guarded(to, () -> {
                    service.assign(refs.admin(), refs.tenantId(), application, created.id());
                    return null;
                });
            }
        }
    }

    private Map<String, ?> definition(String text, String where) {
        try {
            Object value = JSON.readValue(text, Object.class);
            if (value instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked") // a JSON object's keys are strings
                Map<String, ?> object = (Map<String, ?>) map;
                return object;
            }
        } catch (JsonProcessingException e) {
            throw file.refuse(where, "not JSON: " + e.getOriginalMessage());
        }
        throw file.refuse(
                where,
                "Graph's definition string, a JSON object such as "
                        + "'{\"TokenLifetimePolicy\":{\"Version\":1,\"AccessTokenLifetime\":\"02:00:00\"}}'");
    }

    private <T> T pinned(String where, NewIds.Kind kind, UUID id, java.util.function.Supplier<T> work) {
        return NewIds.pinned(SeedLoader.ids(kind, id), () -> file.guarded(where, work));
    }
}
