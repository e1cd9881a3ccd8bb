package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.access.RoleAssignment;
import dev.tenantry.access.RoleDefinition;
import dev.tenantry.directory.User;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.ErrorCode;
import dev.tenantry.testing.TestWorld;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.function.Executable;

/** What the tests of classic administrators and billing ownership transfers check again and again (issue 10). */
final class AdministratorAssertions {

    private AdministratorAssertions() {}

    /** The roles {@code user} holds on the subscription, in the world's store. */
    static List<RoleDefinition> rolesOf(TestWorld world, UUID subscriptionId, User user) {
        return world.assignments().bySubscription(subscriptionId).stream()
                .filter(a -> a.principalId().equals(user.id().value()))
                .map(RoleAssignment::role)
                .toList();
    }

    /** {@code call} is refused with {@code code}. */
    static void refused(Executable call, ErrorCode code) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code())
                .isEqualTo(code.value()));
    }
}
