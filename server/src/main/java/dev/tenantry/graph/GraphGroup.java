package dev.tenantry.graph;

import dev.tenantry.directory.Group;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A group on the Graph wire: Graph v1.0's default property set without {@code $select}, any of them with it.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/group">Graph group resource</a>
 */
final class GraphGroup {

    static final String ODATA_TYPE = "#microsoft.graph.group";

    /** Filled by the route (it needs the group's licences), and only when selected. */
    static final String ASSIGNED_LICENSES = "assignedLicenses";

    /** Every property, in Graph's order, with how to read it; those Tenantry does not model are Graph's defaults. */
    private static final Map<String, Function<Group, Object>> PROPERTIES = properties();

    private static final List<String> ALL = List.copyOf(PROPERTIES.keySet());

    /** Graph's default set: every property but those read only on {@code $select}. */
    private static final List<String> DEFAULT =
            ALL.stream().filter(p -> !p.equals(ASSIGNED_LICENSES)).toList();

    private GraphGroup() {}

    private static Map<String, Function<Group, Object>> properties() {
        Map<String, Function<Group, Object>> p = new LinkedHashMap<>();
        p.put("id", g -> g.id().toString());
        p.put("deletedDateTime", g -> null);
        p.put("classification", g -> null);
        p.put("createdDateTime", g -> g.createdAt().toString());
        p.put("creationOptions", g -> List.of());
        p.put("description", Group::description);
        p.put("displayName", Group::displayName);
        p.put("expirationDateTime", g -> null);
        p.put("groupTypes", Group::groupTypes);
        p.put("isAssignableToRole", g -> null);
        p.put("mail", Group::mail);
        p.put("mailEnabled", Group::mailEnabled);
        p.put("mailNickname", Group::mailNickname);
        p.put("membershipRule", g -> null);
        p.put("membershipRuleProcessingState", g -> null);
        p.put("onPremisesSyncEnabled", g -> null);
        p.put("preferredDataLocation", g -> null);
        p.put("preferredLanguage", g -> null);
        p.put("proxyAddresses", g -> g.mail() == null ? List.of() : List.of("SMTP:" + g.mail()));
        p.put("renewedDateTime", g -> g.createdAt().toString());
        p.put("resourceBehaviorOptions", g -> List.of());
        p.put("resourceProvisioningOptions", g -> List.of());
        p.put("securityEnabled", Group::securityEnabled);
        p.put("securityIdentifier", g -> null);
        p.put("theme", g -> null);
        p.put("visibility", Group::visibility);
        p.put("onPremisesProvisioningErrors", g -> List.of());
        p.put(ASSIGNED_LICENSES, g -> List.of());
        p.put("serviceProvisioningErrors", g -> List.of());
        return p;
    }

    /** The canonical names of {@code select} (case ignored), the default set when it is empty, all for {@code *}. */
    static List<String> properties(List<String> select) {
        if (select.isEmpty() || select.contains("*")) {
            return select.isEmpty() ? DEFAULT : ALL;
        }
        return select.stream()
                .map(name -> ODataQuery.canonicalProperty(name, ALL, "microsoft.graph.group"))
                .distinct()
                .toList();
    }

    /** The given properties of {@code group}, in that order; {@code @odata.type} first when {@code typed}. */
    static Map<String, Object> project(Group group, List<String> properties, boolean typed) {
        GraphProperties json = new GraphProperties(properties.size() + 1);
        if (typed) {
            json.putNew("@odata.type", ODATA_TYPE);
        }
        for (String property : properties) { // distinct, and never @odata.type (properties() returns known names)
            json.putNew(property, PROPERTIES.get(property).apply(group));
        }
        return json;
    }

    /** The group as a member of a directoryObject collection: typed, every property. */
    static Map<String, Object> typed(Group group) {
        return project(group, DEFAULT, true);
    }
}
