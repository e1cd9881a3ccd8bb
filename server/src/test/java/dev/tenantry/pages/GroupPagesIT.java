package dev.tenantry.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.app.Services;
import dev.tenantry.directory.Group;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.directory.groups.GroupService;
import dev.tenantry.directory.groups.NewGroup;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import dev.tenantry.testing.CookieClient;
import dev.tenantry.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 9: the groups pages of the admin center and the cloud portal, over HTTPS. */
class GroupPagesIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final String PASSWORD = "Tenantry!2026";
    private static final String ADMIN = "admin@litware.onmicrosoft.test";
    private static final String PETE = "pete@litware.onmicrosoft.test";
    private static final String GROUPS = "/admin/groups";
    private static final String NEW_GROUP = GROUPS + "/new";
    private static final String PORTAL_GROUPS = "/portal/directory/groups";
    private static final String NAME_LINKS = "<td><a href=\"[^\"]+\">([^<]+)</a></td>";

    private static TenantId litware;
    private static Caller.User admin;
    private static User alex;
    private static User megan;
    private static User pete;

    @BeforeAll
    static void directory() {
        Services services = server.app().services();
        var created = services.tenants()
                .createDirectory("Litware", "US", "litware", NewUser.of("Lee Admin", "admin", PASSWORD));
        litware = created.tenant().id();
        admin = new Caller.User(litware, created.admin().id());
        alex = services.users().createUser(Caller.system(), litware, NewUser.of("Alex Wilber", "alex", PASSWORD));
        megan = services.users().createUser(Caller.system(), litware, NewUser.of("Megan Bowen", "megan", PASSWORD));
        pete = services.users().createUser(Caller.system(), litware, NewUser.of("Pete Plain", "pete", PASSWORD));
        services.tenants().createDirectory("Other", "NL", "other", NewUser.of("Olga Other", "admin", PASSWORD));
    }

    private static GroupService groups() {
        return server.app().services().groups();
    }

    private static User user(String alias, String name) {
        return server.app().services().users().createUser(Caller.system(), litware, NewUser.of(name, alias, PASSWORD));
    }

    private static Group security(String name) {
        return groups().create(
                        admin,
                        litware,
                        new NewGroup(name, null, name.replaceAll("\\W", ""), false, true, List.of(), null, null, null));
    }

    private static String page(Group group) {
        return GROUPS + "/" + group.id();
    }

    /** Posts the picker's form with several users checked (a form field sent once per user). */
    private static HttpResponse<String> addMembers(CookieClient browser, String picker, String action, User... users) {
        StringBuilder form = new StringBuilder("csrf_token=" + CookieClient.encode(browser.csrf(picker)));
        for (User user : users) {
            form.append("&memberId=").append(user.id());
        }
        return browser.post(action, form.toString());
    }

    private static List<String> names(String html, String tableId) {
        int start = html.indexOf("<table id=\"" + tableId + "\"");
        if (start < 0) {
            return List.of();
        }
        return CookieClient.all(html.substring(start, html.indexOf("</table>", start)), NAME_LINKS);
    }

    @Test
    @DisplayName("issue 9: the groups pages send a visitor to sign in first")
    void unauthenticatedGroupsRedirectToSignIn() {
        HttpResponse<String> response = server.get(GROUPS);

        assertThat(response.statusCode()).isIn(302, 303);
        assertThat(response.headers().firstValue("Location")).hasValue("/signin?returnUrl=%2Fadmin%2Fgroups");
    }

    @Test
    @DisplayName("issue 9: an administrator adds a security and a Microsoft 365 group; the list shows type and email")
    void anAdministratorAddsGroupsThatAppearInTheList() {
        CookieClient browser = new CookieClient(server).signIn(ADMIN, PASSWORD);

        HttpResponse<String> added = browser.post(
                NEW_GROUP,
                "type",
                "security",
                "displayName",
                "Finance Team",
                "mailNickname",
                "finance",
                "description",
                "People who pay");
        HttpResponse<String> m365 = browser.post(
                NEW_GROUP,
                "type",
                "microsoft365",
                "displayName",
                "All Hands",
                "mailNickname",
                "AllHands",
                "description",
                "");

        assertThat(added.statusCode()).isEqualTo(303);
        String location = added.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(GROUPS + "/").endsWith("?done=created");
        String group = browser.get(location).body();
        assertThat(CookieClient.textOf(group, "notice")).startsWith("The group was created.");
        assertThat(CookieClient.textOf(group, "group-type")).isEqualTo("Security");
        assertThat(CookieClient.textOf(group, "group-description")).isEqualTo("People who pay");
        assertThat(names(group, "owners")).containsExactly("Lee Admin");
        assertThat(m365.statusCode()).isEqualTo(303);
        String list =
                browser.get(GROUPS + "?search=" + CookieClient.encode("hands")).body();
        assertThat(names(list, "groups")).containsExactly("All Hands");
        assertThat(list).contains("<td>Microsoft 365</td>", "<td>allhands@litware.onmicrosoft.test</td>");
        assertThat(list).contains("aria-current=\"page\">Groups</a>");
    }

    @Test
    @DisplayName("issue 9: refused group input keeps the values and shows Graph's rule next to the field")
    void badInputKeepsTheValuesAndNamesTheField() {
        security("Taken Nick");
        groups().create(
                        admin,
                        litware,
                        new NewGroup("Sales", null, "sales", true, false, List.of("Unified"), null, null, null));
        CookieClient browser = new CookieClient(server).signIn(ADMIN, PASSWORD);

        HttpResponse<String> noNickname = browser.post(
                NEW_GROUP, "type", "security", "displayName", "Nameless", "mailNickname", "", "description", "");
        HttpResponse<String> noName = browser.post(
                NEW_GROUP, "type", "security", "displayName", " ", "mailNickname", "ok", "description", "");
        HttpResponse<String> taken = browser.post(
                NEW_GROUP,
                "type",
                "microsoft365",
                "displayName",
                "Sales 2",
                "mailNickname",
                "Sales",
                "description",
                "");
        HttpResponse<String> dynamic = browser.post(
                NEW_GROUP, "type", "DynamicMembership", "displayName", "Dyn", "mailNickname", "dyn", "description", "");

        assertThat(noNickname.statusCode()).isEqualTo(422);
        assertThat(noNickname.body()).contains("value=\"Nameless\"", "id=\"mailNickname-error\"");
        assertThat(CookieClient.textOf(noNickname.body(), "mailNickname-error"))
                .contains("Invalid value specified for property 'mailNickname'");
        assertThat(CookieClient.textOf(noName.body(), "displayName-error")).contains("'displayName'");
        assertThat(taken.body()).contains("value=\"Sales 2\"", "selected>Microsoft 365");
        assertThat(CookieClient.textOf(taken.body(), "mailNickname-error")).contains("already exists");
        assertThat(CookieClient.textOf(dynamic.body(), "type-error")).contains("Unsupported groupTypes value");
        assertThat(names(
                        new CookieClient(server)
                                .signIn(ADMIN, PASSWORD)
                                .get(GROUPS + "?search=Dyn")
                                .body(),
                        "groups"))
                .isEmpty();
    }

    @Test
    @DisplayName(
            "issue 9: members are picked by name, added together, listed, removed; the user's pages show the group")
    void membersArePickedAddedAndRemoved() {
        User adele = user("adele", "Adele Vance");
        User diego = user("diego", "Diego Siciliani");
        Group team = security("Project Falcon");
        CookieClient browser = new CookieClient(server).signIn(ADMIN, PASSWORD);
        String picker = page(team) + "/members/add";

        String found = browser.get(picker + "?search=Ade").body();
        HttpResponse<String> added = addMembers(browser, picker, page(team) + "/members", adele, diego);

        assertThat(found).contains("Adele Vance").doesNotContain("Diego Siciliani");
        assertThat(added.statusCode()).isEqualTo(303);
        String group = browser.get(added.headers().firstValue("Location").orElseThrow())
                .body();
        assertThat(CookieClient.textOf(group, "notice")).isEqualTo("The members were added.");
        assertThat(names(group, "members")).containsExactlyInAnyOrder("Adele Vance", "Diego Siciliani");
        assertThat(names(browser.get("/admin/users/" + adele.id()).body(), "member-of"))
                .containsExactly("Project Falcon");
        assertThat(names(browser.get("/portal/directory/users/" + diego.id()).body(), "member-of"))
                .containsExactly("Project Falcon");
        assertThat(browser.get(picker + "?search=Ade").body()).contains("Member</span>");

        HttpResponse<String> removed = browser.postFrom(page(team), page(team) + "/members/" + adele.id() + "/remove");

        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(names(browser.get(page(team)).body(), "members")).containsExactly("Diego Siciliani");
        assertThat(browser.get("/admin/users/" + adele.id()).body()).contains("id=\"no-groups\"");
    }

    @Test
    @DisplayName("issue 9: adding nobody, or a member already there, stays on the picker with the reason")
    void refusedAdditionsStayOnThePicker() {
        Group team = security("Project Heron");
        groups().addMember(admin, litware, team.id().toString(), alex.id().toString());
        CookieClient browser = new CookieClient(server).signIn(ADMIN, PASSWORD);
        String picker = page(team) + "/members/add";

        HttpResponse<String> nobody = browser.postFrom(picker, page(team) + "/members");
        HttpResponse<String> again = addMembers(browser, picker, page(team) + "/members", megan, alex);

        assertThat(nobody.statusCode()).isEqualTo(422);
        assertThat(CookieClient.textOf(nobody.body(), "pick-error")).isEqualTo("Choose at least one user to add.");
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(CookieClient.textOf(again.body(), "pick-error")).contains("already exist");
        assertThat(groups().members(admin, litware, team.id().toString()))
                .extracting(member -> member.objectId())
                .containsExactly(alex.id().value());
    }

    @Test
    @DisplayName("issue 9: owners are added and removed on the group's page")
    void ownersAreAddedAndRemoved() {
        Group team = security("Project Ibis");
        CookieClient browser = new CookieClient(server).signIn(ADMIN, PASSWORD);
        String picker = page(team) + "/owners/add";

        HttpResponse<String> nobody = browser.postFrom(picker, page(team) + "/owners");
        HttpResponse<String> added = browser.postFrom(
                picker, page(team) + "/owners", "ownerId", megan.id().toString());

        assertThat(nobody.statusCode()).isEqualTo(422);
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(names(browser.get(page(team)).body(), "owners"))
                .containsExactlyInAnyOrder("Lee Admin", "Megan Bowen");

        HttpResponse<String> removed =
                browser.postFrom(page(team), page(team) + "/owners/" + admin.userId() + "/remove");

        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(CookieClient.textOf(
                        browser.get(removed.headers().firstValue("Location").orElseThrow())
                                .body(),
                        "notice"))
                .isEqualTo("The owner was removed.");
        assertThat(names(browser.get(page(team)).body(), "owners")).containsExactly("Megan Bowen");
    }

    @Test
    @DisplayName(
            "issue 9: a plain member sees a group read-only and is refused its changes with the roles that would do")
    void aPlainMemberSeesTheGroupReadOnly() {
        Group team = security("Project Jay");
        CookieClient browser = new CookieClient(server).signIn(PETE, PASSWORD);

        String group = browser.get(page(team)).body();
        HttpResponse<String> refused = browser.postFrom(
                GROUPS, page(team) + "/members", "memberId", pete.id().toString());
        HttpResponse<String> delete = browser.postFrom(GROUPS, page(team) + "/delete");

        assertThat(group).contains("id=\"read-only\"").doesNotContain("id=\"add-members\"", "/remove\"");
        assertThat(browser.get(page(team) + "/members/add").body())
                .contains("id=\"read-only\"")
                .doesNotContain("name=\"memberId\"");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("<li>Global Administrator</li>", "<li>User Administrator</li>");
        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(groups().members(admin, litware, team.id().toString())).isEmpty();
    }

    @Test
    @DisplayName("issue 9: a plain member who creates a group owns it and manages it from the admin center")
    void aGroupsOwnerManagesIt() {
        CookieClient browser = new CookieClient(server).signIn(PETE, PASSWORD);

        HttpResponse<String> added = browser.post(
                NEW_GROUP,
                "type",
                "security",
                "displayName",
                "Pete's Crew",
                "mailNickname",
                "petescrew",
                "description",
                "");
        String location = added.headers().firstValue("Location").orElseThrow();
        String groupPage = location.substring(0, location.indexOf('?'));
        HttpResponse<String> member = browser.postFrom(
                groupPage + "/members/add",
                groupPage + "/members",
                "memberId",
                alex.id().toString());

        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(member.statusCode()).isEqualTo(303);
        String group = browser.get(groupPage).body();
        assertThat(group).contains("id=\"add-members\"").doesNotContain("id=\"read-only\"");
        assertThat(names(group, "members")).containsExactly("Alex Wilber");
    }

    @Test
    @DisplayName("issue 9: deleting a group asks first, then removes it from the list")
    void deletingAGroupAsksFirst() {
        Group team = security("Project Kite");
        groups().addMember(admin, litware, team.id().toString(), alex.id().toString());
        CookieClient browser = new CookieClient(server).signIn(ADMIN, PASSWORD);

        String confirm = browser.get(page(team) + "/delete").body();
        HttpResponse<String> deleted = browser.postFrom(page(team) + "/delete", page(team) + "/delete");

        assertThat(CookieClient.textOf(confirm, "delete-warning")).contains("1 direct membership");
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("Location")).hasValue(GROUPS + "?done=deleted");
        assertThat(CookieClient.textOf(browser.get(GROUPS + "?done=deleted").body(), "notice"))
                .isEqualTo("The group was deleted.");
        assertThat(browser.get(page(team)).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("issue 9: group forms without the CSRF token are refused and change nothing")
    void postsWithoutCsrfTokenAreForbidden() {
        Group team = security("Project Lark");
        CookieClient browser = new CookieClient(server).signIn(ADMIN, PASSWORD);

        HttpResponse<String> create = browser.post(NEW_GROUP, "type=security&displayName=Mallory&mailNickname=mallory");
        HttpResponse<String> member = browser.post(page(team) + "/members", "memberId=" + alex.id());
        HttpResponse<String> delete = browser.post(page(team) + "/delete", "csrf_token=forged");

        assertThat(List.of(create.statusCode(), member.statusCode(), delete.statusCode()))
                .containsOnly(403);
        assertThat(names(browser.get(GROUPS + "?search=Mallory").body(), "groups"))
                .isEmpty();
        assertThat(names(browser.get(page(team)).body(), "members")).isEmpty();
    }

    @Test
    @DisplayName("issue 9 (R14): another directory's group is not found; a malformed id is not found either")
    void anotherDirectorysGroupIsNotFound() {
        Group team = security("Project Mole");
        CookieClient other = new CookieClient(server).signIn("admin@other.onmicrosoft.test", PASSWORD);

        assertThat(other.get(page(team)).statusCode()).isEqualTo(404);
        assertThat(other.get(GROUPS + "/not-a-guid").statusCode()).isEqualTo(404);
        assertThat(other.get(GROUPS).body()).doesNotContain("Project Mole");
    }

    @Test
    @DisplayName("issue 9: the list pages through the groups 50 at a time, the search kept")
    void theListPages() {
        IntStream.rangeClosed(1, 52).forEach(i -> security("Paged %02d".formatted(i)));
        CookieClient browser = new CookieClient(server).signIn(ADMIN, PASSWORD);

        String first = browser.get(GROUPS + "?search=Paged").body();
        String next = CookieClient.all(first, "id=\"next-page\" href=\"([^\"]+)\"")
                .get(0)
                .replace("&amp;", "&");
        String second = browser.get(next).body();

        assertThat(names(first, "groups")).hasSize(50).startsWith("Paged 01");
        assertThat(next).contains("search=Paged");
        assertThat(names(second, "groups")).containsExactly("Paged 51", "Paged 52");
        assertThat(second).doesNotContain("id=\"next-page\"");
    }

    @Test
    @DisplayName("issue 9: the portal's Directory → Groups lists the same groups, and adds and removes members")
    void thePortalShowsTheSameGroups() {
        Group team = security("Project Newt");
        groups().addMember(admin, litware, team.id().toString(), alex.id().toString());
        CookieClient browser = new CookieClient(server).signIn(ADMIN, PASSWORD);
        String portalPage = PORTAL_GROUPS + "/" + team.id();

        String list = browser.get(PORTAL_GROUPS + "?search=Newt").body();
        HttpResponse<String> added = browser.postFrom(
                portalPage + "/members/add",
                portalPage + "/members",
                "memberId",
                megan.id().toString());
        HttpResponse<String> removed = browser.postFrom(portalPage, portalPage + "/members/" + alex.id() + "/remove");

        assertThat(names(list, "groups")).containsExactly("Project Newt");
        assertThat(list).contains("aria-current=\"page\">Groups</a>", "aria-current=\"page\">Directory</a>");
        assertThat(added.headers().firstValue("Location")).hasValue(portalPage + "?done=member");
        assertThat(removed.statusCode()).isEqualTo(303);
        String group = browser.get(portalPage).body();
        assertThat(names(group, "members")).containsExactly("Megan Bowen");
        assertThat(group).contains("href=\"/portal/directory/users/" + megan.id() + "\"");
        assertThat(names(browser.get(page(team)).body(), "members")).containsExactly("Megan Bowen");
    }
}
