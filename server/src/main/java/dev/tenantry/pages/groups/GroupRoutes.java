package dev.tenantry.pages.groups;

import dev.tenantry.directory.Group;
import dev.tenantry.directory.groups.GroupPatch;
import dev.tenantry.directory.groups.GroupService;
import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import dev.tenantry.pages.DirectoryViews;
import dev.tenantry.pages.PageSupport;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.TenantId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;

/**
 * A console's group pages (issue 9): the list, "Add a group", a group's page with its members and owners, adding
 * members (several at once) and owners, removing them, and deleting the group after a confirmation. The admin center
 * and the portal register the same pages under their own paths; the group service decides who may do what, and a
 * refusal renders as the HTML error page naming the roles that would do.
 */
public final class GroupRoutes {

    private final PageSupport pages;
    private final DirectoryViews views;
    private final GroupService groups;
    private final GroupViews shaped;
    private final GroupConsole console;
    private final GroupLinks links;

    public GroupRoutes(PageSupport pages, DirectoryViews views, GroupConsole console) {
        this.pages = pages;
        this.views = views;
        this.groups = views.groups();
        this.shaped = new GroupViews(views);
        this.console = console;
        this.links = console.links();
    }

    public void register(RoutesConfig routes) {
        String base = links.groups();
        routes.get(base, ctx -> signedIn(ctx, this::list));
        routes.get(base + "/new", ctx -> signedIn(ctx, this::newGroup));
        routes.post(base + "/new", ctx -> posted(ctx, this::create));
        routes.get(base + "/{id}", ctx -> signedIn(ctx, this::show));
        routes.get(base + "/{id}/members/add", ctx -> signedIn(ctx, (c, caller) -> pick(c, caller, false, null)));
        routes.post(base + "/{id}/members", ctx -> posted(ctx, this::addMembers));
        routes.post(base + "/{id}/members/{memberId}/remove", ctx -> posted(ctx, this::removeMember));
        routes.get(base + "/{id}/owners/add", ctx -> signedIn(ctx, (c, caller) -> pick(c, caller, true, null)));
        routes.post(base + "/{id}/owners", ctx -> posted(ctx, this::addOwner));
        routes.post(base + "/{id}/owners/{ownerId}/remove", ctx -> posted(ctx, this::removeOwner));
        routes.get(base + "/{id}/delete", ctx -> signedIn(ctx, this::confirmDelete));
        routes.post(base + "/{id}/delete", ctx -> posted(ctx, this::delete));
    }

    /** A page handler for a signed-in caller. */
    @FunctionalInterface
    private interface Action {
        void handle(Context ctx, Caller caller);
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

    private void list(Context ctx, Caller caller) {
        GroupViews.Listing listing = shaped.list(ctx, caller, tenant(ctx), links);
        pages.render(
                ctx,
                "groups/list.jte",
                new GroupsPage(
                        chrome(ctx),
                        nav(ctx, caller),
                        links,
                        listing.search(),
                        listing.rows(),
                        listing.nextHref(),
                        notice(ctx)));
    }

    private void newGroup(Context ctx, Caller caller) {
        pages.render(
                ctx, "groups/new.jte", new NewGroupPage(chrome(ctx), nav(ctx, caller), links, NewGroupForm.empty()));
    }

