package dev.tenantry.identity.grants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.GuestAccounts;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.directory.apps.CreatedSecret;
import dev.tenantry.directory.apps.PermissionGrant;
import dev.tenantry.directory.apps.TokenLifetimes;
import dev.tenantry.identity.Audiences;
import dev.tenantry.identity.AuthorizationService;
import dev.tenantry.identity.AuthorizeRequest;
import dev.tenantry.identity.InMemoryIdentityStores;
import dev.tenantry.identity.LockoutPolicy;
import dev.tenantry.identity.LockoutService;
import dev.tenantry.identity.RegisteredApis;
import dev.tenantry.identity.SigningKeys;
import dev.tenantry.identity.TokenRequest;
import dev.tenantry.identity.TokenResponse;
import dev.tenantry.identity.TokenSigner;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.GenerationCache;
import dev.tenantry.shared.TenantId;
import dev.tenantry.testing.TestWorld;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The directory Contoso with its admin, and the collaborators the grants share, over in-memory fakes; a fresh one per
 * test.
 */
final class GrantFixture {

    static final String CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
    static final String BASE = "https://login.example";
    static final String ADMIN = "admin@contoso.onmicrosoft.test";
    static final String PASSWORD = "Passw0rd!x";
    static final String GRAPH_DEFAULT = "https://graph.microsoft.com/.default";

    final Clock clock = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);
    final TestWorld world = TestWorld.create(clock);
    final InMemoryIdentityStores.RefreshTokens stored = world.refreshTokens();
    final ApplicationService applications = world.services().applications();
    final LockoutService lockouts =
            new LockoutService(world.credentials(), applications, world.lockouts(), LockoutPolicy.defaults(), clock);
    final SigningKeys keys = world.services().signingKeys();
    final TenantSegment tenants = new TenantSegment(world.tenantService());
    final ClientAuthentication clients = new ClientAuthentication(lockouts);
    final Resources resources = new Resources(new Audiences(null));
    final RefreshTokenIssuer refreshTokens = new RefreshTokenIssuer(stored, clock);
    final UserTokens userTokens = new UserTokens(
            world.roleService(),
            applications,
            new GroupClaims(world.directoryGroups(), world.roleService()),
            keys,
            clock,
            GuestAccounts.NONE,
            RegisteredApis.NONE);
    final CreatedDirectory contoso = world.tenantService()
            .createDirectory("Contoso", "US", "contoso", NewUser.of("Kelley Wall", "admin", PASSWORD));

    /** The directory's token lifetime policies as the token grants read them (issue 11). */
    TokenLifetimes lifetimes() {
        return new TokenLifetimes(
                world.services().stores().tokenLifetimePolicies(),
                world.services().stores().applications(),
                GenerationCache.disabled(),
                TokenSigner.TOKEN_LIFETIME);
    }

    /** An admin's consent for every user: the client {@code clientAppId} may ask {@code resourceSpId} for it. */
    void consent(String clientAppId, UUID resourceSpId, String scope) {
        UUID clientSp = applications
                .findServicePrincipalByAppId(tenantId(), UUID.fromString(clientAppId))
                .orElseThrow()
                .id();
        world.services()
                .permissionGrants()
                .create(admin(), tenantId(), clientSp, PermissionGrant.ALL_PRINCIPALS, null, resourceSpId, scope);
    }

    /** An authorization request of {@code clientAppId} for a code (and an ID token in the hybrid flow), as parsed. */
    AuthorizeRequest authorizeRequest(UUID clientAppId, String redirectUri, String responseType, String scope) {
        return new AuthorizeRequest(
                tenantId().toString(),
                clientAppId.toString(),
                redirectUri,
                responseType,
                responseType.contains("id_token") ? "fragment" : null,
                scope,
                "s",
                "n",
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** The code the authorization endpoint issues the admin for {@code request}, in the browser session {@code sid}. */
    String adminCode(AuthorizeRequest request, String sid) {
        AuthorizationService authorization = world.services().authorization();
        AuthorizationService.Client client = authorization.client(request);
        return authorization.issue(client, request, authorization.check(client, request), (Caller.User) admin(), sid);
    }

    TenantId tenantId() {
        return contoso.tenant().id();
    }

    Caller admin() {
        return new Caller.User(tenantId(), contoso.admin().id());
    }

    PasswordGrant passwordGrant() {
        return new PasswordGrant(tenants, clients, lockouts, resources, refreshTokens, userTokens);
    }

    ClientCredentialsGrant clientCredentialsGrant() {
        return new ClientCredentialsGrant(tenants, clients, resources, keys, clock);
    }

    RefreshTokenGrant refreshTokenGrant() {
        return new RefreshTokenGrant(stored, world.userService(), clients, resources, refreshTokens, userTokens, clock);
    }

    /** A password grant request of the Azure CLI for {@code username} on the path segment {@code tenant}. */
    static TokenRequest password(String tenant, String username, String password, String scope) {
        return new TokenRequest(
                tenant,
                "password",
                new TokenRequest.Client(CLI, null),
                scope,
                true,
                TokenRequest.Parameters.password(username, password));
    }

    /** A refresh token grant request of {@code clientId}. */
    static TokenRequest refresh(String clientId, String refreshToken, String scope) {
        return new TokenRequest(
                "common",
                "refresh_token",
                new TokenRequest.Client(clientId, null),
                scope,
                true,
                TokenRequest.Parameters.refreshToken(refreshToken));
    }

    /** A registered application with a secret and a service principal in Contoso, as a daemon has it. */
    TokenRequest.Client daemon() {
        Application app = applications.createApplication(admin(), tenantId(), "Daemon");
        CreatedSecret secret = applications.addPassword(admin(), tenantId(), app.id(), null, null);
        applications.createServicePrincipal(admin(), tenantId(), app.appId());
        return new TokenRequest.Client(app.appId().toString(), secret.secretText());
    }

    /** The admin's tokens from the password grant for {@code client}, with Graph, OpenID and a refresh token. */
    TokenResponse adminSignIn(TokenRequest.Client client) {
        return passwordGrant()
                .issue(
                        new TokenRequest(
                                tenantId().toString(),
                                "password",
                                client,
                                GRAPH_DEFAULT + " openid profile offline_access",
                                true,
                                TokenRequest.Parameters.password(ADMIN, PASSWORD)),
                        BASE);
    }

    /** Asserts that {@code call} is refused with the stable error code {@code code}. */
    static void refusedWith(String code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code())
                .isEqualTo(code));
    }

    static JWTClaimsSet claims(String jwt) throws ParseException {
        return SignedJWT.parse(jwt).getJWTClaimsSet();
    }
}
