package dev.tenantry.app.testmode;

import dev.tenantry.app.Services;
import dev.tenantry.app.testmode.Seed.ApplicationSeed;
import dev.tenantry.app.testmode.Seed.CertificateSeed;
import dev.tenantry.app.testmode.Seed.RedirectUrisSeed;
import dev.tenantry.app.testmode.Seed.UserConsentSeed;
import dev.tenantry.directory.User;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.directory.apps.DelegatedPermission;
import dev.tenantry.directory.apps.NewKeyCredential;
import dev.tenantry.directory.apps.PermissionGrant;
import dev.tenantry.directory.apps.RedirectUris;
import dev.tenantry.directory.apps.ServicePrincipal;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.TenantId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * What a seeded application carries besides its registration: redirect URIs, certificates and granted delegated
 * permissions (admin consent for everyone, or one user's consent). Each goes through its service as the directory's
 * administrator; a refusal names the entry's line and field.
 */
final class SeedApplications {

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    private final SeedFile file;
    private final Services services;
    private final Caller.User admin;
    private final TenantId tenantId;

    SeedApplications(SeedFile file, Services services, Caller.User admin, TenantId tenantId) {
        this.file = file;
        this.services = services;
        this.admin = admin;
        this.tenantId = tenantId;
    }

    /** Adds {@code app}'s redirect URIs, certificates and grants; {@code account} finds a user by userName. */
    void configure(
            String where,
            ApplicationSeed app,
            Application created,
            ServicePrincipal principal,
            BiFunction<String, String, User> account) {
        redirectUris(where + "/redirectUris", app.redirectUris(), created);
        certificates(where + "/certificates", app.certificates(), created);
        UUID graph = services.applications()
                .findServicePrincipalByAppId(tenantId, ApplicationService.MICROSOFT_GRAPH_APP_ID)
                .orElseThrow()
                .id();
        if (!app.delegatedPermissions().isEmpty()) {
            String scopes = scopes(where + "/delegatedPermissions", app.delegatedPermissions());
            file.guarded(where + "/delegatedPermissions", () -> services.permissionGrants()
                    .create(admin, tenantId, principal.id(), PermissionGrant.ALL_PRINCIPALS, null, graph, scopes));
        }
        for (int c = 0; c < app.userConsents().size(); c++) {
            String field = where + "/userConsents/" + c;
            UserConsentSeed consent = app.userConsents().get(c);
            if (consent.user() == null) {
                throw file.refuse(field + "/user", "required");
            }
            UUID user = account.apply(consent.user(), field + "/user").id().value();
            String scopes = scopes(field + "/scopes", consent.scopes());
            file.guarded(field, () -> services.permissionGrants()
                    .create(admin, tenantId, principal.id(), PermissionGrant.PRINCIPAL, user, graph, scopes));
        }
    }

    private void redirectUris(String where, RedirectUrisSeed uris, Application created) {
        if (uris == null) {
            return;
        }
        Map<RedirectUris.Platform, List<String>> changes = new EnumMap<>(RedirectUris.Platform.class);
        changes.put(RedirectUris.Platform.WEB, uris.web());
        changes.put(RedirectUris.Platform.SPA, uris.spa());
        changes.put(RedirectUris.Platform.PUBLIC_CLIENT, uris.publicClient());
        file.guarded(where, () -> services.redirectUris().setRedirectUris(admin, tenantId, created.id(), changes));
    }

    /** Adds the certificates one by one, so a refusal names the certificate at fault. */
    private void certificates(String where, List<CertificateSeed> certificates, Application created) {
        List<NewKeyCredential> keys = new ArrayList<>();
        for (int i = 0; i < certificates.size(); i++) {
            String field = where + "/" + i;
            CertificateSeed certificate = certificates.get(i);
            UUID keyId = certificate.keyId() == null
                    ? UUID.randomUUID()
                    : Ids.tryParse(certificate.keyId())
                            .orElseThrow(() -> file.refuse(
                                    field + "/keyId",
                                    "'" + certificate.keyId() + "' is not a GUID such as"
                                            + " '00000000-0000-0000-0000-000000000000'"));
            keys.add(new NewKeyCredential(
                    keyId, der(certificate.pem(), field + "/pem"), certificate.displayName(), null, null));
            List<NewKeyCredential> wanted = List.copyOf(keys);
            file.guarded(field, () -> services.keyCredentials()
                    .replaceKeyCredentials(admin, tenantId, created.id(), wanted));
        }
    }

    /** The base64 DER of a PEM certificate. */
    private String der(String pem, String where) {
        if (pem == null || pem.isBlank()) {
            throw file.refuse(where, "required: the public certificate in PEM (" + BEGIN + " …)");
        }
        if (pem.contains("PRIVATE KEY")) {
            throw file.refuse(
                    where, "this is a private key: a seed file carries only the public certificate (" + BEGIN + " …)");
        }
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw file.refuse(where, "not a PEM certificate: expected " + BEGIN + " … " + END);
        }
        String body = pem.substring(begin + BEGIN.length(), end).replaceAll("\\s", "");
        try {
            Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw file.refuse(where, "the PEM certificate's body is not base64");
        }
        return body;
    }

    private String scopes(String where, List<String> scopes) {
        if (scopes.isEmpty()) {
            throw file.refuse(where, "name at least one delegated permission");
        }
        for (int i = 0; i < scopes.size(); i++) {
            String scope = scopes.get(i);
            if (DelegatedPermission.byName(scope).isEmpty()) {
                throw file.refuse(
                        where + "/" + i,
                        "'" + scope + "' is not a delegated permission of Microsoft Graph Tenantry knows; use one of "
                                + Arrays.stream(DelegatedPermission.values())
                                        .map(DelegatedPermission::value)
                                        .toList());
            }
        }
        return String.join(" ", scopes);
    }
}
