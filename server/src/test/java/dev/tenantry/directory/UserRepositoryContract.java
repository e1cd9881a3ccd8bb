package dev.tenantry.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.TenantId;
import dev.tenantry.testing.RepositoryContract;
import dev.tenantry.testing.TestWorld;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link UserRepository} does; subclasses supply fresh, empty repositories per test. */
public abstract class UserRepositoryContract {

    private static final String DOMAIN = "@contoso.onmicrosoft.test";

    private final TenantId contoso = TenantId.next();
    private final TenantId fabrikam = TenantId.next();

    protected abstract UserRepository users();

    /** The tenants the users live in (a SQL store needs the rows). */
    protected abstract TenantRepository tenants();

    @BeforeEach
    void insertTenants() {
        tenants().insert(new Tenant(contoso, "Contoso", "US", "contoso.onmicrosoft.test", TestWorld.NOW));
        tenants().insert(new Tenant(fabrikam, "Fabrikam", "US", "fabrikam.onmicrosoft.test", TestWorld.NOW));
    }

    private static User user(TenantId tenantId, UUID id, String alias, String displayName) {
        return RepositoryContract.member(tenantId, id, alias + DOMAIN, alias, displayName);
    }

    private User insert(TenantId tenantId, String alias, String displayName) {
        User user = user(tenantId, UUID.randomUUID(), alias, displayName);
        users().insert(user, "hash-of-" + alias);
        return user;
    }

    private List<String> displayNames(TenantId tenantId, UserFilter filter) {
        return users().list(tenantId, List.of(filter), PageRequest.first(50)).items().stream()
                .map(User::displayName)
                .sorted()
                .toList();
    }

    @Test
    void insertedUserIsFoundById() {
        User kelley = insert(contoso, "kelley", "Kelley Smith");

        var found = users().findById(contoso, kelley.id());

        assertThat(found).contains(kelley);
    }

    @Test
    void userIsNotFoundByIdInAnotherDirectory() {
        User kelley = insert(contoso, "kelley", "Kelley Smith");

        var found = users().findById(fabrikam, kelley.id());

        assertThat(found).isEmpty();
    }

