package dev.tenantry.identity.grants;

import dev.tenantry.directory.GroupRepository;
import dev.tenantry.directory.GuestAccounts;
import dev.tenantry.directory.apps.ApplicationKeyService;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.directory.roles.DirectoryRoleService;
import dev.tenantry.directory.tenants.TenantService;
import dev.tenantry.directory.users.UserService;
import dev.tenantry.identity.Audiences;
import dev.tenantry.identity.ClientAssertionReplays;
import dev.tenantry.identity.Grant;
import dev.tenantry.identity.LockoutService;
import dev.tenantry.identity.RefreshTokenRepository;
import dev.tenantry.identity.TokenSigner;
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
                new Credentials(null, null));
    }

    /**
     * What clients may prove themselves with besides a secret (issue 11): certificates of their registrations, and the
     * store of used assertion ids; {@code null} parts turn client assertions off.
     */
    public record Credentials(ApplicationKeyService keys, ClientAssertionReplays replays) {}

    /** The standard grants, with client assertions signed by application certificates (issue 11). */
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
            Credentials credentials) {
        TenantSegment tenants = new TenantSegment(tenantService);
        ClientAuthentication clients = new ClientAuthentication(
                lockouts,
                credentials.keys() == null
                        ? null
                        : new ClientAssertions(applications, credentials.keys(), credentials.replays(), clock));
        Resources resources = new Resources(audiences);
        RefreshTokenIssuer refreshTokenIssuer = new RefreshTokenIssuer(refreshTokens, clock);
        UserTokens userTokens = new UserTokens(
                directoryRoles, applications, new GroupClaims(groups, directoryRoles), signer, clock, guests);
        return List.of(
                new PasswordGrant(tenants, clients, lockouts, resources, refreshTokenIssuer, userTokens, guests),
                new ClientCredentialsGrant(tenants, clients, resources, signer, clock),
                new RefreshTokenGrant(refreshTokens, users, clients, resources, refreshTokenIssuer, userTokens, clock));
    }
}
