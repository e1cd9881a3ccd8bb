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
     * A signed-in user of {@code tenantId}. {@code graphScopes} holds the delegated scopes ({@code scp}) of the Microsoft
     * Graph access token the request came with, which bound what the request may do on top of the user's roles; it is
     * empty when the user acts in Tenantry's own pages or through an Azure Resource Manager token.
     */
    record User(TenantId tenantId, UserId userId, Optional<Set<String>> graphScopes) implements Caller {
        public User {
            graphScopes = graphScopes.map(Set::copyOf);
        }

        /** The user acting directly, with all of its own rights (a console session). */
        public User(TenantId tenantId, UserId userId) {
            this(tenantId, userId, Optional.empty());
        }
    }

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

    /** The caller's home directory; empty for the server itself. */
    default Optional<TenantId> homeTenant() {
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
