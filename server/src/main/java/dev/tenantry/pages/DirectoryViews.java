package dev.tenantry.pages;

import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.Group;
import dev.tenantry.directory.Tenant;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserFilter;
import dev.tenantry.directory.groups.GroupService;
import dev.tenantry.directory.roles.DirectoryRoleService;
import dev.tenantry.directory.tenants.TenantService;
import dev.tenantry.directory.users.UserService;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.TenantId;
import dev.tenantry.web.PageTokens;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the directory views both consoles share (R9: one directory, two views): the user list with its search and
 * paging, a user's profile with its roles (R10), and the directory switcher. The services decide what the caller may
 * read; this class only shapes what they return.
 */
public final class DirectoryViews {

    public static final int PAGE_SIZE = 50;
    private static final String USERS = "pages.users";
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final TenantService tenants;
    private final UserService users;
    private final DirectoryRoleService directoryRoles;
    private final GroupService groups;
    private final PageTokens tokens;
    private final Function<Caller, List<Tenant>> directories;

    public DirectoryViews(
            TenantService tenants,
            UserService users,
            DirectoryRoleService directoryRoles,
            GroupService groups,
            PageTokens tokens) {
        this(tenants, users, directoryRoles, groups, tokens, null);
    }

    /**
     * The shared views, whose switcher lists {@code directories} of the caller (its home and the directories it is a
     * guest of, issue 10); null lists the directory the caller acts in.
     */
    public DirectoryViews(
            TenantService tenants,
            UserService users,
            DirectoryRoleService directoryRoles,
            GroupService groups,
            PageTokens tokens,
            Function<Caller, List<Tenant>> directories) {
        this.tenants = tenants;
        this.users = users;
        this.directoryRoles = directoryRoles;
        this.groups = groups;
        this.tokens = tokens;
        this.directories = directories;
    }

    public TenantService tenants() {
        return tenants;
    }

    public UserService userService() {
        return users;
    }

    public DirectoryRoleService directoryRoles() {
        return directoryRoles;
    }

    public GroupService groups() {
        return groups;
    }

    public PageTokens tokens() {
        return tokens;
    }

    /** The users page asked for by {@code ?search=} (display name starts with) and {@code ?page=} (a signed position). */
    public UserList users(Context ctx, Caller caller, TenantId tenant, String basePath) {
        String search =
                ctx.queryParam("search") == null ? "" : ctx.queryParam("search").strip();
        String position = ctx.queryParam("page");
        List<UserFilter> filters = search.isEmpty()
                ? List.of()
                : List.of(new UserFilter(UserFilter.Property.DISPLAY_NAME, UserFilter.Operator.STARTS_WITH, search));
        String after = position == null || position.isBlank() ? null : tokens.open(USERS, position);
        Page<User> page = users.listUsersByDisplayName(caller, tenant, filters, new PageRequest(after, PAGE_SIZE));
        List<UserList.Row> rows = page.items().stream()
                .map(u -> new UserList.Row(
                        u.id().toString(),
                        u.displayName(),
                        u.userPrincipalName(),
                        basePath + "/" + u.id(),
                        u.accountEnabled()))
                .toList();
        String next = page.hasNext()
                ? basePath + "?" + (search.isEmpty() ? "" : "search=" + encode(search) + "&") + "page="
                        + encode(tokens.seal(USERS, page.nextAfter()))
                : null;
        return new UserList(basePath, search, rows, next);
    }

    /**
     * A user of the caller's directory with the roles it holds and the groups it is a direct member of; another
     * directory's user is not found (R14).
     */
    public UserProfile profile(Caller caller, TenantId tenant, String idOrUpn) {
        User user = users.getUser(caller, tenant, idOrUpn);
        Set<DirectoryRoleTemplate> held = directoryRoles.rolesOf(caller, tenant, user.id());
        List<String> roles = Arrays.stream(DirectoryRoleTemplate.values())
                .filter(held::contains)
                .map(DirectoryRoleTemplate::displayName)
                .toList();
        List<UserProfile.Membership> memberOf = groups
                .memberOf(caller, tenant, user.id().value(), false)
                .stream()
                .map(g -> new UserProfile.Membership(g.id().toString(), g.displayName(), typeOf(g)))
                .toList();
        return new UserProfile(
                user.id().toString(),
                user.displayName(),
                user.userPrincipalName(),
                orDash(user.givenName()),
                orDash(user.surname()),
                user.usageLocation() == null ? "Not set" : user.usageLocation(),
                user.accountEnabled(),
                user.userType().graphName(),
                when(user.createdAt()),
                roles,
                memberOf);
    }

    /** A group's type as both consoles name it. */
    public static String typeOf(Group group) {
        return group.unified() ? "Microsoft 365" : "Security";
    }

    /**
     * The directories the caller can switch between (issue 10): the one it acts in, its home and every directory it is
     * an accepted guest of; another opens through the switch page, which comes back to {@code href} there.
     */
    public DirectorySwitcher switcher(Caller caller, TenantId tenant, String href) {
        Tenant current = tenants.getTenant(caller, tenant);
        List<DirectorySwitcher.Entry> entries = new java.util.ArrayList<>();
        entries.add(new DirectorySwitcher.Entry(current.displayName(), current.initialDomain(), href, true));
        if (directories != null) {
            directories.apply(caller).stream()
                    .filter(other -> !other.id().equals(tenant))
                    .map(other -> new DirectorySwitcher.Entry(
                            other.displayName(),
                            other.initialDomain(),
                            "/switch-directory?tenant=" + other.id() + "&returnUrl=" + encode(href),
                            false))
                    .forEach(entries::add);
        }
        return new DirectorySwitcher(entries);
    }

    /** A date and time as every console page shows it. */
    public static String when(Instant instant) {
        return instant == null ? "—" : WHEN.format(instant);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
