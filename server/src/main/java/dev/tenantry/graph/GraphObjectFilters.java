package dev.tenantry.graph;

import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.RequestError;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code $filter} on applications and service principals: {@code id eq}, {@code appId eq}, {@code displayName eq} and
 * {@code startswith(displayName,…)}, joined with {@code and}. Anything else is refused, naming what is supported.
 */
@FunctionalInterface
interface GraphObjectFilters {

    boolean test(UUID id, UUID appId, String displayName);

    static GraphObjectFilters of(String filter, String collection) {
        List<ODataFilter.Clause> clauses = ODataFilter.clauses(filter);
        GraphObjectFilters all = (id, appId, name) -> true;
        for (ODataFilter.Clause clause : clauses) {
            GraphObjectFilters one = one(clause, collection);
            GraphObjectFilters before = all;
            all = (id, appId, name) -> before.test(id, appId, name) && one.test(id, appId, name);
        }
        return all;
    }

    private static GraphObjectFilters one(ODataFilter.Clause clause, String collection) {
        String property = clause.property().toLowerCase(Locale.ROOT);
        String value = clause.value();
        boolean byId = property.equals("id") || property.equals("appid");
        if (byId && (clause.operator() == ODataFilter.Operator.EQ || clause.operator() == ODataFilter.Operator.IN)) {
            List<UUID> wanted = clause.values().stream()
                    .map(Ids::tryParse)
                    .flatMap(java.util.Optional::stream)
                    .toList();
            return property.equals("id")
                    ? (id, appId, name) -> wanted.contains(id)
                    : (id, appId, name) -> wanted.contains(appId);
        }
        if (property.equals("serviceprincipalnames")
                && clause.operator() == ODataFilter.Operator.ANY_EQ
                && collection.equals("servicePrincipals")) {
            // a service principal's names here are its appId
            return (id, appId, name) -> appId.toString().equalsIgnoreCase(value);
        }
        if (property.equals("displayname") && clause.operator() == ODataFilter.Operator.EQ) {
            return (id, appId, name) -> name.equalsIgnoreCase(value);
        }
        if (property.equals("displayname") && clause.operator() == ODataFilter.Operator.STARTS_WITH) {
            String prefix = value.toLowerCase(Locale.ROOT);
            return (id, appId, name) -> name.toLowerCase(Locale.ROOT).startsWith(prefix);
        }
        throw new InvalidRequestException(
                RequestError.UNSUPPORTED_FILTER,
                "Unsupported $filter on " + collection + ": '" + clause.property() + "' with "
                        + clause.operator().name().toLowerCase(Locale.ROOT)
                        + ". Supported: id and appId (eq, in), displayName eq, startswith(displayName,'…')"
                        + (collection.equals("servicePrincipals") ? ", servicePrincipalNames/any(c:c eq '…')" : "")
                        + ", joined with 'and'.");
    }
}
