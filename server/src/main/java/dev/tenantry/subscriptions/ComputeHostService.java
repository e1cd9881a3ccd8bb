package dev.tenantry.subscriptions;

import dev.tenantry.access.AccessService;
import dev.tenantry.access.ActivityLog;
import dev.tenantry.access.ResourceGroupScope;
import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.Transactions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Compute hosts and the managed identities attached to them (issue 11). A host is the smallest stand-in for the
 * compute a managed identity endpoint serves: a name in a resource group with ARM's {@code identity} block. Turning
 * its system-assigned identity on creates a managed identity named as the host; turning it off, or deleting the host,
 * deletes that identity and its service principal, as Azure does. Its user-assigned identities are attached by ARM id;
 * attaching one takes Owner or Contributor on that identity's resource group. Access to the host itself is that of
 * its resource group, as for every resource.
 */
public final class ComputeHostService {

    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9-]{0,62}[A-Za-z0-9])?$");

    private final SubscriptionService subscriptions;
    private final AccessService access;
    private final ManagedIdentityRepository identities;
    private final ManagedIdentityService managedIdentities;
    private final ActivityLog activity;
    private final Transactions transactions;
    private final Clock clock;

    public ComputeHostService(
            SubscriptionService subscriptions,
            AccessService access,
            ManagedIdentityRepository identities,
            ManagedIdentityService managedIdentities,
            ActivityLog activity,
            Transactions transactions,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.access = access;
        this.identities = identities;
        this.managedIdentities = managedIdentities;
        this.activity = activity;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a host's {@code identity} block asks for. */
    public record IdentityRequest(boolean systemAssigned, List<String> userAssignedIds) {

        public IdentityRequest {
            userAssignedIds = List.copyOf(userAssignedIds);
        }

        public static final IdentityRequest NONE = new IdentityRequest(false, List.of());
    }

    /** A host and its identities: the system-assigned one, if on, and the user-assigned ones by principal id. */
    public record HostView(
            ComputeHost host, Optional<ManagedIdentity> systemAssigned, List<ManagedIdentity> userAssigned) {

        public HostView {
            userAssigned = List.copyOf(userAssigned);
        }

        /** Every identity the host's code may obtain tokens for, the system-assigned one first. */
        public List<ManagedIdentity> identities() {
            List<ManagedIdentity> all = new ArrayList<>();
            systemAssigned.ifPresent(all::add);
            all.addAll(userAssigned);
            return all;
        }
    }

    /** Creates the host or replaces its tags and identities; its location cannot change, as in ARM. */
    public Saved createOrUpdate(
            Caller caller,
            UUID subscriptionId,
            String resourceGroup,
            String name,
            String location,
            Map<String, String> tags,
            IdentityRequest identity) {
        return transactions.inTransaction(() -> {
            ResourceGroupScope scope = managedIdentities.groupScope(caller, subscriptionId, resourceGroup);
            access.requireWrite(caller, scope);
            if (name == null || !NAME.matcher(name).matches()) {
                throw new InvalidRequestException(
                        ManagedIdentityError.INVALID_HOST_NAME,
                        "The resource name '" + name + "' is invalid. A host's name has 1 to 64 letters, digits and "
                                + "hyphens and neither starts nor ends with a hyphen.");
            }
            String where = ManagedIdentityService.location(location);
            Map<String, String> valid = Tags.validate(tags);
            Optional<ComputeHost> existing = identities.findHost(subscriptionId, scope.name(), name);
            if (existing.isPresent() && !existing.get().location().equals(where)) {
                throw new InvalidRequestException(
                        SubscriptionError.LOCATION_IMMUTABLE,
                        "The host '" + existing.get().name() + "' is in '"
                                + existing.get().location() + "'; its location cannot be changed.");
            }
            String hostName = existing.map(ComputeHost::name).orElse(name);
            Map<UUID, ManagedIdentity> attached = new LinkedHashMap<>();
            for (String id : identity.userAssignedIds()) {
                ManagedIdentity userAssigned = managedIdentities.attachable(caller, id);
                attached.put(userAssigned.principalId(), userAssigned);
            }
            Optional<ManagedIdentity> system =
                    identities.find(subscriptionId, scope.name(), ManagedIdentity.Kind.SYSTEM_ASSIGNED, hostName);
            if (identity.systemAssigned() && system.isEmpty()) {
                system = Optional.of(managedIdentities.create(
                        scope,
                        subscriptionId,
                        scope.name(),
                        hostName,
                        ManagedIdentity.Kind.SYSTEM_ASSIGNED,
                        where,
                        Map.of()));
            } else if (!identity.systemAssigned() && system.isPresent()) {
                managedIdentities.remove(system.get());
                system = Optional.empty();
            }
            ComputeHost host = new ComputeHost(
                    subscriptionId,
                    scope.name(),
                    hostName,
                    where,
                    valid,
                    system.isPresent(),
                    List.copyOf(attached.keySet()),
                    existing.map(ComputeHost::createdAt).orElse(clock.instant()));
            boolean created = identities.upsertHost(host);
            record(caller, scope, host, "write", created ? "Created" : "OK");
            return new Saved(
                    new HostView(
                            host,
                            system,
                            host.userAssigned().stream().map(attached::get).toList()),
                    created);
        });
    }

    public HostView get(Caller caller, UUID subscriptionId, String resourceGroup, String name) {
        return transactions.inTransaction(() -> {
            ResourceGroupScope scope = managedIdentities.groupScope(caller, subscriptionId, resourceGroup);
            access.requireRead(caller, scope);
            return view(identities
                    .findHost(subscriptionId, scope.name(), name)
                    .orElseThrow(() -> notFound(scope.name(), name)));
        });
    }

    /** The hosts of the resource group, or of every group of the subscription the caller may read when null. */
    public List<HostView> list(Caller caller, UUID subscriptionId, String resourceGroup) {
        return transactions.inTransaction(() -> {
            if (resourceGroup != null) {
                ResourceGroupScope scope = managedIdentities.groupScope(caller, subscriptionId, resourceGroup);
                access.requireRead(caller, scope);
                return identities.listHosts(subscriptionId, scope.name()).stream()
                        .map(this::view)
                        .toList();
            }
            SubscriptionScope subscription = subscriptions.scope(caller, subscriptionId);
            return identities.listHosts(subscriptionId, null).stream()
                    .filter(host -> !access.rolesOf(caller, subscription.resourceGroup(host.resourceGroup()))
                            .isEmpty())
                    .map(this::view)
                    .toList();
        });
    }

    /** Deletes the host and its system-assigned identity (its user-assigned ones stay); false when there was none. */
    public boolean delete(Caller caller, UUID subscriptionId, String resourceGroup, String name) {
        return transactions.inTransaction(() -> {
            ResourceGroupScope scope = managedIdentities.groupScope(caller, subscriptionId, resourceGroup);
            access.requireWrite(caller, scope);
            Optional<ComputeHost> host = identities.findHost(subscriptionId, scope.name(), name);
            if (host.isEmpty()) {
                return false;
            }
            identities
                    .find(
                            subscriptionId,
                            scope.name(),
                            ManagedIdentity.Kind.SYSTEM_ASSIGNED,
                            host.get().name())
                    .ifPresent(managedIdentities::remove);
            identities.deleteHost(subscriptionId, scope.name(), host.get().name());
            record(caller, scope, host.get(), "delete", "OK");
            return true;
        });
    }

    /**
     * The host with ARM id {@code hostId} and its identities, for the managed identity endpoint that serves it: the
     * server's own configuration names the host, so no caller is checked. Empty when there is no such host.
     */
    public Optional<HostView> served(String hostId) {
        return ResourceIds.parse(hostId, ComputeHost.TYPE)
                .flatMap(id -> transactions.inTransaction(() -> identities
                        .findHost(id.subscriptionId(), id.resourceGroup(), id.name())
                        .map(this::view)));
    }

    private HostView view(ComputeHost host) {
        Optional<ManagedIdentity> system = host.systemAssigned()
                ? identities.find(
                        host.subscriptionId(), host.resourceGroup(), ManagedIdentity.Kind.SYSTEM_ASSIGNED, host.name())
                : Optional.empty();
        List<ManagedIdentity> userAssigned = host.userAssigned().stream()
                .map(identities::findByPrincipal)
                .flatMap(Optional::stream)
                .toList();
        return new HostView(host, system, userAssigned);
    }

    private void record(Caller caller, ResourceGroupScope scope, ComputeHost host, String action, String status) {
        activity.record(caller, scope, ComputeHost.TYPE + "/" + action, ComputeHost.TYPE, host.id(), status);
    }

    private static NotFoundException notFound(String resourceGroup, String name) {
        return new NotFoundException(
                ManagedIdentityError.HOST_NOT_FOUND,
                "The Resource '" + ComputeHost.TYPE + "/" + name + "' under resource group '" + resourceGroup
                        + "' was not found.");
    }

    /** A saved host, and whether the PUT created it. */
    public record Saved(HostView host, boolean created) {}
}
