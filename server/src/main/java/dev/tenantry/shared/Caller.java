package dev.tenantry.shared;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling a use case, as authenticated by a surface. Services decide what the caller may do; surfaces only
 * say who it is.
 */
public sealed interface Caller {

    /** A signed-in user of {@code tenantId}, with the delegated scopes of the token it came with. */
    record User(TenantId tenantId, UserId userId, Set<String> scopes) implements Caller {
        public User {
            scopes = Set.copyOf(scopes);
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
