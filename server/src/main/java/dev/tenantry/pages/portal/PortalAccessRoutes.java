package dev.tenantry.pages.portal;

import dev.tenantry.access.AccessScope;
import dev.tenantry.access.AccessService;
import dev.tenantry.access.ActivityEvent;
import dev.tenantry.access.ActivityLogService;
import dev.tenantry.access.AssignmentFilter;
import dev.tenantry.access.PrincipalType;
import dev.tenantry.access.RoleAssignment;
import dev.tenantry.access.RoleDefinition;
import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import dev.tenantry.pages.DirectoryViews;
import dev.tenantry.pages.PageSupport;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.RequestError;
import dev.tenantry.shared.RuleViolationException;
import dev.tenantry.subscriptions.CloudSubscription;
import dev.tenantry.subscriptions.ResourceGroupService;
import dev.tenantry.subscriptions.SubscriptionService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A cloud subscription's access pages in the portal (issue 10): "Access control (IAM)" of the subscription and of each
 * resource group (assignments, add, remove, check access), the resource groups, and the activity log. The services
 * decide who may read or change what; these pages only ask and show.
 */
public final class PortalAccessRoutes {

    private static final String SUBSCRIPTION = SubscriptionViews.PATH + "/{id}";
    private static final String GROUP = SUBSCRIPTION + "/resourceGroups/{rg}";

    private final PageSupport pages;
    private final DirectoryViews views;
    private final SubscriptionViews subscriptions;
    private final SubscriptionService subscriptionService;
    private final ResourceGroupService resourceGroups;
    private final AccessService access;
    private final ActivityLogService activity;
    private final PrincipalNames principals;

    public PortalAccessRoutes(
            PageSupport pages,
            DirectoryViews views,
            SubscriptionService subscriptions,
            ResourceGroupService resourceGroups,
            AccessService access,
            ActivityLogService activity,
            ApplicationService applications) {
        this.pages = pages;
        this.views = views;
        this.subscriptions = new SubscriptionViews(subscriptions, views.tenants(), views.userService(), views.tokens());
        this.subscriptionService = subscriptions;
        this.resourceGroups = resourceGroups;
        this.access = access;
        this.activity = activity;
        this.principals = new PrincipalNames(views.userService(), views.groups(), applications);
    }

    public void register(RoutesConfig routes) {
        routes.get(SubscriptionTab.ACTIVITY.route(), ctx -> pages.whenSignedIn(ctx, this::activity));
        routes.get(SubscriptionTab.RESOURCE_GROUPS.route(), ctx -> pages.whenSignedIn(ctx, this::resourceGroups));
        for (String at : List.of(SUBSCRIPTION, GROUP)) {
            routes.get(at + "/iam", ctx -> pages.whenSignedIn(ctx, this::iam));
            routes.get(at + "/iam/add", ctx -> pages.whenSignedIn(ctx, (c, caller) -> add(c, caller, null)));
            routes.post(at + "/iam/add", ctx -> pages.whenPosted(ctx, this::assign));
            routes.get(
                    at + "/iam/remove/{assignment}",
                    ctx -> pages.whenSignedIn(ctx, (c, caller) -> confirm(c, caller, null)));
            routes.post(at + "/iam/remove/{assignment}", ctx -> pages.whenPosted(ctx, this::remove));
        }
    }

    /** The subscription and the scope the path names, each as the caller may see it. */
    private record Where(CloudSubscription subscription, AccessScope scope, PortalIamPage.Scope page) {}

    private Where where(Context ctx, Caller caller) {
        CloudSubscription subscription = subscriptions.get(caller, ctx.pathParam("id"));
        String group = ctx.pathParamMap().get("rg");
        if (group == null) {
            SubscriptionScope scope = subscriptionService.scope(caller, subscription.id());
            return new Where(
                    subscription,
                    scope,
                    new PortalIamPage.Scope(
                            scope.path(), "Subscription", null, SubscriptionTab.IAM.href(subscription.id())));
        }
        var scope = resourceGroups.scope(caller, subscription.id(), group);
        return new Where(
                subscription,
                scope,
                new PortalIamPage.Scope(
                        scope.path(),
                        "Resource group " + scope.name(),
                        scope.name(),
                        SubscriptionTab.RESOURCE_GROUPS.href(subscription.id()) + "/"
                                + DirectoryViews.encode(scope.name()) + "/iam"));
    }

