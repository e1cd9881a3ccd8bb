package dev.tenantry.directory.apps;

import dev.tenantry.shared.InvalidRequestException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of a token lifetime policy (issue 11), as Entra's configurable token lifetimes define them (Graph's
 * {@code tokenLifetimePolicy}, whose {@code definition} is an array of one JSON string
 * {@code {"TokenLifetimePolicy":{"Version":1,"AccessTokenLifetime":"02:00:00"}}}).
 *
 * <p>Facts carried over from Entra: {@code AccessTokenLifetime} is the one lifetime still configurable, and it sets
 * the lifetime of access tokens, ID tokens and SAML tokens alike (there is no separate ID token property); it is a .NET
 * time span {@code [d.]hh:mm:ss} between 10 minutes ({@code 00:10:00}) and 1 day ({@code 1.00:00:00}). Refresh and
 * session token properties ({@code MaxInactiveTime}, {@code MaxAgeSingleFactor}, {@code MaxAgeMultiFactor},
 * {@code MaxAgeSessionSingleFactor}, {@code MaxAgeSessionMultiFactor}) were retired in January 2021 and are refused
 * here, as is any other property, naming it. {@code Version} must be 1.
 *
 * <p>Which policy applies (Entra's precedence): a policy assigned to the application, else the directory's
 * organization default ({@code isOrganizationDefault}), else the built-in lifetime. For an access token the
 * application whose policy counts is the RESOURCE the token is for; for an ID token it is the CLIENT (the ID token's
 * audience). First-party resources (Microsoft Graph, Azure Resource Manager) are not customer applications and keep
 * their own lifetime.
 *
 * @param version the policy's {@code Version}, always 1
 * @param accessTokenLifetime the lifetime of access and ID tokens the policy sets
 */
public record TokenLifetimeDefinition(int version, Duration accessTokenLifetime) {

    public static final Duration MINIMUM = Duration.ofMinutes(10);
    public static final Duration MAXIMUM = Duration.ofDays(1);

    static final String ROOT = "TokenLifetimePolicy";
    static final String VERSION = "Version";
    static final String ACCESS_TOKEN_LIFETIME = "AccessTokenLifetime";

    private static final Set<String> KNOWN = Set.of(VERSION, ACCESS_TOKEN_LIFETIME);
    private static final Pattern TIME_SPAN = Pattern.compile("(?:(\\d{1,2})\\.)?(\\d{1,2}):(\\d{2}):(\\d{2})");

    public TokenLifetimeDefinition {
        if (version != 1) {
            throw invalid("Version must be 1, not " + version + ".");
        }
        if (accessTokenLifetime.compareTo(MINIMUM) < 0 || accessTokenLifetime.compareTo(MAXIMUM) > 0) {
            throw invalid("AccessTokenLifetime must be between 00:10:00 and 1.00:00:00; set a lifetime in that range.");
        }
    }

    /**
     * The definition that {@code definition} (one parsed JSON object, as the surface read it) describes.
     *
     * @throws InvalidRequestException {@link TokenLifetimePolicyError#INVALID_DEFINITION} naming what is wrong
     */
    public static TokenLifetimeDefinition of(Map<String, ?> definition) {
        if (definition.size() != 1 || !(definition.get(ROOT) instanceof Map<?, ?> policy)) {
            throw invalid("The definition must be one JSON object {\"TokenLifetimePolicy\":{\"Version\":1,"
                    + "\"AccessTokenLifetime\":\"hh:mm:ss\"}} and nothing else.");
        }
        Set<String> unknown = new TreeSet<>();
        policy.keySet().forEach(key -> {
            if (!KNOWN.contains(String.valueOf(key))) {
                unknown.add(String.valueOf(key));
            }
        });
        if (!unknown.isEmpty()) {
            throw invalid("Unknown or unsupported properties " + unknown
                    + " in TokenLifetimePolicy: only Version and AccessTokenLifetime are supported (refresh and"
                    + " session token lifetimes were retired); remove them.");
        }
        if (!(policy.get(VERSION) instanceof Number version) || version.doubleValue() != 1.0) {
            throw invalid("TokenLifetimePolicy.Version must be the number 1.");
        }
        if (!(policy.get(ACCESS_TOKEN_LIFETIME) instanceof String lifetime)) {
            throw invalid("TokenLifetimePolicy.AccessTokenLifetime is required, a time span such as \"02:00:00\".");
        }
        return new TokenLifetimeDefinition(1, timeSpan(lifetime));
    }

    /** {@code value} read as a .NET time span {@code [d.]hh:mm:ss}, as Entra writes token lifetimes. */
    static Duration timeSpan(String value) {
        Matcher m = TIME_SPAN.matcher(value);
        if (!m.matches()) {
            throw invalid(
                    "AccessTokenLifetime \"" + value + "\" is not a time span [d.]hh:mm:ss, such as \"02:00:00\".");
        }
        int hours = Integer.parseInt(m.group(2));
        int minutes = Integer.parseInt(m.group(3));
        int seconds = Integer.parseInt(m.group(4));
        if (hours > 23 || minutes > 59 || seconds > 59) {
            throw invalid("AccessTokenLifetime \"" + value + "\" has hours over 23, or minutes or seconds over 59.");
        }
        long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        return Duration.ofDays(days).plusHours(hours).plusMinutes(minutes).plusSeconds(seconds);
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(TokenLifetimePolicyError.INVALID_DEFINITION, message, "definition");
    }
}
