package dev.tenantry.subscriptions;

import dev.tenantry.access.AccessError;
import dev.tenantry.access.AccessService;
import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.DirectoryAccess;
import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.Text;
import dev.tenantry.directory.User;
import dev.tenantry.directory.tenants.TenantService;
import dev.tenantry.directory.users.UserService;
import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Column;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NewIds;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.RequestError;
import dev.tenantry.shared.RuleViolationException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Sign-up and ordering: the use cases that create subscriptions under a directory, and reading them back. */
public final class SubscriptionService {

    private final Catalog catalog;
    /** R6: who may buy a suite subscription with an existing account. */
    static final Set<DirectoryRoleTemplate> SUITE_BUYERS =
            Set.of(DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR, DirectoryRoleTemplate.BILLING_ADMINISTRATOR);

    private final TenantService tenants;
    private final UserService users;
    private final DirectoryAccess directoryAccess;
    private final AccessService access;
    private final CloudSubscriptionRepository clouds;
    private final SuiteSubscriptionRepository suites;
    private final BillingProfileRepository billing;
    private final LicenceRepository licences;
    private final Transactions transactions;
    private final Clock clock;

    public SubscriptionService(
            Catalog catalog,
            TenantService tenants,
            UserService users,
            DirectoryAccess directoryAccess,
            AccessService access,
            CloudSubscriptionRepository clouds,
            SuiteSubscriptionRepository suites,
            BillingProfileRepository billing,
            LicenceRepository licences,
            Transactions transactions,
            Clock clock) {
        this.catalog = catalog;
        this.tenants = tenants;
        this.users = users;
        this.directoryAccess = directoryAccess;
        this.access = access;
        this.clouds = clouds;
        this.suites = suites;
        this.billing = billing;
        this.licences = licences;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Catalog catalog() {
        return catalog;
    }

    /**
     * R8: a sign-up with no account makes a directory, its first user (Global Administrator) and the first
     * subscription, all or nothing. R12: enterprise-agreement offers are refused.
     */
    public SignUpResult signUp(SignUp signUp) {
        Product product = product(signUp.product());
        validateBilling(signUp.billingProfile());
        return transactions.inTransaction(() -> {
            CreatedDirectory created = tenants.createDirectory(
                    signUp.organization(), signUp.countryCode(), signUp.domainPrefix(), signUp.admin());
            Subscription subscription =
                    switch (product) {
                        case Product.CloudOffer cloud ->
                            newCloud(created.tenant().id(), created.admin(), cloud.offer(), null);
                        case Product.SuiteSku suite ->
                            newSuite(created.tenant().id(), suite.sku(), signUp.seats(), true);
                    };
            storeBilling(created.tenant().id(), subscription.id(), signUp.billingProfile());
            return new SignUpResult(created.tenant(), created.admin(), subscription);
        });
    }

    /**
     * R3 and R7: a signed-in user of any role signs up for a cloud subscription; it lands in the user's home
     * directory with the user as account administrator (R4) and Owner.
     */
    public CloudSubscription createCloudSubscription(
            Caller caller, String offerId, String displayName, BillingDetails billingDetails) {
        Caller.User user = requireUser(caller, "sign up for a cloud subscription");
        Offer offer = selfServiceOffer(catalog.requireOffer(offerId));
        validateBilling(billingDetails);
        return transactions.inTransaction(() -> {
            User account = users.getUser(
                    Caller.system(), user.tenantId(), user.userId().toString());
            CloudSubscription subscription = newCloud(user.tenantId(), account, offer, displayName);
            storeBilling(user.tenantId(), subscription.id(), billingDetails);
            return subscription;
        });
    }

    /**
     * R6 and R5: a Global or Billing Administrator buys a suite subscription with an existing account; it lands in
     * the caller's directory, owned by the directory. Anyone else is refused and nothing is created. An order that
     * does not say ({@code trial} null) is a trial, as the store offers suites.
     */
    public SuiteSubscription buySuiteSubscription(Caller caller, String skuPartNumber, Integer seats, Boolean trial) {
        Caller.User user = requireUser(caller, "buy a suite subscription");
        Sku sku = catalog.requireSku(skuPartNumber);
        return transactions.inTransaction(() -> {
            directoryAccess.requireUserWithRole(
                    caller,
                    user.tenantId(),
                    SUITE_BUYERS,
                    "buy a suite subscription",
                    "Buying a subscription needs a signed-in Global Administrator or Billing Administrator.");
            return newSuite(user.tenantId(), sku, seats, trial == null || trial);
        });
    }

    /** The cloud subscriptions on which the caller holds a role, keyset-paged by id. */
    public Page<CloudSubscription> visibleCloudSubscriptions(Caller caller, PageRequest page) {
        Set<UUID> ids = access.subscriptionsOf(caller);
        UUID after = page.after() == null ? null : Ids.parseUuid(page.after(), "page position");
        List<CloudSubscription> fetched = ids.isEmpty() ? List.of() : clouds.findByIds(ids, after, page.size() + 1);
        return Page.of(fetched, page.size(), s -> s.id().toString());
    }

    /**
     * A cloud subscription the caller holds a role in (on it or on one of its resource groups, as ARM lists it);
     * otherwise it does not exist for the caller.
     */
    public CloudSubscription getCloudSubscription(Caller caller, UUID subscriptionId) {
        CloudSubscription subscription = clouds.findById(subscriptionId).orElseThrow(() -> notFound(subscriptionId));
        access.requireVisible(caller, scopeOf(subscription));
        return subscription;
    }

    /** The scope of a subscription the caller may read, for checks on things inside it. */
    public SubscriptionScope scope(Caller caller, UUID subscriptionId) {
        return scopeOf(getCloudSubscription(caller, subscriptionId));
    }

    /** The directory's suite subscriptions (Graph subscribedSkus, the admin center's billing page). */
    public List<SuiteSubscription> suiteSubscriptions(Caller caller, TenantId tenantId) {
        directoryAccess.requireReadOrganization(caller, tenantId);
        return suites.byTenant(tenantId);
    }

    /** One of the directory's suite subscriptions, e.g. for its order receipt. */
    public SuiteSubscription getSuiteSubscription(Caller caller, TenantId tenantId, UUID id) {
        directoryAccess.requireReadOrganization(caller, tenantId);
        return suites.findById(tenantId, id).orElseThrow(() -> suiteNotFound(id));
    }

    /** The refusal for a suite subscription the directory does not have. */
    static NotFoundException suiteNotFound(UUID id) {
        return new NotFoundException(
                AccessError.SUBSCRIPTION_NOT_FOUND, "There is no subscription '" + id + "' in this directory.");
    }

    /**
     * What the directory holds of each SKU it bought, its deleted subscriptions left out, with the licences its users
     * hold as consumed units (Graph subscribedSkus).
     */
    public List<SubscribedSku> subscribedSkus(Caller caller, TenantId tenantId) {
        Map<UUID, Integer> consumed = licences.assignedBySku(tenantId);
        Map<UUID, List<SuiteSubscription>> bySku = suiteSubscriptions(caller, tenantId).stream()
                .filter(s -> s.state() != SuiteSubscription.State.DELETED)
                .collect(Collectors.groupingBy(SuiteSubscription::skuId, LinkedHashMap::new, Collectors.toList()));
        return bySku.values().stream()
                .map(group -> SubscribedSku.of(
                        group, catalog, consumed.getOrDefault(group.get(0).skuId(), 0)))
                .toList();
    }

    /** The directory's cloud subscriptions, for its administrators' views. */
    public List<CloudSubscription> cloudSubscriptionsOf(Caller caller, TenantId tenantId) {
        directoryAccess.requireReadOrganization(caller, tenantId);
        return clouds.byTenant(tenantId).stream()
                .filter(s -> s.state() != CloudSubscription.State.DELETED)
                .toList();
    }

    private CloudSubscription newCloud(TenantId tenantId, User accountAdmin, Offer offer, String displayName) {
        String name = displayName == null || displayName.isBlank()
                ? offer.displayName()
                : Text.required(displayName, "displayName", Column.CLOUD_SUBSCRIPTION_DISPLAY_NAME);
        Instant now = clock.instant();
        CloudSubscription subscription = new CloudSubscription(
                NewIds.next(NewIds.Kind.CLOUD_SUBSCRIPTION),
                tenantId,
                name,
                offer.id(),
                CloudSubscription.State.ENABLED,
                accountAdmin.id(),
                now,
                CloudLifecycle.isFreeTrial(offer) ? CloudLifecycle.trialEnd(now) : null);
        clouds.insert(subscription);
        access.grantOwner(scopeOf(subscription), accountAdmin.id().value());
        return subscription;
    }

    private SuiteSubscription newSuite(TenantId tenantId, Sku sku, Integer requestedSeats, boolean trial) {
        int seats = Seats.require(sku, requestedSeats, trial);
        Instant now = clock.instant();
        SuiteSubscription subscription = new SuiteSubscription(
                NewIds.next(NewIds.Kind.SUITE_SUBSCRIPTION),
                tenantId,
                sku.skuId(),
                sku.partNumber(),
                seats,
                0,
                0,
                SuiteSubscription.State.ENABLED,
                trial,
                trial ? now.plus(Duration.ofDays(sku.trialDays())) : null,
                now);
        suites.insert(subscription);
        return subscription;
    }

    private Product product(String product) {
        if (product == null || product.isBlank()) {
            throw new InvalidRequestException(
                    RequestError.MISSING_FIELD,
                    "'product' is required: a cloud offer id (such as MS-AZR-0044P) or a suite SKU "
                            + "part number (such as ENTERPRISEPACK).");
        }
        if (catalog.isOffer(product)) {
            return new Product.CloudOffer(selfServiceOffer(catalog.requireOffer(product)));
        }
        return new Product.SuiteSku(catalog.requireSku(product));
    }

    /** R12: enterprise-agreement offers are never sold through self-service sign-up. */
    private static Offer selfServiceOffer(Offer offer) {
        if (!offer.selfService()) {
            throw new RuleViolationException(
                    SubscriptionError.OFFER_NOT_SELF_SERVICE,
                    "The offer " + offer.id() + " (" + offer.displayName() + ") is sold only through an enterprise "
                            + "agreement, not by self-service sign-up. Choose a self-service offer such as MS-AZR-0044P "
                            + "or MS-AZR-0003P.");
        }
        return offer;
    }

    private void validateBilling(BillingDetails details) {
        if (details != null) {
            details.validate(BillingDetails.currentMonth(clock));
        }
    }

    private void storeBilling(TenantId tenantId, UUID subscriptionId, BillingDetails details) {
        if (details != null) {
            billing.insert(tenantId, details.toProfile(subscriptionId));
        }
    }

    static Caller.User requireUser(Caller caller, String action) {
        if (caller instanceof Caller.User user) {
            return user;
        }
        throw new AccessDeniedException(
                SubscriptionError.USER_REQUIRED,
                "Only a signed-in user can " + action + "; use a user's token, not an application's.");
    }

    private static SubscriptionScope scopeOf(CloudSubscription subscription) {
        return new SubscriptionScope(subscription.tenantId(), subscription.id());
    }

    private static NotFoundException notFound(UUID subscriptionId) {
        return new NotFoundException(
                AccessError.SUBSCRIPTION_NOT_FOUND, "The subscription '" + subscriptionId + "' could not be found.");
    }

    /** What a sign-up's {@code product} names. */
    private sealed interface Product {
        record CloudOffer(Offer offer) implements Product {}

        record SuiteSku(Sku sku) implements Product {}
    }
}
