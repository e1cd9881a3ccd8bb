package dev.tenantry.pages.admincenter;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.User;
import dev.tenantry.directory.roles.DirectoryRoleService;
import dev.tenantry.directory.users.UserService;
import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import dev.tenantry.pages.DirectoryViews;
import dev.tenantry.pages.PageSupport;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The admin center's users: "Active users", "Add a user", and a user's page with "Reset password" and "Assign a
 * directory role". The directory service decides who may do what; a refusal renders as the HTML error page.
 */
final class AdminUserRoutes {

    private static final String USERS = "/admin/users";
    private static final List<AdminUserPage.RoleOption> ROLE_OPTIONS = Arrays.stream(DirectoryRoleTemplate.values())
            .map(t -> new AdminUserPage.RoleOption(t.templateId().toString(), t.displayName()))
            .toList();

    private final PageSupport pages;
    private final DirectoryViews views;
    private final UserService users;
    private final DirectoryRoleService directoryRoles;

    AdminUserRoutes(PageSupport pages, DirectoryViews views) {
        this.pages = pages;
        this.views = views;
        this.users = views.userService();
        this.directoryRoles = views.directoryRoles();
    }

    void register(RoutesConfig routes) {
        routes.get(USERS, this::list);
        routes.get(USERS + "/new", this::newUser);
        routes.post(USERS + "/new", this::create);
        routes.get(USERS + "/{id}", this::show);
        routes.post(USERS + "/{id}/password", this::resetPassword);
        routes.post(USERS + "/{id}/roles", this::assignRole);
    }

    private void list(Context ctx) {
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isPresent()) {
            pages.render(
                    ctx,
                    "admincenter/users.jte",
                    new ActiveUsersPage(
                            chrome(ctx), nav(ctx, caller.get()), views.users(ctx, caller.get(), tenant(ctx), USERS)));
        }
    }

    private void newUser(Context ctx) {
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isPresent()) {
            renderForm(ctx, caller.get(), AddUserForm.empty());
        }
    }

    private void create(Context ctx) {
        pages.requireCsrf(ctx);
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isEmpty()) {
            return;
        }
        AddUserForm form = AddUserForm.posted(ctx);
        try {
            User user =
                    users.createUser(caller.get(), tenant(ctx), form.toNewUser(ctx.formParam(AddUserForm.PASSWORD)));
            ctx.redirect(USERS + "/" + user.id() + "?done=created", HttpStatus.SEE_OTHER);
        } catch (DomainException e) {
            renderForm(ctx, caller.get(), form.withError(e).orElseThrow(() -> e));
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    private void show(Context ctx) {
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isPresent()) {
            renderUser(ctx, caller.get(), notice(ctx.queryParam("done")), null);
        }
    }

    private void resetPassword(Context ctx) {
        pages.requireCsrf(ctx);
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isEmpty()) {
            return;
        }
        String id = ctx.pathParam("id");
        try {
            users.resetPassword(caller.get(), tenant(ctx), id, ctx.formParam("newPassword"));
            ctx.redirect(USERS + "/" + DirectoryViews.encode(id) + "?done=password", HttpStatus.SEE_OTHER);
        } catch (DomainException e) {
            if (e.errorCode() != DirectoryError.WEAK_PASSWORD) {
                throw e;
            }
            renderUser(ctx, caller.get(), null, e.getMessage());
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    private void assignRole(Context ctx) {
        pages.requireCsrf(ctx);
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isEmpty()) {
            return;
        }
        String id = ctx.pathParam("id");
        directoryRoles.assignRole(caller.get(), tenant(ctx), role(ctx.formParam("role")), UserId.parse(id));
        ctx.redirect(USERS + "/" + DirectoryViews.encode(id) + "?done=role", HttpStatus.SEE_OTHER);
    }

    private void renderForm(Context ctx, Caller caller, AddUserForm form) {
        ConsoleNav nav = nav(ctx, caller);
        String domain = nav.directories().current().domain();
        pages.render(ctx, "admincenter/new-user.jte", new AddUserPage(chrome(ctx), nav, domain, form));
    }

    private void renderUser(Context ctx, Caller caller, String notice, String passwordError) {
        AdminUserPage page = new AdminUserPage(
                chrome(ctx),
                nav(ctx, caller),
                views.profile(caller, tenant(ctx), ctx.pathParam("id")),
                ROLE_OPTIONS,
                notice,
                passwordError);
        pages.render(ctx, "admincenter/user.jte", page);
    }

    private static DirectoryRoleTemplate role(String templateId) {
        return Ids.tryParse(templateId)
                .flatMap(DirectoryRoleTemplate::byTemplateId)
                .orElseThrow(() -> new InvalidRequestException(
                        DirectoryError.UNKNOWN_ROLE_TEMPLATE, "Choose one of the directory roles in the list."));
    }

    private static String notice(String done) {
        return switch (done == null ? "" : done) {
            case "created" -> "The user was added.";
            case "password" -> "The password was reset. Give the new password to the user.";
            case "role" -> "The directory role was assigned.";
            default -> null;
        };
    }

    private ConsoleNav nav(Context ctx, Caller caller) {
        return AdminSection.CONSOLE.nav(AdminSection.USERS, views.switcher(caller, tenant(ctx), "/admin"));
    }

    private TenantId tenant(Context ctx) {
        return pages.session(ctx).tenantId();
    }

    private Chrome chrome(Context ctx) {
        return pages.chrome(ctx, Chrome.Console.ADMIN);
    }
}
