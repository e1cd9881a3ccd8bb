package dev.tenantry.subscriptions;

import dev.tenantry.directory.User;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A user's classic administrator roles on a cloud subscription, for ARM's classicAdministrators and the portal. */
public record ClassicAdministrator(User user, Set<ClassicRole> roles) {

    public ClassicAdministrator {
        roles = Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean holds(ClassicRole role) {
        return roles.contains(role);
    }

    /** ARM's {@code properties.role}: the roles in ARM's order joined by ';', e.g. {@code ServiceAdministrator;AccountAdministrator}. */
    public String armRole() {
        return EnumSet.copyOf(roles).stream().map(ClassicRole::armName).collect(Collectors.joining(";"));
    }
}
