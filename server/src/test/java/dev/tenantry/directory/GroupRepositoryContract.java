package dev.tenantry.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.TenantId;
import dev.tenantry.testing.ContractStores;
import dev.tenantry.testing.RepositoryContract;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link GroupRepository} does (issue 9), run on the fake and on SQL. */
public abstract class GroupRepositoryContract extends RepositoryContract {

    protected GroupRepositoryContract(ContractStores stores) {
        super(stores);
    }

    private GroupRepository groups() {
        return stores.directoryGroups();
    }

    private Group group(TenantId tenant, String name) {
        return group(tenant, UUID.randomUUID(), name, false);
    }

    private Group group(TenantId tenant, UUID id, String name, boolean unified) {
        String nickname = name.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        Group group = new Group(
                id,
                tenant,
                name,
                "About " + name,
                nickname,
                unified ? nickname + "@contoso.onmicrosoft.test" : null,
                unified,
                !unified,
                unified,
                unified ? "Private" : null,
                NOW);
        groups().insert(group);
        return group;
    }

    @Test
    @DisplayName("issue 9: a stored group is found by id in its own directory only, every field kept")
    void storedGroupIsFoundInItsDirectory() {
        Group sales = group(contoso.id(), UUID.randomUUID(), "Sales Team", true);

        assertThat(groups().findById(contoso.id(), sales.id())).contains(sales);
        assertThat(groups().findById(fabrikam.id(), sales.id())).isEmpty();
        assertThat(groups().findUnifiedByMailNickname(contoso.id(), "SALESTEAM"))
                .contains(sales);
        assertThat(groups().findUnifiedByMailNickname(fabrikam.id(), "salesteam"))
                .isEmpty();
    }

    @Test
    @DisplayName("issue 9: groups list by filter, search and display name, page after page, and count the same")
    void listsByFilterSearchAndName() {
        Group beta = group(contoso.id(), "beta testers");
        Group alpha = group(contoso.id(), "Alpha testers");
        Group unified = group(contoso.id(), UUID.randomUUID(), "Alpha news", true);
        group(fabrikam.id(), "Alpha elsewhere");

        Page<Group> first = groups().list(contoso.id(), List.of(), null, true, new PageRequest(null, 2));
        Page<Group> second = groups().list(contoso.id(), List.of(), null, true, new PageRequest(first.nextAfter(), 2));

        assertThat(first.items()).containsExactly(unified, alpha);
        assertThat(second.items()).containsExactly(beta);
        assertThat(second.hasNext()).isFalse();
        var startsAlpha =
                List.of(new GroupFilter(GroupFilter.Property.DISPLAY_NAME, GroupFilter.Operator.STARTS_WITH, "ALPHA"));
        assertThat(groups().list(contoso.id(), startsAlpha, null, true, PageRequest.first(10))
                        .items())
                .containsExactly(unified, alpha);
        var m365 = List.of(new GroupFilter(GroupFilter.Property.GROUP_TYPES, GroupFilter.Operator.ANY_EQ, "Unified"));
        assertThat(groups().list(contoso.id(), m365, null, false, PageRequest.first(10))
                        .items())
                .containsExactly(unified);
        var security = List.of(new GroupFilter(GroupFilter.Property.SECURITY_ENABLED, GroupFilter.Operator.EQ, "true"));
        assertThat(groups().count(contoso.id(), security, null)).isEqualTo(2);
        assertThat(groups().list(contoso.id(), List.of(), "TESTERS", true, PageRequest.first(10))
                        .items())
                .containsExactly(alpha, beta);
        assertThat(groups().count(contoso.id(), List.of(), "tester")).isEqualTo(2);
        assertThat(groups().count(contoso.id(), List.of(), "100%")).isZero();
    }

    @Test
    @DisplayName("issue 9: members are users then groups, each once; removing one says whether it was there")
    void membersAreUsersThenGroups() {
        Group parent = group(contoso.id(), "parent");
        Group child = group(contoso.id(), "child");
        User adele = user(contoso, "adele");

        assertThat(groups().addMember(contoso.id(), parent.id(), child)).isTrue();
        assertThat(groups().addMember(contoso.id(), parent.id(), adele)).isTrue();
        assertThat(groups().addMember(contoso.id(), parent.id(), adele)).isFalse();

        assertThat(groups().members(contoso.id(), parent.id())).containsExactly(adele, child);
        assertThat(groups().members(fabrikam.id(), parent.id())).isEmpty();
        assertThat(groups().groupsOf(contoso.id(), adele.objectId())).containsExactly(parent);
        assertThat(groups().removeMember(fabrikam.id(), parent.id(), adele.objectId()))
                .isFalse();
        assertThat(groups().removeMember(contoso.id(), parent.id(), adele.objectId()))
                .isTrue();
        assertThat(groups().removeMember(contoso.id(), parent.id(), adele.objectId()))
                .isFalse();
        assertThat(groups().members(contoso.id(), parent.id())).containsExactly(child);
    }