    @Test
    void upnDifferingOnlyInCaseIsTakenUpnTaken() {
        insert(contoso, "kelley", "Kelley Smith");
        User shouting = user(contoso, UUID.randomUUID(), "KELLEY", "Kelley Again");

        assertThatThrownBy(() -> users().insert(shouting, "hash"))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("upn_taken"));
        assertThat(users().findById(contoso, shouting.id())).isEmpty();
    }

    @Test
    void r2SameUpnCannotExistInTwoDirectories() {
        insert(contoso, "kelley", "Kelley Smith");
        User elsewhere = user(fabrikam, UUID.randomUUID(), "kelley", "Kelley Elsewhere");

        assertThatThrownBy(() -> users().insert(elsewhere, "hash"))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("upn_taken"));
    }

    @Test
    void listByDisplayNamePagesInNameOrderIgnoringCaseWithTiesById() {
        insert(contoso, "carol", "carol Jones");
        insert(contoso, "alex", "Alex Wilber");
        insert(contoso, "bea1", "Bea Smith");
        insert(contoso, "bea2", "Bea Smith");
        insert(contoso, "dan", "Dan Park");

        Page<User> first = users().listByDisplayName(contoso, List.of(), PageRequest.first(2));
        Page<User> second = users().listByDisplayName(contoso, List.of(), new PageRequest(first.nextAfter(), 2));
        Page<User> last = users().listByDisplayName(contoso, List.of(), new PageRequest(second.nextAfter(), 2));

        List<User> all = Stream.of(first, second, last)
                .flatMap(page -> page.items().stream())
                .toList();
        assertThat(all)
                .extracting(User::displayName)
                .containsExactly("Alex Wilber", "Bea Smith", "Bea Smith", "carol Jones", "Dan Park");
        assertThat(all.subList(1, 3)).extracting(u -> u.id().toString()).isSorted();
        assertThat(last.nextAfter()).isNull();
    }

    @Test
    @DisplayName("issue 13: startswith(displayName) pages through exactly the names with the prefix, in name order")
    void startsWithDisplayNamePagesThroughTheMatchesInNameOrder() {
        insert(contoso, "a1", "Zoe Zeta");
        insert(contoso, "a2", "zo");
        insert(contoso, "a3", "Zo\u00e9");
        insert(contoso, "a4", "Zp");
        insert(contoso, "a5", "Zn Before");
        insert(contoso, "a6", "Zo\uD83D\uDE00 smile");
        insert(contoso, "a7", "Zoo");
        insert(fabrikam, "b1", "Zoe Other Directory");
        List<UserFilter> zo =
                List.of(new UserFilter(UserFilter.Property.DISPLAY_NAME, UserFilter.Operator.STARTS_WITH, "ZO"));

        List<String> seen = new java.util.ArrayList<>();
        Page<User> page = users().list(contoso, zo, PageRequest.first(2));
        seen.addAll(page.items().stream().map(User::displayName).toList());
        while (page.nextAfter() != null) {
            page = users().list(contoso, zo, new PageRequest(page.nextAfter(), 2));
            seen.addAll(page.items().stream().map(User::displayName).toList());
        }

        assertThat(seen).containsExactly("zo", "Zoe Zeta", "Zoo", "Zo\u00e9", "Zo\uD83D\uDE00 smile");
    }

    @Test
    void findByUpnIgnoresCase() {
        User kelley = insert(contoso, "kelley", "Kelley Smith");

        var found = users().findByUpn("Kelley@CONTOSO.onmicrosoft.test");

        assertThat(found).contains(kelley);
    }

    @Test
    void listPagesInIdOrderAndNamesTheKeyToContinueAfter() {
        for (int i = 0; i < 5; i++) {
            insert(contoso, "user" + i, "User " + i);
        }

        Page<User> first = users().list(contoso, List.of(), PageRequest.first(2));
        Page<User> second = users().list(contoso, List.of(), new PageRequest(first.nextAfter(), 2));
        Page<User> last = users().list(contoso, List.of(), new PageRequest(second.nextAfter(), 2));

        List<String> ids = Stream.of(first, second, last)
                .flatMap(page -> page.items().stream())
                .map(u -> u.id().toString())
                .toList();
        assertThat(ids).hasSize(5).doesNotHaveDuplicates().isSorted();
        assertThat(first.nextAfter()).isEqualTo(first.items().get(1).id().toString());
        assertThat(last.items()).hasSize(1);
        assertThat(last.nextAfter()).isNull();
    }

    @Test
    void listOrdersIdsUnsignedAsSqlDoes() {
        String[] ids = {
            "ffffffff-0000-4000-8000-000000000000",
            "10000000-0000-4000-8000-000000000000",
            "80000000-0000-4000-8000-000000000000"
        };
        for (int i = 0; i < ids.length; i++) {
            users().insert(user(contoso, UUID.fromString(ids[i]), "u" + i, "U" + i), "hash");
        }

        Page<User> page = users().list(contoso, List.of(), PageRequest.first(10));

        assertThat(page.items()).extracting(u -> u.id().toString()).containsExactly(ids[1], ids[2], ids[0]);
    }

    @Test
    void listShowsOnlyTheDirectorysUsers() {
        User kelley = insert(contoso, "kelley", "Kelley Smith");
        insert(fabrikam, "megan", "Megan Bowen");

        Page<User> page = users().list(contoso, List.of(), PageRequest.first(10));

        assertThat(page.items()).containsExactly(kelley);
    }

    @Test
    void eqFilterIgnoresCase() {
        insert(contoso, "kelley", "Kelley Smith");
        insert(contoso, "kelleyb", "Kelley Smithers");

        var names = displayNames(
                contoso, new UserFilter(UserFilter.Property.DISPLAY_NAME, UserFilter.Operator.EQ, "KELLEY smith"));

        assertThat(names).containsExactly("Kelley Smith");
    }

    @Test
    void startsWithFilterIgnoresCase() {
        insert(contoso, "kelley", "Kelley Smith");
        insert(contoso, "megan", "Megan Bowen");

        var names = displayNames(
                contoso, new UserFilter(UserFilter.Property.DISPLAY_NAME, UserFilter.Operator.STARTS_WITH, "kEL"));

        assertThat(names).containsExactly("Kelley Smith");
    }

    @Test
    void startsWithTakesPercentLiterally() {
        insert(contoso, "sure", "100% sure");
        insert(contoso, "units", "100 units");

        var names = displayNames(
                contoso, new UserFilter(UserFilter.Property.DISPLAY_NAME, UserFilter.Operator.STARTS_WITH, "100%"));

        assertThat(names).containsExactly("100% sure");
    }

    @Test
    void startsWithTakesUnderscoreLiterally() {
        insert(contoso, "a_b", "Underscore");
        insert(contoso, "axb", "Letter");

        var names = displayNames(
                contoso, new UserFilter(UserFilter.Property.MAIL_NICKNAME, UserFilter.Operator.STARTS_WITH, "a_"));

        assertThat(names).containsExactly("Underscore");
    }

    @Test
    void deleteRemovesTheUser() {
        User kelley = insert(contoso, "kelley", "Kelley Smith");

        boolean deleted = users().delete(contoso, kelley.id());

        assertThat(deleted).isTrue();
        assertThat(users().findById(contoso, kelley.id())).isEmpty();
        assertThat(users().findByUpn(kelley.userPrincipalName())).isEmpty();
    }

    @Test
    void deleteFromAnotherDirectoryDeletesNothing() {
        User kelley = insert(contoso, "kelley", "Kelley Smith");

        boolean deleted = users().delete(fabrikam, kelley.id());

        assertThat(deleted).isFalse();
        assertThat(users().findById(contoso, kelley.id())).contains(kelley);
    }

    @Test
    void passwordHashIsStoredAndReplaced() {
        User kelley = insert(contoso, "kelley", "Kelley Smith");

        users().setPasswordHash(kelley.id(), "new-hash");

        assertThat(users().passwordHash(kelley.id())).contains("new-hash");
    }

    @Test
    @DisplayName("issue 8: an update changes the editable fields only, and only in the user's own directory")
    void updateChangesTheEditableFieldsOnly() {
        User kelley = insert(contoso, "kelley", "Kelley Smith");
        User edited = new User(
                kelley.id(),
                contoso,
                "renamed" + DOMAIN,
                "Kelley Wall",
                "Kelley",
                "Wall",
                "kelley.wall@contoso.test",
                "renamed",
                false,
                "NL",
                UserType.GUEST,
                "Engineer",
                TestWorld.NOW.plusSeconds(60));

        users().update(edited);
        users().update(new User(
                kelley.id(),
                fabrikam,
                "x" + DOMAIN,
                "Elsewhere",
                null,
                null,
                null,
                "x",
                true,
                "US",
                UserType.MEMBER,
                null,
                TestWorld.NOW));

        assertThat(users().findById(contoso, kelley.id()))
                .contains(new User(
                        kelley.id(),
                        contoso,
                        kelley.userPrincipalName(),
                        "Kelley Wall",
                        "Kelley",
                        "Wall",
                        "kelley.wall@contoso.test",
                        kelley.mailNickname(),
                        false,
                        "NL",
                        UserType.MEMBER,
                        "Engineer",
                        kelley.createdAt()));
        assertThat(users().passwordHash(kelley.id())).contains("hash-of-kelley");
    }
}
