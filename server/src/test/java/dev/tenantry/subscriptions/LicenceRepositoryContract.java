package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.directory.User;
import dev.tenantry.testing.ContractStores;
import dev.tenantry.testing.RepositoryContract;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link LicenceRepository} does (issue 9, R13), run on the fake and on SQL. */
public abstract class LicenceRepositoryContract extends RepositoryContract {

    private static final UUID E3 = UUID.fromString("6fd2c87f-b296-42f0-b197-1e91e994b900");
    private static final UUID PLAN = UUID.fromString("efb87545-963c-4e0d-99df-69c6916d9eb0");

    protected LicenceRepositoryContract(ContractStores stores) {
        super(stores);
    }

    private LicenceRepository licences() {
        return stores.licences();
    }

    @Test
    @DisplayName("issue 9: a saved licence is listed for its user by SKU id, every field kept")
    void savedLicenceIsListedForItsUser() {
        User adele = user(contoso, "adele");
        UUID[] skus = idsOutOfJavaOrder();
        LicenceAssignment first = new LicenceAssignment(contoso.id(), adele.id(), skus[0], List.of(PLAN), NOW);
        LicenceAssignment second = new LicenceAssignment(contoso.id(), adele.id(), skus[1], List.of(), NOW);
        licences().save(first);
        licences().save(second);

        assertThat(licences().byUser(contoso.id(), adele.id())).containsExactly(second, first);
        assertThat(licences().byUser(fabrikam.id(), adele.id())).isEmpty();
    }

    @Test
    @DisplayName("issue 9: saving the same user and SKU again changes its disabled plans, not its seat or date")
    void savingAgainReplacesDisabledPlans() {
        User adele = user(contoso, "adele");
        licences().save(new LicenceAssignment(contoso.id(), adele.id(), E3, List.of(), NOW));
        licences().save(new LicenceAssignment(contoso.id(), adele.id(), E3, List.of(PLAN), NOW.plusSeconds(60)));

        assertThat(licences().byUser(contoso.id(), adele.id()))
                .containsExactly(new LicenceAssignment(contoso.id(), adele.id(), E3, List.of(PLAN), NOW));
        assertThat(licences().assignedBySku(contoso.id())).isEqualTo(Map.of(E3, 1));
    }

    @Test
    @DisplayName("issue 9: licences are counted per SKU in their directory only, and removing one frees its seat")
    void countsPerSkuAndRemove() {
        User adele = user(contoso, "adele");
        User alex = user(contoso, "alex");
        User other = user(fabrikam, "other");
        UUID business = UUID.randomUUID();
        licences().save(new LicenceAssignment(contoso.id(), adele.id(), E3, List.of(), NOW));
        licences().save(new LicenceAssignment(contoso.id(), alex.id(), E3, List.of(), NOW));
        licences().save(new LicenceAssignment(contoso.id(), alex.id(), business, List.of(), NOW));
        licences().save(new LicenceAssignment(fabrikam.id(), other.id(), E3, List.of(), NOW));

        assertThat(licences().assignedBySku(contoso.id())).isEqualTo(Map.of(E3, 2, business, 1));
        assertThat(licences().remove(fabrikam.id(), alex.id(), E3)).isFalse();
        assertThat(licences().remove(contoso.id(), alex.id(), E3)).isTrue();
        assertThat(licences().remove(contoso.id(), alex.id(), E3)).isFalse();
        assertThat(licences().assignedBySku(contoso.id())).isEqualTo(Map.of(E3, 1, business, 1));
    }

    @Test
    @DisplayName("issue 9: removing a SKU takes its licences away in that directory only, and says how many")
    void removeSkuTakesEveryLicenceOfIt() {
        User alex = user(contoso, "alex");
        UUID business = UUID.randomUUID();
        licences()
                .save(new LicenceAssignment(contoso.id(), user(contoso, "adele").id(), E3, List.of(), NOW));
        licences().save(new LicenceAssignment(contoso.id(), alex.id(), E3, List.of(PLAN), NOW));
        licences().save(new LicenceAssignment(contoso.id(), alex.id(), business, List.of(), NOW));
        licences()
                .save(new LicenceAssignment(
                        fabrikam.id(), user(fabrikam, "other").id(), E3, List.of(), NOW));

        assertThat(licences().removeSku(contoso.id(), E3)).isEqualTo(2);

        assertThat(licences().assignedBySku(contoso.id())).isEqualTo(Map.of(business, 1));
        assertThat(licences().assignedBySku(fabrikam.id())).isEqualTo(Map.of(E3, 1));
        assertThat(licences().removeSku(contoso.id(), E3)).isZero();
    }

    @Test
    @DisplayName("issue 9: deleting a user frees its seats")
    void deletingUserFreesSeats() {
        User adele = user(contoso, "adele");
        licences().save(new LicenceAssignment(contoso.id(), adele.id(), E3, List.of(), NOW));

        stores.users().delete(contoso.id(), adele.id());

        assertThat(licences().byUser(contoso.id(), adele.id())).isEmpty();
        assertThat(licences().assignedBySku(contoso.id())).isEmpty();
    }

