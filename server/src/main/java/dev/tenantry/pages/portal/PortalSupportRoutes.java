package dev.tenantry.pages.portal;

import dev.tenantry.pages.DirectoryViews;
import dev.tenantry.pages.PageSupport;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.ErrorCode;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.RequestError;
import dev.tenantry.subscriptions.CloudSubscription;
import dev.tenantry.subscriptions.NewSupportTicket;
import dev.tenantry.subscriptions.SubscriptionService;
import dev.tenantry.subscriptions.SupportService;
import dev.tenantry.subscriptions.SupportTicket;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * The portal's "Support" tab of a cloud subscription (issue 10): its support requests, a form to open one (problem
 * type, severity A/B/C, title, description, contact) and each request's page. The service decides who may.
 */
public final class PortalSupportRoutes {

    private final SubscriptionPages pages;
    private final SupportService support;

    public PortalSupportRoutes(
            PageSupport pages, DirectoryViews views, SubscriptionService subscriptions, SupportService support) {
        this.pages = new SubscriptionPages(pages, views, subscriptions);
        this.support = support;
    }

    public void register(RoutesConfig routes) {
        String tab = SubscriptionTab.SUPPORT.route();
        routes.get(tab, ctx -> pages.signedIn(ctx, (c, caller, s) -> list(c, caller, s, SupportPage.Form.EMPTY, null)));
        routes.post(tab, ctx -> pages.posted(ctx, this::open));
        routes.get(tab + "/{name}", ctx -> pages.signedIn(ctx, this::view));
    }

    private void list(
            Context ctx, Caller caller, CloudSubscription subscription, SupportPage.Form form, DomainException error) {
        pages.pages()
                .render(
                        ctx,
                        "portal/support.jte",
                        new SupportPage(
                                pages.chrome(ctx),
                                pages.nav(ctx, caller),
                                SubscriptionHeader.of(subscription, SubscriptionTab.SUPPORT),
                                support.list(caller, subscription.id()),
                                SupportService.PROBLEM_TYPES,
                                form,
                                error == null ? null : error.getMessage(),
                                error == null ? null : error.field().orElse(null)));
    }

    private void open(Context ctx, Caller caller, CloudSubscription subscription) {
        SupportPage.Form form = new SupportPage.Form(
                value(ctx, "problemType"),
                value(ctx, "severity"),
                value(ctx, "title"),
                value(ctx, "description"),
                value(ctx, "firstName"),
                value(ctx, "lastName"),
                value(ctx, "email"),
                value(ctx, "contactMethod"),
                value(ctx, "phone"));
        Optional<SupportService.ProblemType> type = SupportService.PROBLEM_TYPES.stream()
                .filter(t -> t.key().equals(form.problemType()))
                .findFirst();
        String name = SupportService.newName();
        try {
            if (type.isEmpty()) {
                throw new InvalidRequestException(
                        RequestError.MISSING_FIELD, "Choose the type of your problem.", "problemType");
            }
            SupportTicket ticket = support.open(
                    caller,
                    subscription.id(),
                    name,
                    new NewSupportTicket(
                            form.title(),
                            form.description(),
                            type.map(SupportService.ProblemType::serviceId).orElse(null),
                            type.map(SupportService.ProblemType::problemClassificationId)
                                    .orElse(null),
                            form.severity(),
                            form.firstName(),
                            form.lastName(),
                            form.email(),
                            form.contactMethod(),
                            form.phone(),
                            null,
                            null,
                            null));
            ctx.redirect(SubscriptionTab.SUPPORT.href(subscription.id()) + "/" + ticket.name(), HttpStatus.SEE_OTHER);
        } catch (DomainException e) {
            if (e.errorCode().kind() != ErrorCode.Kind.INVALID_REQUEST) {
                throw e;
            }
            ctx.status(400);
            list(ctx, caller, subscription, form, e);
        }
    }

    private void view(Context ctx, Caller caller, CloudSubscription subscription) {
        SupportTicket ticket = support.get(caller, subscription.id(), ctx.pathParam("name"));
        String problemType = SupportService.PROBLEM_TYPES.stream()
                .filter(t -> t.problemClassificationId().equalsIgnoreCase(ticket.problemClassificationId()))
                .map(SupportService.ProblemType::label)
                .findFirst()
                .orElse(ticket.problemClassificationId());
        pages.pages()
                .render(
                        ctx,
                        "portal/support-ticket.jte",
                        new SupportTicketPage(
                                pages.chrome(ctx),
                                pages.nav(ctx, caller),
                                SubscriptionHeader.of(subscription, SubscriptionTab.SUPPORT),
                                ticket,
                                problemType));
    }

    private static String value(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }
}
