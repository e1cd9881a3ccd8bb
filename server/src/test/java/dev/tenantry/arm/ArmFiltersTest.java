package dev.tenantry.arm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.access.AssignmentFilter;
import dev.tenantry.shared.InvalidRequestException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 10: the $filters ARM takes on role assignments and on the activity log, and the ones it refuses. */
class ArmFiltersTest {

    private static final UUID ID = UUID.fromString("2f1c4ab0-3b5e-4a0e-9d4e-0a5b2c7d9e11");

    @Test
    @DisplayName(
            "issue 10: role assignment filters ARM documents are parsed, either order for atScope() and assignedTo")
    void roleAssignmentFilters() {
        assertThat(ArmRoleAssignmentFilter.parse(null)).isEqualTo(AssignmentFilter.all());
        assertThat(ArmRoleAssignmentFilter.parse("atScope()")).isEqualTo(new AssignmentFilter(true, null, null));
        assertThat(ArmRoleAssignmentFilter.parse("principalId eq '" + ID + "'"))
                .isEqualTo(new AssignmentFilter(false, ID, null));
        assertThat(ArmRoleAssignmentFilter.parse("assignedTo('" + ID + "')"))
                .isEqualTo(new AssignmentFilter(false, null, ID));
        assertThat(ArmRoleAssignmentFilter.parse("assignedTo('" + ID + "') and atScope()"))
                .isEqualTo(new AssignmentFilter(true, null, ID));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "atScope() and principalId eq '2f1c4ab0-3b5e-4a0e-9d4e-0a5b2c7d9e11'",
                "principalId eq 2f1c4ab0-3b5e-4a0e-9d4e-0a5b2c7d9e11",
                "principalId eq 'not-a-guid'",
                "roleDefinitionId eq 'x'",
                "atScope() or assignedTo('2f1c4ab0-3b5e-4a0e-9d4e-0a5b2c7d9e11')",
                "atScope() and atScope()"
            })
    @DisplayName("issue 10: any other role assignment filter is ARM's UnsupportedQuery, never ignored")
    void otherRoleAssignmentFiltersAreRefused(String filter) {
        assertThatThrownBy(() -> ArmRoleAssignmentFilter.parse(filter))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo("unsupported_role_assignment_filter");
                    assertThat(e.getMessage()).contains("Supported filters are either 'atScope()'");
                    assertThat(ArmRenderer.armCode(400, e.code())).isEqualTo("UnsupportedQuery");
                });
    }

    @Test
    @DisplayName("issue 10: the activity log takes a time window and narrows by resource group and provider")
    void activityLogFilter() {
        ArmActivityLogFilter filter = ArmActivityLogFilter.parse("eventTimestamp ge '2026-11-01T00:00:00Z' and "
                + "eventTimestamp le '2026-11-02T00:00:00.1234567Z' and resourceGroupName eq 'rg-web' and "
                + "resourceProvider eq 'Microsoft.Authorization'");

        assertThat(filter.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(filter.to()).isEqualTo(Instant.parse("2026-11-02T00:00:00.1234567Z"));
        assertThat(filter.resourceGroup()).isEqualTo("rg-web");
        assertThat(filter.resourceProvider()).isEqualTo("Microsoft.Authorization");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "eventTimestamp ge '2026-11-01T00:00:00Z'",
                "resourceGroupName eq 'rg'",
                "eventTimestamp ge '2026-11-01' and eventTimestamp le 'yesterday'",
                "eventTimestamp ge '2026-11-01' and eventTimestamp le '2026-11-02' and caller eq 'x'",
                "eventTimestamp ge '2026-11-01' and eventTimestamp ge '2026-11-02' and eventTimestamp le '2026-11-03'",
                "eventTimestamp ge '2026-11-01' or eventTimestamp le '2026-11-02'"
            })
    @DisplayName("issue 10: an activity log filter without its window, or with a term it does not know, is a 400")
    void badActivityLogFiltersAreRefused(String filter) {
        assertThatThrownBy(() -> ArmActivityLogFilter.parse(filter)).isInstanceOf(InvalidRequestException.class);
    }
}
