package dev.tenantry.directory;

import dev.tenantry.shared.Column;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NewIds;
import dev.tenantry.shared.RuleViolationException;
import dev.tenantry.shared.UserId;
import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;

/** Builds valid {@link User} records from requests: names, UPN in a domain of the directory, defaults. */
public final class UserFactory {

    private static final Pattern ALIAS = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._'-]{0,63}$");

    private final Clock clock;

    public UserFactory(Clock clock) {
        this.clock = clock;
    }

    public User create(Tenant tenant, NewUser request, String defaultUsageLocation) {
        String upn = userPrincipalName(tenant, request.userPrincipalName());
        String alias = upn.substring(0, upn.indexOf('@'));
        String nickname =
                request.mailNickname() == null || request.mailNickname().isBlank()
                        ? alias
                        : Text.optional(request.mailNickname(), "mailNickname", Column.USER_MAIL_NICKNAME);
        String usage = request.usageLocation() == null
                ? defaultUsageLocation
                : Countries.optional(request.usageLocation(), "usageLocation");
        return new User(
                new UserId(NewIds.next(NewIds.Kind.USER)),
                tenant.id(),
                upn,
                Text.required(request.displayName(), "displayName", Column.USER_DISPLAY_NAME),
                Text.optional(request.givenName(), "givenName", Column.USER_GIVEN_NAME),
                Text.optional(request.surname(), "surname", Column.USER_SURNAME),
                upn,
                nickname,
                request.accountEnabled() == null || request.accountEnabled(),
                usage,
                UserType.MEMBER,
                Text.optional(request.jobTitle(), "jobTitle", Column.USER_JOB_TITLE),
                clock.instant());
    }

    public User patched(User user, UserPatch patch) {
        return new User(
                user.id(),
                user.tenantId(),
                user.userPrincipalName(),
                patch.displayName() == null
                        ? user.displayName()
                        : Text.required(patch.displayName(), "displayName", Column.USER_DISPLAY_NAME),
                patch.givenName() == null
                        ? user.givenName()
                        : Text.optional(patch.givenName(), "givenName", Column.USER_GIVEN_NAME),
                patch.surname() == null
                        ? user.surname()
                        : Text.optional(patch.surname(), "surname", Column.USER_SURNAME),
                patch.mail() == null ? user.mail() : Text.optional(patch.mail(), "mail", Column.USER_MAIL),
                user.mailNickname(),
                patch.accountEnabled() == null ? user.accountEnabled() : patch.accountEnabled(),
                patch.usageLocation() == null
                        ? user.usageLocation()
                        : Countries.optional(patch.usageLocation(), "usageLocation"),
                user.userType(),
                patch.jobTitle() == null
                        ? user.jobTitle()
                        : Text.optional(patch.jobTitle(), "jobTitle", Column.USER_JOB_TITLE),
                user.createdAt());
    }

    /** A bare alias gets the initial domain; a full name must be in one of the directory's domains. */
    private static String userPrincipalName(Tenant tenant, String requested) {
        String value = Text.required(requested, "userPrincipalName", Column.USER_PRINCIPAL_NAME);
        int at = value.indexOf('@');
        String alias = at < 0 ? value : value.substring(0, at);
        String domain =
                at < 0 ? tenant.initialDomain() : value.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!ALIAS.matcher(alias).matches() || alias.endsWith(".")) {
            throw new InvalidRequestException(
                    DirectoryError.INVALID_USER_NAME,
                    "'" + alias + "' is not a valid user name: use letters, digits and . _ ' - (at most 64).",
                    "userPrincipalName");
        }
        if (!domain.equals(tenant.initialDomain())) {
            throw new RuleViolationException(
                    DirectoryError.DOMAIN_NOT_IN_DIRECTORY,
                    "The domain '" + domain + "' is not a domain of this directory; use '" + tenant.initialDomain()
                            + "'.",
                    "userPrincipalName");
        }
        return alias + "@" + domain;
    }
}
