package dev.tenantry.pages.groups;

import dev.tenantry.directory.DirectoryObject;
import dev.tenantry.directory.Group;
import dev.tenantry.directory.User;
import dev.tenantry.directory.groups.GroupService;
import dev.tenantry.pages.DirectoryViews;
import dev.tenantry.pages.UserList;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.TenantId;
import dev.tenantry.web.PageTokens;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the group views both consoles share: the list with its search and paging, a group with its members and
 * owners, and the users to pick from. The group service decides what the caller may read; this only shapes it.
 */
final class GroupViews {

    private static final String GROUPS = "pages.groups";

    private final DirectoryViews views;
    private final GroupService groups;
    private final PageTokens tokens;

    GroupViews(DirectoryViews views) {
        this.views = views;
        this.groups = views.groups();
        this.tokens = views.tokens();
    }

    /** The groups whose name contains {@code ?search=}, from the signed position {@code ?page=}. */
    Listing list(Context ctx, Caller caller, TenantId tenant, GroupLinks links) {
        String search = search(ctx);
        String position = ctx.queryParam("page");
        String after = position == null || position.isBlank() ? null : tokens.open(GROUPS, position);
        Page<Group> page = groups.list(
                caller,
                tenant,
                List.of(),
                search.isEmpty() ? null : search,
                true,
                new PageRequest(after, DirectoryViews.PAGE_SIZE));
        List<GroupsPage.Row> rows = page.items().stream()
                .map(g -> new GroupsPage.Row(
                        g.id().toString(), g.displayName(), DirectoryViews.typeOf(g), orDash(g.mail())))
                .toList();
        String next = page.hasNext()
                ? links.groups() + "?" + (search.isEmpty() ? "" : "search=" + DirectoryViews.encode(search) + "&")
                        + "page=" + DirectoryViews.encode(tokens.seal(GROUPS, page.nextAfter()))
                : null;
        return new Listing(search, rows, next);
    }

    record Listing(String search, List<GroupsPage.Row> rows, String nextHref) {}

    /** A group's properties, members and owners, and whether the caller may change them. */
    Detail group(Caller caller, TenantId tenant, String id, GroupLinks links) {
        Group group = groups.get(caller, tenant, id);
        String groupId = group.id().toString();
        List<GroupPage.Member> members = groups.members(caller, tenant, groupId).stream()
                .map(member -> member(member, links))
                .toList();
        List<GroupPage.Member> owners = groups.owners(caller, tenant, groupId).stream()
                .map(owner -> member(owner, links))
                .toList();
        return new Detail(summary(group), members, owners, groups.mayManage(caller, tenant, groupId));
    }

    record Detail(
            GroupPage.Summary group, List<GroupPage.Member> members, List<GroupPage.Member> owners, boolean manage) {}

    /** The directory's users to add to the group as members or owners, those already in marked. */
    Picker picker(Context ctx, Caller caller, TenantId tenant, Detail detail, boolean owners, String path) {
        Set<String> already = (owners ? detail.owners() : detail.members())
                .stream().map(GroupPage.Member::id).collect(Collectors.toSet());
        UserList users = views.users(ctx, caller, tenant, path);
        List<GroupPickerPage.Row> rows = users.rows().stream()
                .map(u -> new GroupPickerPage.Row(
                        u.id(), u.displayName(), u.userPrincipalName(), already.contains(u.id())))
                .toList();
        return new Picker(users.search(), rows, users.nextHref());
    }

    record Picker(String search, List<GroupPickerPage.Row> rows, String nextHref) {}

    private static GroupPage.Member member(DirectoryObject object, GroupLinks links) {
        return switch (object) {
            case User user ->
                new GroupPage.Member(
                        user.id().toString(),
                        user.displayName(),
                        user.userPrincipalName(),
                        links.users() + "/" + user.id());
            case Group group ->
                new GroupPage.Member(
                        group.id().toString(),
                        group.displayName(),
                        DirectoryViews.typeOf(group) + " group",
                        links.group(group.id().toString()));
        };
    }

    private static GroupPage.Summary summary(Group group) {
        return new GroupPage.Summary(
                group.id().toString(),
                group.displayName(),
                DirectoryViews.typeOf(group),
                orDash(group.description()),
                group.mailNickname(),
                orDash(group.mail()),
                orDash(group.visibility()),
                DirectoryViews.when(group.createdAt()));
    }

    private static String search(Context ctx) {
        String search = ctx.queryParam("search");
        return search == null ? "" : search.strip();
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
