package dev.tenantry.cli;

import dev.tenantry.app.SigningKeyAccess;
import dev.tenantry.app.TenantryConfig;
import dev.tenantry.identity.SigningKeys;
import dev.tenantry.shared.DomainException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tenantry keys …}: the token signing keys every node shares through the database. */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = "Token signing key commands (RS256 keys, shared through the database).",
        subcommands = {KeyCommands.ListKeys.class, KeyCommands.Rotate.class, KeyCommands.Retire.class})
final class KeyCommands {

    /** Reads the data options and the environment, opens the keys, prints what {@code action} answers. */
    abstract static class KeyCommand extends DataCommand {

        abstract Function<SigningKeys, String> action();

        @Override
        public Integer call() {
            TenantryConfig config = config(); // a bad setting is named by the command line's handler (exit 2)
            try {
                System.out.println(SigningKeyAccess.with(config, action()));
                return 0;
            } catch (DomainException e) {
                System.err.println(e.code() + ": " + e.getMessage());
                return 1;
            } catch (IllegalStateException | UncheckedIOException e) {
                System.err.println("keys_unavailable: " + e.getMessage());
                return 1;
            } catch (RuntimeException e) { // the database cannot be opened: most often, a running server holds H2
                System.err.println("keys_unavailable: the database cannot be opened (" + rootCause(e)
                        + "). With the embedded database, stop the server first; with PostgreSQL, check"
                        + " --database / TENANTRY_DATABASE.");
                return 1;
            }
        }

        private static String rootCause(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        }
    }

    /** {@code tenantry keys list}: every key, the signing key first. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the signing keys.")
    static final class ListKeys extends KeyCommand {
        @Override
        Function<SigningKeys, String> action() {
            return keys -> String.join(
                    System.lineSeparator(),
                    keys.status().stream()
                            .map(key -> key.kid() + "  created " + key.createdAt() + "  "
                                    + (key.signs()
                                            ? "signs"
                                            : "verifies only"
                                                    + (key.rotatedOutAt() == null
                                                            ? ""
                                                            : " (rotated out " + key.rotatedOutAt() + ")")))
                            .toList());
        }
    }

    /** {@code tenantry keys rotate}: a new signing key for every node; the previous ones keep verifying. */
    @Command(
            name = "rotate",
            mixinStandardHelpOptions = true,
            description = "Make a new signing key. Every node signs with it within 10 seconds; the previous keys stay"
                    + " published and keep verifying until retired.")
    static final class Rotate extends KeyCommand {
        @Override
        Function<SigningKeys, String> action() {
            return keys -> "new tokens are signed with key " + keys.rotate() + "; retire the previous key after "
                    + SigningKeys.RETIRE_AFTER.toMinutes() + " minutes with 'tenantry keys retire KID'";
        }
    }

    /** {@code tenantry keys retire KID}: deletes a rotated-out key once the tokens it signed have expired. */
    @Command(
            name = "retire",
            mixinStandardHelpOptions = true,
            description = "Delete a rotated-out key: tokens it signed stop verifying and it leaves the JWKS.")
    static final class Retire extends KeyCommand {

        @Parameters(paramLabel = "KID", description = "The kid of a rotated-out key ('tenantry keys list').")
        String kid;

        @Override
        Function<SigningKeys, String> action() {
            return keys -> {
                keys.retire(kid);
                return "retired key " + kid;
            };
        }
    }
}
