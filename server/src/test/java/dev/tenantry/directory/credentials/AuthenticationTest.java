package dev.tenantry.directory.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tenantry.directory.User;
import dev.tenantry.directory.UserPatch;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.Caller;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import org.junit.jupiter.api.Test;

class AuthenticationTest {

    private final TestWorld world = TestWorld.create();
    private final TestDirectory contoso = TestDirectories.contoso().create(world);
    private final User kelley = contoso.addUser("kelley");

    private void disableKelley() {
        world.userService()
                .updateUser(
                        Caller.system(),
                        contoso.id(),
                        kelley.id().toString(),
                        new UserPatch(null, null, null, null, false, null, null, null));
    }

    @Test
    void rightPasswordSignsTheUserIn() {
        User signedIn = world.credentials().authenticate("KELLEY@contoso.onmicrosoft.test", TestDirectories.PASSWORD);

        assertThat(signedIn.id()).isEqualTo(kelley.id());
    }

    @Test
    void unknownUserAndWrongPasswordFailAlike() {
        AuthenticationException unknown = catchThrowableOfType(AuthenticationException.class, () -> world.credentials()
                .authenticate("nobody@contoso.onmicrosoft.test", TestDirectories.PASSWORD));
        AuthenticationException wrong = catchThrowableOfType(AuthenticationException.class, () -> world.credentials()
                .authenticate(kelley.userPrincipalName(), "Wrong-Password-1"));

        assertThat(unknown.code()).isEqualTo("invalid_credentials");
        assertThat(wrong.code()).isEqualTo("invalid_credentials");
        assertThat(unknown.getMessage()).isEqualTo(wrong.getMessage());
    }

    @Test
    void unknownUserSpendsOneHashCheck() {
        AuthenticationException failure = catchThrowableOfType(AuthenticationException.class, () -> world.credentials()
                .authenticate("nobody@contoso.onmicrosoft.test", TestDirectories.PASSWORD));

        assertThat(failure.code()).isEqualTo("invalid_credentials");
        assertThat(world.passwords().burnedChecks()).isEqualTo(1);
    }

    @Test
    void disabledAccountWithTheRightPasswordIsAccountDisabled() {
        disableKelley();

        AuthenticationException failure = catchThrowableOfType(AuthenticationException.class, () -> world.credentials()
                .authenticate(kelley.userPrincipalName(), TestDirectories.PASSWORD));

        assertThat(failure.code()).isEqualTo("account_disabled");
    }

    @Test
    void disabledAccountWithAWrongPasswordIsInvalidCredentials() {
        disableKelley();

        AuthenticationException failure = catchThrowableOfType(AuthenticationException.class, () -> world.credentials()
                .authenticate(kelley.userPrincipalName(), "Wrong-Password-1"));

        assertThat(failure.code()).isEqualTo("invalid_credentials");
    }
}