    private void create(Context ctx, Caller caller) {
        NewGroupForm form = NewGroupForm.posted(ctx);
        try {
            Group group = groups.create(caller, tenant(ctx), form.toNewGroup());
            done(ctx, links.group(group.id().toString()), "created");
        } catch (DomainException e) {
            NewGroupForm refused = form.withError(e).orElseThrow(() -> e);
            pages.render(ctx, "groups/new.jte", new NewGroupPage(chrome(ctx), nav(ctx, caller), links, refused));
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    private void show(Context ctx, Caller caller) {
        GroupViews.Detail detail = shaped.group(caller, tenant(ctx), id(ctx), links);
        pages.render(
                ctx,
                "groups/group.jte",
                new GroupPage(
                        chrome(ctx),
                        nav(ctx, caller),
                        links,
                        detail.group(),
                        detail.members(),
                        detail.owners(),
                        detail.manage(),
                        notice(ctx)));
    }

    private void pick(Context ctx, Caller caller, boolean owners, String error) {
        GroupViews.Detail detail = shaped.group(caller, tenant(ctx), id(ctx), links);
        String path = links.group(detail.group().id()) + (owners ? "/owners" : "/members") + "/add";
        GroupViews.Picker picker = shaped.picker(ctx, caller, tenant(ctx), detail, owners, path);
        pages.render(
                ctx,
                "groups/pick.jte",
                new GroupPickerPage(
                        chrome(ctx),
                        nav(ctx, caller),
                        links,
                        detail.group().id(),
                        detail.group().displayName(),
                        owners,
                        detail.manage(),
                        picker.search(),
                        picker.rows(),
                        picker.nextHref(),
                        error));
        if (error != null) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    /** Adds the users checked in the picker in one change: all of them, or none when one is refused. */
    private void addMembers(Context ctx, Caller caller) {
        List<String> chosen = ctx.formParams("memberId");
        if (chosen.isEmpty()) {
            pick(ctx, caller, false, "Choose at least one user to add.");
            return;
        }
        try {
            groups.update(caller, tenant(ctx), id(ctx), new GroupPatch(null, null, null, null, chosen));
        } catch (InvalidRequestException e) {
            pick(ctx, caller, false, e.getMessage());
            return;
        }
        done(ctx, links.group(id(ctx)), chosen.size() == 1 ? "member" : "members");
    }

    private void addOwner(Context ctx, Caller caller) {
        String chosen = ctx.formParam("ownerId");
        if (chosen == null || chosen.isBlank()) {
            pick(ctx, caller, true, "Choose the user to add as an owner.");
            return;
        }
        try {
            groups.addOwner(caller, tenant(ctx), id(ctx), chosen);
        } catch (InvalidRequestException e) {
            pick(ctx, caller, true, e.getMessage());
            return;
        }
        done(ctx, links.group(id(ctx)), "owner");
    }

    private void removeMember(Context ctx, Caller caller) {
        groups.removeMember(caller, tenant(ctx), id(ctx), ctx.pathParam("memberId"));
        done(ctx, links.group(id(ctx)), "member-removed");
    }

    private void removeOwner(Context ctx, Caller caller) {
        groups.removeOwner(caller, tenant(ctx), id(ctx), ctx.pathParam("ownerId"));
        done(ctx, links.group(id(ctx)), "owner-removed");
    }

    private void confirmDelete(Context ctx, Caller caller) {
        GroupViews.Detail detail = shaped.group(caller, tenant(ctx), id(ctx), links);
        pages.render(
                ctx,
                "groups/delete.jte",
                new DeleteGroupPage(
                        chrome(ctx),
                        nav(ctx, caller),
                        links,
                        detail.group().id(),
                        detail.group().displayName(),
                        detail.members().size()));
    }

    private void delete(Context ctx, Caller caller) {
        groups.delete(caller, tenant(ctx), id(ctx));
        done(ctx, links.groups(), "deleted");
    }

    private static void done(Context ctx, String path, String what) {
        ctx.redirect(path + "?done=" + what, HttpStatus.SEE_OTHER);
    }

    private static String notice(Context ctx) {
        String done = ctx.queryParam("done");
        return switch (done == null ? "" : done) {
            case "created" -> "The group was created. You are its owner.";
            case "member" -> "The member was added.";
            case "members" -> "The members were added.";
            case "member-removed" -> "The member was removed.";
            case "owner" -> "The owner was added.";
            case "owner-removed" -> "The owner was removed.";
            case "deleted" -> "The group was deleted.";
            default -> null;
        };
    }

    private static String id(Context ctx) {
        return ctx.pathParam("id");
    }

    private ConsoleNav nav(Context ctx, Caller caller) {
        return console.nav()
                .apply(views.switcher(caller, tenant(ctx), console.console().home()));
    }

    private TenantId tenant(Context ctx) {
        return pages.session(ctx).tenantId();
    }

    private Chrome chrome(Context ctx) {
        return pages.chrome(ctx, console.console());
    }
}
