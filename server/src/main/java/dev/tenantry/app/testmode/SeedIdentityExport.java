package dev.tenantry.app.testmode;

import dev.tenantry.app.Stores;
import dev.tenantry.app.testmode.Seed.HostSeed;
import dev.tenantry.app.testmode.Seed.IdentitySeed;
import dev.tenantry.subscriptions.ComputeHost;
import dev.tenantry.subscriptions.ManagedIdentity;
import dev.tenantry.subscriptions.ResourceGroup;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The managed identities of an exported subscription's resource groups (issue 11), in the seed's shape: user-assigned
 * identities and compute hosts with their ids. A location equal to the group's is left out (the load defaults to it);
 * a host names a user-assigned identity by name in its own group, {@code group/name} in another group of the
 * subscription, or by ARM id in another subscription.
 */
final class SeedIdentityExport {

    private final Stores stores;
    private final UUID subscriptionId;

    SeedIdentityExport(Stores stores, UUID subscriptionId) {
        this.stores = stores;
        this.subscriptionId = subscriptionId;
    }

    List<IdentitySeed> identities(ResourceGroup group) {
        return stores
                .managedIdentities()
                .list(subscriptionId, group.name(), ManagedIdentity.Kind.USER_ASSIGNED)
                .stream()
                .map(identity -> new IdentitySeed(
                        identity.name(),
                        identity.principalId().toString(),
                        identity.clientId().toString(),
                        located(identity.location(), group),
                        new TreeMap<>(identity.tags())))
                .toList();
    }

    List<HostSeed> hosts(ResourceGroup group) {
        return stores.managedIdentities().listHosts(subscriptionId, group.name()).stream()
                .map(host -> host(host, group))
                .toList();
    }

    private HostSeed host(ComputeHost host, ResourceGroup group) {
        Optional<ManagedIdentity> system = host.systemAssigned()
                ? stores.managedIdentities()
                        .find(subscriptionId, host.resourceGroup(), ManagedIdentity.Kind.SYSTEM_ASSIGNED, host.name())
                : Optional.empty();
        return new HostSeed(
                host.name(),
                located(host.location(), group),
                new TreeMap<>(host.tags()),
                system.isPresent() ? Boolean.TRUE : null,
                system.map(i -> i.principalId().toString()).orElse(null),
                system.map(i -> i.clientId().toString()).orElse(null),
                host.userAssigned().stream()
                        .map(stores.managedIdentities()::findByPrincipal)
                        .flatMap(Optional::stream)
                        .map(identity -> reference(identity, host))
                        .sorted()
                        .toList());
    }

    private String reference(ManagedIdentity identity, ComputeHost host) {
        if (!identity.subscriptionId().equals(subscriptionId)) {
            return identity.resourceId();
        }
        return identity.resourceGroup()
                        .toLowerCase(Locale.ROOT)
                        .equals(host.resourceGroup().toLowerCase(Locale.ROOT))
                ? identity.name()
                : identity.resourceGroup() + "/" + identity.name();
    }

    /** How a seed names a managed identity: one of the two is set. */
    record Reference(String identity, String host) {}

    /**
     * The seed's name of the managed identity {@code principalId}: {@code resourceGroup/name} within
     * {@code subscriptionId} (null: none), else {@code subscription/resourceGroup/name}; empty when it is no managed
     * identity of an exported subscription.
     */
    static Optional<Reference> reference(
            Stores stores, java.util.Map<UUID, String> clouds, UUID principalId, UUID subscriptionId) {
        return stores.managedIdentities()
                .findByPrincipal(principalId)
                .filter(identity -> clouds.containsKey(identity.subscriptionId()))
                .map(identity -> {
                    String path = identity.resourceGroup() + "/" + identity.name();
                    String named = identity.subscriptionId().equals(subscriptionId)
                            ? path
                            : clouds.get(identity.subscriptionId()) + "/" + path;
                    return identity.kind() == ManagedIdentity.Kind.USER_ASSIGNED
                            ? new Reference(named, null)
                            : new Reference(null, named);
                });
    }

    private static String located(String location, ResourceGroup group) {
        return location.equals(group.location()) ? null : location;
    }
}
