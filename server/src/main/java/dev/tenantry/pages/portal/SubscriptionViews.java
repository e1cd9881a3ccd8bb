package dev.tenantry.pages.portal;

import dev.tenantry.directory.Tenant;
import dev.tenantry.directory.User;
import dev.tenantry.directory.tenants.TenantService;
import dev.tenantry.directory.users.UserService;
import dev.tenantry.pages.DirectoryViews;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.subscriptions.CloudSubscription;
import dev.tenantry.subscriptions.Offer;
import dev.tenantry.subscriptions.SubscriptionService;
import dev.tenantry.web.PageTokens;
import java.util.List;
import java.util.Optional;

/** Reads the portal's subscription list: what the caller can see, described with its directory, offer and owner. */
final class SubscriptionViews {

    static final String PATH = "/portal/subscriptions";
    private static final String PURPOSE = "pages.subscriptions";

    private final SubscriptionService subscriptions;
    private final TenantService tenants;
    private final UserService users;
    private final PageTokens tokens;

    SubscriptionViews(SubscriptionService subscriptions, TenantService tenants, UserService users, PageTokens tokens) {
        this.subscriptions = subscriptions;
        this.tenants = tenants;
        this.users = users;
        this.tokens = tokens;
    }

    record Listing(List<PortalSubscriptionsPage.Row> rows, String nextHref) {}

    Listing visible(Caller caller, String position) {
        String after = position == null || position.isBlank() ? null : tokens.open(PURPOSE, position);
        Page<CloudSubscription> page =
                subscriptions.visibleCloudSubscriptions(caller, new PageRequest(after, DirectoryViews.PAGE_SIZE));
        List<PortalSubscriptionsPage.Row> rows =
                page.items().stream().map(s -> row(caller, s)).toList();
        String next =
                page.hasNext() ? PATH + "?page=" + DirectoryViews.encode(tokens.seal(PURPOSE, page.nextAfter())) : null;
        return new Listing(rows, next);
    }

    /** The subscription {@code id} names, when the caller may read it; otherwise it does not exist for the caller. */
    CloudSubscription get(Caller caller, String id) {
        return subscriptions.getCloudSubscription(caller, Ids.parseUuid(id, "subscription id"));
    }

    PortalSubscriptionsPage.Row row(Caller caller, CloudSubscription s) {
        Optional<Tenant> home = tenants.findTenant(s.tenantId().toString());
        User admin =
                users.getUser(caller, s.tenantId(), s.accountAdministrator().toString());
        String offerName = subscriptions
                .catalog()
                .offer(s.offerId())
                .map(Offer::displayName)
                .orElse(s.offerId());
        return new PortalSubscriptionsPage.Row(
                s.id().toString(),
                s.displayName(),
                home.map(Tenant::displayName).orElse("—"),
                home.map(Tenant::initialDomain).orElse("—"),
                s.offerId(),
                offerName,
                s.state().armName(),
                admin.displayName(),
                admin.userPrincipalName());
    }
}
