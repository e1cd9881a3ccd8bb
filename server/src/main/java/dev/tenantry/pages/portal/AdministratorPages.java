package dev.tenantry.pages.portal;

import dev.tenantry.directory.User;
import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import dev.tenantry.pages.DirectoryViews;
import dev.tenantry.pages.FormFields;
import dev.tenantry.pages.PageSupport;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.ErrorCode;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.RequestError;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import dev.tenantry.subscriptions.BillingOwnershipTransfers;
import dev.tenantry.subscriptions.BillingTransfer;
import dev.tenantry.subscriptions.ClassicAdministrator;
import dev.tenantry.subscriptions.ClassicRole;
import dev.tenantry.subscriptions.CloudSubscription;
import dev.tenantry.subscriptions.SubscriptionAdministrators;
import dev.tenantry.subscriptions.SubscriptionService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The portal's "Administrators" tab of a cloud subscription and the pages of a billing ownership transfer (issue 10,
 * R4): change the service administrator, add and remove co-administrators, transfer billing ownership, and the
 * recipient's page to accept it. The services decide who may; the forms are shown to those who may.
 */
public final class AdministratorPages {

    private static final String TRANSFERS = "/portal/transfers";
    private static final int USERS_SHOWN = 100;

    private final PageSupport pages;
    private final DirectoryViews views;
    private final SubscriptionService subscriptions;
    private final SubscriptionAdministrators administrators;
    private final BillingOwnershipTransfers transfers;

    public AdministratorPages(
            PageSupport pages,
            DirectoryViews views,
            SubscriptionService subscriptions,
            SubscriptionAdministrators administrators,
            BillingOwnershipTransfers transfers) {
        this.pages = pages;
        this.views = views;
        this.subscriptions = subscriptions;
        this.administrators = administrators;
        this.transfers = transfers;
    }

    /** A page handler for a signed-in caller. */
    @FunctionalInterface
    private interface Action {
        void handle(Context ctx, Caller caller);
    }

    /** A change one form makes, given the user it picked. */
    @FunctionalInterface
    private interface Change {
        void apply(Caller caller, UUID subscriptionId, UserId userId);
    }

    public void register(RoutesConfig routes) {
        String base = SubscriptionTab.ADMINISTRATORS.route();
        routes.get(
                base, ctx -> signedIn(ctx, (c, caller) -> show(c, caller, PortalAdministratorsPage.FieldError.NONE)));
        form(
                routes,
                base + "/serviceAdministrator",
                PortalAdministratorsPage.SERVICE_ADMINISTRATOR,
                "service-administrator",
                administrators::changeServiceAdministrator);
        form(
                routes,
                base + "/coAdministrators",
                PortalAdministratorsPage.CO_ADMINISTRATOR,
                "co-administrator",
                administrators::addCoAdministrator);
        routes.post(base + "/coAdministrators/{userId}/remove", ctx -> posted(ctx, this::removeCoAdministrator));
        form(routes, base + "/transfers", PortalAdministratorsPage.RECIPIENT, "transfer", transfers::start);
        routes.get(TRANSFERS, ctx -> signedIn(ctx, this::waiting));
        routes.get(TRANSFERS + "/{transferId}", ctx -> signedIn(ctx, this::transfer));
        routes.post(TRANSFERS + "/{transferId}/accept", ctx -> posted(ctx, this::accept));
        routes.post(TRANSFERS + "/{transferId}/cancel", ctx -> posted(ctx, this::cancel));
    }

    /** A form that picks one user of the directory and applies {@code change} to it. */
    private void form(RoutesConfig routes, String path, String field, String done, Change change) {
        routes.post(path, ctx -> posted(ctx, (c, caller) -> change(c, caller, field, done, change)));
    }

