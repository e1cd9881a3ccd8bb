package dev.tenantry.app.testmode;

import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Whether a GUID already names something on this server: a directory, a user, a group, an application (object id or
 * app id), a service principal, a managed identity's client id, a federated identity credential, a token lifetime
 * policy or a subscription. A seed file's fixed id that is used already is refused at its field
 * before anything is created.
 */
@FunctionalInterface
public interface UsedIds {

    /** Knows no ids: only the seed file's own duplicates are refused. */
    UsedIds NONE = id -> false;

    boolean isUsed(UUID id);

    /** The ids of the server's database. */
    static UsedIds in(Jdbi jdbi) {
        return id -> jdbi.withHandle(handle ->
                handle.createQuery("""
                        SELECT COUNT(*) FROM (
                            SELECT id FROM tenant WHERE id = :id
                            UNION ALL SELECT id FROM directory_user WHERE id = :id
                            UNION ALL SELECT id FROM directory_group WHERE id = :id
                            UNION ALL SELECT id FROM application WHERE id = :id OR app_id = :id
                            UNION ALL SELECT id FROM service_principal WHERE id = :id
                            UNION ALL SELECT id FROM cloud_subscription WHERE id = :id
                            UNION ALL SELECT id FROM suite_subscription WHERE id = :id
                            UNION ALL SELECT principal_id FROM managed_identity WHERE client_id = :id
                            UNION ALL SELECT id FROM application_federated_credential WHERE id = :id
                            UNION ALL SELECT id FROM token_lifetime_policy WHERE id = :id) used
                        """).bind("id", id).mapTo(Long.class).one() > 0);
    }
}
