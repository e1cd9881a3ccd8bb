package dev.tenantry.identity.grants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.identity.DeviceCodeService;
import dev.tenantry.identity.TokenRequest;
import dev.tenantry.identity.TokenResponse;
import dev.tenantry.identity.TokenService;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.testing.TestClock;
import dev.tenantry.testing.TestWorld;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("issue 11: the device code flow: the device polls, the user approves on the verification page")
class DeviceCodeTest {

    static final String BASE = "https://login.example";
    static final String CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
    static final String SCOPE = "https://graph.microsoft.com/.default openid profile offline_access";

    final TestClock clock = TestClock.atTen();
    final TestWorld world = TestWorld.create(clock);
    final TokenService tokens = world.services().tokens();
    final DeviceCodeService deviceCodes = world.services().deviceCodes();
    final CreatedDirectory contoso = world.tenantService()
            .createDirectory("Contoso", "US", "contoso", NewUser.of("Kelley Wall", "admin", "Passw0rd!x"));
    final Caller.User kelley =
            new Caller.User(contoso.tenant().id(), contoso.admin().id());

    DeviceCodeService.DeviceAuthorization start(String clientId) {
        return deviceCodes.start("organizations", clientId, SCOPE, BASE);
    }

    TokenResponse poll(String clientId, String deviceCode) {
        return tokens.token(
                new TokenRequest(
                        "organizations",
                        "urn:ietf:params:oauth:grant-type:device_code",
                        new TokenRequest.Client(clientId, null),
                        SCOPE,
                        true,
                        TokenRequest.Parameters.deviceCode(deviceCode)),
                BASE);
    }

