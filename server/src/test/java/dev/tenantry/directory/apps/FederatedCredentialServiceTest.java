package dev.tenantry.directory.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("issue 11: federated identity credentials of applications, with Entra's rules")
class FederatedCredentialServiceTest {

    static final String GITHUB = "https://token.actions.githubusercontent.com";

    final TestWorld world = TestWorld.create();
    final TestDirectory contoso = TestDirectories.contoso().create(world);
    final TestDirectory fabrikam = TestDirectories.fabrikam().create(world);
    final ApplicationService applications = world.services().applications();
    final FederatedCredentialService credentials =
            world.services().keyCredentials().federated();
    final Caller admin = contoso.adminCaller();
    final Application app = applications.createApplication(admin, contoso.id(), "Deployer");

    static NewFederatedCredential wanted(String name, String subject) {
        return new NewFederatedCredential(name, GITHUB, subject, null, "GitHub Actions");
    }

    FederatedIdentityCredential create(String name, String subject) {
        return credentials.create(admin, contoso.id(), app.id(), wanted(name, subject));
    }

    static void refusedWith(Enum<?> code, String field, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code.name().toLowerCase(Locale.ROOT));
            assertThat(e.field()).contains(field);
        });
    }

    @Test
    void createdWithTheDefaultAudienceAndFoundByIdOrName() {
        FederatedIdentityCredential main = create("main-branch", "repo:contoso/app:ref:refs/heads/main");

        assertThat(main.audiences()).containsExactly("api://AzureADTokenExchange");
        assertThat(credentials.list(admin, contoso.id(), app.id())).containsExactly(main);
        assertThat(credentials.get(admin, contoso.id(), app.id(), main.id().toString()))
                .isEqualTo(main);
        assertThat(credentials.get(admin, contoso.id(), app.id(), "Main-Branch"))
                .isEqualTo(main);
        assertThat(credentials.credentialsOf(contoso.id(), app.appId())).containsExactly(main);
        assertThat(credentials.credentialsOf(fabrikam.id(), app.appId())).isEmpty();
    }

    @Test
    void entraValidationNamesTheProperty() {
        var invalid = FederatedCredentialError.INVALID_FEDERATED_CREDENTIAL;
        refusedWith(invalid, "name", () -> create("ab", "s"));
        refusedWith(invalid, "name", () -> create("-starts-with-dash", "s"));
        refusedWith(invalid, "name", () -> create("has space", "s"));
        refusedWith(
                invalid,
                "issuer",
                () -> credentials.create(
                        admin, contoso.id(), app.id(), new NewFederatedCredential("n1x", "http://x", "s", null, null)));
        refusedWith(
                dev.tenantry.shared.RequestError.MISSING_FIELD,
                "subject",
                () -> credentials.create(
                        admin, contoso.id(), app.id(), new NewFederatedCredential("n1x", GITHUB, " ", null, null)));
        refusedWith(dev.tenantry.shared.RequestError.FIELD_TOO_LONG, "subject", () -> create("n1x", "s".repeat(601)));
        refusedWith(
                invalid,
                "audiences",
                () -> credentials.create(
                        admin,
                        contoso.id(),
                        app.id(),
                        new NewFederatedCredential("n1x", GITHUB, "s", List.of("a", "b"), null)));
        assertThat(credentials.list(admin, contoso.id(), app.id())).isEmpty();
    }

    @Test
    void namesAndIssuerWithSubjectAreUniqueAndNamesNeverChange() {
        FederatedIdentityCredential main = create("main-branch", "repo:contoso/app:ref:refs/heads/main");
        var duplicate = FederatedCredentialError.DUPLICATE_FEDERATED_CREDENTIAL;
        refusedWith(duplicate, "name", () -> create("MAIN-BRANCH", "other"));
        refusedWith(duplicate, "subject", () -> create("second", main.subject()));
        FederatedIdentityCredential prs = create("prs", "repo:contoso/app:pull_request");

        refusedWith(
                duplicate,
                "subject",
                () -> credentials.update(
                        admin,
                        contoso.id(),
                        app.id(),
                        "prs",
                        new NewFederatedCredential(null, null, main.subject(), null, null)));
        refusedWith(
                FederatedCredentialError.INVALID_FEDERATED_CREDENTIAL,
                "name",
                () -> credentials.update(
                        admin,
                        contoso.id(),
                        app.id(),
                        "prs",
                        new NewFederatedCredential("renamed", null, null, null, null)));

        FederatedIdentityCredential updated = credentials.update(
                admin,
                contoso.id(),
                app.id(),
                prs.id().toString(),
                new NewFederatedCredential(null, null, "repo:contoso/app:environment:prod", null, "prod"));
        assertThat(updated.name()).isEqualTo("prs");
        assertThat(credentials.get(admin, contoso.id(), app.id(), "prs")).isEqualTo(updated);

        credentials.delete(admin, contoso.id(), app.id(), "prs");
        assertThat(credentials.list(admin, contoso.id(), app.id())).containsExactly(main);
        assertThatThrownBy(() -> credentials.delete(admin, contoso.id(), app.id(), "prs"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void atMostTwentyPerApplication() {
        for (int i = 0; i < FederatedCredentialService.MAX_PER_APPLICATION; i++) {
            create("credential-" + i, "subject-" + i);
        }
        refusedWith(
                FederatedCredentialError.INVALID_FEDERATED_CREDENTIAL,
                "federatedIdentityCredentials",
                () -> create("one-too-many", "subject-x"));
    }

    @Test
    @DisplayName("R14: only who may change the application changes its credentials, and only in its directory")
    void r14OnlyManagersOfTheApplication() {
        Caller member = contoso.member("sam");
        assertThatThrownBy(() -> credentials.create(member, contoso.id(), app.id(), wanted("by-member", "s")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() ->
                        credentials.create(fabrikam.adminCaller(), contoso.id(), app.id(), wanted("by-other", "s")))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> credentials.list(fabrikam.adminCaller(), fabrikam.id(), app.id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(credentials.list(admin, contoso.id(), app.id())).isEmpty();
        assertThat(UUID.randomUUID()).isNotEqualTo(app.id());
    }

    @Test
    @DisplayName(
            "issue 11: upsert by name creates only when asked to (Graph's Prefer: create-if-missing), else updates")
    void upsertByName() {
        NewFederatedCredential body = new NewFederatedCredential(null, GITHUB, "repo:contoso/app:env:prod", null, null);
        assertThatThrownBy(() -> credentials.upsert(admin, contoso.id(), app.id(), "prod", body, false))
                .isInstanceOf(NotFoundException.class);

        FederatedCredentialService.Upserted created =
                credentials.upsert(admin, contoso.id(), app.id(), "prod", body, true);
        FederatedCredentialService.Upserted updated = credentials.upsert(
                admin,
                contoso.id(),
                app.id(),
                "PROD",
                new NewFederatedCredential(null, null, null, null, "deploys prod"),
                true);

        assertThat(created.created()).isTrue();
        assertThat(created.credential().name()).isEqualTo("prod");
        assertThat(updated.created()).isFalse();
        assertThat(updated.credential().id()).isEqualTo(created.credential().id());
        assertThat(updated.credential().description()).isEqualTo("deploys prod");
        assertThat(credentials.list(admin, contoso.id(), app.id())).containsExactly(updated.credential());
        refusedWith(
                FederatedCredentialError.INVALID_FEDERATED_CREDENTIAL,
                "name",
                () -> credentials.upsert(
                        admin,
                        contoso.id(),
                        app.id(),
                        "staging",
                        new NewFederatedCredential("other", GITHUB, "s", null, null),
                        true));
    }

    @Test
    @DisplayName("issue 11: the list keeps what the filter names: name ignoring case, subject exactly")
    void listFiltered() {
        FederatedIdentityCredential main = create("main-branch", "repo:contoso/app:ref:refs/heads/main");
        FederatedIdentityCredential prod = create("prod", "repo:contoso/app:environment:prod");

        assertThat(credentials.list(
                        admin,
                        contoso.id(),
                        app.id(),
                        new FederatedCredentialFilter(List.of("MAIN-branch"), List.of())))
                .containsExactly(main);
        assertThat(credentials.list(
                        admin,
                        contoso.id(),
                        app.id(),
                        new FederatedCredentialFilter(List.of(), List.of("repo:contoso/app:environment:prod"))))
                .containsExactly(prod);
        assertThat(credentials.list(
                        admin,
                        contoso.id(),
                        app.id(),
                        new FederatedCredentialFilter(List.of(), List.of("REPO:contoso/app:environment:prod"))))
                .isEmpty();
        assertThat(credentials.list(admin, contoso.id(), app.id(), FederatedCredentialFilter.ALL))
                .containsExactlyInAnyOrder(main, prod);
    }
}
