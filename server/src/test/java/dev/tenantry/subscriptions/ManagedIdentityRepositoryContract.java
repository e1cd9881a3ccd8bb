package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.User;
import dev.tenantry.directory.apps.ServicePrincipal;
import dev.tenantry.directory.apps.ServicePrincipalType;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.testing.ContractStores;
import dev.tenantry.testing.RepositoryContract;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ManagedIdentityRepository} does (issue 11), on the fake and on SQL. */
public abstract class ManagedIdentityRepositoryContract extends RepositoryContract {

    private final ManagedIdentityRepository identities;
    private UUID subscription;

    /** The contract on {@code stores}, with the identity repository {@code identities} makes over them. */
    protected ManagedIdentityRepositoryContract(
            ContractStores stores, Function<ContractStores, ManagedIdentityRepository> identities) {
        super(stores);
        this.identities = identities.apply(stores);
    }

    @BeforeEach
    void insertSubscription() {
        User kelley = user(contoso, "kelley");
        subscription = UUID.randomUUID();
        stores.clouds()
                .insert(new CloudSubscription(
                        subscription,
                        kelley.tenantId(),
                        "Dev",
                        "MS-AZR-0044P",
                        CloudSubscription.State.ENABLED,
                        kelley.id(),
                        NOW));
    }

    private ManagedIdentity identity(String group, String name, ManagedIdentity.Kind kind) {
        ManagedIdentity identity = new ManagedIdentity(
                UUID.randomUUID(),
                contoso.id(),
                UUID.randomUUID(),
                subscription,
                group,
                name,
                kind,
                "westeurope",
                Map.of("env", "dev"),
                NOW);
        stores.applications()
                .insertServicePrincipal(new ServicePrincipal(
                        identity.principalId(),
                        contoso.id(),
                        identity.clientId(),
                        name,
                        NOW,
                        ServicePrincipalType.MANAGED_IDENTITY,
                        identity.resourceId()));
        identities.insert(identity);
        return identity;
    }

    private ComputeHost host(String group, String name, boolean system, List<UUID> userAssigned) {
        return new ComputeHost(subscription, group, name, "westeurope", Map.of(), system, userAssigned, NOW);
    }

    @Test
    void identitiesAreFoundByNameCaseInsensitivelyAndByPrincipal() {
        ManagedIdentity stored = identity("rg-App", "id-Web", ManagedIdentity.Kind.USER_ASSIGNED);

        assertThat(identities.find(subscription, "RG-APP", ManagedIdentity.Kind.USER_ASSIGNED, "ID-WEB"))
                .contains(stored);
        assertThat(identities.find(subscription, "rg-app", ManagedIdentity.Kind.SYSTEM_ASSIGNED, "id-web"))
                .isEmpty();
        assertThat(identities.findByPrincipal(stored.principalId())).contains(stored);
        assertThat(stores.applications().findServicePrincipal(contoso.id(), stored.principalId()))
                .get()
                .satisfies(sp -> assertThat(sp.isManagedIdentity()).isTrue());
    }

    @Test
    void aNameIsTakenOncePerGroupAndKind() {
        identity("rg-app", "id-web", ManagedIdentity.Kind.USER_ASSIGNED);
        identity("rg-app", "id-web", ManagedIdentity.Kind.SYSTEM_ASSIGNED);

        assertThatThrownBy(() -> identity("RG-APP", "ID-WEB", ManagedIdentity.Kind.USER_ASSIGNED))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void listsAreOrderedByGroupThenNameAndFilteredByKind() {
        identity("rg-b", "id-a", ManagedIdentity.Kind.USER_ASSIGNED);
        identity("rg-a", "id-b", ManagedIdentity.Kind.USER_ASSIGNED);
        identity("rg-a", "id-a", ManagedIdentity.Kind.USER_ASSIGNED);
        identity("rg-a", "web-1", ManagedIdentity.Kind.SYSTEM_ASSIGNED);

        assertThat(identities.list(subscription, null, ManagedIdentity.Kind.USER_ASSIGNED))
                .extracting(identity -> identity.resourceGroup() + "/" + identity.name())
                .containsExactly("rg-a/id-a", "rg-a/id-b", "rg-b/id-a");
        assertThat(identities.list(subscription, "RG-A", ManagedIdentity.Kind.USER_ASSIGNED))
                .hasSize(2);
    }

    @Test
    void tagsChangeAndDeletingDetachesFromHosts() {
        ManagedIdentity stored = identity("rg-app", "id-web", ManagedIdentity.Kind.USER_ASSIGNED);
        identities.upsertHost(host("rg-app", "web-1", false, List.of(stored.principalId())));

        assertThat(identities.updateTags(stored.withTags(Map.of("a", "b")))).isTrue();
        assertThat(identities
                        .findByPrincipal(stored.principalId())
                        .orElseThrow()
                        .tags())
                .isEqualTo(Map.of("a", "b"));
        assertThat(identities.delete(stored.principalId())).isTrue();
        assertThat(identities.delete(stored.principalId())).isFalse();
        assertThat(identities
                        .findHost(subscription, "rg-app", "web-1")
                        .orElseThrow()
                        .userAssigned())
                .isEmpty();
    }

    @Test
    void aHostKeepsItsLocationAndCreationAndReplacesItsIdentities() {
        ManagedIdentity one = identity("rg-app", "id-one", ManagedIdentity.Kind.USER_ASSIGNED);
        ManagedIdentity two = identity("rg-app", "id-two", ManagedIdentity.Kind.USER_ASSIGNED);

        assertThat(identities.upsertHost(host("rg-app", "web-1", false, List.of(one.principalId()))))
                .isTrue();
        identity("rg-app", "web-1", ManagedIdentity.Kind.SYSTEM_ASSIGNED);
        assertThat(identities.upsertHost(new ComputeHost(
                        subscription,
                        "RG-APP",
                        "WEB-1",
                        "eastus",
                        Map.of("a", "b"),
                        true,
                        List.of(two.principalId()),
                        NOW.plusSeconds(60))))
                .isFalse();

        ComputeHost stored =
                identities.findHost(subscription, "rg-app", "web-1").orElseThrow();
        assertThat(stored.name()).isEqualTo("web-1");
        assertThat(stored.location()).isEqualTo("westeurope");
        assertThat(stored.createdAt()).isEqualTo(NOW);
        assertThat(stored.tags()).isEqualTo(Map.of("a", "b"));
        assertThat(stored.systemAssigned()).isTrue();
        assertThat(stored.userAssigned()).containsExactly(two.principalId());
        assertThat(identities.listHosts(subscription, null)).hasSize(1);
        assertThat(identities.deleteHost(subscription, "RG-APP", "web-1")).isTrue();
        assertThat(identities.deleteHost(subscription, "rg-app", "web-1")).isFalse();
        assertThat(identities.listHosts(subscription, "rg-app")).isEmpty();
    }
}
