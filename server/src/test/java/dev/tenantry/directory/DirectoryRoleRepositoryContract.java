package dev.tenantry.directory;

import static dev.tenantry.directory.DirectoryRoleTemplate.BILLING_ADMINISTRATOR;
import static dev.tenantry.directory.DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR;
import static dev.tenantry.directory.DirectoryRoleTemplate.USER_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.testing.ContractStores;
import dev.tenantry.testing.RepositoryContract;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link DirectoryRoleRepository} does (issue 8: a contract per fake, run on the fake and on SQL). */
public abstract class DirectoryRoleRepositoryContract extends RepositoryContract {

    protected DirectoryRoleRepositoryContract(ContractStores stores) {
        super(stores);
    }

    private DirectoryRoleRepository roles() {
        return stores.roles();
    }

    @Test
    @DisplayName("issue 8: a template is activated once per directory, and found by id in that directory only")
    void activationGivesOneRolePerTemplateAndDirectory() {
        DirectoryRole first = roles().activate(contoso.id(), GLOBAL_ADMINISTRATOR);
        DirectoryRole again = roles().activate(contoso.id(), GLOBAL_ADMINISTRATOR);
        DirectoryRole elsewhere = roles().activate(fabrikam.id(), GLOBAL_ADMINISTRATOR);

        assertThat(again).isEqualTo(first);
        assertThat(elsewhere.id()).isNotEqualTo(first.id());
        assertThat(roles().findById(contoso.id(), first.id())).contains(first);
        assertThat(roles().findById(fabrikam.id(), first.id())).isEmpty();
        assertThat(roles().findById(contoso.id(), UUID.randomUUID())).isEmpty();
    }

    @Test
    @DisplayName("issue 8: the activated roles of a directory are listed in template order")
    void activatedRolesAreInTemplateOrder() {
        roles().activate(contoso.id(), USER_ADMINISTRATOR);
        roles().activate(contoso.id(), GLOBAL_ADMINISTRATOR);
        roles().activate(fabrikam.id(), BILLING_ADMINISTRATOR);

        assertThat(roles().activated(contoso.id()))
                .extracting(DirectoryRole::template)
                .containsExactly(GLOBAL_ADMINISTRATOR, USER_ADMINISTRATOR);
    }

    @Test
    @DisplayName("issue 8: adding a member twice is false, removing one that left is false")
    void membershipIsASet() {
        User kelley = user(contoso, "kelley");
        DirectoryRole admins = roles().activate(contoso.id(), GLOBAL_ADMINISTRATOR);

        assertThat(roles().addMember(admins, kelley.id())).isTrue();
        assertThat(roles().addMember(admins, kelley.id())).isFalse();
        assertThat(roles().members(admins)).containsExactly(kelley.id());
        assertThat(roles().removeMember(admins, kelley.id())).isTrue();
        assertThat(roles().removeMember(admins, kelley.id())).isFalse();
        assertThat(roles().members(admins)).isEmpty();
    }

    @Test
    @DisplayName("issue 8: members are listed in SQL id order")
    void membersAreInSqlIdOrder() {
        UUID[] ids = idsOutOfJavaOrder();
        DirectoryRole admins = roles().activate(contoso.id(), GLOBAL_ADMINISTRATOR);
        for (int i = 0; i < ids.length; i++) {
            roles().addMember(admins, user(contoso, ids[i], "u" + i).id());
        }

        assertThat(roles().members(admins)).extracting(id -> id.value()).containsExactly(ids[1], ids[2], ids[0]);
    }

    @Test
    @DisplayName("issue 8: a user's roles are those it holds in the directory asked about")
    void rolesOfNamesTheTemplatesHeld() {
        User kelley = user(contoso, "kelley");
        roles().addMember(roles().activate(contoso.id(), GLOBAL_ADMINISTRATOR), kelley.id());
        roles().addMember(roles().activate(contoso.id(), BILLING_ADMINISTRATOR), kelley.id());
        roles().activate(contoso.id(), USER_ADMINISTRATOR);

        assertThat(roles().rolesOf(contoso.id(), kelley.id()))
                .containsExactlyInAnyOrder(GLOBAL_ADMINISTRATOR, BILLING_ADMINISTRATOR);
        assertThat(roles().rolesOf(fabrikam.id(), kelley.id())).isEmpty();
        assertThat(roles().rolesOf(contoso.id(), user(contoso, "megan").id())).isEmpty();
    }

    @Test
    @DisplayName("issue 8: holders are the directory's users holding any of the templates, each once, by id")
    void holdersAreDistinctAndInSqlIdOrder() {
        UUID[] ids = idsOutOfJavaOrder();
        User a = user(contoso, ids[0], "a");
        User b = user(contoso, ids[1], "b");
        User c = user(contoso, ids[2], "c");
        User other = user(fabrikam, "other");
        DirectoryRole global = roles().activate(contoso.id(), GLOBAL_ADMINISTRATOR);
        DirectoryRole billing = roles().activate(contoso.id(), BILLING_ADMINISTRATOR);
        roles().addMember(global, a.id());
        roles().addMember(billing, a.id());
        roles().addMember(billing, b.id());
        roles().addMember(roles().activate(contoso.id(), USER_ADMINISTRATOR), c.id());
        roles().addMember(roles().activate(fabrikam.id(), GLOBAL_ADMINISTRATOR), other.id());

        assertThat(roles().holders(contoso.id(), Set.of(GLOBAL_ADMINISTRATOR, BILLING_ADMINISTRATOR)))
                .containsExactly(b.id(), a.id());
        assertThat(roles().holders(contoso.id(), Set.of())).isEmpty();
    }

    @Test
    @DisplayName("issue 8: deleting a user drops its role memberships")
    void deletingAUserDropsItsMemberships() {
        User kelley = user(contoso, "kelley");
        User megan = user(contoso, "megan");
        DirectoryRole admins = roles().activate(contoso.id(), GLOBAL_ADMINISTRATOR);
        roles().addMember(admins, kelley.id());
        roles().addMember(admins, megan.id());

        stores.users().delete(contoso.id(), kelley.id());

        assertThat(roles().members(admins)).containsExactly(megan.id());
        assertThat(roles().rolesOf(contoso.id(), kelley.id())).isEmpty();
    }
}
