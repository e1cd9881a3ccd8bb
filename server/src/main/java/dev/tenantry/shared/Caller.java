package dev.tenantry.shared;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling a use case, as authenticated by a surface. Services decide what the caller may do; surfaces only
 * say who it is.
 */
public sealed interface Caller {

    /**
     * A signed-in user acting in {@code tenantId} as the user object {@code userId} of that directory. {@code home} is
     * the account the person signed in with: the same tenant and user for a member, another directory's user for a
     * guest (B2B), whose token names the directory it acts in while its password lives at home. {@code graphScopes}
     * holds the delegated scopes ({@code scp}) of the Microsoft Graph access token the request came with, which bound
     * what the request may do on top of the user's roles; it is empty when the user acts in Tenantry's own pages or
     * through an Azure Resource Manager token.
     */
    record User(TenantId tenantId, UserId userId, Account home, Optional<Set<String>> graphScopes) implements Caller {
        public User {
            graphScopes = graphScopes.map(Set::copyOf);
        }

        /** A member of {@code tenantId} acting with the delegated scopes of a Graph token (or all of its rights). */
        public User(TenantId tenantId, UserId userId, Optional<Set<String>> graphScopes) {
            this(tenantId, userId, new Account(tenantId, userId), graphScopes);
        }

        /** A member acting directly, with all of its own rights (a console session). */
        public User(TenantId tenantId, UserId userId) {
            this(tenantId, userId, Optional.empty());
        }

        /** Whether the user is a guest here: its home account is in another directory. */
        public boolean isGuest() {
            return !home.tenantId().equals(tenantId);
        }
    }

    /** A user account in its home directory: where it signs in. */
    record Account(TenantId tenantId, UserId userId) {}

    /** An application acting as itself (client credentials), with the app roles granted to its service principal. */
    record App(TenantId tenantId, UUID servicePrincipalId, UUID appId, Set<String> roles) implements Caller {
        public App {
            roles = Set.copyOf(roles);
        }
    }

    /** The server itself: the CLI and start-up tasks. Passes every check. */
    record Operator() implements Caller {}

    static Caller system() {
        return new Operator();
    }

    /**
     * The directory the caller acts in, the only one it may reach (R14); a guest's is the directory that invited it,
     * not its home. Empty for the server itself.
     */
    default Optional<TenantId> actingTenant() {
        return switch (this) {
            case User user -> Optional.of(user.tenantId());
            case App app -> Optional.of(app.tenantId());
            case Operator ignored -> Optional.empty();
        };
    }

    /** A stable text for the caller, used to scope idempotency keys. */
    default String key() {
        return switch (this) {
            case User user -> "user:" + user.userId();
            case App app -> "app:" + app.servicePrincipalId();
            case Operator ignored -> "system";
        };
    }
}
