package dev.tenantry.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.testing.TestWorld;
import org.junit.jupiter.api.Test;

/** What every {@link TenantRepository} does; subclasses supply a fresh, empty repository per test. */
public abstract class TenantRepositoryContract {

    protected abstract TenantRepository tenants();

    /** A directory with the given initial domain, created at the fixed test instant. */
    protected static Tenant tenant(String initialDomain) {
        return new Tenant(TenantId.next(), "Org " + initialDomain, "US", initialDomain, TestWorld.NOW);
    }

    @Test
    void insertedTenantIsFoundById() {
        Tenant contoso = tenant("contoso.onmicrosoft.test");
        tenants().insert(contoso);

        var found = tenants().findById(contoso.id());

        assertThat(found).contains(contoso);
    }

    @Test
    void unknownIdIsEmpty() {
        tenants().insert(tenant("contoso.onmicrosoft.test"));

        var found = tenants().findById(TenantId.next());

        assertThat(found).isEmpty();
    }

    @Test
    void findByDomainIgnoresCase() {
        Tenant contoso = tenant("contoso.onmicrosoft.test");
        tenants().insert(contoso);

        var found = tenants().findByDomain("CONTOSO.OnMicrosoft.test");

        assertThat(found).contains(contoso);
    }

    @Test
    void findByDomainOfAnotherDomainIsEmpty() {
        tenants().insert(tenant("contoso.onmicrosoft.test"));

        var found = tenants().findByDomain("contoso2.onmicrosoft.test");

        assertThat(found).isEmpty();
    }

    @Test
    void takenInitialDomainIsAConflictDomainTaken() {
        tenants().insert(tenant("contoso.onmicrosoft.test"));
        Tenant second = tenant("contoso.onmicrosoft.test");

        assertThatThrownBy(() -> tenants().insert(second))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("domain_taken"));
        assertThat(tenants().findById(second.id())).isEmpty();
    }
}
