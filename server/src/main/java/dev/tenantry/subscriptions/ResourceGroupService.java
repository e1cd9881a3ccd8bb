package dev.tenantry.subscriptions;

import dev.tenantry.access.AccessService;
import dev.tenantry.access.ActivityLog;
import dev.tenantry.access.ResourceGroupScope;
import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Column;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.Transactions;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Resource groups in a cloud subscription: any role on the subscription or on the group reads it, Owner or Contributor
 * there writes it (a Contributor on one group cannot create another). Changes go to the subscription's activity log.
 */
public final class ResourceGroupService {

    private static final String TYPE = "Microsoft.Resources/subscriptions/resourceGroups";
    private static final Pattern NAME = Pattern.compile("^[-\\w._()]{1,90}$", Pattern.UNICODE_CHARACTER_CLASS);

    private final SubscriptionService subscriptions;
    private final AccessService access;
    private final ResourceGroupRepository groups;
    private final ActivityLog activity;
    private final Transactions transactions;
    private final Clock clock;
    private final Consumer<ResourceGroupScope> contents;

    public ResourceGroupService(
            SubscriptionService subscriptions,
            AccessService access,
            ResourceGroupRepository groups,
            ActivityLog activity,
            Transactions transactions,
            Clock clock) {
        this(subscriptions, access, groups, activity, transactions, clock, scope -> {});
    }

    /**
     * As above; deleting a group also deletes what {@code contents} keeps in it (managed identities and hosts, issue
     * 11), in the same transaction, as ARM deletes a group's resources with it.
     */
    public ResourceGroupService(
            SubscriptionService subscriptions,
            AccessService access,
            ResourceGroupRepository groups,
            ActivityLog activity,
            Transactions transactions,
            Clock clock,
            Consumer<ResourceGroupScope> contents) {
        this.contents = contents;
        this.subscriptions = subscriptions;
        this.access = access;
        this.groups = groups;
        this.activity = activity;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The groups the caller may read: all of them with a role on the subscription, else those it has a role on. */
    public List<ResourceGroup> list(Caller caller, UUID subscriptionId) {
        SubscriptionScope scope = subscriptions.scope(caller, subscriptionId);
        return groups.list(subscriptionId).stream()
                .filter(group -> !access.rolesOf(caller, scope.resourceGroup(group.name()))
                        .isEmpty())
                .toList();
    }

    public ResourceGroup get(Caller caller, UUID subscriptionId, String name) {
        return transactions.inTransaction(() -> {
            SubscriptionScope scope = subscriptions.scope(caller, subscriptionId);
            ResourceGroup group = groups.find(subscriptionId, name).orElse(null);
            access.requireRead(caller, scope.resourceGroup(group == null ? name : group.name()));
            if (group == null) {
                throw notFound(name);
            }
            return group;
        });
    }

    /**
     * The access scope of an existing group the caller may read, named as it is stored: what role assignments at the
     * group are made at. A group that does not exist is {@code ResourceGroupNotFound}.
     */
    public ResourceGroupScope scope(Caller caller, UUID subscriptionId, String name) {
        ResourceGroup group = get(caller, subscriptionId, name);
        return subscriptions.scope(caller, subscriptionId).resourceGroup(group.name());
    }

    /** Creates the group, or updates its tags; the location of an existing group cannot change, as in ARM. */
    public Saved createOrUpdate(
            Caller caller, UUID subscriptionId, String name, String location, Map<String, String> tags) {
        return transactions.inTransaction(() -> {
            SubscriptionScope subscription = subscriptions.scope(caller, subscriptionId);
            validateName(name);
            var existing = groups.find(subscriptionId, name);
            ResourceGroupScope scope =
                    subscription.resourceGroup(existing.map(ResourceGroup::name).orElse(name));
            access.requireWrite(caller, scope);
            if (location == null || location.isBlank()) {
                throw new InvalidRequestException(
                        SubscriptionError.LOCATION_REQUIRED,
                        "A resource group needs a 'location', such as 'westeurope'.");
            }
            String normalised = Column.RESOURCE_GROUP_LOCATION.check(
                    location.strip().replace(" ", "").toLowerCase(Locale.ROOT), "location");
            Map<String, String> valid = Tags.validate(tags);
            if (existing.isPresent() && !existing.get().location().equals(normalised)) {
                throw new InvalidRequestException(
                        SubscriptionError.LOCATION_IMMUTABLE,
                        "Resource group '" + existing.get().name() + "' is in '"
                                + existing.get().location() + "'; its location cannot be changed.");
            }
            ResourceGroup group = new ResourceGroup(
                    subscriptionId,
                    existing.map(ResourceGroup::name).orElse(name),
                    normalised,
                    valid,
                    existing.map(ResourceGroup::createdAt).orElse(clock.instant()));
            boolean created = groups.upsert(group);
            activity.record(caller, scope, TYPE + "/write", TYPE, scope.path(), created ? "Created" : "OK");
            return new Saved(group, created);
        });
    }

    /** Deletes the group and the role assignments made at it, as ARM does; Owner or Contributor on the group. */
    public void delete(Caller caller, UUID subscriptionId, String name) {
        transactions.run(() -> {
            SubscriptionScope subscription = subscriptions.scope(caller, subscriptionId);
            var existing = groups.find(subscriptionId, name);
            ResourceGroupScope scope =
                    subscription.resourceGroup(existing.map(ResourceGroup::name).orElse(name));
            access.requireWrite(caller, scope);
            if (existing.isEmpty() || !groups.delete(subscriptionId, name)) {
                throw notFound(name);
            }
            access.forgetResourceGroup(scope);
            contents.accept(scope);
            activity.record(caller, scope, TYPE + "/delete", TYPE, scope.path(), "OK");
        });
    }

    private static void validateName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.endsWith(".")) {
            throw new InvalidRequestException(
                    SubscriptionError.INVALID_RESOURCE_GROUP_NAME,
                    "Resource group names have 1 to 90 letters, digits, underscores, parentheses, hyphens and periods, "
                            + "and do not end in a period.");
        }
        Column.RESOURCE_GROUP_NAME_KEY.checkKey(ResourceGroup.key(name), "name");
    }

    private static NotFoundException notFound(String name) {
        return new NotFoundException(
                SubscriptionError.RESOURCE_GROUP_NOT_FOUND, "Resource group '" + name + "' could not be found.");
    }

    /** A saved group, and whether the PUT created it. */
    public record Saved(ResourceGroup group, boolean created) {}
}
