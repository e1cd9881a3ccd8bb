package dev.tenantry.testing;

import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.Tenant;
import dev.tenantry.directory.User;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import java.util.Set;
import java.util.UUID;

/** A directory made by {@link TestDirectories}, with helpers that add users and make callers of it. */
public record TestDirectory(TestWorld world, Tenant tenant, User admin) {

    public TenantId id() {
        return tenant.id();
    }

    /** The first user, a Global Administrator, as a signed-in caller. */
    public Caller.User adminCaller() {
        return callerOf(admin);
    }

    /** Adds a member user with {@code alias} holding {@code roles}, created by the operator. */
    public User addUser(String alias, DirectoryRoleTemplate... roles) {
        User user = world.userService()
                .createUser(Caller.system(), tenant.id(), NewUser.of("User " + alias, alias, TestDirectories.PASSWORD));
        for (DirectoryRoleTemplate role : roles) {
            world.roleService().assignRole(Caller.system(), tenant.id(), role, user.id());
        }
        return user;
    }

    /** Adds a member user as {@link #addUser} does and returns it as a signed-in caller. */
    public Caller.User member(String alias, DirectoryRoleTemplate... roles) {
        return callerOf(addUser(alias, roles));
    }

    /** An application of this directory, acting as itself with {@code appRoles} granted. */
    public Caller.App app(String... appRoles) {
        return new Caller.App(tenant.id(), UUID.randomUUID(), UUID.randomUUID(), Set.of(appRoles));
    }

    /** A user signed in to the consoles, with all of its own rights. */
    public static Caller.User callerOf(User user) {
        return new Caller.User(user.tenantId(), user.id());
    }
}
