package dev.tenantry.identity.grants;

import dev.tenantry.directory.GroupRepository;
import dev.tenantry.directory.GuestAccounts;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.directory.roles.DirectoryRoleService;
import dev.tenantry.directory.tenants.TenantService;
import dev.tenantry.directory.users.UserService;
import dev.tenantry.identity.Audiences;
import dev.tenantry.identity.ConsentedScopes;
import dev.tenantry.identity.Grant;
import dev.tenantry.identity.HybridIdTokens;
import dev.tenantry.identity.LockoutService;
import dev.tenantry.identity.PublicClients;
import dev.tenantry.identity.RefreshTokenRepository;
import dev.tenantry.identity.TokenSigner;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.GenerationCache;
import java.time.Clock;
import java.util.List;

/**
 * The grants the token endpoint answers, built over the collaborators they share; a new grant is a new class and one
 * line in {@link #standard}.
 */
public final class Grants {

    private Grants() {}

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
                GuestAccounts.NONE);
    }

    /**
     * The standard grants with the authorization code grant (issue 11), whose delegated scopes include what users
     * consented to ({@code consents}) and whose registered public clients ({@code publicClients}) need no secret; the
     * tenant the path names is looked up through {@code cache} (issue 13).
     */
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
            ConsentedScopes consents,
            PublicClients publicClients,
            GenerationCache cache) {
        TenantSegment tenants = new TenantSegment(tenantService, cache);
        ClientAuthentication clients = new ClientAuthentication(lockouts, publicClients);
        Resources resources = new Resources(audiences, consents);
        RefreshTokenIssuer refreshTokenIssuer = new RefreshTokenIssuer(refreshTokens, clock);
        UserTokens userTokens = new UserTokens(
                directoryRoles, applications, new GroupClaims(groups, directoryRoles), signer, clock, guests);
        return List.of(
                new PasswordGrant(tenants, clients, lockouts, resources, refreshTokenIssuer, userTokens, guests),
                new ClientCredentialsGrant(tenants, clients, resources, signer, clock),
                new RefreshTokenGrant(refreshTokens, users, clients, resources, refreshTokenIssuer, userTokens, clock),
                new AuthorizationCodeGrant(refreshTokens, users, clients, refreshTokenIssuer, userTokens, clock));
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
        // the grants before issue 11: no consent, no authorization code grant
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
                        ConsentedScopes.NONE,
                        PublicClients.NONE,
                        GenerationCache.disabled())
                .stream()
                .filter(grant -> !(grant instanceof AuthorizationCodeGrant))
                .toList();
    }

    /** The hybrid flow's ID tokens (issue 11), signed as the grants sign theirs. */
    public static HybridIdTokens hybridIdTokens(
            UserService users,
            DirectoryRoleService directoryRoles,
            ApplicationService applications,
            GroupRepository groups,
            TokenSigner signer,
            Clock clock,
            GuestAccounts guests) {
        UserTokens userTokens = new UserTokens(
                directoryRoles, applications, new GroupClaims(groups, directoryRoles), signer, clock, guests);
        return (user, clientId, nonce, code, baseUrl) -> userTokens.hybridIdToken(
                users.getUser(Caller.system(), user.tenantId(), user.userId().toString()),
                clientId,
                nonce,
                code,
                baseUrl);
    }
}
