package dev.tenantry.graph;

import dev.tenantry.directory.User;
import dev.tenantry.subscriptions.LicenceAssignment;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A user on the Graph wire. Without {@code $select} it carries Graph v1.0's default property set; {@code $select}
 * picks any supported property, including those outside the default set.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/user">Graph user resource</a>
 */
record GraphUser(
        String id,
        List<String> businessPhones,
        String displayName,
        String givenName,
        String jobTitle,
        String mail,
        String mobilePhone,
        String officeLocation,
        String preferredLanguage,
        String surname,
        String userPrincipalName,
        boolean accountEnabled,
        String usageLocation,
        String userType,
        String mailNickname,
        Instant createdDateTime,
        List<GraphLicences.AssignedLicense> assignedLicenses) {

    static final String ODATA_TYPE = "#microsoft.graph.user";

    private static final List<String> DEFAULT = List.of(
            "businessPhones",
            "displayName",
            "givenName",
            "jobTitle",
            "mail",
            "mobilePhone",
            "officeLocation",
            "preferredLanguage",
            "surname",
            "userPrincipalName",
            "id");

    private static final List<String> ALL = List.of(
            "id",
            "businessPhones",
            "displayName",
            "givenName",
            "jobTitle",
            "mail",
            "mobilePhone",
            "officeLocation",
            "preferredLanguage",
            "surname",
            "userPrincipalName",
            "accountEnabled",
            "usageLocation",
            "userType",
            "mailNickname",
            "createdDateTime",
            "assignedLicenses",
            "assignedPlans",
            "licenseAssignmentStates",
            "creationType",
            "externalUserState",
            "externalUserStateChangeDateTime",
            "otherMails");

    /** The properties of a B2B guest, filled by the route from the guest's link (null or empty for a member). */
    static final List<String> GUEST_PROPERTIES =
            List.of("creationType", "externalUserState", "externalUserStateChangeDateTime", "otherMails");

    /** The user without its licences, for answers that do not show {@code assignedLicenses}. */
    static GraphUser of(User user) {
        return of(user, List.of());
    }

    /** The user with the licences it holds. */
    static GraphUser of(User user, List<LicenceAssignment> licences) {
        return new GraphUser(
                user.id().toString(),
                List.of(),
                user.displayName(),
                user.givenName(),
                user.jobTitle(),
                user.mail(),
                null,
                null,
                null,
                user.surname(),
                user.userPrincipalName(),
                user.accountEnabled(),
                user.usageLocation(),
                user.userType().graphName(),
                user.mailNickname(),
                user.createdAt(),
                GraphLicences.AssignedLicense.of(licences));
    }

    /**
     * The canonical names of {@code select} (Graph matches them ignoring case), or the default set when it is empty.
     * An unknown name is a 400, as in Graph.
     */
    static List<String> properties(List<String> select) {
        if (select.isEmpty() || select.contains("*")) {
            return select.isEmpty() ? DEFAULT : ALL;
        }
        return select.stream()
                .map(name -> ODataQuery.canonicalProperty(name, ALL, "microsoft.graph.user"))
                .distinct()
                .toList();
    }

    /** The given properties, in that order; {@code @odata.type} first when {@code typed}. */
    Map<String, Object> project(List<String> properties, boolean typed) {
        GraphProperties json = new GraphProperties(properties.size() + 1);
        if (typed) {
            json.putNew("@odata.type", ODATA_TYPE);
        }
        for (String property : properties) { // distinct, and never @odata.type (properties() returns known names)
            json.putNew(property, value(property));
        }
        return json;
    }

    private Object value(String property) {
        return switch (property) {
            case "id" -> id;
            case "businessPhones" -> businessPhones;
            case "displayName" -> displayName;
            case "givenName" -> givenName;
            case "jobTitle" -> jobTitle;
            case "mail" -> mail;
            case "mobilePhone" -> mobilePhone;
            case "officeLocation" -> officeLocation;
            case "preferredLanguage" -> preferredLanguage;
            case "surname" -> surname;
            case "userPrincipalName" -> userPrincipalName;
            case "accountEnabled" -> accountEnabled;
            case "usageLocation" -> usageLocation;
            case "userType" -> userType;
            case "mailNickname" -> mailNickname;
            case "createdDateTime" ->
                createdDateTime.toString(); // formatted only when selected: not in the default set
            case "assignedLicenses" -> assignedLicenses;
            // filled by the route, which reads each licence's path
            case "licenseAssignmentStates", "assignedPlans" -> List.of();
            // filled by the route for a guest, from its link
            case "otherMails" -> List.of();
            case "creationType", "externalUserState", "externalUserStateChangeDateTime" -> null;
            default -> throw new IllegalArgumentException(property);
        };
    }
}
