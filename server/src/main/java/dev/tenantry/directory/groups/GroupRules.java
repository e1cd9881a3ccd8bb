package dev.tenantry.directory.groups;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.Group;
import dev.tenantry.shared.Column;
import dev.tenantry.shared.InvalidRequestException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What a group's properties may be, with Graph's messages where Graph has one. */
final class GroupRules {

    private static final int MAX_MAIL_NICKNAME = Column.GROUP_MAIL_NICKNAME.limit();

    /** Graph: ASCII 0–127 except {@code @ () \ [] " ; : <> ,} and space. */
    private static final Pattern MAIL_NICKNAME = Pattern.compile("[\\x21-\\x7E&&[^@()\\\\\\[\\]\";:<>,]]+");

    private static final Set<String> VISIBILITIES = Set.of("Public", "Private", "HiddenMembership");

    private GroupRules() {}

    static String displayName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            throw invalid("A group needs a 'displayName'.", "displayName");
        }
        return Column.GROUP_DISPLAY_NAME.check(displayName.strip(), "displayName");
    }

    static String description(String description) {
        return description == null || description.isBlank()
                ? null
                : Column.GROUP_DESCRIPTION.check(description, "description");
    }

    static String mailNickname(String mailNickname) {
        if (mailNickname == null
                || mailNickname.length() > MAX_MAIL_NICKNAME
                || !MAIL_NICKNAME.matcher(mailNickname).matches()) {
            throw invalid(
                    "Invalid value specified for property 'mailNickname' of resource 'Group'. It is required, at most "
                            + MAX_MAIL_NICKNAME + " characters, without spaces or any of @ ( ) \\ [ ] \" ; : < > ,",
                    "mailNickname");
        }
        return mailNickname;
    }

    /** True for a Microsoft 365 group; refuses group types other than {@code Unified}. */
    static boolean unified(List<String> groupTypes) {
        for (String type : groupTypes) {
            if (type == null || !type.equals(Group.UNIFIED)) {
                throw invalid(
                        "Unsupported groupTypes value '" + type + "': use [] for a security group or [\"Unified\"] for"
                                + " a Microsoft 365 group (dynamic membership is not supported).",
                        "groupTypes");
            }
        }
        return !groupTypes.isEmpty();
    }

    /** Graph's rules on the two flags: mail-enabled only for Microsoft 365 groups, each group one of the two kinds. */
    static void kinds(Boolean mailEnabled, Boolean securityEnabled, boolean unified) {
        if (mailEnabled == null) {
            throw invalid(
                    "A group needs 'mailEnabled' (false for a security group, true for Microsoft 365).", "mailEnabled");
        }
        if (securityEnabled == null) {
            throw invalid("A group needs 'securityEnabled' (true for a security group).", "securityEnabled");
        }
        if (unified && !mailEnabled) {
            throw invalid(
                    "A Microsoft 365 group (groupTypes [\"Unified\"]) is mail-enabled: send mailEnabled true.",
                    "mailEnabled");
        }
        if (!unified && mailEnabled) {
            throw invalid(
                    "The service does not currently support writes of mail-enabled groups. Please ensure that the "
                            + "mail-enablement property is unset or is set to false.",
                    "mailEnabled");
        }
        if (!unified && !securityEnabled) {
            throw invalid(
                    "A group is a security group (securityEnabled true) or a Microsoft 365 group (groupTypes "
                            + "[\"Unified\"], mailEnabled true); distribution lists are not supported.",
                    "securityEnabled");
        }
    }

    /** A Microsoft 365 group's visibility ({@code Public} unless sent); null for a security group. */
    static String visibility(String visibility, boolean unified) {
        if (visibility == null) {
            return unified ? "Public" : null;
        }
        return VISIBILITIES.stream()
                .filter(v -> v.equalsIgnoreCase(visibility))
                .findFirst()
                .filter(v -> unified)
                .orElseThrow(() -> invalid(
                        unified
                                ? "visibility is one of Public, Private or HiddenMembership."
                                : "visibility applies to Microsoft 365 groups only.",
                        "visibility"));
    }

    /** A Microsoft 365 group's address at the directory's initial domain. */
    static String mail(String mailNickname, String initialDomain) {
        return mailNickname.toLowerCase(Locale.ROOT) + "@" + initialDomain;
    }

    static InvalidRequestException invalid(String message, String field) {
        return new InvalidRequestException(DirectoryError.INVALID_GROUP, message, field);
    }
}
