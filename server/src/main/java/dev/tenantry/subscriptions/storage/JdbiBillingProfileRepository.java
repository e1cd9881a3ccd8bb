package dev.tenantry.subscriptions.storage;

import dev.tenantry.shared.TenantId;
import dev.tenantry.subscriptions.BillingProfile;
import dev.tenantry.subscriptions.BillingProfileRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Billing profiles in SQL; the table has no column that could hold a card number. */
public final class JdbiBillingProfileRepository implements BillingProfileRepository {

    private static final String INSERT = """
            INSERT INTO billing_profile (id, tenant_id, subscription_id, name, email, phone, country_code,
                address_line1, city, postal_code, card_brand, card_last4, created_at)
            VALUES (:id, :tenantId, :subscriptionId, :name, :email, :phone, :countryCode, :addressLine1, :city,
                :postalCode, :cardBrand, :cardLast4, :createdAt)
            """;

    private final Jdbi jdbi;

    public JdbiBillingProfileRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(TenantId tenantId, BillingProfile profile) {
        jdbi.useHandle(handle -> handle.createUpdate(INSERT)
                .bind("id", UUID.randomUUID())
                .bind("tenantId", tenantId.value())
                .bindMethods(profile)
                .bind("createdAt", Instant.now())
                .execute());
    }

    @Override
    public Optional<BillingProfile> findBySubscription(UUID subscriptionId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT subscription_id, name, email, phone, country_code, address_line1, city, postal_code,
                            card_brand, card_last4
                        FROM billing_profile WHERE subscription_id = :subscriptionId
                        """)
                .bind("subscriptionId", subscriptionId)
                .map((rs, ctx) -> new BillingProfile(
                        rs.getObject("subscription_id", UUID.class),
                        rs.getString("name"),
                        rs.getString("email"),
                        rs.getString("phone"),
                        rs.getString("country_code"),
                        rs.getString("address_line1"),
                        rs.getString("city"),
                        rs.getString("postal_code"),
                        rs.getString("card_brand"),
                        rs.getString("card_last4")))
                .findOne());
    }

    @Override
    public boolean existsForTenant(TenantId tenantId) {
        return jdbi.withHandle(
                        handle -> handle.createQuery("SELECT COUNT(*) FROM billing_profile WHERE tenant_id = :tenantId")
                                .bind("tenantId", tenantId.value())
                                .mapTo(Integer.class)
                                .one())
                > 0;
    }
}
