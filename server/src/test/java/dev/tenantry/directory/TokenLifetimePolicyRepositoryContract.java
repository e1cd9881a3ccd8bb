package dev.tenantry.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.TokenLifetimePolicy;
import dev.tenantry.directory.apps.TokenLifetimePolicyRepository;
import dev.tenantry.shared.TenantId;
import dev.tenantry.testing.ContractStores;
import dev.tenantry.testing.RepositoryContract;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link TokenLifetimePolicyRepository} does (issue 11), on the fake and on SQL. */
public abstract class TokenLifetimePolicyRepositoryContract extends RepositoryContract {

    private final TokenLifetimePolicyRepository policies;

    protected <S extends ContractStores> TokenLifetimePolicyRepositoryContract(
            S stores, Function<S, TokenLifetimePolicyRepository> policiesOver) {
        super(stores);
        this.policies = policiesOver.apply(stores);
    }

    private Application application(TenantId tenantId) {
        Application app = new Application(UUID.randomUUID(), tenantId, UUID.randomUUID(), "Orders API", NOW, List.of());
        stores.applications().insert(app);
        return app;
    }

    private TokenLifetimePolicy policy(TenantId tenantId, String name, boolean isDefault, Duration lifetime) {
        TokenLifetimePolicy policy = new TokenLifetimePolicy(
                UUID.randomUUID(), tenantId, name, isDefault, "{\"TokenLifetimePolicy\":{}}", lifetime);
        policies.insert(policy);
        return policy;
    }

    @Test
    @DisplayName("issue 11, R14: policies are found, listed by name, updated and deleted within their directory only")
    void r14PoliciesStayInTheirDirectory() {
        TokenLifetimePolicy two = policy(contoso.id(), "Two hours", false, Duration.ofHours(2));
        TokenLifetimePolicy one = policy(contoso.id(), "One hour", true, Duration.ofHours(1));
        TokenLifetimePolicy theirs = policy(fabrikam.id(), "Theirs", true, Duration.ofHours(3));

        assertThat(policies.list(contoso.id())).containsExactly(one, two);
        assertThat(policies.find(contoso.id(), two.id())).contains(two);
        assertThat(policies.find(contoso.id(), theirs.id())).isEmpty();
        assertThat(policies.findOrganizationDefault(contoso.id())).contains(one);
        assertThat(policies.findOrganizationDefault(fabrikam.id())).contains(theirs);

        TokenLifetimePolicy changed =
                new TokenLifetimePolicy(two.id(), contoso.id(), "Ninety minutes", false, "{}", Duration.ofMinutes(90));
        assertThat(policies.update(changed)).isTrue();
        assertThat(policies.find(contoso.id(), two.id())).contains(changed);
        assertThat(policies.update(new TokenLifetimePolicy(
                        theirs.id(), contoso.id(), "Stolen", false, "{}", Duration.ofMinutes(10))))
                .isFalse();
        assertThat(policies.delete(contoso.id(), theirs.id())).isFalse();
        assertThat(policies.delete(contoso.id(), one.id())).isTrue();
        assertThat(policies.findOrganizationDefault(contoso.id())).isEmpty();
        assertThat(policies.find(fabrikam.id(), theirs.id())).contains(theirs);
    }

    @Test
    @DisplayName("issue 11, R14: an application has one policy of its own directory; deleting the policy unassigns it")
    void r14OnePolicyPerApplication() {
        Application api = application(contoso.id());
        Application foreign = application(fabrikam.id());
        TokenLifetimePolicy first = policy(contoso.id(), "First", false, Duration.ofHours(2));
        TokenLifetimePolicy second = policy(contoso.id(), "Second", false, Duration.ofHours(3));
        TokenLifetimePolicy theirs = policy(fabrikam.id(), "Theirs", false, Duration.ofHours(4));

        policies.assign(contoso.id(), api.id(), first.id());
        policies.assign(contoso.id(), api.id(), second.id());
        assertThat(policies.findAssigned(contoso.id(), api.id())).contains(second);

        policies.assign(contoso.id(), foreign.id(), first.id());
        policies.assign(fabrikam.id(), foreign.id(), first.id());
        assertThat(policies.findAssigned(fabrikam.id(), foreign.id())).isEmpty();
        assertThat(policies.findAssigned(fabrikam.id(), api.id())).isEmpty();

        assertThat(policies.unassign(contoso.id(), api.id(), first.id())).isFalse();
        assertThat(policies.unassign(fabrikam.id(), api.id(), second.id())).isFalse();
        assertThat(policies.unassign(contoso.id(), api.id(), second.id())).isTrue();
        assertThat(policies.findAssigned(contoso.id(), api.id())).isEmpty();

        policies.assign(contoso.id(), api.id(), first.id());
        assertThat(policies.delete(contoso.id(), first.id())).isTrue();
        assertThat(policies.findAssigned(contoso.id(), api.id())).isEmpty();
        assertThat(policies.find(fabrikam.id(), theirs.id())).contains(theirs);
    }
}
