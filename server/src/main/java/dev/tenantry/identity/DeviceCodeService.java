package dev.tenantry.identity;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.Tenant;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.RateLimitedException;
import dev.tenantry.shared.Secrets;
import dev.tenantry.shared.TenantId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The device authorization grant's user side (RFC 8628 §3.1–3.3, issue 11): the device asks for a code pair at
 * {@code /devicecode}; the signed-in user enters the short user code on the verification page, sees the application
 * and approves or declines. Device codes are stored as hashes; user codes are eight consonants (no vowels, so no
 * words, and none of 0/O, 1/I), and wrong ones count against the user like wrong passwords, so they cannot be guessed.
 */
public final class DeviceCodeService {

    /** How long a code pair lives, as Entra's (15 minutes). */
    public static final Duration LIFETIME = Duration.ofMinutes(15);

    /** The polling interval the device is told, in seconds. */
    public static final long INTERVAL_SECONDS = 5;

    private static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
    private static final int USER_CODE_LENGTH = 8;
    private static final int DEVICE_CODE_BYTES = 32;
    private static final LockoutPolicy GUESSES =
            new LockoutPolicy(10, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(30));

    private final DeviceCodeRepository codes;
    private final Function<String, Optional<Tenant>> tenants;
    private final ApplicationService applications;
    private final Audiences audiences;
    private final LockoutRepository lockouts;
    private final Clock clock;
    private final RegisteredApis apis;
    private final SecureRandom random = new SecureRandom();

    public DeviceCodeService(
            DeviceCodeRepository codes,
            Function<String, Optional<Tenant>> tenants,
            ApplicationService applications,
            Audiences audiences,
            LockoutRepository lockouts,
            Clock clock) {
        this(codes, tenants, applications, audiences, lockouts, clock, RegisteredApis.NONE);
    }

    /** The service, where users may also sign in to the APIs of their directory's app registrations (issue 11). */
    public DeviceCodeService(
            DeviceCodeRepository codes,
            Function<String, Optional<Tenant>> tenants,
            ApplicationService applications,
            Audiences audiences,
            LockoutRepository lockouts,
            Clock clock,
            RegisteredApis apis) {
        this.apis = apis;
        this.codes = codes;
        this.tenants = tenants;
        this.applications = applications;
        this.audiences = audiences;
        this.lockouts = lockouts;
        this.clock = clock;
    }

    /** What the device is told (RFC 8628 §3.2); the device code is shown only here. */
    public record DeviceAuthorization(
            String userCode, String deviceCode, String verificationUri, long expiresIn, long interval, String message) {

        @Override
        public String toString() {
            return "DeviceAuthorization[userCode=" + userCode + ", expiresIn=" + expiresIn + "]";
        }
    }

    /** A pending sign-in as the verification page shows it. */
    public record PendingSignIn(String userCode, String applicationName, String scope) {}

    /**
     * Starts a device sign-in for {@code clientId} asking for {@code scope} at the path's tenant; {@code baseUrl} is
     * the server's origin, where the verification page is.
     */
    public DeviceAuthorization start(String tenantSegment, String clientId, String scope, String baseUrl) {
        TenantId tenantId = tenants.apply(tenantSegment).map(Tenant::id).orElse(null);
        UUID client =
                Ids.tryParse(RequiredParameter.of(clientId, "client_id")).orElseThrow(() -> unknownClient(clientId));
        if (applicationName(client, tenantId).isEmpty()) {
            throw unknownClient(clientId);
        }
        RequestedScopes scopes = RequestedScopes.parse(RequiredParameter.of(scope, "scope"));
        // a registered API is an API of the path's directory: at /common or /organizations none is known
        boolean api = tenantId != null && apis.find(tenantId, scopes.resource()).isPresent();
        if (audiences.resourceOf(scopes.resource()).isEmpty() && !api) {
            throw new InvalidRequestException(
                    IdentityError.INVALID_RESOURCE,
                    "The resource principal named " + scopes.resource() + " was not found. This server issues "
                            + "tokens for Microsoft Graph, Azure Resource Manager and the APIs of the tenant's "
                            + "applications.");
        }
        Instant now = clock.instant();
        codes.deleteExpired(now);
        String deviceCode = Secrets.random(DEVICE_CODE_BYTES);
        String userCode;
        do {
            userCode = newUserCode();
        } while (!codes.insert(new DeviceCode(
                Secrets.sha256Hex(deviceCode),
                userCode,
                tenantId,
                client,
                scopes.raw(),
                now,
                now.plus(LIFETIME),
                DeviceCode.State.PENDING,
                null,
                null,
                null)));
        String verificationUri = baseUrl + "/devicelogin";
        return new DeviceAuthorization(
                userCode,
                deviceCode,
                verificationUri,
                LIFETIME.toSeconds(),
                INTERVAL_SECONDS,
                "To sign in, use a web browser to open the page " + verificationUri + " and enter the code " + userCode
                        + " to authenticate.");
    }

