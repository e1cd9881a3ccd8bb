package dev.tenantry.app.testmode;

import dev.tenantry.app.Services;
import dev.tenantry.app.testmode.Seed.HostSeed;
import dev.tenantry.app.testmode.Seed.IdentitySeed;
import dev.tenantry.app.testmode.Seed.ResourceGroupSeed;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.NewIds;
import dev.tenantry.subscriptions.ComputeHostService;
import dev.tenantry.subscriptions.ManagedIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The managed identities of a seeded resource group (issue 11): its user-assigned identities, made with the group, and
 * its compute hosts with their system-assigned identity, made once every identity of the directory's subscriptions
 * exists, since a host may use one of another group or subscription. Both go through their services as the
 * subscription's owner, as an ARM PUT would.
 */
final class SeedIdentities {

    private final SeedRefs refs;
    private final SeedFile file;
    private final Services services;

    SeedIdentities(SeedRefs refs, Services services) {
        this.refs = refs;
        this.file = refs.file();
        this.services = services;
    }

    /** The group's user-assigned identities; {@code location} is the group's. */
    void identities(String where, Caller.User owner, UUID subscriptionId, ResourceGroupSeed group, String location) {
        for (int i = 0; i < group.userAssignedIdentities().size(); i++) {
            String field = where + "/userAssignedIdentities/" + i;
            IdentitySeed identity = group.userAssignedIdentities().get(i);
            String name = refs.required(identity.name(), field + "/name");
            UUID principal = refs.fixedId(identity.principalId(), field + "/principalId");
            UUID client = refs.fixedId(identity.clientId(), field + "/clientId");
            NewIds.pinned(
                    SeedLoader.ids(NewIds.Kind.SERVICE_PRINCIPAL, principal, NewIds.Kind.APP_ID, client),
                    () -> file.guarded(field, () -> services.managedIdentities()
                            .createOrUpdate(
                                    owner,
                                    subscriptionId,
                                    group.name(),
                                    name,
                                    identity.location() == null ? location : identity.location(),
                                    identity.tags() == null ? Map.of() : identity.tags())));
        }
    }

    /** The group's compute hosts; {@code location} is the group's. */
    void hosts(String where, Caller.User owner, UUID subscriptionId, ResourceGroupSeed group, String location) {
        for (int i = 0; i < group.hosts().size(); i++) {
            String field = where + "/hosts/" + i;
            HostSeed host = group.hosts().get(i);
            String name = refs.required(host.name(), field + "/name");
            boolean system = Boolean.TRUE.equals(host.systemAssigned());
            if (!system && (host.principalId() != null || host.clientId() != null)) {
                throw file.refuse(
                        field + (host.principalId() != null ? "/principalId" : "/clientId"),
                        "only a host with 'systemAssigned: true' has a system-assigned identity to give ids to");
            }
            UUID principal = refs.fixedId(host.principalId(), field + "/principalId");
            UUID client = refs.fixedId(host.clientId(), field + "/clientId");
            List<String> used = new ArrayList<>();
            for (int u = 0; u < host.userAssignedIdentities().size(); u++) {
                String reference =
                        refs.required(host.userAssignedIdentities().get(u), field + "/userAssignedIdentities/" + u);
                used.add(resourceId(reference, subscriptionId, group.name()));
            }
            var identity = new ComputeHostService.IdentityRequest(system, used);
            NewIds.pinned(
                    SeedLoader.ids(NewIds.Kind.SERVICE_PRINCIPAL, principal, NewIds.Kind.APP_ID, client),
                    () -> file.guarded(field, () -> services.computeHosts()
                            .createOrUpdate(
                                    owner,
                                    subscriptionId,
                                    group.name(),
                                    name,
                                    host.location() == null ? location : host.location(),
                                    host.tags() == null ? Map.of() : host.tags(),
                                    identity)));
        }
    }

    /** A user-assigned identity's ARM id: {@code name} in the host's group, {@code group/name}, or an ARM id as is. */
    static String resourceId(String reference, UUID subscriptionId, String resourceGroup) {
        if (reference.startsWith("/")) {
            return reference;
        }
        int slash = reference.indexOf('/');
        return slash < 0
                ? ManagedIdentity.userAssignedId(subscriptionId, resourceGroup, reference)
                : ManagedIdentity.userAssignedId(
                        subscriptionId, reference.substring(0, slash), reference.substring(slash + 1));
    }
}
