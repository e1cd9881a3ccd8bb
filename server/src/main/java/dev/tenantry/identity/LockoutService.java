package dev.tenantry.identity;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.User;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.directory.credentials.CredentialService;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.ErrorCode;
import dev.tenantry.shared.RateLimitedException;
import dev.tenantry.shared.Secrets;
import dev.tenantry.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Checks passwords and client secrets behind a lockout (issue 7.8), after Entra's smart lockout: too many failures
 * for one account lock it for a while, answered as AADSTS50053, and the right password is refused too until the lock
 * ends; too many wrong secrets for one client throttle it (429 + {@code Retry-After}). A locked subject costs no
 * password hash. Counts live in the database, so every node sees the same ones.
 *
 * <p>Unknown user names are counted too, so that an unknown name and a known one answer alike; they share 65 536
 * buckets keyed by a hash of the name, which bounds the rows an attacker can create and stores no name.
 */
public final class LockoutService {

    private static final ErrorCode BAD_PASSWORD = DirectoryError.INVALID_CREDENTIALS;
    private static final ErrorCode BAD_SECRET = DirectoryError.INVALID_CLIENT_SECRET;
    private static final int UNKNOWN_NAME_HEX_DIGITS = 4; // 16^4 = 65 536 buckets

    private final CredentialService credentials;
    private final ApplicationService applications;
    private final LockoutRepository lockouts;
    private final LockoutPolicy policy;
    private final Clock clock;

    public LockoutService(
            CredentialService credentials,
            ApplicationService applications,
            LockoutRepository lockouts,
            LockoutPolicy policy,
            Clock clock) {
        this.credentials = credentials;
        this.applications = applications;
        this.lockouts = lockouts;
        this.policy = policy;
        this.clock = clock;
    }

    /** {@link CredentialService#authenticate}, refused with {@code account_locked} while the account is locked. */
    public User authenticateUser(String userName, String password) {
        credentials.requireCapacity(); // a flood's 503 before the reads below
        return guarded(userSubject(userName), BAD_PASSWORD, LockoutService::accountLocked, () -> {
            return credentials.authenticate(userName, password);
        });
    }

    /** {@link ApplicationService#authenticateClient}, refused with {@code client_throttled} while throttled. */
    public Caller.App authenticateClient(TenantId tenantId, UUID appId, String clientSecret) {
        return guarded(
                "client:" + tenantId + ":" + appId,
                BAD_SECRET,
                wait -> clientThrottled(appId, wait),
                () -> applications.authenticateClient(tenantId, appId, clientSecret));
    }

    private <T> T guarded(
            String subject, ErrorCode countedFailure, Function<Duration, DomainException> refusal, Supplier<T> check) {
        Optional<Lockout> state = lockouts.find(subject);
        Instant now = clock.instant();
        if (state.isPresent() && state.get().lockedAt(now)) {
            throw refusal.apply(state.get().remainingAt(now));
        }
        T checked;
        try {
            checked = check.get();
        } catch (AuthenticationException e) {
            if (e.errorCode() == countedFailure) {
                lockouts.update(subject, current -> current.afterFailure(clock.instant(), policy));
            }
            throw e;
        }
        if (state.isPresent()) {
            lockouts.delete(subject); // a success forgets earlier failures, as Entra resets its counter
        }
        return checked;
    }

    private String userSubject(String userName) {
        return credentials
                .findSignInUser(userName)
                .map(id -> "user:" + id)
                .orElseGet(() -> "name:"
                        + Secrets.sha256Hex(
                                        userName == null ? "" : userName.strip().toLowerCase(Locale.ROOT))
                                .substring(0, UNKNOWN_NAME_HEX_DIGITS));
    }

    private static AuthenticationException accountLocked(Duration wait) {
        return new AuthenticationException(
                IdentityError.ACCOUNT_LOCKED,
                "Your account is locked because you've tried to sign in too many times with an incorrect user ID or "
                        + "password. Try again in " + wait.toSeconds() + " seconds.");
    }

    private static RateLimitedException clientThrottled(UUID appId, Duration wait) {
        return new RateLimitedException(
                IdentityError.CLIENT_THROTTLED,
                "Too many requests with a wrong client secret for application '" + appId + "'. Wait " + wait.toSeconds()
                        + " seconds, then send the secret's value (not its id).",
                wait);
    }
}
