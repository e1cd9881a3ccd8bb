package dev.tenantry.testing;

import dev.tenantry.shared.ConflictException;
import dev.tenantry.subscriptions.ComputeHost;
import dev.tenantry.subscriptions.ManagedIdentity;
import dev.tenantry.subscriptions.ManagedIdentityError;
import dev.tenantry.subscriptions.ManagedIdentityRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Managed identities and compute hosts in maps, names compared lower-cased as in SQL. */
public final class InMemoryManagedIdentityRepository implements ManagedIdentityRepository, Restorable {

    private record HostKey(UUID subscriptionId, String groupKey, String nameKey) {}

    private final Map<UUID, ManagedIdentity> identities = new HashMap<>();
    private final Map<HostKey, ComputeHost> hosts = new HashMap<>();

    @Override
    public void insert(ManagedIdentity identity) {
        if (find(identity.subscriptionId(), identity.resourceGroup(), identity.kind(), identity.name())
                .isPresent()) {
            throw new ConflictException(
                    ManagedIdentityError.IDENTITY_EXISTS,
                    "An identity named '" + identity.name() + "' exists already in this resource group.");
        }
        identities.put(identity.principalId(), identity);
    }

    @Override
    public boolean updateTags(ManagedIdentity identity) {
        ManagedIdentity existing = identities.get(identity.principalId());
        if (existing == null) {
            return false;
        }
        identities.put(identity.principalId(), existing.withTags(identity.tags()));
        return true;
    }

    @Override
    public Optional<ManagedIdentity> find(
            UUID subscriptionId, String resourceGroup, ManagedIdentity.Kind kind, String name) {
        return identities.values().stream()
                .filter(identity -> identity.subscriptionId().equals(subscriptionId)
                        && key(identity.resourceGroup()).equals(key(resourceGroup))
                        && identity.kind() == kind
                        && key(identity.name()).equals(key(name)))
                .findFirst();
    }

    @Override
    public Optional<ManagedIdentity> findByPrincipal(UUID principalId) {
        return Optional.ofNullable(identities.get(principalId));
    }

    @Override
    public boolean delete(UUID principalId) {
        hosts.replaceAll((key, host) -> host.userAssigned().contains(principalId)
                ? new ComputeHost(
                        host.subscriptionId(),
                        host.resourceGroup(),
                        host.name(),
                        host.location(),
                        host.tags(),
                        host.systemAssigned(),
                        host.userAssigned().stream()
                                .filter(id -> !id.equals(principalId))
                                .toList(),
                        host.createdAt())
                : host);
        return identities.remove(principalId) != null;
    }

    @Override
    public List<ManagedIdentity> list(UUID subscriptionId, String resourceGroup, ManagedIdentity.Kind kind) {
        return identities.values().stream()
                .filter(identity -> identity.subscriptionId().equals(subscriptionId)
                        && identity.kind() == kind
                        && (resourceGroup == null
                                || key(identity.resourceGroup()).equals(key(resourceGroup))))
                .sorted(Comparator.comparing((ManagedIdentity identity) -> key(identity.resourceGroup()))
                        .thenComparing(identity -> key(identity.name())))
                .toList();
    }

    @Override
    public boolean upsertHost(ComputeHost host) {
        HostKey hostKey = hostKey(host.subscriptionId(), host.resourceGroup(), host.name());
        ComputeHost existing = hosts.get(hostKey);
        boolean system = find(
                        host.subscriptionId(), host.resourceGroup(), ManagedIdentity.Kind.SYSTEM_ASSIGNED, host.name())
                .isPresent();
        hosts.put(
                hostKey,
                existing == null
                        ? withSystem(host, system)
                        : new ComputeHost(
                                existing.subscriptionId(),
                                existing.resourceGroup(),
                                existing.name(),
                                existing.location(),
                                host.tags(),
                                system,
                                host.userAssigned(),
                                existing.createdAt()));
        return existing == null;
    }

    @Override
    public Optional<ComputeHost> findHost(UUID subscriptionId, String resourceGroup, String name) {
        return Optional.ofNullable(hosts.get(hostKey(subscriptionId, resourceGroup, name)))
                .map(host -> withSystem(host, systemOf(host)));
    }

    @Override
    public List<ComputeHost> listHosts(UUID subscriptionId, String resourceGroup) {
        List<ComputeHost> matches = new ArrayList<>();
        hosts.forEach((key, host) -> {
            if (key.subscriptionId().equals(subscriptionId)
                    && (resourceGroup == null || key.groupKey().equals(key(resourceGroup)))) {
                matches.add(withSystem(host, systemOf(host)));
            }
        });
        matches.sort(Comparator.comparing((ComputeHost host) -> key(host.resourceGroup()))
                .thenComparing(host -> key(host.name())));
        return matches;
    }

    @Override
    public boolean deleteHost(UUID subscriptionId, String resourceGroup, String name) {
        return hosts.remove(hostKey(subscriptionId, resourceGroup, name)) != null;
    }

    private boolean systemOf(ComputeHost host) {
        return find(host.subscriptionId(), host.resourceGroup(), ManagedIdentity.Kind.SYSTEM_ASSIGNED, host.name())
                .isPresent();
    }

    private static ComputeHost withSystem(ComputeHost host, boolean system) {
        return new ComputeHost(
                host.subscriptionId(),
                host.resourceGroup(),
                host.name(),
                host.location(),
                host.tags(),
                system,
                host.userAssigned(),
                host.createdAt());
    }

    private static HostKey hostKey(UUID subscriptionId, String resourceGroup, String name) {
        return new HostKey(subscriptionId, key(resourceGroup), key(name));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public Runnable snapshot() {
        Runnable identitiesBack = Restorable.copyOf(identities);
        Runnable hostsBack = Restorable.copyOf(hosts);
        return () -> {
            identitiesBack.run();
            hostsBack.run();
        };
    }
}
