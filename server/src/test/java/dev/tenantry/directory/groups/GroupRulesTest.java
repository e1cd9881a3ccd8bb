package dev.tenantry.directory.groups;

import static dev.tenantry.directory.DirectoryRoleTemplate.USER_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.Group;
import dev.tenantry.directory.User;
import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 9: the rules of groups — who may create and change them, nesting without cycles, tenant isolation. */
class GroupRulesTest {

    private final TestWorld world = TestWorld.create();
    private final GroupService groups = world.groupService();
    private final TestDirectory contoso = TestDirectories.contoso().create(world);
    private final TestDirectory fabrikam = TestDirectories.fabrikam().create(world);
    private final Caller.User admin = contoso.adminCaller();

    private static NewGroup security(String name, List<String> members) {
        return new NewGroup(name, null, name.replace(" ", ""), false, true, List.of(), null, members, List.of());
    }

    private static NewGroup unified(String name) {
        return new NewGroup(name, null, name.replace(" ", ""), true, false, List.of("Unified"), null, null, null);
    }

    private Group create(Caller caller, String name) {
        return groups.create(caller, contoso.id(), security(name, List.of()));
    }

    @Test
    @DisplayName("issue 9: nesting never forms a cycle, however deep; a group is not its own member")
    void nestingNeverFormsACycle() {
        Group a = create(admin, "a");
        Group b = create(admin, "b");
        Group c = create(admin, "c");
        groups.addMember(admin, contoso.id(), a.id().toString(), b.id().toString());
        groups.addMember(admin, contoso.id(), b.id().toString(), c.id().toString());

        for (Group ancestor : List.of(a, b, c)) {
            assertThatThrownBy(() -> groups.addMember(
                            admin,
                            contoso.id(),
                            c.id().toString(),
                            ancestor.id().toString()))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.code())
                            .isEqualTo("group_membership_cycle"));
        }
        assertThat(groups.transitiveMembers(admin, contoso.id(), a.id().toString()))
                .containsExactlyInAnyOrder(b, c);
    }

    @Test
    @DisplayName("issue 9: a Microsoft 365 group holds users, not groups, and gets an address at the initial domain")
    void microsoft365GroupsHoldUsersOnly() {
        Group m365 = groups.create(admin, contoso.id(), unified("All Company"));
        Group security = create(admin, "Security");

        assertThat(m365.mail()).isEqualTo("allcompany@" + contoso.tenant().initialDomain());
        assertThatThrownBy(() -> groups.addMember(
                        admin, contoso.id(), m365.id().toString(), security.id().toString()))
                .hasMessageContaining("cannot have groups as members");
    }

    @Test
    @DisplayName("issue 9: a bad member in the create request leaves no group behind")
    void badMemberLeavesNoGroupBehind() {
        assertThatThrownBy(() -> groups.create(
                        admin,
                        contoso.id(),
                        security("Half made", List.of(fabrikam.admin().id().toString()))))
                .isInstanceOf(NotFoundException.class);

        assertThat(groups.list(admin, contoso.id(), List.of(), null, true, PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    @DisplayName("issue 9: members create groups and own them; guests do not; a non-owner needs an admin role")
    void whoMayCreateAndChange() {
        Caller.User adele = contoso.member("adele");
        Caller.User alex = contoso.member("alex");
        Caller.User userAdmin = contoso.member("uadmin", USER_ADMINISTRATOR);
        Group team = create(adele, "Adele's team");

        assertThat(groups.owners(admin, contoso.id(), team.id().toString()))
                .extracting(User::objectId)
                .containsExactly(adele.userId().value());
        assertThatThrownBy(() -> groups.addMember(
                        alex, contoso.id(), team.id().toString(), alex.userId().toString()))
                .isInstanceOf(AccessDeniedException.class);
        groups.addMember(
                userAdmin, contoso.id(), team.id().toString(), alex.userId().toString());
        groups.addMember(
                adele, contoso.id(), team.id().toString(), userAdmin.userId().toString());
        Caller.User guest = new Caller.User(
                contoso.id(), alex.userId(), new Caller.Account(fabrikam.id(), alex.userId()), alex.graphScopes());
        assertThatThrownBy(() -> create(guest, "Guests' group"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("Guests cannot create groups");
    }

    @Test
    @DisplayName(
            "issue 9: the consoles offer a group's actions to its owners and to Global or User Administrators only")
    void mayManageAnswersWhatTheActionsAllow() {
        Caller.User adele = contoso.member("adele");
        Caller.User alex = contoso.member("alex");
        Caller.User userAdmin = contoso.member("uadmin", USER_ADMINISTRATOR);
        Group team = create(adele, "Adele's team");
        String id = team.id().toString();

        assertThat(groups.mayManage(adele, contoso.id(), id)).isTrue();
        assertThat(groups.mayManage(admin, contoso.id(), id)).isTrue();
        assertThat(groups.mayManage(userAdmin, contoso.id(), id)).isTrue();
        assertThat(groups.mayManage(alex, contoso.id(), id)).isFalse();
        assertThatThrownBy(() -> groups.mayManage(fabrikam.adminCaller(), contoso.id(), id))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("issue 9 (R14): another directory's groups and users cannot be read, joined or named as members")
    void tenantIsolation() {
        Group team = create(admin, "Team");
        Caller.User other = fabrikam.adminCaller();

        assertThatThrownBy(() -> groups.get(other, fabrikam.id(), team.id().toString()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> groups.get(other, contoso.id(), team.id().toString()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> groups.addMember(
                        admin,
                        contoso.id(),
                        team.id().toString(),
                        fabrikam.admin().id().toString()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("issue 9: checkMemberGroups answers only asked groups the object is in, and takes at most 20 ids")
    void checkMemberGroups() {
        User adele = contoso.addUser("adele");
        Group outer = create(admin, "outer");
        Group inner = create(admin, "inner");
        Group other = create(admin, "other");
        groups.addMember(admin, contoso.id(), outer.id().toString(), inner.id().toString());
        groups.addMember(admin, contoso.id(), inner.id().toString(), adele.id().toString());

        assertThat(groups.checkMemberGroups(
                        admin,
                        contoso.id(),
                        adele.objectId(),
                        List.of(other.id().toString(), outer.id().toString())))
                .containsExactly(outer.id());
        assertThatThrownBy(() -> groups.checkMemberGroups(
                        admin,
                        contoso.id(),
                        adele.objectId(),
                        Collections.nCopies(21, outer.id().toString())))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("at most 20");
    }
}
