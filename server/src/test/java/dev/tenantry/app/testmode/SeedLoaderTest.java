package dev.tenantry.app.testmode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import dev.tenantry.testing.TestWorld;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 14: a seed file's fixed ids, and its refusals, over the in-memory world. */
class SeedLoaderTest {

    static final String FIXED = """
            tenants:
              - name: contoso
                id: 11111111-0000-0000-0000-000000000001
                domainPrefix: contoso
                admin: {userName: admin, id: 11111111-0000-0000-0000-000000000002}
                users:
                  - {userName: jane, id: 11111111-0000-0000-0000-000000000003, usageLocation: US}
                  - {userName: joe}
                groups:
                  - {displayName: Engineering, id: 11111111-0000-0000-0000-000000000004, members: [jane]}
                applications:
                  - name: daemon
                    id: 11111111-0000-0000-0000-000000000005
                    appId: 11111111-0000-0000-0000-000000000006
                    servicePrincipalId: 11111111-0000-0000-0000-000000000007
                cloudSubscriptions:
                  - {name: dev, id: 11111111-0000-0000-0000-000000000008}
                suiteSubscriptions:
                  - {sku: ENTERPRISEPACK, id: 11111111-0000-0000-0000-000000000009, seats: 5, licensedUsers: [jane]}
            """;

    final TestWorld world = TestWorld.create();

    private Seeded load(String text) {
        UsedIds usedIds = id -> world.tenants().findById(new TenantId(id)).isPresent()
                || world.services().stores().applications().findByAppId(id).isPresent();
        return new SeedLoader(world.services(), usedIds).load(SeedFile.parse("seed.yaml", text));
    }

    private static UUID id(int last) {
        return UUID.fromString("11111111-0000-0000-0000-00000000000" + last);
    }

    @Test
    void fixedIdsAreKeptAndTheOthersAreMade() {
        Seeded.SeededTenant contoso = load(FIXED).tenant("contoso").orElseThrow();

        assertThat(contoso.tenantId()).isEqualTo(id(1).toString());
        assertThat(contoso.users().get("admin").objectId()).isEqualTo(id(2));
        assertThat(contoso.users().get("jane").objectId()).isEqualTo(id(3));
        assertThat(contoso.users().get("joe").objectId()).isNotNull().isNotIn(id(2), id(3));
        assertThat(contoso.groups()).containsEntry("Engineering", id(4).toString());
        Seeded.SeededApp daemon = contoso.apps().get("daemon");
        assertThat(daemon.objectId()).isEqualTo(id(5));
        assertThat(daemon.appId()).isEqualTo(id(6));
        assertThat(daemon.servicePrincipalId()).isEqualTo(id(7));
        assertThat(contoso.cloudSubscriptions()).containsEntry("dev", id(8).toString());
        TenantId tenant = new TenantId(id(1));
        assertThat(world.suites().findById(tenant, id(9))).isPresent();
        assertThat(world.users().findById(tenant, new UserId(id(3)))).isPresent();
        assertThat(world.clouds().findById(id(8)).orElseThrow().tenantId()).isEqualTo(tenant);
    }

    @Test
    void anIdGivenTwiceIsRefusedAtItsSecondUseWithItsLineAndNothingLoads() {
        String twice =
                FIXED.replace("id: 11111111-0000-0000-0000-000000000004", "id: 11111111-0000-0000-0000-000000000003");

        assertThatThrownBy(() -> load(twice))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("line 10, field tenants[0].groups[0].id")
                .hasMessageContaining("given twice: tenants[0].users[0].id has it already")
                .hasMessageContaining("nothing was loaded");
        assertThat(world.tenants().all()).isEmpty();
    }

    @Test
    void anIdAlreadyUsedOnTheServerIsRefused() {
        load(FIXED);
        String again = FIXED.replace("contoso", "fabrikam")
                .replace("id: 11111111-0000-0000-0000-000000000002", "id: 22222222-0000-0000-0000-000000000002");

        assertThatThrownBy(() -> load(again))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("line 3, field tenants[0].id: the id '" + id(1) + "' is already used");
        String sameAppId = "tenants:\n  - domainPrefix: fabrikam\n    applications:\n      - {name: daemon, appId: "
                + id(6) + "}\n";
        assertThatThrownBy(() -> load(sameAppId))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining(
                        "line 4, field tenants[0].applications[0].appId: the id '" + id(6) + "' is already used");
        assertThat(world.tenants().all()).hasSize(1);
    }

    @Test
    void anIdThatIsNotAGuidIsRefused() {
        assertThatThrownBy(() -> load("tenants:\n  - {domainPrefix: contoso, id: not-a-guid}\n"))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("line 2, field tenants[0].id: 'not-a-guid' is not a GUID");
    }
}
