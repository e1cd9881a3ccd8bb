package dev.tenantry.arm;

import dev.tenantry.access.AssignmentFilter;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ARM's {@code $filter} on role assignments: {@code atScope()}, {@code principalId eq '{id}'},
 * {@code assignedTo('{id}')} and {@code atScope() and assignedTo('{id}')}; anything else is refused as ARM refuses it.
 *
 * @see <a href="https://learn.microsoft.com/azure/role-based-access-control/role-assignments-list-rest">List Azure
 *     role assignments using the REST API</a>
 */
final class ArmRoleAssignmentFilter {

    private static final Pattern AT_SCOPE = Pattern.compile("(?i)atScope\\(\\)");
    private static final Pattern PRINCIPAL = Pattern.compile("(?i)principalId\\s+eq\\s+'([^']*)'");
    private static final Pattern ASSIGNED_TO = Pattern.compile("(?i)assignedTo\\('([^']*)'\\)");
    private static final Pattern AND = Pattern.compile("\\s+(?i:and)\\s+");

    private ArmRoleAssignmentFilter() {}

    static AssignmentFilter parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return AssignmentFilter.all();
        }
        String[] terms = AND.split(filter.strip(), -1);
        if (terms.length == 1) {
            String term = terms[0];
            if (AT_SCOPE.matcher(term).matches()) {
                return new AssignmentFilter(true, null, null);
            }
            Matcher principal = PRINCIPAL.matcher(term);
            if (principal.matches()) {
                return new AssignmentFilter(false, id(principal.group(1), filter), null);
            }
            Matcher assignedTo = ASSIGNED_TO.matcher(term);
            if (assignedTo.matches()) {
                return new AssignmentFilter(false, null, id(assignedTo.group(1), filter));
            }
        }
        if (terms.length == 2) {
            int at = AT_SCOPE.matcher(terms[0]).matches() ? 0 : 1;
            Matcher assignedTo = ASSIGNED_TO.matcher(terms[1 - at]);
            if (AT_SCOPE.matcher(terms[at]).matches() && assignedTo.matches()) {
                return new AssignmentFilter(true, null, id(assignedTo.group(1), filter));
            }
        }
        throw unsupported(filter);
    }

    private static UUID id(String text, String filter) {
        if (!text.toLowerCase(Locale.ROOT).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw unsupported(filter);
        }
        return Ids.parseUuid(text, "principal id");
    }

    private static InvalidRequestException unsupported(String filter) {
        return new InvalidRequestException(
                ArmError.UNSUPPORTED_ROLE_ASSIGNMENT_FILTER,
                "The filter '" + filter + "' is not supported. Supported filters are either 'atScope()' or "
                        + "'principalId eq '{value}' or assignedTo('{value}')'.");
    }
}
