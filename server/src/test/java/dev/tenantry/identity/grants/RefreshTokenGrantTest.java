package dev.tenantry.identity.grants;

import static dev.tenantry.identity.grants.GrantFixture.ADMIN;
import static dev.tenantry.identity.grants.GrantFixture.BASE;
import static dev.tenantry.identity.grants.GrantFixture.CLI;
import static dev.tenantry.identity.grants.GrantFixture.GRAPH_DEFAULT;
import static dev.tenantry.identity.grants.GrantFixture.PASSWORD;
import static dev.tenantry.identity.grants.GrantFixture.claims;
import static dev.tenantry.identity.grants.GrantFixture.password;
import static dev.tenantry.identity.grants.GrantFixture.refresh;
import static dev.tenantry.identity.grants.GrantFixture.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserPatch;
import dev.tenantry.identity.RefreshToken;
import dev.tenantry.identity.TokenResponse;
import dev.tenantry.shared.Secrets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("issue 8: the refresh token grant is one class")
class RefreshTokenGrantTest {

    static final String POWERSHELL = "1950a258-227b-4e31-a9cf-717495945fc2";

    final GrantFixture fixture = new GrantFixture();
    final RefreshTokenGrant grant = fixture.refreshTokenGrant();

    String signIn(String username, String password) {
        return fixture.passwordGrant()
                .issue(password("common", username, password, GRAPH_DEFAULT + " offline_access"), BASE)
                .refreshToken();
    }

    RefreshToken stored(String refreshToken) {
        return fixture.stored
                .findFamily(RefreshTokenTexts.familyOf(refreshToken))
                .orElseThrow();
    }

    @Test
    @DisplayName("issue 8: answers grant_type=refresh_token only")
    void answersTheRefreshTokenGrantType() {
        assertThat(grant.grantTypes()).containsExactly("refresh_token");
    }

    @Test
    @DisplayName("issue 8: spends the token and rotates it within its family, keeping the scope it was issued with")
    void rotatesWithinTheFamily() throws Exception {
        String first = signIn(ADMIN, PASSWORD);

        TokenResponse response = grant.issue(refresh(CLI, first, null), BASE);

        assertThat(RefreshTokenTexts.familyOf(response.refreshToken())).isEqualTo(RefreshTokenTexts.familyOf(first));
        assertThat(RefreshTokenTexts.generationOf(response.refreshToken())).isEqualTo(1);
        assertThat(stored(first).generation())
                .as("the family moved past the presented token")
                .isEqualTo(1);
        assertThat(response.scope()).isEqualTo(GRAPH_DEFAULT + " offline_access");
        assertThat(claims(response.accessToken()).getStringClaim("oid"))
                .isEqualTo(fixture.contoso.admin().id().toString());
    }

    @Test
    @DisplayName("issue 8: a token of another client is refused and stays unspent")
    void refusesAnotherClientsToken() {
        String token = signIn(ADMIN, PASSWORD);

        refusedWith("refresh_token_client_mismatch", () -> grant.issue(refresh(POWERSHELL, token, null), BASE));
        assertThat(stored(token).generation()).isZero();
    }

    @Test
    @DisplayName("issue 8: an unknown token is invalid, a missing one a missing_parameter")
    void refusesUnknownAndMissingTokens() {
        refusedWith("refresh_token_invalid", () -> grant.issue(refresh(CLI, "not-a-token", null), BASE));
        refusedWith("missing_parameter", () -> grant.issue(refresh(CLI, null, null), BASE));
    }

    @Test
    @DisplayName("issue 7.9: disabling an account revokes its refresh tokens")
    void disablingAnAccountRevokesItsRefreshTokens() {
        String token = megansRefreshToken();
        fixture.world
                .userService()
                .updateUser(
                        fixture.admin(),
                        fixture.tenantId(),
                        "megan@contoso.onmicrosoft.test",
                        new UserPatch(null, null, null, null, false, null, null, null));

        refusedWith("refresh_token_revoked", () -> grant.issue(refresh(CLI, token, null), BASE));
    }