    /** The sign-in {@code enteredCode} names, for {@code caller} to approve; a wrong code counts as a guess. */
    public PendingSignIn pending(Caller.User caller, String enteredCode) {
        DeviceCode code = pendingCode(caller, enteredCode);
        return new PendingSignIn(
                code.userCode(),
                applicationName(code.clientId(), code.tenantId())
                        .orElse(code.clientId().toString()),
                code.scope());
    }

    /** Approves ({@code approve}) or declines the sign-in {@code enteredCode} names, as {@code caller}. */
    public void decide(Caller.User caller, String enteredCode, boolean approve) {
        decide(caller, enteredCode, approve, null);
    }

    /**
     * As above, in the browser session whose {@code sid} (nullable) the device's ID tokens then carry, on refresh too
     * (issue 11).
     */
    public void decide(Caller.User caller, String enteredCode, boolean approve, String sid) {
        DeviceCode code = pendingCode(caller, enteredCode);
        DeviceCode.State decision = approve ? DeviceCode.State.APPROVED : DeviceCode.State.DECLINED;
        if (!codes.decide(code.userCode(), decision, caller.tenantId(), caller.userId(), sid, clock.instant())) {
            throw invalidUserCode();
        }
    }

    private DeviceCode pendingCode(Caller.User caller, String enteredCode) {
        String subject = "devicecode:" + caller.userId();
        Instant now = clock.instant();
        Optional<Lockout> state = lockouts.find(subject);
        if (state.isPresent() && state.get().lockedAt(now)) {
            throw new RateLimitedException(
                    DeviceCodeError.TOO_MANY_USER_CODES,
                    "Too many wrong codes. Wait " + state.get().remainingAt(now).toSeconds()
                            + " seconds, then enter the code the device shows.",
                    state.get().remainingAt(now));
        }
        Optional<DeviceCode> found = Optional.ofNullable(normalize(enteredCode))
                .flatMap(codes::findByUserCode)
                .filter(code -> code.state() == DeviceCode.State.PENDING && !code.expiredAt(now));
        if (found.isEmpty()) {
            lockouts.update(subject, current -> current.afterFailure(now, GUESSES));
            throw invalidUserCode();
        }
        DeviceCode code = found.get();
        TenantId required = code.tenantId() != null
                ? code.tenantId()
                : applications
                        .findClient(code.clientId())
                        .map(Application::tenantId)
                        .orElse(null);
        if (required != null && !required.equals(caller.tenantId())) {
            throw new AccessDeniedException(
                    DeviceCodeError.WRONG_DIRECTORY,
                    "This code signs in to another directory than the one you are signed in to. Sign out, then sign "
                            + "in with an account of that directory.");
        }
        return code;
    }

    /** The name the user sees: the registration's display name, or a first-party client's. */
    private Optional<String> applicationName(UUID clientId, TenantId tenantId) {
        Optional<String> firstParty = FirstPartyClients.find(clientId);
        if (firstParty.isPresent()) {
            return firstParty;
        }
        return applications
                .findClient(clientId)
                .filter(app -> tenantId == null || app.tenantId().equals(tenantId))
                .map(Application::displayName);
    }

    private String newUserCode() {
        StringBuilder code = new StringBuilder(USER_CODE_LENGTH);
        for (int i = 0; i < USER_CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as typed, upper-cased without spaces or dashes; null when it cannot be one. */
    static String normalize(String entered) {
        if (entered == null) {
            return null;
        }
        String code = entered.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return code.length() == USER_CODE_LENGTH && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0) ? code : null;
    }

    private static InvalidRequestException invalidUserCode() {
        return new InvalidRequestException(
                DeviceCodeError.INVALID_USER_CODE,
                "That code didn't work. Check the code the device shows and try again; a code works once and for "
                        + LIFETIME.toMinutes() + " minutes.",
                "otc");
    }

    private static AuthenticationException unknownClient(String clientId) {
        return new AuthenticationException(
                DirectoryError.INVALID_CLIENT, "Application with identifier '" + clientId + "' was not found.");
    }
}
