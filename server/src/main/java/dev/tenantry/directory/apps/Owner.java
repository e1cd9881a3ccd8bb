package dev.tenantry.directory.apps;

import dev.tenantry.directory.User;
import java.util.UUID;

/** An owner of an app registration or a service principal, resolved: a user or a service principal. */
public sealed interface Owner {

    UUID id();

    /** A user owner. */
    record OfUser(User user) implements Owner {
        @Override
        public UUID id() {
            return user.objectId();
        }
    }

    /** A service principal owner (an application acting as itself). */
    record OfServicePrincipal(ServicePrincipal servicePrincipal) implements Owner {
        @Override
        public UUID id() {
            return servicePrincipal.id();
        }
    }
}
