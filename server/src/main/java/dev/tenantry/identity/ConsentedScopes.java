package dev.tenantry.identity;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.util.List;
import java.util.UUID;

/** The Microsoft Graph permissions a user has let a client use (issue 11): its own consent or an administrator's. */
@FunctionalInterface
public interface ConsentedScopes {

    /** Nothing consented: only pre-authorized scopes are issued. */
    ConsentedScopes NONE = (tenantId, userId, clientId) -> List.of();

    List<String> of(TenantId tenantId, UserId userId, UUID clientId);
}
