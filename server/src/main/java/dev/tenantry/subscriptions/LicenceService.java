package dev.tenantry.subscriptions;

import dev.tenantry.directory.DirectoryAccess;
import dev.tenantry.directory.User;
import dev.tenantry.directory.users.UserService;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.RequestError;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.Transactions;
import dev.tenantry.shared.UserId;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** R13: licences of the directory's suite subscriptions, assigned directly to its users (Graph's assignLicense). */
public final class LicenceService {

    private final Catalog catalog;
    private final UserService users;
    private final DirectoryAccess directoryAccess;
    private final SuiteSubscriptionRepository suites;
    private final LicenceRepository licences;
    private final Transactions transactions;
    private final Clock clock;

    public LicenceService(
            Catalog catalog,
            UserService users,
            DirectoryAccess directoryAccess,
            SuiteSubscriptionRepository suites,
            LicenceRepository licences,
            Transactions transactions,
            Clock clock) {
        this.catalog = catalog;
        this.users = users;
        this.directoryAccess = directoryAccess;
        this.suites = suites;
        this.licences = licences;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A licence to add: a SKU id and the ids of its service plans to turn off, as Graph's {@code addLicenses}. */
    public record AddLicence(String skuId, List<String> disabledPlans) {}

    /**
     * R13: adds and removes licences of the user (by id or UPN) in one transaction, all or nothing. Only a caller who
     * may manage users may; the user must be of the directory, have a usage location, and every added SKU must be
     * the directory's with a free enabled seat. The SKU's subscriptions are locked before their seats are counted, so
     * concurrent assignments never hand out more seats than are enabled.
     */
    public User assignLicense(
            Caller caller, TenantId tenantId, String userIdOrUpn, List<AddLicence> add, List<String> remove) {
        Objects.requireNonNull(add, "add");
        Objects.requireNonNull(remove, "remove");
        Map<UUID, List<UUID>> added = new LinkedHashMap<>();
        add.forEach(licence -> added.put(skuId(licence.skuId()), planIds(licence.disabledPlans())));
        List<UUID> removed = remove.stream().map(LicenceService::skuId).toList();
        return transactions.inTransaction(() -> {
            directoryAccess.requireManageUsers(caller, tenantId);
            User user = users.getUser(caller, tenantId, userIdOrUpn);
            removed.forEach(skuId -> licences.remove(tenantId, user.id(), skuId));
            if (added.isEmpty()) {
                return user;
            }
            if (user.usageLocation() == null || user.usageLocation().isBlank()) {
                throw new InvalidRequestException(
                        SubscriptionError.USAGE_LOCATION_REQUIRED,
                        "License assignment cannot be done for user with invalid usage location.");
            }
            // a fixed order of locks, so two assignments of the same SKUs never wait on each other in a cycle
            for (UUID skuId :
                    added.keySet().stream().sorted(Comparator.naturalOrder()).toList()) {
                List<SuiteSubscription> owned = suites.lockBySku(tenantId, skuId).stream()
                        .filter(s -> s.state() != SuiteSubscription.State.DELETED)
                        .toList();
                if (owned.isEmpty()) {
                    throw new InvalidRequestException(
                            SubscriptionError.LICENSE_NOT_OWNED,
                            "License " + skuId + " does not correspond to a valid company License.");
                }
                requirePlansOf(skuId, added.get(skuId));
                // read after the lock: a concurrent assignment to the same user has committed by now
                boolean held = licences.byUser(tenantId, user.id()).stream()
                        .anyMatch(licence -> licence.skuId().equals(skuId));
                if (!held) {
                    requireFreeSeat(tenantId, skuId, owned);
                }
                licences.save(new LicenceAssignment(tenantId, user.id(), skuId, added.get(skuId), clock.instant()));
            }
            return user;
        });
    }

    /** The user's licences (Graph's {@code assignedLicenses} and {@code licenseDetails}), ordered by SKU id. */
    public List<LicenceAssignment> licencesOf(Caller caller, TenantId tenantId, String userIdOrUpn) {
        User user = users.getUser(caller, tenantId, userIdOrUpn);
        return withStanding(standings(tenantId), licences.byUser(tenantId, user.id()));
    }

    /** The licences of users the caller has already read, for a list that shows them ({@code $select}). */
    public Map<UserId, List<LicenceAssignment>> licencesOf(Caller caller, TenantId tenantId, List<User> listed) {
        directoryAccess.requireReadUsers(caller, tenantId);
        Map<UserId, List<LicenceAssignment>> held = new LinkedHashMap<>();
        Map<UUID, SuiteSubscription.State> standings = standings(tenantId);
        listed.forEach(user -> held.put(user.id(), withStanding(standings, licences.byUser(tenantId, user.id()))));
        return held;
    }

    /** The standing of each SKU the directory holds a subscription of, its deleted subscriptions left out. */
    private Map<UUID, SuiteSubscription.State> standings(TenantId tenantId) {
        return suites.byTenant(tenantId).stream()
                .filter(s -> s.state() != SuiteSubscription.State.DELETED)
                .collect(Collectors.groupingBy(SuiteSubscription::skuId))
                .entrySet()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> SubscribedSku.standingOf(e.getValue())));
    }

    /** The licences with the standing of their SKUs (a SKU with no subscription left: Deleted). */
    private static List<LicenceAssignment> withStanding(
            Map<UUID, SuiteSubscription.State> standings, List<LicenceAssignment> held) {
        return held.stream()
                .map(licence ->
                        licence.standing(standings.getOrDefault(licence.skuId(), SuiteSubscription.State.DELETED)))
                .toList();
    }

    /** The catalog's SKU of a licence, for its part number and service plans. */
    public Optional<Sku> sku(UUID skuId) {
        return catalog.skuById(skuId);
    }

    private void requireFreeSeat(TenantId tenantId, UUID skuId, List<SuiteSubscription> owned) {
        int enabled = owned.stream().mapToInt(SuiteSubscription::seatsEnabled).sum();
        int assigned = licences.assignedBySku(tenantId).getOrDefault(skuId, 0);
        if (assigned >= enabled) {
            throw new InvalidRequestException(
                    SubscriptionError.NO_AVAILABLE_LICENSES,
                    "Subscription with SKU " + skuId + " does not have any available licenses.");
        }
    }

    private void requirePlansOf(UUID skuId, List<UUID> disabledPlans) {
        List<UUID> plans = catalog.skuById(skuId).map(Sku::servicePlans).orElse(List.of()).stream()
                .map(ServicePlan::id)
                .toList();
        for (UUID plan : disabledPlans) {
            if (!plans.contains(plan)) {
                throw new InvalidRequestException(
                        SubscriptionError.UNKNOWN_SERVICE_PLAN,
                        "The service plan " + plan + " in disabledPlans is not a service plan of SKU " + skuId + ".",
                        "disabledPlans");
            }
        }
    }

    private static UUID skuId(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException(RequestError.MISSING_FIELD, "Each licence needs a 'skuId'.", "skuId");
        }
        return Ids.parseUuid(text, "skuId");
    }

    private static List<UUID> planIds(List<String> disabledPlans) {
        return disabledPlans == null
                ? List.of()
                : disabledPlans.stream()
                        .map(plan -> Ids.parseUuid(plan, "disabledPlans"))
                        .distinct()
                        .toList();
    }
}
