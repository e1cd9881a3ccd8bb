package dev.tenantry.testing;

import dev.tenantry.directory.Tenant;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserType;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of a repository contract: fresh {@link ContractStores} per test (JUnit makes one instance per test), closed after
 * it, two directories, and helpers for the users the rows of a SQL store hang from.
 */
public abstract class RepositoryContract {

    /** The instant rows are created at, unless a test needs another. */
    protected static final Instant NOW = TestWorld.NOW;

    protected final ContractStores stores;

    /** A stored directory, {@code contoso.onmicrosoft.test}. */
    protected Tenant contoso;

    /** Another stored directory, {@code fabrikam.onmicrosoft.test}. */
    protected Tenant fabrikam;

    protected RepositoryContract(ContractStores stores) {
        this.stores = stores;
    }

    @BeforeEach
    final void insertDirectories() {
        contoso = tenant("contoso");
        fabrikam = tenant("fabrikam");
    }

    @AfterEach
    final void closeStores() {
        stores.close();
    }

    /** A stored directory with the initial domain {@code <prefix>.onmicrosoft.test}. */
    protected final Tenant tenant(String prefix) {
        Tenant tenant = new Tenant(TenantId.next(), "Org " + prefix, "US", prefix + ".onmicrosoft.test", NOW);
        stores.tenants().insert(tenant);
        return tenant;
    }

    /** A stored member user of {@code tenant} with a random id. */
    protected final User user(Tenant tenant, String alias) {
        return user(tenant, UUID.randomUUID(), alias);
    }

    /** A stored member user of {@code tenant} with the given id, for tests of order. */
    protected final User user(Tenant tenant, UUID id, String alias) {
        User user = member(tenant.id(), id, alias + "@" + tenant.initialDomain(), alias, "User " + alias);
        stores.users().insert(user, "hash-of-" + alias);
        return user;
    }

    /** An enabled member user in the US, created at {@link #NOW}, whose mail is its user principal name. */
    public static User member(TenantId tenantId, UUID id, String upn, String alias, String displayName) {
        return new User(
                new UserId(id),
                tenantId,
                upn,
                displayName,
                null,
                null,
                upn,
                alias,
                true,
                "US",
                UserType.MEMBER,
                null,
                NOW);
    }

    /** Ids that sort differently as SQL (unsigned) and as {@link UUID#compareTo} (signed): in SQL order 1, 2, 0. */
    protected static UUID[] idsOutOfJavaOrder() {
        return new UUID[] {
            UUID.fromString("ffffffff-0000-4000-8000-000000000000"),
            UUID.fromString("10000000-0000-4000-8000-000000000000"),
            UUID.fromString("80000000-0000-4000-8000-000000000000")
        };
    }
}
