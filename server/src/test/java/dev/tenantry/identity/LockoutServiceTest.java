package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.PasswordHasher;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.directory.apps.CreatedSecret;
import dev.tenantry.directory.credentials.CredentialService;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.RateLimitedException;
import dev.tenantry.shared.ServiceBusyException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.testing.InMemoryLockoutRepository;
import dev.tenantry.testing.TestClock;
import dev.tenantry.testing.TestWorld;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LockoutServiceTest {

    static final String ADMIN = "admin@contoso.onmicrosoft.test";
    static final String PASSWORD = "Passw0rd!x";

    final TestClock clock = TestClock.atTen();
    final TestWorld world = TestWorld.create(clock);
    final ApplicationService applications = world.services().applications();
    final InMemoryLockoutRepository counts = world.lockouts();
    final LockoutService lockouts =
            new LockoutService(world.credentials(), applications, counts, LockoutPolicy.defaults(), clock);
    final CreatedDirectory contoso = world.tenantService()
            .createDirectory("Contoso", "US", "contoso", NewUser.of("Kelley Wall", "admin", PASSWORD));

    void failTimes(String userName, int times) {
        for (int i = 0; i < times; i++) {
            String wrong = "wrong-" + i;
            assertThatThrownBy(() -> lockouts.authenticateUser(userName, wrong))
                    .extracting(t -> ((DomainException) t).code())
                    .isEqualTo("invalid_credentials");
        }
    }

    void assertTheRightPasswordIsRefused() {
        assertThatThrownBy(() -> lockouts.authenticateUser(ADMIN, PASSWORD))
                .extracting(t -> ((DomainException) t).code())
                .isEqualTo("account_locked");
    }

    void assertTheRightPasswordSignsIn() {
        assertThat(lockouts.authenticateUser(ADMIN, PASSWORD).id())
                .isEqualTo(contoso.admin().id());
    }

    @Test
    @DisplayName("issue 7.8: ten wrong passwords lock the account; the right one is refused until the lock ends")
    void tenWrongPasswordsLockTheAccountForAMinute() {
        failTimes(ADMIN, 10);

        assertThatThrownBy(() -> lockouts.authenticateUser(ADMIN, PASSWORD))
                .isInstanceOfSatisfying(AuthenticationException.class, locked -> {
                    assertThat(locked.code()).isEqualTo("account_locked");
                    assertThat(locked.getMessage())
                            .startsWith("Your account is locked")
                            .contains("60 seconds");
                });
        clock.advance(Duration.ofSeconds(59));
        assertTheRightPasswordIsRefused();
        clock.advance(Duration.ofSeconds(1));
        assertTheRightPasswordSignsIn();
    }

    @Test
    @DisplayName("issue 7.8: nine wrong passwords do not lock, and a success forgets them")
    void aSuccessBeforeTheThresholdForgetsTheFailures() {
        failTimes(ADMIN, 9);

        lockouts.authenticateUser(ADMIN, PASSWORD);
        failTimes(ADMIN, 9);

        assertTheRightPasswordSignsIn();
        assertThat(counts.subjects()).isEmpty();
    }

    @Test
    @DisplayName("issue 7.8: failures outside the ten-minute window start a new count")
    void failuresOutsideTheWindowAreNotCountedTogether() {
        failTimes(ADMIN, 9);
        clock.advance(Duration.ofMinutes(10));

        failTimes(ADMIN, 9);

        assertTheRightPasswordSignsIn();
    }

    @Test
    @DisplayName("issue 7.8: a second lockout lasts twice as long as the first")
    void eachFurtherLockoutLastsLonger() {
        failTimes(ADMIN, 10);
        clock.advance(Duration.ofSeconds(60));
        failTimes(ADMIN, 10);
        clock.advance(Duration.ofSeconds(119));

        assertTheRightPasswordIsRefused();
        clock.advance(Duration.ofSeconds(1));
        assertTheRightPasswordSignsIn();
    }

    @Test
    @DisplayName("issue 7.8: an unknown user is locked alike, counted under a hashed bucket, never its name")
    void unknownUserNamesAreLockedAlikeUnderABoundedHashedSubject() {
        failTimes("nobody@contoso.onmicrosoft.test", 10);

        assertThatThrownBy(() -> lockouts.authenticateUser("nobody@contoso.onmicrosoft.test", "x"))
                .extracting(t -> ((DomainException) t).code())
                .isEqualTo("account_locked");
        assertThat(counts.subjects()).singleElement().asString().matches("name:[0-9a-f]{4}");
    }

    @Test
    @DisplayName("issue 7.8: the user's lock is kept under its id, whatever the case of the name typed")
    void theUsersCountIsKeptUnderItsId() {
        failTimes(ADMIN.toUpperCase(java.util.Locale.ROOT), 5);
        failTimes(ADMIN, 5);

        assertTheRightPasswordIsRefused();
        assertThat(counts.subjects()).containsExactly("user:" + contoso.admin().id());
    }

    @Test
    @DisplayName("issue 7.8: ten wrong client secrets throttle the client with 429 and the wait; then it works again")
    void wrongClientSecretsThrottleTheClient() {
        TenantId tenant = contoso.tenant().id();
        Caller admin = new Caller.User(tenant, contoso.admin().id());
        Application app = applications.createApplication(admin, tenant, "Daemon");
        CreatedSecret secret = applications.addPassword(admin, tenant, app.id(), null, null);
        applications.createServicePrincipal(admin, tenant, app.appId());
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> lockouts.authenticateClient(tenant, app.appId(), "wrong"))
                    .extracting(t -> ((DomainException) t).code())
                    .isEqualTo("invalid_client_secret");
        }

        assertThatThrownBy(() -> lockouts.authenticateClient(tenant, app.appId(), secret.secretText()))
                .isInstanceOfSatisfying(RateLimitedException.class, throttled -> {
                    assertThat(throttled.code()).isEqualTo("client_throttled");
                    assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(60));
                });
        clock.advance(Duration.ofSeconds(60));
        assertThat(lockouts.authenticateClient(tenant, app.appId(), secret.secretText())
                        .appId())
                .isEqualTo(app.appId());
    }

    @Test
    @DisplayName(
            "issue 13: with the password checks full, a sign-in is refused busy before it reads anything or counts")
    void aSignInIsRefusedBusyBeforeItReadsWhenTheChecksAreFull() {
        PasswordHasher full = new PasswordHasher() {
            @Override
            public String hash(String password) {
                throw new AssertionError("no hash while full");
            }

            @Override
            public boolean matches(String password, String encodedHash) {
                throw new AssertionError("no check while full");
            }

            @Override
            public void burnOneCheck(String password) {
                throw new AssertionError("no check while full");
            }

            @Override
            public void requireCapacity() {
                throw new ServiceBusyException(DirectoryError.SERVER_BUSY, "busy", Duration.ofSeconds(1));
            }
        };
        LockoutService busy = new LockoutService(
                new CredentialService(world.users(), full), applications, counts, LockoutPolicy.defaults(), clock);

        assertThatThrownBy(() -> busy.authenticateUser(ADMIN, "wrong"))
                .isInstanceOfSatisfying(ServiceBusyException.class, refused -> assertThat(refused.code())
                        .isEqualTo("server_busy"));
        assertThat(counts.subjects()).isEmpty();
    }
}