    @Test
    @DisplayName(
            "issue 8: a refresh token of a disabled account gets no new tokens, even if it was not revoked, and stays"
                    + " unspent")
    void refusesADisabledAccount() {
        String token = megansRefreshToken();
        User megan = fixture.world
                .users()
                .findByUpn("megan@contoso.onmicrosoft.test")
                .orElseThrow();
        fixture.world
                .users()
                .update(new User(
                        megan.id(),
                        megan.tenantId(),
                        megan.userPrincipalName(),
                        megan.displayName(),
                        megan.givenName(),
                        megan.surname(),
                        megan.mail(),
                        megan.mailNickname(),
                        false,
                        megan.usageLocation(),
                        megan.userType(),
                        megan.jobTitle(),
                        megan.createdAt()));

        refusedWith("account_disabled", () -> grant.issue(refresh(CLI, token, null), BASE));
        // issue 13: a refusal after the token's own checks spends nothing, so re-enabling the account needs no sign-in
        assertThat(stored(token).generation()).isZero();
    }

    @Test
    @DisplayName("issue 13: a spent token that comes back revokes its family, and the family's current token with it")
    void aSpentTokenRevokesTheFamily() {
        String first = signIn(ADMIN, PASSWORD);
        String second = grant.issue(refresh(CLI, first, null), BASE).refreshToken();

        refusedWith("refresh_token_revoked", () -> grant.issue(refresh(CLI, first, null), BASE));
        assertThat(stored(second).revoked()).isTrue();
        refusedWith("refresh_token_revoked", () -> grant.issue(refresh(CLI, second, null), BASE));
    }

    @Test
    @DisplayName("issue 13: the current generation with another secret, or a generation not reached yet, is invalid and"
            + " revokes nothing")
    void aGuessedTokenIsInvalidAndRevokesNothing() {
        String token = signIn(ADMIN, PASSWORD);
        String family = token.substring(0, token.indexOf('.'));
        String secret = token.substring(token.lastIndexOf('.') + 1);
        String otherSecret = family + ".0." + "A".repeat(43);
        String ahead = family + ".1." + secret;

        refusedWith("refresh_token_invalid", () -> grant.issue(refresh(CLI, otherSecret, null), BASE));
        refusedWith("refresh_token_invalid", () -> grant.issue(refresh(CLI, ahead, null), BASE));
        refusedWith("refresh_token_invalid", () -> grant.issue(refresh(CLI, token + "x", null), BASE));
        assertThat(stored(token).revoked()).isFalse();
        assertThat(grant.issue(refresh(CLI, token, null), BASE).refreshToken()).isNotNull();
    }

    @Test
    @DisplayName("issue 13: a token handed out before V43 refreshes once into the new form; coming back, it revokes")
    void aLegacyTokenRefreshesOnceThenRevokes() {
        String current = signIn(ADMIN, PASSWORD);
        RefreshToken family = stored(current);
        // as V43 leaves a family whose token was handed out before it: generation 0, the hash of the whole text
        String legacy = Secrets.random(32);
        fixture.stored.families.put(
                family.familyId(),
                new RefreshToken(
                        family.familyId(),
                        0,
                        Secrets.sha256Hex(legacy),
                        family.tenantId(),
                        family.userId(),
                        family.clientId(),
                        family.scope(),
                        family.issuedAt(),
                        family.expiresAt(),
                        false,
                        family.sid()));
        fixture.stored.legacy.put(Secrets.sha256Hex(legacy), family.familyId());

        String next = grant.issue(refresh(CLI, legacy, null), BASE).refreshToken();

        assertThat(RefreshTokenTexts.familyOf(next)).isEqualTo(family.familyId());
        assertThat(RefreshTokenTexts.generationOf(next)).isEqualTo(1);
        refusedWith("refresh_token_invalid", () -> grant.issue(refresh(CLI, Secrets.random(32), null), BASE));
        assertThat(stored(next).revoked()).isFalse();
        refusedWith("refresh_token_revoked", () -> grant.issue(refresh(CLI, legacy, null), BASE));
        assertThat(stored(next).revoked()).isTrue();
    }

    private String megansRefreshToken() {
        fixture.world
                .userService()
                .createUser(fixture.admin(), fixture.tenantId(), NewUser.of("Megan Bowen", "megan", "Passw0rd!m"));
        return signIn("megan@contoso.onmicrosoft.test", "Passw0rd!m");
    }
}
