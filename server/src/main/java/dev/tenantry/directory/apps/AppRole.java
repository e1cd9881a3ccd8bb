package dev.tenantry.directory.apps;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One app role an app registration defines (Graph's {@code appRole}, issue 11): who it may be assigned to
 * ({@code User} for users and groups, {@code Application} for other apps' service principals), its names, and the
 * {@code value} tokens carry in their {@code roles} claim. Its {@code origin} is always {@code Application} here.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/approle">Graph appRole resource</a>
 */
public record AppRole(
        UUID id,
        List<MemberType> allowedMemberTypes,
        String description,
        String displayName,
        boolean isEnabled,
        String value) {

    /** Graph's {@code allowedMemberTypes} values. */
    public enum MemberType {
        /** Users and groups. */
        USER("User"),
        /** Other applications' service principals (an application permission). */
        APPLICATION("Application");

        private final String graphName;

        MemberType(String graphName) {
            this.graphName = graphName;
        }

        public String graphName() {
            return graphName;
        }
    }

    /** The role everyone assigned to an app without a particular role holds (Graph's default access). */
    public static final UUID DEFAULT_ACCESS = new UUID(0L, 0L);

    public AppRole {
        Objects.requireNonNull(id, "id");
        allowedMemberTypes = List.copyOf(allowedMemberTypes);
    }

    /** Whether the role may be assigned to a principal of {@code type}. */
    public boolean allows(MemberType type) {
        return allowedMemberTypes.contains(type);
    }
}
