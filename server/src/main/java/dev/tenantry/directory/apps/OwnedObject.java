package dev.tenantry.directory.apps;

import dev.tenantry.directory.Group;
import java.util.UUID;

/** A directory object someone owns, as Graph's {@code ownedObjects} lists them: an app, a service principal, a group. */
public sealed interface OwnedObject {

    UUID id();

    /** An owned app registration. */
    record OfApplication(Application application) implements OwnedObject {
        @Override
        public UUID id() {
            return application.id();
        }
    }

    /** An owned service principal. */
    record OfServicePrincipal(ServicePrincipal servicePrincipal) implements OwnedObject {
        @Override
        public UUID id() {
            return servicePrincipal.id();
        }
    }

    /** An owned group. */
    record OfGroup(Group group) implements OwnedObject {
        @Override
        public UUID id() {
            return group.id();
        }
    }
}