    private void signedIn(Context ctx, Action action) {
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isPresent()) {
            action.handle(ctx, caller.get());
        }
    }

    private void posted(Context ctx, Action action) {
        pages.requireCsrf(ctx);
        signedIn(ctx, action);
    }

    private void show(Context ctx, Caller caller, PortalAdministratorsPage.FieldError fieldError) {
        CloudSubscription subscription = subscription(ctx, caller);
        List<ClassicAdministrator> listed = administrators.list(caller, subscription.id());
        boolean accountAdministrator = holds(caller, listed, ClassicRole.ACCOUNT_ADMINISTRATOR);
        boolean manage = accountAdministrator || holds(caller, listed, ClassicRole.SERVICE_ADMINISTRATOR);
        pages.render(
                ctx,
                "portal/administrators.jte",
                new PortalAdministratorsPage(
                        chrome(ctx),
                        nav(ctx, caller),
                        SubscriptionHeader.of(subscription, SubscriptionTab.ADMINISTRATORS),
                        listed.stream()
                                .map(a -> new PortalAdministratorsPage.Administrator(
                                        a.user().id().toString(),
                                        a.user().displayName(),
                                        a.user().userPrincipalName(),
                                        a.roles().stream()
                                                .sorted()
                                                .map(AdministratorPages::label)
                                                .reduce((x, y) -> x + ", " + y)
                                                .orElse(""),
                                        a.holds(ClassicRole.CO_ADMINISTRATOR)))
                                .toList(),
                        accountAdministrator,
                        manage,
                        manage ? choices(caller, subscription.tenantId()) : List.of(),
                        transferRows(caller, subscription),
                        fieldError,
                        notice(ctx)));
    }

    /** Applies one form's change; a refusal about the picked user is shown next to that form's field. */
    private void change(Context ctx, Caller caller, String field, String done, Change change) {
        UUID subscriptionId = subscriptionId(ctx);
        String picked = ctx.formParam("userId");
        try {
            if (picked == null || picked.isBlank()) {
                throw new InvalidRequestException(RequestError.MISSING_FIELD, "Choose a user.", "userId");
            }
            change.apply(caller, subscriptionId, new UserId(Ids.parseUuid(picked, "userId")));
        } catch (DomainException e) {
            FormFields fields = new FormFields(Map.of("userId", field, "recipientUserId", field));
            String shown = fields.fieldOf(e).orElse(kindShownOnPage(e) ? field : null);
            if (shown == null) {
                throw e;
            }
            show(ctx, caller, new PortalAdministratorsPage.FieldError(shown, e.getMessage()));
            ctx.status(
                    e.errorCode().kind() == ErrorCode.Kind.CONFLICT
                            ? HttpStatus.CONFLICT
                            : HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        done(ctx, SubscriptionTab.ADMINISTRATORS.href(subscriptionId), done);
    }

    private void removeCoAdministrator(Context ctx, Caller caller) {
        UUID subscriptionId = subscriptionId(ctx);
        UserId userId = new UserId(Ids.parseUuid(ctx.pathParam("userId"), "user id"));
        try {
            administrators.removeCoAdministrator(caller, subscriptionId, userId);
        } catch (DomainException e) {
            if (!kindShownOnPage(e)) {
                throw e;
            }
            show(ctx, caller, new PortalAdministratorsPage.FieldError("remove", e.getMessage()));
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        done(ctx, SubscriptionTab.ADMINISTRATORS.href(subscriptionId), "removed");
    }

    private void waiting(Context ctx, Caller caller) {
        List<PortalTransferPage.Waiting> waiting = transfers.pendingFor(caller).stream()
                .map(p -> new PortalTransferPage.Waiting(
                        p.transfer().id().toString(),
                        p.subscription().displayName(),
                        DirectoryViews.when(p.transfer().expiresAt())))
                .toList();
        pages.render(ctx, "portal/transfer.jte", PortalTransferPage.waiting(chrome(ctx), nav(ctx, caller), waiting));
    }

    private void transfer(Context ctx, Caller caller) {
        BillingOwnershipTransfers.Pending found = transfers.get(caller, transferId(ctx));
        BillingTransfer transfer = found.transfer();
        TenantId tenant = found.subscription().tenantId();
        boolean recipient = caller instanceof Caller.User user && user.userId().equals(transfer.recipientId());
        pages.render(
                ctx,
                "portal/transfer.jte",
                new PortalTransferPage(
                        chrome(ctx),
                        nav(ctx, caller),
                        transfer.id().toString(),
                        found.subscription().displayName(),
                        found.subscription().id().toString(),
                        name(caller, tenant, transfer.senderId()),
                        name(caller, tenant, transfer.recipientId()),
                        transfer.state().displayName(),
                        DirectoryViews.when(transfer.expiresAt()),
                        recipient,
                        transfer.state() == BillingTransfer.State.PENDING,
                        List.of()));
    }

    private void accept(Context ctx, Caller caller) {
        CloudSubscription subscription = transfers.accept(caller, transferId(ctx));
        done(ctx, SubscriptionTab.ADMINISTRATORS.href(subscription.id()), "accepted");
    }

    private void cancel(Context ctx, Caller caller) {
        BillingTransfer cancelled = transfers.cancel(caller, transferId(ctx));
        done(ctx, SubscriptionTab.ADMINISTRATORS.href(cancelled.subscriptionId()), "cancelled");
    }

    private List<PortalAdministratorsPage.Transfer> transferRows(Caller caller, CloudSubscription subscription) {
        return transfers.transfers(caller, subscription.id()).stream()
                .map(t -> new PortalAdministratorsPage.Transfer(
                        t.id().toString(),
                        name(caller, subscription.tenantId(), t.recipientId()),
                        t.state().displayName(),
                        DirectoryViews.when(t.expiresAt()),
                        t.state() == BillingTransfer.State.PENDING))
                .toList();
    }

    /** The directory's first users by name, to pick from; none when the caller may not list them. */
    private List<PortalAdministratorsPage.Choice> choices(Caller caller, TenantId tenant) {
        try {
            return views
                    .userService()
                    .listUsersByDisplayName(caller, tenant, List.of(), new PageRequest(null, USERS_SHOWN))
                    .items()
                    .stream()
                    .filter(User::accountEnabled)
                    .map(u -> new PortalAdministratorsPage.Choice(
                            u.id().toString(), u.displayName() + " (" + u.userPrincipalName() + ")"))
                    .toList();
        } catch (DomainException e) {
            return List.of();
        }
    }

    private String name(Caller caller, TenantId tenant, UserId userId) {
        try {
            User user = views.userService().getUser(caller, tenant, userId.toString());
            return user.displayName() + " (" + user.userPrincipalName() + ")";
        } catch (DomainException e) {
            return userId.toString();
        }
    }

    private static boolean holds(Caller caller, List<ClassicAdministrator> listed, ClassicRole role) {
        return caller instanceof Caller.User user
                && listed.stream().anyMatch(a -> a.user().id().equals(user.userId()) && a.holds(role));
    }

    /** Refusals a form shows on the page; not-found and access refusals get the error page. */
    private static boolean kindShownOnPage(DomainException e) {
        ErrorCode.Kind kind = e.errorCode().kind();
        return kind == ErrorCode.Kind.RULE_VIOLATION
                || kind == ErrorCode.Kind.CONFLICT
                || kind == ErrorCode.Kind.INVALID_REQUEST;
    }

    private static String label(ClassicRole role) {
        return switch (role) {
            case ACCOUNT_ADMINISTRATOR -> "Account administrator";
            case SERVICE_ADMINISTRATOR -> "Service administrator";
            case CO_ADMINISTRATOR -> "Co-administrator";
        };
    }

    private CloudSubscription subscription(Context ctx, Caller caller) {
        return subscriptions.getCloudSubscription(caller, subscriptionId(ctx));
    }

    private static UUID subscriptionId(Context ctx) {
        return Ids.parseUuid(ctx.pathParam("id"), "subscription id");
    }

    private static UUID transferId(Context ctx) {
        return Ids.parseUuid(ctx.pathParam("transferId"), "transfer id");
    }

    private static void done(Context ctx, String path, String what) {
        ctx.redirect(path + "?done=" + what, HttpStatus.SEE_OTHER);
    }

    private static String notice(Context ctx) {
        String done = ctx.queryParam("done");
        return switch (done == null ? "" : done) {
            case "service-administrator" -> "The service administrator was changed.";
            case "co-administrator" -> "The co-administrator was added. They hold the Owner role.";
            case "removed" -> "The co-administrator was removed, with the Owner role it gave.";
            case "transfer" -> "The transfer was sent. The recipient accepts it on its page within 7 days.";
            case "cancelled" -> "The transfer was cancelled.";
            case "accepted" -> "You are now the account administrator of this subscription.";
            default -> null;
        };
    }

    private ConsoleNav nav(Context ctx, Caller caller) {
        return PortalSection.CONSOLE.nav(
                PortalSection.SUBSCRIPTIONS,
                views.switcher(caller, pages.session(ctx).tenantId(), "/portal"));
    }

    private Chrome chrome(Context ctx) {
        return pages.chrome(ctx, Chrome.Console.PORTAL);
    }
}
