package dev.tenantry.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.FederatedIdentityCredential;
import dev.tenantry.directory.apps.KeyCredential;
import dev.tenantry.directory.apps.KeyCredentialRepository;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.testing.ContractStores;
import dev.tenantry.testing.RepositoryContract;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link KeyCredentialRepository} does (issue 11), on the fake and on SQL. */
public abstract class KeyCredentialRepositoryContract extends RepositoryContract {

    private final KeyCredentialRepository keys;

    protected <S extends ContractStores> KeyCredentialRepositoryContract(
            S stores, Function<S, KeyCredentialRepository> keysOver) {
        super(stores);
        this.keys = keysOver.apply(stores);
    }

    private Application application() {
        Application app = new Application(UUID.randomUUID(), contoso.id(), UUID.randomUUID(), "Daemon", NOW, List.of());
        stores.applications().insert(app);
        return app;
    }

    private static KeyCredential key(UUID keyId, long startOffsetSeconds) {
        return new KeyCredential(
                keyId,
                "cert",
                "A".repeat(40),
                "B".repeat(64),
                "MIIB",
                NOW.plusSeconds(startOffsetSeconds),
                NOW.plus(Duration.ofDays(365)));
    }

    @Test
    @DisplayName("issue 11: certificates are listed per application by start time, and deleted one by one")
    void insertListDelete() {
        Application daemon = application();
        Application other = application();
        KeyCredential later = key(UUID.randomUUID(), 60);
        KeyCredential first = key(UUID.randomUUID(), 0);
        keys.insert(daemon.id(), later);
        keys.insert(daemon.id(), first);

        assertThat(keys.list(daemon.id())).containsExactly(first, later);
        assertThat(keys.list(other.id())).isEmpty();
        assertThat(keys.delete(other.id(), first.keyId())).isFalse();
        assertThat(keys.delete(daemon.id(), first.keyId())).isTrue();
        assertThat(keys.list(daemon.id())).containsExactly(later);
    }

    @Test
    @DisplayName("issue 11: the same keyId twice on one application is a conflict")
    void duplicateKeyIdIsAConflict() {
        Application daemon = application();
        UUID keyId = UUID.randomUUID();
        keys.insert(daemon.id(), key(keyId, 0));

        assertThatThrownBy(() -> keys.insert(daemon.id(), key(keyId, 5))).isInstanceOf(ConflictException.class);
    }

    private static FederatedIdentityCredential federated(String name, String subject) {
        return new FederatedIdentityCredential(
                UUID.randomUUID(),
                name,
                "https://token.actions.githubusercontent.com",
                subject,
                List.of(FederatedIdentityCredential.DEFAULT_AUDIENCE),
                null);
    }

    @Test
    @DisplayName("issue 11: federated credentials are listed per application by name, updated and deleted")
    void federatedCredentials() {
        Application daemon = application();
        Application other = application();
        FederatedIdentityCredential main = federated("main-branch", "repo:contoso/app:ref:refs/heads/main");
        FederatedIdentityCredential deploy = federated("Deploy", "repo:contoso/app:environment:prod");
        keys.insertFederated(daemon.id(), main);
        keys.insertFederated(daemon.id(), deploy);
        keys.insertFederated(other.id(), federated("main-branch", "repo:contoso/app:ref:refs/heads/main"));

        assertThat(keys.federated(daemon.id())).containsExactly(deploy, main);
        FederatedIdentityCredential changed = new FederatedIdentityCredential(
                main.id(), main.name(), main.issuer(), "repo:contoso/app:pull_request", main.audiences(), "PRs");
        assertThat(keys.updateFederated(daemon.id(), changed)).isTrue();
        assertThat(keys.updateFederated(other.id(), changed)).isFalse();
        assertThat(keys.federated(daemon.id())).containsExactly(deploy, changed);
        assertThat(keys.deleteFederated(other.id(), deploy.id())).isFalse();
        assertThat(keys.deleteFederated(daemon.id(), deploy.id())).isTrue();
        assertThat(keys.federated(daemon.id())).containsExactly(changed);
    }

    @Test
    @DisplayName("issue 11: a federated credential's name (ignoring case) or issuer and subject twice is a conflict")
    void federatedDuplicatesAreConflicts() {
        Application daemon = application();
        FederatedIdentityCredential main = federated("main-branch", "repo:contoso/app:ref:refs/heads/main");
        FederatedIdentityCredential deploy = federated("deploy", "repo:contoso/app:environment:prod");
        keys.insertFederated(daemon.id(), main);
        keys.insertFederated(daemon.id(), deploy);

        assertThatThrownBy(() -> keys.insertFederated(daemon.id(), federated("MAIN-branch", "other")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> keys.insertFederated(daemon.id(), federated("third", main.subject())))
                .isInstanceOf(ConflictException.class);
        FederatedIdentityCredential clash = new FederatedIdentityCredential(
                deploy.id(), deploy.name(), main.issuer(), main.subject(), main.audiences(), null);
        assertThatThrownBy(() -> keys.updateFederated(daemon.id(), clash)).isInstanceOf(ConflictException.class);
        assertThat(keys.federated(daemon.id())).containsExactly(deploy, main);
    }
}
