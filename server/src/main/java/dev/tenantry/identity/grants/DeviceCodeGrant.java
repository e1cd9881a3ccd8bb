package dev.tenantry.identity.grants;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.User;
import dev.tenantry.directory.users.UserService;
import dev.tenantry.identity.DeviceCode;
import dev.tenantry.identity.DeviceCodeError;
import dev.tenantry.identity.DeviceCodeRepository;
import dev.tenantry.identity.DeviceCodeService;
import dev.tenantry.identity.Grant;
import dev.tenantry.identity.RequestedScopes;
import dev.tenantry.identity.RequiredParameter;
import dev.tenantry.identity.TokenRequest;
import dev.tenantry.identity.TokenResponse;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The device authorization grant's polling side (RFC 8628 §3.4–3.5, issue 11): the device polls with its device code;
 * until the user decides it hears {@code authorization_pending} (or {@code slow_down} when it polls faster than half
 * the interval), then {@code authorization_declined}, or the user's tokens once; after 15 minutes
 * {@code expired_token}. MSAL sends the short grant type {@code device_code}; both forms are answered.
 */
final class DeviceCodeGrant implements Grant {

    private static final Duration TOO_SOON =
            Duration.ofSeconds(DeviceCodeService.INTERVAL_SECONDS).dividedBy(2);

    private final DeviceCodeRepository codes;
    private final UserService users;
    private final ClientAuthentication clients;
    private final Resources resources;
    private final RefreshTokenIssuer refreshTokens;
    private final UserTokens userTokens;
    private final Clock clock;

    DeviceCodeGrant(
            DeviceCodeRepository codes,
            UserService users,
            ClientAuthentication clients,
            Resources resources,
            RefreshTokenIssuer refreshTokens,
            UserTokens userTokens,
            Clock clock) {
        this.codes = codes;
        this.users = users;
        this.clients = clients;
        this.resources = resources;
        this.refreshTokens = refreshTokens;
        this.userTokens = userTokens;
        this.clock = clock;
    }

    @Override
    public Set<String> grantTypes() {
        return Set.of("urn:ietf:params:oauth:grant-type:device_code", "device_code");
    }

    @Override
    public TokenResponse issue(TokenRequest request, String baseUrl) {
        String presented = RequiredParameter.of(request.parameters().deviceCode(), "device_code");
        UUID clientId = ClientAuthentication.clientId(request.client());
        Instant now = clock.instant();
        DeviceCode code = codes.findByHash(Secrets.sha256Hex(presented))
                .filter(found -> found.clientId().equals(clientId))
                .orElseThrow(() -> refused(
                        DeviceCodeError.BAD_VERIFICATION_CODE,
                        "The provided value for the input parameter 'device_code' is not valid."));
        if (code.expiredAt(now)) {
            throw refused(DeviceCodeError.EXPIRED_TOKEN, "Verification code expired. Start the sign-in again.");
        }
        boolean tooSoon = code.lastPolledAt() != null
                && Duration.between(code.lastPolledAt(), now).compareTo(TOO_SOON) < 0;
        codes.polled(code.deviceCodeHash(), now);
        switch (code.state()) {
            case PENDING -> {
                if (tooSoon) {
                    throw refused(
                            DeviceCodeError.SLOW_DOWN,
                            "OAuth 2.0 device flow error. Polling too fast: wait " + DeviceCodeService.INTERVAL_SECONDS
                                    + " seconds between requests.");
                }
                throw refused(
                        DeviceCodeError.AUTHORIZATION_PENDING,
                        "OAuth 2.0 device flow error. Authorization is pending. Continue polling.");
            }
            case DECLINED ->
                throw refused(
                        DeviceCodeError.AUTHORIZATION_DECLINED,
                        "The user declined the sign-in on the verification page.");
            case REDEEMED ->
                throw refused(
                        DeviceCodeError.BAD_VERIFICATION_CODE,
                        "The device code was already redeemed; start the sign-in again.");
            case APPROVED -> {
                // continues below
            }
        }
        User user =
                users.getUser(Caller.system(), code.tenantId(), code.userId().toString());
        if (!user.accountEnabled()) {
            throw new AuthenticationException(
                    DirectoryError.ACCOUNT_DISABLED, "The account is disabled; ask an administrator.");
        }
        clients.publicOrConfidential(user.tenantId(), clientId, request, baseUrl);
        RequestedScopes scopes = RequestedScopes.parse(code.scope());
        DelegatedAccess access = new DelegatedAccess(
                user, clientId, scopes, resources.delegated(scopes, user.tenantId(), user.id(), clientId));
        if (!codes.redeem(code.deviceCodeHash())) {
            throw refused(
                    DeviceCodeError.BAD_VERIFICATION_CODE,
                    "The device code was already redeemed; start the sign-in again.");
        }
        // the sid of the browser session that approved the code (issue 11), in the ID tokens now and on refresh
        String refresh = scopes.offlineAccess() ? refreshTokens.mint(access, UUID.randomUUID(), code.sid()) : null;
        return userTokens.issue(access, refresh, request.clientInfo(), baseUrl, null, code.sid());
    }

    private static InvalidRequestException refused(DeviceCodeError code, String message) {
        return new InvalidRequestException(code, message);
    }
}
