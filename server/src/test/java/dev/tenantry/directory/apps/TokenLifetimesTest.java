package dev.tenantry.directory.apps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.shared.GenerationCache;
import dev.tenantry.shared.TenantId;
import dev.tenantry.testing.InMemoryApplicationRepository;
import dev.tenantry.testing.InMemoryStores;
import dev.tenantry.testing.InMemoryTokenLifetimePolicyRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("issue 11: a token's lifetime comes from its app's policy, else the organization default, else built in")
class TokenLifetimesTest {

    static final Duration BUILT_IN = Duration.ofHours(1);

    final InMemoryStores stores = new InMemoryStores();
    final InMemoryApplicationRepository applications = stores.applications();
    final InMemoryTokenLifetimePolicyRepository policies = new InMemoryTokenLifetimePolicyRepository(applications);
    final TokenLifetimes lifetimes = new TokenLifetimes(policies, applications, GenerationCache.disabled(), BUILT_IN);
    final TenantId contoso = TenantId.next();
    final TenantId fabrikam = TenantId.next();

    Application app(TenantId tenantId) {
        Application app =
                new Application(UUID.randomUUID(), tenantId, UUID.randomUUID(), "API", Instant.EPOCH, List.of());
        applications.insert(app);
        return app;
    }

    TokenLifetimePolicy policy(TenantId tenantId, boolean isDefault, Duration lifetime) {
        TokenLifetimePolicy policy =
                new TokenLifetimePolicy(UUID.randomUUID(), tenantId, "p", isDefault, "{}", lifetime);
        policies.insert(policy);
        return policy;
    }

    @Test
    @DisplayName("issue 11: the app's own policy wins over the organization default, which wins over the built-in")
    void precedence() {
        Application api = app(contoso);
        Application other = app(contoso);
        assertThat(lifetimes.of(contoso, api.appId())).isEqualTo(BUILT_IN);

        policy(contoso, true, Duration.ofHours(4));
        TokenLifetimePolicy own = policy(contoso, false, Duration.ofHours(2));
        policies.assign(contoso, api.id(), own.id());

        assertThat(lifetimes.of(contoso, api.appId())).isEqualTo(Duration.ofHours(2));
        assertThat(lifetimes.of(contoso, other.appId())).isEqualTo(Duration.ofHours(4));
    }

    @Test
    @DisplayName("issue 11, R14: another directory's policies and registrations never decide a directory's lifetime")
    void r14OtherDirectoriesDoNotCount() {
        Application theirs = app(fabrikam);
        TokenLifetimePolicy policy = policy(fabrikam, true, Duration.ofHours(3));
        policies.assign(fabrikam, theirs.id(), policy.id());

        assertThat(lifetimes.of(contoso, theirs.appId())).isEqualTo(BUILT_IN);
        assertThat(lifetimes.of(fabrikam, theirs.appId())).isEqualTo(Duration.ofHours(3));
    }

    @Test
    @DisplayName("issue 11: an application that is no registration of the directory (a first-party client such as the"
            + " Azure CLI) keeps the built-in lifetime, whatever the organization default")
    void firstPartyClientsKeepTheBuiltIn() {
        policy(contoso, true, Duration.ofHours(4));

        assertThat(lifetimes.of(contoso, UUID.fromString("04b07795-8ddb-461a-bbee-02f9e1bf7b46")))
                .isEqualTo(BUILT_IN);
    }
}
