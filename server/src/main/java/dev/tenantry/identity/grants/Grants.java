package dev.tenantry.identity.grants;

import dev.tenantry.directory.GroupRepository;
import dev.tenantry.directory.GuestAccounts;
import dev.tenantry.directory.Tenant;
import dev.tenantry.directory.apps.ApplicationKeyService;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.directory.roles.DirectoryRoleService;
import dev.tenantry.directory.tenants.TenantService;
import dev.tenantry.directory.users.UserService;
import dev.tenantry.identity.Audiences;
import dev.tenantry.identity.ClientAssertionReplays;
import dev.tenantry.identity.ConsentedScopes;
import dev.tenantry.identity.DeviceCodeRepository;
import dev.tenantry.identity.Grant;
import dev.tenantry.identity.HybridIdTokens;
import dev.tenantry.identity.IssuerKeys;
import dev.tenantry.identity.LockoutService;
import dev.tenantry.identity.PublicClients;
import dev.tenantry.identity.RefreshTokenRepository;
import dev.tenantry.identity.RegisteredApis;
import dev.tenantry.identity.SigningKeys;
import dev.tenantry.identity.TokenSigner;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.GenerationCache;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The grants the token endpoint answers, built over the collaborators they share; a new grant is a new class and one
 * line in {@link #standard}.
 */
public final class Grants {

    private Grants() {}

    /**
     * What the grants beyond password, client credentials and refresh work with (issue 11): delegated scopes users
     * consented to, registered public clients (no secret), the certificates clients may prove themselves with and the
     * store of used assertion ids (null: no client assertions), and the device authorizations (null: no device code
     * grant); and the cache the token path reads through (issue 13). {@code authorizationCode} adds that grant.
     */
    public record Flows(
            ConsentedScopes consents,
            PublicClients publicClients,
            ApplicationKeyService keys,
            ClientAssertionReplays replays,
            DeviceCodeRepository deviceCodes,
            GenerationCache cache,
            boolean authorizationCode,
            IssuerKeys issuerKeys) {

        /** The grants before issue 11: no consent, no public clients, no assertions, no device or code grant. */
        public static final Flows NONE = new Flows(
                ConsentedScopes.NONE, PublicClients.NONE, null, null, null, GenerationCache.disabled(), false, null);
    }

    /** Certificate assertions, and external tokens too when {@code flows} has issuers' keys (issue 11). */
    private static ClientAssertions clientAssertions(ApplicationService applications, Flows flows, Clock clock) {
        FederatedAssertions federated = flows.issuerKeys() == null
                ? null
                : new FederatedAssertions(flows.keys().federated(), flows.issuerKeys(), clock);
        return new ClientAssertions(applications, flows.keys(), flows.replays(), clock, federated);
    }

    /**
     * The tenant a token endpoint path segment names, as every grant resolves it: empty for {@code common} and
     * {@code organizations}, an unknown tenant refused (AADSTS90002); for endpoints beside the token endpoint.
     */
    public static Function<String, Optional<Tenant>> tenantSegment(TenantService tenants) {
        return new TenantSegment(tenants)::resolve;
    }

    /** The password, client credentials and refresh token grants, as the server registers them. */
    public static List<Grant> standard(
            TenantService tenantService,
            UserService users,
            DirectoryRoleService directoryRoles,
            ApplicationService applications,
            GroupRepository groups,
            LockoutService lockouts,
            TokenSigner signer,
            RefreshTokenRepository refreshTokens,
            Audiences audiences,
            Clock clock) {
        return standard(
                tenantService,
                users,
                directoryRoles,
                applications,
                groups,
                lockouts,
                signer,
                refreshTokens,
                audiences,
                clock,
                GuestAccounts.NONE,
                Flows.NONE);
    }

    /** The standard grants, with B2B guests signing in to the directories that invited them (issue 10). */
    public static List<Grant> standard(
            TenantService tenantService,
            UserService users,
            DirectoryRoleService directoryRoles,
            ApplicationService applications,
            GroupRepository groups,
            LockoutService lockouts,
            TokenSigner signer,
            RefreshTokenRepository refreshTokens,
            Audiences audiences,
            Clock clock,
            GuestAccounts guests) {
        return standard(
                tenantService,
                users,
                directoryRoles,
                applications,
                groups,
                lockouts,
                signer,
                refreshTokens,
                audiences,
                clock,
                guests,
                Flows.NONE);
    }

    /**
     * The APIs app registrations expose (issue 11): {@code registered} resolves them for every grant; with
     * {@code keys}, this server's signing keys, the on-behalf-of grant checks the user's assertion (null: no
     * on-behalf-of grant).
     */
    public record Apis(RegisteredApis registered, SigningKeys keys) {

        /** Graph and ARM only, no on-behalf-of grant. */
        public static final Apis NONE = new Apis(RegisteredApis.NONE, null);
    }

    /** The standard grants with what {@code flows} adds (issues 11 and 13). */
    public static List<Grant> standard(
            TenantService tenantService,
            UserService users,
            DirectoryRoleService directoryRoles,
            ApplicationService applications,
            GroupRepository groups,
            LockoutService lockouts,
            TokenSigner signer,
            RefreshTokenRepository refreshTokens,
            Audiences audiences,
            Clock clock,
            GuestAccounts guests,
            Flows flows) {
        return standard(
                tenantService,
                users,
                directoryRoles,
                applications,
                groups,
                lockouts,
                signer,
                refreshTokens,
                audiences,
                clock,
                guests,
                flows,
                Apis.NONE);
    }

    /** The standard grants with what {@code flows} and {@code apis} add (issues 11 and 13). */
    public static List<Grant> standard(
            TenantService tenantService,
            UserService users,
            DirectoryRoleService directoryRoles,
            ApplicationService applications,
            GroupRepository groups,
            LockoutService lockouts,
            TokenSigner signer,
            RefreshTokenRepository refreshTokens,
            Audiences audiences,
            Clock clock,
            GuestAccounts guests,
            Flows flows,
            Apis apis) {
        TenantSegment tenants = new TenantSegment(tenantService, flows.cache());
        ClientAuthentication clients = new ClientAuthentication(
                lockouts,
                flows.publicClients(),
                flows.keys() == null ? null : clientAssertions(applications, flows, clock));
        Resources resources = new Resources(audiences, flows.consents(), apis.registered());
        RefreshTokenIssuer refreshTokenIssuer = new RefreshTokenIssuer(refreshTokens, clock);
        UserTokens userTokens =
                userTokens(directoryRoles, applications, groups, signer, clock, guests, apis.registered());
        List<Grant> grants = new ArrayList<>(List.of(
                new PasswordGrant(tenants, clients, lockouts, resources, refreshTokenIssuer, userTokens, guests),
                new ClientCredentialsGrant(tenants, clients, resources, signer, clock),
                new RefreshTokenGrant(
                        refreshTokens, users, clients, resources, refreshTokenIssuer, userTokens, clock)));
        if (flows.authorizationCode()) {
            grants.add(new AuthorizationCodeGrant(
                    refreshTokens, users, clients, refreshTokenIssuer, userTokens, clock, resources));
        }
        if (apis.keys() != null) {
            grants.add(new OnBehalfOfGrant(
                    tenants,
                    clients,
                    resources,
                    apis.registered(),
                    apis.keys(),
                    users,
                    refreshTokenIssuer,
                    userTokens,
                    clock));
        }
        if (flows.deviceCodes() != null) {
            grants.add(new DeviceCodeGrant(
                    flows.deviceCodes(), users, clients, resources, refreshTokenIssuer, userTokens, clock));
        }
        return List.copyOf(grants);
    }

    /** The user tokens of every flow: group and role claims, lifetimes as {@code lifetimes} says. */
    private static UserTokens userTokens(
            DirectoryRoleService directoryRoles,
            ApplicationService applications,
            GroupRepository groups,
            TokenSigner signer,
            Clock clock,
            GuestAccounts guests,
            RegisteredApis lifetimes) {
        return new UserTokens(
                directoryRoles,
                applications,
                new GroupClaims(groups, directoryRoles),
                signer,
                clock,
                guests,
                lifetimes);
    }

    /** The hybrid flow's ID tokens (issue 11), lasting as the client's token lifetime policy in {@code lifetimes} says. */
    public static HybridIdTokens hybridIdTokens(
            UserService users,
            DirectoryRoleService directoryRoles,
            ApplicationService applications,
            GroupRepository groups,
            TokenSigner signer,
            Clock clock,
            GuestAccounts guests,
            RegisteredApis lifetimes) {
        UserTokens userTokens = userTokens(directoryRoles, applications, groups, signer, clock, guests, lifetimes);
        return (user, clientId, nonce, code, baseUrl, sid) -> userTokens.hybridIdToken(
                users.getUser(Caller.system(), user.tenantId(), user.userId().toString()),
                clientId,
                nonce,
                code,
                baseUrl,
                sid);
    }
}
