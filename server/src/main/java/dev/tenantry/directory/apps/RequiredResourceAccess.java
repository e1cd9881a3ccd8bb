package dev.tenantry.directory.apps;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The permissions an app registration asks for on one resource (Graph's {@code requiredResourceAccess}, issue 11): the
 * resource's client id and, for each permission, its id and whether it is delegated ({@code Scope}) or an application
 * permission ({@code Role}).
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/requiredresourceaccess">requiredResourceAccess</a>
 */
public record RequiredResourceAccess(UUID resourceAppId, List<Access> resourceAccess) {

    /** One permission asked for. */
    public record Access(UUID id, Type type) {

        public Access {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
        }
    }

    /** Graph's {@code resourceAccess.type}. */
    public enum Type {
        /** A delegated permission (an {@code oauth2PermissionScope} of the resource). */
        Scope,
        /** An application permission (an {@code appRole} of the resource). */
        Role
    }

    public RequiredResourceAccess {
        Objects.requireNonNull(resourceAppId, "resourceAppId");
        resourceAccess = List.copyOf(resourceAccess);
    }
}