    private SubscriptionHeader header(Where where) {
        return SubscriptionHeader.of(
                where.subscription(),
                where.page().resourceGroup() == null ? SubscriptionTab.IAM : SubscriptionTab.RESOURCE_GROUPS);
    }

    private void iam(Context ctx, Caller caller) {
        Where where = where(ctx, caller);
        boolean manage = access.rolesOf(caller, where.scope()).stream().anyMatch(RoleDefinition::canManageAccess);
        List<PortalIamPage.Row> rows = access.list(caller, where.scope(), AssignmentFilter.all()).stream()
                .map(a -> row(caller, where, a, manage))
                .toList();
        String done = ctx.queryParam("done");
        String notice = "added".equals(done)
                ? "Role assignment added."
                : "removed".equals(done) ? "Role assignment removed." : null;
        pages.render(
                ctx,
                "portal/iam.jte",
                new PortalIamPage(
                        chrome(ctx),
                        nav(ctx, caller),
                        header(where),
                        where.page(),
                        manage,
                        rows,
                        notice,
                        check(ctx, caller, where)));
    }

    private PortalIamPage.Row row(Caller caller, Where where, RoleAssignment a, boolean manage) {
        var principal = principals.name(caller, where.scope().tenantId(), a.principalId(), a.principalType());
        boolean inherited = !where.scope().isScopeOf(a);
        return new PortalIamPage.Row(
                a.id().toString(),
                principal.name(),
                principal.detail(),
                principal.type(),
                a.role().roleName(),
                a.scope(),
                inherited,
                manage && !inherited ? where.page().base() + "/remove/" + a.id() : null);
    }

    /** "Check access": the users found by {@code check_search}, and the roles of the one {@code check} names. */
    private PortalIamPage.Check check(Context ctx, Caller caller, Where where) {
        String search =
                Optional.ofNullable(ctx.queryParam("check_search")).orElse("").strip();
        String chosen = ctx.queryParam("check");
        List<PortalIamPage.Principal> candidates = search.isEmpty()
                ? List.of()
                : principals.search(caller, where.scope().tenantId(), search, true);
        PortalIamPage.Result result = null;
        if (chosen != null && !chosen.isBlank()) {
            UUID userId = Ids.parseUuid(chosen, "user id");
            var user = principals.name(caller, where.scope().tenantId(), userId, PrincipalType.USER);
            List<PortalIamPage.Effective> roles = access.checkAccess(caller, where.scope(), userId).stream()
                    .map(e -> new PortalIamPage.Effective(
                            e.assignment().role().roleName(),
                            e.assignment().scope(),
                            e.inherited(),
                            e.viaGroup() == null
                                    ? null
                                    : principals
                                            .name(caller, where.scope().tenantId(), e.viaGroup(), PrincipalType.GROUP)
                                            .name()))
                    .toList();
            result = new PortalIamPage.Result(user, roles);
        }
        return new PortalIamPage.Check(search, candidates, result);
    }