    static void refusedWith(String code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code())
                .isEqualTo(code));
    }

    @Test
    @DisplayName("issue 11: the answer carries Entra's fields, wording, 15 minutes and a 5 second interval")
    void startAnswersAsEntra() {
        DeviceCodeService.DeviceAuthorization started = start(CLI);

        assertThat(started.userCode()).matches("[BCDFGHJKLMNPQRSTVWXZ]{8}");
        assertThat(started.deviceCode()).hasSizeGreaterThan(40);
        assertThat(started.verificationUri()).isEqualTo(BASE + "/devicelogin");
        assertThat(started.expiresIn()).isEqualTo(900);
        assertThat(started.interval()).isEqualTo(5);
        assertThat(started.message())
                .isEqualTo("To sign in, use a web browser to open the page " + BASE + "/devicelogin and enter the code "
                        + started.userCode() + " to authenticate.");
    }

    @Test
    @DisplayName("issue 11: pending until approved, then the user's tokens once; a second redemption is refused")
    void approvedCodeGetsTheUsersTokensOnce() throws Exception {
        DeviceCodeService.DeviceAuthorization started = start(CLI);
        refusedWith("authorization_pending", () -> poll(CLI, started.deviceCode()));

        assertThat(deviceCodes
                        .pending(kelley, started.userCode().toLowerCase(java.util.Locale.ROOT))
                        .applicationName())
                .isEqualTo("Microsoft Azure CLI");
        deviceCodes.decide(kelley, started.userCode(), true);
        clock.advance(Duration.ofSeconds(5));
        TokenResponse response = poll(CLI, started.deviceCode());

        assertThat(SignedJWT.parse(response.accessToken()).getJWTClaimsSet().getStringClaim("oid"))
                .isEqualTo(contoso.admin().id().toString());
        assertThat(response.refreshToken()).isNotBlank();
        assertThat(response.idToken()).isNotBlank();
        assertThat(response.clientInfo()).isNotBlank();
        clock.advance(Duration.ofSeconds(5));
        refusedWith("bad_verification_code", () -> poll(CLI, started.deviceCode()));
    }

    @Test
    @DisplayName("issue 11: polling faster than the interval allows is answered slow_down")
    void pollingTooFastIsSlowDown() {
        DeviceCodeService.DeviceAuthorization started = start(CLI);
        refusedWith("authorization_pending", () -> poll(CLI, started.deviceCode()));

        clock.advance(Duration.ofSeconds(1));
        refusedWith("slow_down", () -> poll(CLI, started.deviceCode()));
        clock.advance(Duration.ofSeconds(5));
        refusedWith("authorization_pending", () -> poll(CLI, started.deviceCode()));
    }

    @Test
    @DisplayName("issue 11: a declined code is authorization_declined")
    void declinedCode() {
        DeviceCodeService.DeviceAuthorization started = start(CLI);
        deviceCodes.decide(kelley, started.userCode(), false);

        refusedWith("authorization_declined", () -> poll(CLI, started.deviceCode()));
    }

    @Test
    @DisplayName("issue 11: after 15 minutes the code is expired_token, and the user can no longer approve it")
    void expiredCode() {
        DeviceCodeService.DeviceAuthorization started = start(CLI);
        clock.advance(Duration.ofMinutes(15));

        refusedWith("expired_token", () -> poll(CLI, started.deviceCode()));
        refusedWith("invalid_user_code", () -> deviceCodes.decide(kelley, started.userCode(), true));
    }

    @Test
    @DisplayName("issue 11: an unknown device code, or one of another client, is bad_verification_code")
    void badVerificationCode() {
        DeviceCodeService.DeviceAuthorization started = start(CLI);

        refusedWith("bad_verification_code", () -> poll(CLI, "not-a-device-code"));
        refusedWith("bad_verification_code", () -> poll("1950a258-227b-4e31-a9cf-717495945fc2", started.deviceCode()));
    }

    @Test
    @DisplayName("issue 11: wrong user codes count; after ten the page waits, even for the right code")
    void guessingUserCodesIsLimited() {
        DeviceCodeService.DeviceAuthorization started = start(CLI);
        for (int i = 0; i < 10; i++) {
            refusedWith("invalid_user_code", () -> deviceCodes.pending(kelley, "BBBBBBBB"));
        }

        refusedWith("too_many_user_codes", () -> deviceCodes.pending(kelley, started.userCode()));
        clock.advance(Duration.ofMinutes(2));
        assertThat(deviceCodes.pending(kelley, started.userCode()).userCode()).isEqualTo(started.userCode());
    }

    @Test
    @DisplayName("issue 11 (R14): a code started at one directory cannot be approved by another directory's user")
    void r14CodeOfAnotherDirectory() {
        CreatedDirectory fabrikam = world.tenantService()
                .createDirectory("Fabrikam", "US", "fabrikam", NewUser.of("Megan Bowen", "admin", "Passw0rd!x"));
        Caller.User megan =
                new Caller.User(fabrikam.tenant().id(), fabrikam.admin().id());
        DeviceCodeService.DeviceAuthorization started =
                deviceCodes.start(contoso.tenant().id().toString(), CLI, SCOPE, BASE);
        Application app = world.services()
                .applications()
                .createApplication(kelley, contoso.tenant().id(), "Tool");
        DeviceCodeService.DeviceAuthorization toolCode = start(app.appId().toString());

        refusedWith("wrong_directory", () -> deviceCodes.decide(megan, started.userCode(), true));
        refusedWith("wrong_directory", () -> deviceCodes.decide(megan, toolCode.userCode(), true));
        assertThat(deviceCodes.pending(kelley, toolCode.userCode()).applicationName())
                .isEqualTo("Tool");
    }

    @Test
    @DisplayName("issue 11: an unknown client or resource is refused when the device asks for a code")
    void unknownClientOrResource() {
        refusedWith("invalid_client", () -> start("5e7a9c1d-3b2f-4d6e-8a0c-1f2e3d4c5b6a"));
        refusedWith("invalid_client", () -> start("not-a-guid"));
        refusedWith(
                "invalid_resource",
                () -> deviceCodes.start("organizations", CLI, "https://unknown.example/.default", BASE));
    }
}
