package dev.tenantry.subscriptions;

import dev.tenantry.access.AccessService;
import dev.tenantry.access.ActivityLog;
import dev.tenantry.access.ResourceGroupScope;
import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.directory.apps.ApplicationRepository;
import dev.tenantry.directory.apps.ServicePrincipal;
import dev.tenantry.directory.apps.ServicePrincipalType;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Column;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NewIds;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.Transactions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * User-assigned managed identities (ARM's {@code Microsoft.ManagedIdentity/userAssignedIdentities}, issue 11): each is
 * a service principal of the subscription's directory of type {@code ManagedIdentity}, with no application
 * registration and no secret, that may hold role assignments and app role assignments like any service principal.
 * Reading one takes any role on its resource group, creating or deleting one Owner or Contributor there, as for every
 * other resource. Changes go to the subscription's activity log.
 */
public final class ManagedIdentityService implements ChangeDirectoryService.DirectoryBoundIdentities {

    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{2,127}$");

    private final SubscriptionService subscriptions;
    private final AccessService access;
    private final ResourceGroupRepository groups;
    private final ManagedIdentityRepository identities;
    private final ApplicationRepository applications;
    private final ActivityLog activity;
    private final Transactions transactions;
    private final Clock clock;

    public ManagedIdentityService(
            SubscriptionService subscriptions,
            AccessService access,
            ResourceGroupRepository groups,
            ManagedIdentityRepository identities,
            ApplicationRepository applications,
            ActivityLog activity,
            Transactions transactions,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.access = access;
        this.groups = groups;
        this.identities = identities;
        this.applications = applications;
        this.activity = activity;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Creates the identity, or replaces its tags; its location cannot change, as in ARM. */
    public Saved createOrUpdate(
            Caller caller,
            UUID subscriptionId,
            String resourceGroup,
            String name,
            String location,
            Map<String, String> tags) {
        return transactions.inTransaction(() -> {
            ResourceGroupScope scope = groupScope(caller, subscriptionId, resourceGroup);
            access.requireWrite(caller, scope);
            if (name == null || !NAME.matcher(name).matches()) {
                throw new InvalidRequestException(
                        ManagedIdentityError.INVALID_IDENTITY_NAME,
                        "The resource name '" + name + "' is invalid. A user-assigned identity's name has 3 to 128 "
                                + "letters, digits, hyphens and underscores and starts with a letter or digit.");
            }
            String where = location(location);
            Map<String, String> valid = Tags.validate(tags);
            Optional<ManagedIdentity> existing =
                    identities.find(subscriptionId, scope.name(), ManagedIdentity.Kind.USER_ASSIGNED, name);
            if (existing.isPresent()) {
                if (!existing.get().location().equals(where)) {
                    throw new InvalidRequestException(
                            SubscriptionError.LOCATION_IMMUTABLE,
                            "The identity '" + existing.get().name() + "' is in '"
                                    + existing.get().location() + "'; its location cannot be changed.");
                }
                ManagedIdentity changed = existing.get().withTags(valid);
                identities.updateTags(changed);
                record(caller, scope, changed, "write", "OK");
                return new Saved(changed, false);
            }
            ManagedIdentity created =
                    create(scope, subscriptionId, scope.name(), name, ManagedIdentity.Kind.USER_ASSIGNED, where, valid);
            record(caller, scope, created, "write", "Created");
            return new Saved(created, true);
        });
    }

    public ManagedIdentity get(Caller caller, UUID subscriptionId, String resourceGroup, String name) {
        return transactions.inTransaction(() -> {
            ResourceGroupScope scope = groupScope(caller, subscriptionId, resourceGroup);
            access.requireRead(caller, scope);
            return identities
                    .find(subscriptionId, scope.name(), ManagedIdentity.Kind.USER_ASSIGNED, name)
                    .orElseThrow(() -> notFound(scope.name(), name));
        });
    }

    /**
     * The user-assigned identities of the resource group, or of the subscription when {@code resourceGroup} is null;
     * in a subscription, those of the groups the caller may read.
     */
    public List<ManagedIdentity> list(Caller caller, UUID subscriptionId, String resourceGroup) {
        return transactions.inTransaction(() -> {
            if (resourceGroup != null) {
                ResourceGroupScope scope = groupScope(caller, subscriptionId, resourceGroup);
                access.requireRead(caller, scope);
                return identities.list(subscriptionId, scope.name(), ManagedIdentity.Kind.USER_ASSIGNED);
            }
            SubscriptionScope subscription = subscriptions.scope(caller, subscriptionId);
            return identities.list(subscriptionId, null, ManagedIdentity.Kind.USER_ASSIGNED).stream()
                    .filter(identity -> !access.rolesOf(caller, subscription.resourceGroup(identity.resourceGroup()))
                            .isEmpty())
                    .toList();
        });
    }

    /**
     * Deletes the identity and its service principal; role assignments naming it stay, as ARM leaves them. False when
     * there was none.
     */
    public boolean delete(Caller caller, UUID subscriptionId, String resourceGroup, String name) {
        return transactions.inTransaction(() -> {
            ResourceGroupScope scope = groupScope(caller, subscriptionId, resourceGroup);
            access.requireWrite(caller, scope);
            Optional<ManagedIdentity> identity =
                    identities.find(subscriptionId, scope.name(), ManagedIdentity.Kind.USER_ASSIGNED, name);
            identity.ifPresent(found -> {
                remove(found);
                record(caller, scope, found, "delete", "OK");
            });
            return identity.isPresent();
        });
    }

    /**
     * The user-assigned identity with ARM id {@code resourceId}, which the caller may attach to compute: Owner or
     * Contributor on its resource group (ARM's {@code assign/action}).
     */
    ManagedIdentity attachable(Caller caller, String resourceId) {
        ResourceIds.Parsed id = ResourceIds.parse(resourceId, ManagedIdentity.USER_ASSIGNED_TYPE)
                .orElseThrow(() -> new InvalidRequestException(
                        ManagedIdentityError.INVALID_IDENTITY,
                        "'" + resourceId + "' is not the resource id of a user-assigned identity, such as "
                                + "/subscriptions/{id}/resourceGroups/{group}/providers/"
                                + ManagedIdentity.USER_ASSIGNED_TYPE + "/{name}."));
        Optional<ManagedIdentity> identity =
                identities.find(id.subscriptionId(), id.resourceGroup(), ManagedIdentity.Kind.USER_ASSIGNED, id.name());
        if (identity.isEmpty()
                || access.rolesOf(
                                caller,
                                subscriptions
                                        .scope(Caller.system(), id.subscriptionId())
                                        .resourceGroup(identity.get().resourceGroup()))
                        .isEmpty()) {
            throw new InvalidRequestException(
                    ManagedIdentityError.USER_ASSIGNED_IDENTITY_NOT_FOUND,
                    "Resource '" + resourceId + "' was not found: create the user-assigned identity first.");
        }
        access.requireWrite(
                caller,
                subscriptions
                        .scope(Caller.system(), id.subscriptionId())
                        .resourceGroup(identity.get().resourceGroup()));
        return identity.get();
    }

    /**
     * Deletes every host and managed identity of a resource group being deleted, with their service principals, as ARM
     * deletes a group's resources (the caller checked access and holds the transaction).
     */
    public void forgetResourceGroup(ResourceGroupScope scope) {
        for (ComputeHost host : identities.listHosts(scope.subscriptionId(), scope.name())) {
            identities
                    .find(scope.subscriptionId(), scope.name(), ManagedIdentity.Kind.SYSTEM_ASSIGNED, host.name())
                    .ifPresent(this::remove);
            identities.deleteHost(scope.subscriptionId(), scope.name(), host.name());
        }
        identities
                .list(scope.subscriptionId(), scope.name(), ManagedIdentity.Kind.USER_ASSIGNED)
                .forEach(this::remove);
    }

    /**
     * What moving the subscription to another directory (R11) does to its managed identities, as Azure documents it
     * (system-assigned ones must be disabled and enabled again, user-assigned ones deleted, created again and attached
     * again): every identity's service principal in the old directory is deleted, with the role and app role
     * assignments it held, so none of them obtains a token any more. A host then shows no system-assigned identity
     * until its identity is turned on again, which creates a new one in the new directory; a user-assigned identity is
     * gone with its principal and is created again, then attached again. Returns how many identities were removed; the
     * caller holds the transaction.
     *
     * @see <a href="https://learn.microsoft.com/azure/role-based-access-control/transfer-subscription">Transfer an Azure
     *     subscription to a different Microsoft Entra directory</a>
     */
    @Override
    public int forgetForMove(UUID subscriptionId) {
        List<ManagedIdentity> all = identitiesOf(subscriptionId);
        all.forEach(this::remove);
        return all.size();
    }

    /** What {@link #forgetForMove} would reset: each identity's name, kind and resource group, for the confirmation. */
    @Override
    public List<String> namesForMove(UUID subscriptionId) {
        return identitiesOf(subscriptionId).stream()
                .map(identity -> identity.name() + " ("
                        + (identity.kind() == ManagedIdentity.Kind.SYSTEM_ASSIGNED
                                ? "system-assigned"
                                : "user-assigned")
                        + ", resource group " + identity.resourceGroup() + ")")
                .toList();
    }

    private List<ManagedIdentity> identitiesOf(UUID subscriptionId) {
        List<ManagedIdentity> all =
                new ArrayList<>(identities.list(subscriptionId, null, ManagedIdentity.Kind.SYSTEM_ASSIGNED));
        all.addAll(identities.list(subscriptionId, null, ManagedIdentity.Kind.USER_ASSIGNED));
        return all;
    }

    /** Creates a managed identity and its service principal in the directory of {@code scope}. */
    ManagedIdentity create(
            ResourceGroupScope scope,
            UUID subscriptionId,
            String resourceGroup,
            String name,
            ManagedIdentity.Kind kind,
            String location,
            Map<String, String> tags) {
        ManagedIdentity identity = new ManagedIdentity(
                NewIds.next(NewIds.Kind.SERVICE_PRINCIPAL),
                scope.tenantId(),
                NewIds.next(NewIds.Kind.APP_ID),
                subscriptionId,
                resourceGroup,
                name,
                kind,
                location,
                tags,
                clock.instant());
        applications.insertServicePrincipal(new ServicePrincipal(
                identity.principalId(),
                identity.tenantId(),
                identity.clientId(),
                name,
                identity.createdAt(),
                ServicePrincipalType.MANAGED_IDENTITY,
                identity.resourceId()));
        identities.insert(identity);
        return identity;
    }

    /** Deletes a managed identity and its service principal. */
    void remove(ManagedIdentity identity) {
        identities.delete(identity.principalId());
        applications.deleteServicePrincipal(identity.tenantId(), identity.principalId());
    }

    /** The scope of an existing resource group the caller may see the subscription of, named as stored. */
    ResourceGroupScope groupScope(Caller caller, UUID subscriptionId, String resourceGroup) {
        SubscriptionScope subscription = subscriptions.scope(caller, subscriptionId);
        ResourceGroup group = groups.find(subscriptionId, resourceGroup == null ? "" : resourceGroup)
                .orElse(null);
        if (group == null) {
            access.requireRead(caller, subscription.resourceGroup(resourceGroup));
            throw new NotFoundException(
                    SubscriptionError.RESOURCE_GROUP_NOT_FOUND,
                    "Resource group '" + resourceGroup + "' could not be found.");
        }
        return subscription.resourceGroup(group.name());
    }

    static String location(String location) {
        if (location == null || location.isBlank()) {
            throw new InvalidRequestException(
                    SubscriptionError.LOCATION_REQUIRED, "The resource needs a 'location', such as 'westeurope'.");
        }
        return Column.RESOURCE_GROUP_LOCATION.check(
                location.strip().replace(" ", "").toLowerCase(Locale.ROOT), "location");
    }

    void record(Caller caller, ResourceGroupScope scope, ManagedIdentity identity, String action, String status) {
        activity.record(
                caller,
                scope,
                ManagedIdentity.USER_ASSIGNED_TYPE + "/" + action,
                ManagedIdentity.USER_ASSIGNED_TYPE,
                identity.resourceId(),
                status);
    }

    private static NotFoundException notFound(String resourceGroup, String name) {
        return new NotFoundException(
                ManagedIdentityError.IDENTITY_NOT_FOUND,
                "The Resource '" + ManagedIdentity.USER_ASSIGNED_TYPE + "/" + name + "' under resource group '"
                        + resourceGroup + "' was not found.");
    }

    /** A saved identity, and whether the PUT created it. */
    public record Saved(ManagedIdentity identity, boolean created) {}
}