    private dev.tenantry.directory.Group group(String name) {
        var group = new dev.tenantry.directory.Group(
                UUID.randomUUID(), contoso.id(), name, null, name, null, false, true, false, null, NOW);
        stores.directoryGroups().insert(group);
        return group;
    }

    @Test
    @DisplayName(
            "issue 9: a group's licences and what members inherit are stored; a user holding a SKU twice counts once")
    void groupLicencesAndInheritedCountOncePerUser() {
        User adele = user(contoso, "adele");
        User alex = user(contoso, "alex");
        var team = group("team");
        licences().saveGroupLicence(new GroupLicence(contoso.id(), team.id(), E3, List.of(), NOW));
        licences().saveGroupLicence(new GroupLicence(contoso.id(), team.id(), E3, List.of(PLAN), NOW.plusSeconds(5)));
        licences().save(new LicenceAssignment(contoso.id(), adele.id(), E3, List.of(), NOW));
        var inherited = List.of(
                new InheritedLicence(contoso.id(), adele.id(), team.id(), E3, null, NOW),
                new InheritedLicence(
                        contoso.id(), alex.id(), team.id(), E3, InheritedLicence.Failure.COUNT_VIOLATION, NOW));
        licences().replaceInherited(contoso.id(), team.id(), inherited);

        assertThat(licences().groupLicences(contoso.id(), team.id()))
                .containsExactly(new GroupLicence(contoso.id(), team.id(), E3, List.of(PLAN), NOW));
        assertThat(licences().inheritedFrom(contoso.id(), team.id())).containsExactlyInAnyOrderElementsOf(inherited);
        assertThat(licences().inheritedBy(contoso.id(), alex.id())).containsExactly(inherited.get(1));
        assertThat(licences().assignedBySku(contoso.id())).isEqualTo(Map.of(E3, 1));
        assertThat(licences().groupLicences(fabrikam.id(), team.id())).isEmpty();
    }

    @Test
    @DisplayName("issue 9: removing a group's licence, or deleting the group, takes what its members inherited")
    void removingGroupLicenceTakesInherited() {
        User adele = user(contoso, "adele");
        var team = group("team");
        var other = group("other");
        for (var g : List.of(team, other)) {
            licences().saveGroupLicence(new GroupLicence(contoso.id(), g.id(), E3, List.of(), NOW));
            licences()
                    .replaceInherited(
                            contoso.id(),
                            g.id(),
                            List.of(new InheritedLicence(contoso.id(), adele.id(), g.id(), E3, null, NOW)));
        }

        assertThat(licences().removeGroupLicence(fabrikam.id(), team.id(), E3)).isFalse();
        assertThat(licences().removeGroupLicence(contoso.id(), team.id(), E3)).isTrue();
        assertThat(licences().inheritedBy(contoso.id(), adele.id()))
                .extracting(InheritedLicence::groupId)
                .containsExactly(other.id());
        stores.directoryGroups().delete(contoso.id(), other.id());
        assertThat(licences().inheritedBy(contoso.id(), adele.id())).isEmpty();
        assertThat(licences().groupLicences(contoso.id(), other.id())).isEmpty();
        assertThat(licences().assignedBySku(contoso.id())).isEmpty();
    }

    @Test
    @DisplayName("issue 9: a SKU's holders are listed by user, direct and inherited apart, in their directory only")
    void holdersOfASku() {
        User[] users = {user(contoso, "adele"), user(contoso, "alex")};
        User other = user(fabrikam, "other");
        var team = group("team");
        UUID business = UUID.randomUUID();
        for (User user : users) {
            licences().save(new LicenceAssignment(contoso.id(), user.id(), E3, List.of(PLAN), NOW));
        }
        licences().save(new LicenceAssignment(contoso.id(), users[0].id(), business, List.of(), NOW));
        licences().save(new LicenceAssignment(fabrikam.id(), other.id(), E3, List.of(), NOW));
        var inherited = new InheritedLicence(
                contoso.id(), users[1].id(), team.id(), E3, InheritedLicence.Failure.USAGE_LOCATION_VIOLATION, NOW);
        licences().replaceInherited(contoso.id(), team.id(), List.of(inherited));

        List<UUID> inOrder = java.util.Arrays.stream(users)
                .map(u -> u.id().value())
                .sorted(dev.tenantry.testing.Uuids.SQL_ORDER)
                .toList();
        assertThat(licences().bySku(contoso.id(), E3))
                .extracting(l -> l.userId().value())
                .containsExactlyElementsOf(inOrder);
        assertThat(licences().bySku(contoso.id(), E3).get(0).disabledPlans()).containsExactly(PLAN);
        assertThat(licences().inheritedOfSku(contoso.id(), E3)).containsExactly(inherited);
        assertThat(licences().inheritedOfSku(fabrikam.id(), E3)).isEmpty();
        assertThat(licences().bySku(contoso.id(), business)).hasSize(1);
    }
}
