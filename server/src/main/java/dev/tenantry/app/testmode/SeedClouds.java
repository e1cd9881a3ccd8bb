package dev.tenantry.app.testmode;

import dev.tenantry.access.RoleDefinition;
import dev.tenantry.app.Services;
import dev.tenantry.app.testmode.Seed.CloudSubscriptionSeed;
import dev.tenantry.app.testmode.Seed.RoleAssignmentSeed;
import dev.tenantry.directory.User;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.NewIds;
import dev.tenantry.subscriptions.CloudSubscription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The cloud subscriptions of a seeded directory: each signed up for by its owner, with its resource groups and their
 * user-assigned identities; then ({@link #finish}) the compute hosts, which may use identities of other groups and
 * subscriptions, and the role assignments, which may name any managed identity. All as the subscription's owner.
 */
final class SeedClouds {

    private static final String DEFAULT_OFFER = "MS-AZR-0003P";
    private static final String DEFAULT_LOCATION = "westeurope";

    private final SeedRefs refs;
    private final SeedFile file;
    private final Services services;
    private final Map<String, String> clouds = new LinkedHashMap<>();
    private final Map<String, Caller.User> owners = new HashMap<>();
    private final List<Runnable> hosts = new ArrayList<>();
    private final List<Runnable> assignments = new ArrayList<>();

    SeedClouds(SeedRefs refs, Services services) {
        this.refs = refs;
        this.file = refs.file();
        this.services = services;
    }

    /** The subscriptions loaded, by their names in the file: their ids. */
    Map<String, String> names() {
        return clouds;
    }

    /** Signs up for {@code cloud} as its owner ({@code defaultOwner}, a userName, when it names none). */
    void load(String where, CloudSubscriptionSeed cloud, String defaultOwner) {
        User owner = refs.account(cloud.owner() == null ? defaultOwner : cloud.owner(), where + "/owner");
        Caller.User ownerCaller = new Caller.User(refs.tenantId(), owner.id());
        UUID fixed = refs.fixedId(cloud.id(), where + "/id");
        CloudSubscription created = NewIds.pinned(
                SeedLoader.ids(NewIds.Kind.CLOUD_SUBSCRIPTION, fixed),
                () -> file.guarded(where, () -> services.subscriptions()
                        .createCloudSubscription(
                                ownerCaller,
                                cloud.offer() == null ? DEFAULT_OFFER : cloud.offer(),
                                cloud.displayName(),
                                null)));
        String name = cloud.name() == null ? created.displayName() : cloud.name();
        clouds.put(name, created.id().toString());
        owners.put(name, ownerCaller);
        SeedIdentities identities = new SeedIdentities(refs, services);
        for (int g = 0; g < cloud.resourceGroups().size(); g++) {
            var group = cloud.resourceGroups().get(g);
            String field = where + "/resourceGroups/" + g;
            refs.required(group.name(), field + "/name");
            String location = group.location() == null ? DEFAULT_LOCATION : group.location();
            file.guarded(field, () -> services.resourceGroups()
                    .createOrUpdate(ownerCaller, created.id(), group.name(), location, group.tags()));
            identities.identities(field, ownerCaller, created.id(), group, location);
            hosts.add(() -> identities.hosts(field, ownerCaller, created.id(), group, location));
        }
        for (int r = 0; r < cloud.roleAssignments().size(); r++) {
            RoleAssignmentSeed assignment = cloud.roleAssignments().get(r);
            String field = where + "/roleAssignments/" + r;
            assignments.add(() -> assign(field, assignment, ownerCaller, created, name));
        }
    }

    /** The hosts, then the role assignments, of every subscription loaded. */
    void finish() {
        hosts.forEach(Runnable::run);
        assignments.forEach(Runnable::run);
    }

    private void assign(
            String where, RoleAssignmentSeed assignment, Caller.User owner, CloudSubscription cloud, String cloudName) {
        String roleName = refs.required(assignment.role(), where + "/role");
        RoleDefinition role = RoleDefinition.byName(roleName)
                .orElseThrow(() -> file.refuse(
                        where + "/role",
                        "'" + roleName + "' is not an Azure role Tenantry knows; use one of "
                                + Arrays.stream(RoleDefinition.values())
                                        .map(RoleDefinition::roleName)
                                        .toList()));
        long named = Stream.of(
                        assignment.user(),
                        assignment.group(),
                        assignment.app(),
                        assignment.identity(),
                        assignment.host())
                .filter(Objects::nonNull)
                .count();
        if (named != 1) {
            throw file.refuse(
                    where, "a role assignment names one principal: 'user', 'group', 'app', 'identity' or 'host'");
        }
        UUID principal;
        if (assignment.user() != null) {
            principal = refs.account(assignment.user(), where + "/user").id().value();
        } else if (assignment.group() != null) {
            principal = refs.group(assignment.group(), where + "/group");
        } else if (assignment.app() != null) {
            principal = refs.app(assignment.app(), where + "/app").servicePrincipalId();
        } else if (assignment.identity() != null) {
            principal = managedIdentity(assignment.identity(), false, cloudName, where + "/identity");
        } else {
            principal = managedIdentity(assignment.host(), true, cloudName, where + "/host");
        }
        var subscriptionScope = services.subscriptions().scope(owner, cloud.id());
        var scope = assignment.resourceGroup() == null
                ? subscriptionScope
                : subscriptionScope.resourceGroup(assignment.resourceGroup());
        file.guarded(where, () -> services.access().assign(owner, scope, UUID.randomUUID(), role, principal));
    }

    /** See {@link SeedRefs#managedIdentity}. */
    UUID managedIdentity(String reference, boolean host, String subscription, String where) {
        List<String> parts = List.of(reference.split("/", -1));
        if (parts.size() == 2 && subscription != null) {
            parts = List.of(subscription, parts.get(0), parts.get(1));
        }
        if (parts.size() != 3 || parts.stream().anyMatch(String::isBlank)) {
            throw file.refuse(
                    where,
                    "'" + reference + "' names no managed identity: write subscription/resourceGroup/name"
                            + (subscription == null ? "" : ", or resourceGroup/name in this subscription"));
        }
        String id = clouds.get(parts.get(0));
        if (id == null) {
            throw file.refuse(where, "no cloud subscription '" + parts.get(0) + "' in this directory");
        }
        Caller.User owner = owners.get(parts.get(0));
        UUID subscriptionId = UUID.fromString(id);
        String group = parts.get(1);
        String name = parts.get(2);
        return file.guarded(
                where,
                () -> host
                        ? services.computeHosts()
                                .get(owner, subscriptionId, group, name)
                                .systemAssigned()
                                .orElseThrow(() -> file.refuse(
                                        where, "the host '" + reference + "' has no system-assigned identity"))
                                .principalId()
                        : services.managedIdentities()
                                .get(owner, subscriptionId, group, name)
                                .principalId());
    }
}
