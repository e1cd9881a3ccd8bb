package dev.tenantry.directory.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.NewUser;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.testing.TestWorld;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("issue 11: an app registration exposes an API")
class ExposedApiServiceTest {

    final TestWorld world = TestWorld.create();
    final ApplicationService applications = world.services().applications();
    final ExposedApiService apis = world.services().exposedApis();
    final CreatedDirectory contoso = world.tenantService()
            .createDirectory("Contoso", "US", "contoso", NewUser.of("Kelley Wall", "admin", "Passw0rd!x"));
    final CreatedDirectory fabrikam = world.tenantService()
            .createDirectory("Fabrikam", "US", "fabrikam", NewUser.of("Fab Admin", "admin", "Passw0rd!x"));
    final Caller admin = new Caller.User(contoso.tenant().id(), contoso.admin().id());
    final Application api =
            applications.createApplication(admin, contoso.tenant().id(), "Orders API");

    static PermissionScope scope(UUID id, String value, String type, boolean enabled) {
        return new PermissionScope(id, value, type, "Admin " + value, "Lets the app " + value, null, null, enabled);
    }

    ExposedApi change(ExposedApiService.Change change) {
        return apis.change(admin, contoso.tenant().id(), api.id(), change);
    }

    static ExposedApiService.Change uris(String... uris) {
        return new ExposedApiService.Change(List.of(uris), null, false, null);
    }

    static ExposedApiService.Change scopes(PermissionScope... scopes) {
        return new ExposedApiService.Change(null, List.of(scopes), false, null);
    }

    static void refusedWith(ExposedApiError code, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code())
                .isEqualTo(code.value()));
    }

    @Test
    @DisplayName(
            "issue 11: api://{appId}, api://{tenantId}/…, api://…/{appId} and https:// on the directory's domain are"
                    + " accepted, in order, and a property not sent stays")
    void acceptsEntrasIdentifierUriFormats() {
        String appUri = "api://" + api.appId();
        String tenantUri = "api://" + contoso.tenant().id() + "/orders";
        String pathUri = "api://orders/" + api.appId();
        String httpsUri = "https://orders.contoso.onmicrosoft.test/api";
        change(uris(appUri, tenantUri, pathUri, httpsUri, "api://contoso.onmicrosoft.test/orders"));
        ExposedApi exposed = change(new ExposedApiService.Change(null, null, true, 2));

        assertThat(exposed.identifierUris())
                .containsExactly(appUri, tenantUri, pathUri, httpsUri, "api://contoso.onmicrosoft.test/orders");
        assertThat(exposed.requestedAccessTokenVersion()).isEqualTo(2);
        assertThat(apis.api(admin, contoso.tenant().id(), api.id())).isEqualTo(exposed);
    }

    @Test
    @DisplayName("issue 11: a URI off the directory's domains is Graph's HostNameNotOnVerifiedDomain")
    void refusesOtherHosts() {
        for (String uri : List.of(
                "https://orders.example.com",
                "http://contoso.onmicrosoft.test/api",
                "api://orders",
                "api://" + UUID.randomUUID(),
                "https://fabrikam.onmicrosoft.test/api",
                "urn:orders",
                "https://contoso.onmicrosoft.test:8443/api")) {
            refusedWith(ExposedApiError.HOST_NAME_NOT_ON_VERIFIED_DOMAIN, () -> change(uris(uri)));
        }
    }

    @Test
    @DisplayName("issue 11: R14 an identifier URI is unique in a directory, and another directory may use it too")
    void identifierUrisAreUniquePerDirectory() {
        String uri = "api://" + contoso.tenant().id() + "/orders";
        change(uris(uri));
        Application other =
                applications.createApplication(admin, contoso.tenant().id(), "Other");

        refusedWith(
                ExposedApiError.IDENTIFIER_URI_TAKEN,
                () -> apis.change(
                        admin, contoso.tenant().id(), other.id(), uris(uri.toUpperCase(java.util.Locale.ROOT))));
        assertThat(apis.findRegisteredApi(fabrikam.tenant().id(), uri)).isEmpty();
    }

    @Test
    @DisplayName("issue 11: scope values are unique, typed User or Admin, and an enabled scope is disabled before it"
            + " goes")
    void scopesAreCheckedAsEntraChecksThem() {
        UUID readId = UUID.randomUUID();
        change(scopes(
                scope(readId, "Orders.Read", "User", true), scope(UUID.randomUUID(), "Orders.All", "Admin", true)));

        refusedWith(
                ExposedApiError.INVALID_PERMISSION_SCOPE,
                () -> change(scopes(
                        scope(UUID.randomUUID(), "dup", "User", true), scope(UUID.randomUUID(), "DUP", "User", true))));
        refusedWith(
                ExposedApiError.INVALID_PERMISSION_SCOPE,
                () -> change(scopes(scope(UUID.randomUUID(), "x", "Everyone", true))));
        refusedWith(
                ExposedApiError.CANNOT_DELETE_OR_UPDATE_ENABLED_ENTITLEMENT,
                () -> change(scopes(scope(readId, "Orders.Read", "User", true))));

        PermissionScope disabledAll =
                apis.api(admin, contoso.tenant().id(), api.id()).scopes().get(1);
        change(scopes(
                scope(readId, "Orders.Read", "User", true), scope(disabledAll.id(), "Orders.All", "Admin", false)));
        ExposedApi after = change(scopes(scope(readId, "Orders.Read", "User", true)));
        assertThat(after.scopes()).extracting(PermissionScope::value).containsExactly("Orders.Read");
    }

    @Test
    @DisplayName("issue 11: requestedAccessTokenVersion is null, 1 or 2")
    void tokenVersion() {
        refusedWith(
                ExposedApiError.INVALID_ACCESS_TOKEN_VERSION,
                () -> change(new ExposedApiService.Change(null, null, true, 3)));
        assertThat(change(new ExposedApiService.Change(null, null, true, null)).requestedAccessTokenVersion())
                .isNull();
    }

    @Test
    @DisplayName("issue 11: R14 nobody of another directory sees or changes an API")
    void accessIsChecked() {
        Caller other = new Caller.User(fabrikam.tenant().id(), fabrikam.admin().id());
        assertThatThrownBy(() -> apis.change(other, contoso.tenant().id(), api.id(), uris("api://" + api.appId())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> apis.change(other, fabrikam.tenant().id(), api.id(), uris("api://" + api.appId())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName(
            "issue 11: the token endpoint finds an API by identifier URI (any case, trailing slash) or app id, once"
                    + " it has a service principal")
    void findsRegisteredApis() {
        String uri = "api://" + api.appId();
        change(uris(uri));
        assertThat(apis.findRegisteredApi(contoso.tenant().id(), uri)).isEmpty();

        applications.createServicePrincipal(admin, contoso.tenant().id(), api.appId());
        assertThat(apis.findRegisteredApi(contoso.tenant().id(), uri.toUpperCase(java.util.Locale.ROOT) + "/"))
                .map(found -> found.application().id())
                .contains(api.id());
        assertThat(apis.findRegisteredApi(contoso.tenant().id(), api.appId().toString()))
                .map(found -> found.api().identifierUris())
                .contains(List.of(uri));
        assertThat(apis.findRegisteredApi(fabrikam.tenant().id(), api.appId().toString()))
                .isEmpty();
    }
}
