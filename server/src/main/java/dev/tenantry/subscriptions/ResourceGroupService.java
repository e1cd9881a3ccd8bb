package dev.tenantry.subscriptions;

import dev.tenantry.access.AccessService;
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
import java.util.regex.Pattern;

/** Resource groups in a cloud subscription: any role reads them, Owner or Contributor writes them. */
public final class ResourceGroupService {

    private static final Pattern NAME = Pattern.compile("^[-\\w._()]{1,90}$", Pattern.UNICODE_CHARACTER_CLASS);

    private final SubscriptionService subscriptions;
    private final AccessService access;
    private final ResourceGroupRepository groups;
    private final Transactions transactions;
    private final Clock clock;

    public ResourceGroupService(
            SubscriptionService subscriptions,
            AccessService access,
            ResourceGroupRepository groups,
            Transactions transactions,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.access = access;
        this.groups = groups;
        this.transactions = transactions;
        this.clock = clock;
    }

    public List<ResourceGroup> list(Caller caller, UUID subscriptionId) {
        subscriptions.scope(caller, subscriptionId);
        return groups.list(subscriptionId);
    }

    public ResourceGroup get(Caller caller, UUID subscriptionId, String name) {
        subscriptions.scope(caller, subscriptionId);
        return groups.find(subscriptionId, name).orElseThrow(() -> notFound(name));
    }

    /** Creates the group, or updates its tags; the location of an existing group cannot change, as in ARM. */
    public Saved createOrUpdate(
            Caller caller, UUID subscriptionId, String name, String location, Map<String, String> tags) {
        return transactions.inTransaction(() -> {
            SubscriptionScope scope = subscriptions.scope(caller, subscriptionId);
            access.requireWrite(caller, scope);
            validateName(name);
            if (location == null || location.isBlank()) {
                throw new InvalidRequestException(
                        SubscriptionError.LOCATION_REQUIRED,
                        "A resource group needs a 'location', such as 'westeurope'.");
            }
            String normalised = Column.RESOURCE_GROUP_LOCATION.check(
                    location.strip().replace(" ", "").toLowerCase(Locale.ROOT), "location");
            Map<String, String> valid = Tags.validate(tags);
            var existing = groups.find(subscriptionId, name);
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
            return new Saved(group, created);
        });
    }

    public void delete(Caller caller, UUID subscriptionId, String name) {
        transactions.run(() -> {
            SubscriptionScope scope = subscriptions.scope(caller, subscriptionId);
            access.requireWrite(caller, scope);
            if (!groups.delete(subscriptionId, name)) {
                throw notFound(name);
            }
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