    private void add(Context ctx, Caller caller, String error) {
        Where where = where(ctx, caller);
        String role = Optional.ofNullable(ctx.queryParam("role"))
                .orElse(Optional.ofNullable(ctx.formParam("role")).orElse(""));
        String search = Optional.ofNullable(ctx.queryParam("search")).orElse("").strip();
        List<PortalIamAddPage.Role> roles = Arrays.stream(RoleDefinition.values())
                .map(r -> new PortalIamAddPage.Role(
                        r.name(), r.roleName(), r.description(), r.name().equals(role)))
                .toList();
        List<PortalIamPage.Principal> candidates = role.isEmpty()
                ? List.of()
                : principals.search(caller, where.scope().tenantId(), search, false);
        pages.render(
                ctx,
                "portal/iam-add.jte",
                new PortalIamAddPage(
                        chrome(ctx),
                        nav(ctx, caller),
                        header(where),
                        where.page(),
                        roles,
                        role,
                        search,
                        candidates,
                        error));
        if (error != null) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    private void assign(Context ctx, Caller caller) {
        Where where = where(ctx, caller);
        RoleDefinition role = Arrays.stream(RoleDefinition.values())
                .filter(r -> r.name().equals(ctx.formParam("role")))
                .findFirst()
                .orElse(null);
        String principal = ctx.formParam("principalId");
        if (role == null || principal == null || principal.isBlank()) {
            add(ctx, caller, "Pick a role, then the user, group or service principal to assign it to.");
            return;
        }
        try {
            access.assign(caller, where.scope(), UUID.randomUUID(), role, Ids.parseUuid(principal, "principal id"));
        } catch (ConflictException | RuleViolationException | InvalidRequestException e) {
            add(ctx, caller, e.getMessage());
            return;
        }
        ctx.redirect(where.page().base() + "?done=added", HttpStatus.SEE_OTHER);
    }

    private void confirm(Context ctx, Caller caller, String error) {
        Where where = where(ctx, caller);
        UUID id = Ids.parseUuid(ctx.pathParam("assignment"), "role assignment id");
        RoleAssignment assignment = access.get(caller, where.scope(), id);
        pages.render(
                ctx,
                "portal/iam-remove.jte",
                new PortalIamRemovePage(
                        chrome(ctx),
                        nav(ctx, caller),
                        header(where),
                        where.page(),
                        row(caller, where, assignment, true),
                        error));
        if (error != null) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    private void remove(Context ctx, Caller caller) {
        Where where = where(ctx, caller);
        UUID id = Ids.parseUuid(ctx.pathParam("assignment"), "role assignment id");
        try {
            access.remove(caller, where.scope(), id);
        } catch (RuleViolationException e) {
            confirm(ctx, caller, e.getMessage());
            return;
        }
        ctx.redirect(where.page().base() + "?done=removed", HttpStatus.SEE_OTHER);
    }

    private void resourceGroups(Context ctx, Caller caller) {
        CloudSubscription subscription = subscriptions.get(caller, ctx.pathParam("id"));
        List<PortalResourceGroupsPage.Row> rows = resourceGroups.list(caller, subscription.id()).stream()
                .map(g -> new PortalResourceGroupsPage.Row(
                        g.name(),
                        g.location(),
                        SubscriptionTab.RESOURCE_GROUPS.href(subscription.id()) + "/" + DirectoryViews.encode(g.name())
                                + "/iam"))
                .toList();
        pages.render(
                ctx,
                "portal/resource-groups.jte",
                new PortalResourceGroupsPage(
                        chrome(ctx),
                        nav(ctx, caller),
                        SubscriptionHeader.of(subscription, SubscriptionTab.RESOURCE_GROUPS),
                        rows));
    }

    private void activity(Context ctx, Caller caller) {
        CloudSubscription subscription = subscriptions.get(caller, ctx.pathParam("id"));
        int days = days(ctx.queryParam("days"));
        List<PortalActivityPage.Row> rows =
                activity
                        .recent(caller, subscriptionService.scope(caller, subscription.id()), Duration.ofDays(days))
                        .stream()
                        .map(PortalAccessRoutes::activityRow)
                        .toList();
        pages.render(
                ctx,
                "portal/activity.jte",
                new PortalActivityPage(
                        chrome(ctx),
                        nav(ctx, caller),
                        SubscriptionHeader.of(subscription, SubscriptionTab.ACTIVITY),
                        days,
                        rows));
    }

    private static PortalActivityPage.Row activityRow(ActivityEvent e) {
        return new PortalActivityPage.Row(
                DirectoryViews.when(e.at()),
                e.operationName(),
                "Succeeded",
                e.callerName(),
                e.resourceId(),
                e.authorizationScope());
    }

    /** The activity page's window: 1, 7, 30 or 90 days (7 when not said); anything else is a 400. */
    private static int days(String text) {
        if (text == null || text.isBlank()) {
            return 7;
        }
        return switch (text.strip()) {
            case "1" -> 1;
            case "7" -> 7;
            case "30" -> 30;
            case "90" -> 90;
            default ->
                throw new InvalidRequestException(
                        RequestError.UNSUPPORTED_FILTER, "Show the last 1, 7, 30 or 90 days.");
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