    @Test
    @DisplayName("issue 9: nested groups are walked both ways, each group and user once through a diamond")
    void nestedGroupsAreWalkedBothWays() {
        Group top = group(contoso.id(), "top");
        Group left = group(contoso.id(), "left");
        Group right = group(contoso.id(), "right");
        Group bottom = group(contoso.id(), "bottom");
        User adele = user(contoso, "adele");
        groups().addMember(contoso.id(), top.id(), left);
        groups().addMember(contoso.id(), top.id(), right);
        groups().addMember(contoso.id(), left.id(), bottom);
        groups().addMember(contoso.id(), right.id(), bottom);
        groups().addMember(contoso.id(), bottom.id(), adele);
        groups().addMember(contoso.id(), left.id(), adele);

        assertThat(groups().transitiveGroupsOf(contoso.id(), adele.objectId()))
                .containsExactlyInAnyOrder(top, left, right, bottom);
        assertThat(groups().transitiveGroupsOf(contoso.id(), bottom.id())).containsExactlyInAnyOrder(top, left, right);
        assertThat(groups().transitiveMembers(contoso.id(), top.id()))
                .hasSize(4)
                .containsExactlyInAnyOrder(left, right, bottom, adele)
                .first()
                .isEqualTo(adele);
        assertThat(groups().transitiveGroupsOf(fabrikam.id(), adele.objectId())).isEmpty();
    }

    @Test
    @DisplayName("issue 9: owners are users, listed by id; deleting a user drops its memberships and ownerships")
    void deletingUserDropsItsLinks() {
        Group sales = group(contoso.id(), "sales");
        User adele = user(contoso, "adele");
        User alex = user(contoso, "alex");
        groups().addMember(contoso.id(), sales.id(), adele);
        assertThat(groups().addOwner(contoso.id(), sales.id(), adele.id())).isTrue();
        assertThat(groups().addOwner(contoso.id(), sales.id(), adele.id())).isFalse();
        groups().addOwner(contoso.id(), sales.id(), alex.id());

        assertThat(groups().isOwner(contoso.id(), sales.id(), adele.id())).isTrue();
        assertThat(groups().isOwner(fabrikam.id(), sales.id(), adele.id())).isFalse();
        stores.users().delete(contoso.id(), adele.id());

        assertThat(groups().members(contoso.id(), sales.id())).isEmpty();
        assertThat(groups().owners(contoso.id(), sales.id())).containsExactly(alex);
        assertThat(groups().removeOwner(contoso.id(), sales.id(), alex.id())).isTrue();
        assertThat(groups().owners(contoso.id(), sales.id())).isEmpty();
    }

    @Test
    @DisplayName("issue 12: the groups a user owns, in its own directory, by id")
    void groupsOwnedByAUser() {
        Group sales = group(contoso.id(), "sales");
        Group ops = group(contoso.id(), "ops");
        group(contoso.id(), "other");
        User adele = user(contoso, "adele");
        groups().addOwner(contoso.id(), sales.id(), adele.id());
        groups().addOwner(contoso.id(), ops.id(), adele.id());

        List<Group> owned = groups().ownedBy(contoso.id(), adele.id());

        assertThat(owned)
                .extracting(Group::id)
                .containsExactlyElementsOf(Stream.of(sales.id(), ops.id())
                        .sorted(Comparator.comparing(UUID::toString))
                        .toList());
        assertThat(groups().ownedBy(fabrikam.id(), adele.id())).isEmpty();
    }

    @Test
    @DisplayName("issue 9: deleting a group drops it from the groups that held it; updating changes its names")
    void deletingGroupDropsItsLinks() {
        Group parent = group(contoso.id(), "parent");
        Group child = group(contoso.id(), "child");
        groups().addMember(contoso.id(), parent.id(), child);

        assertThat(groups().delete(fabrikam.id(), child.id())).isFalse();
        assertThat(groups().delete(contoso.id(), child.id())).isTrue();
        assertThat(groups().delete(contoso.id(), child.id())).isFalse();
        assertThat(groups().members(contoso.id(), parent.id())).isEmpty();

        Group renamed = parent.withChanges("Parents", null, "parents", null);
        groups().update(renamed);
        assertThat(groups().findById(contoso.id(), parent.id())).contains(renamed);
    }
}
