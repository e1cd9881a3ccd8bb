package dev.tenantry.directory.apps;

import dev.tenantry.directory.DirectoryAccess;
import dev.tenantry.directory.DirectoryAccess.PolicyUse;
import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.TenantRepository;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Column;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.NewIds;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.Transactions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A directory's token lifetime policies and their assignment to applications (issue 11, Graph's
 * {@code tokenLifetimePolicy}). Every call is a Global or Application Administrator's of the caller's own directory
 * (R14), with the Graph permissions Graph names per endpoint ({@link DirectoryAccess#requireTokenLifetimePolicies}:
 * {@code Policy.Read.All} to read, {@code Policy.ReadWrite.ApplicationConfiguration} to write, and
 * {@code Application.ReadWrite.All} too to assign). At most one policy per directory is the
 * organization default; that rule is checked holding the directory's lock, so two concurrent writes cannot both set it.
 */
public final class TokenLifetimePolicyService {

    /**
     * A policy as the surface read it: {@code definition} the one JSON string as given, {@code parsedDefinition} that
     * string parsed to a JSON object. On update a null field leaves the property as it is.
     */
    public record Draft(
            String displayName, Boolean isOrganizationDefault, String definition, Map<String, ?> parsedDefinition) {}

    private final TokenLifetimePolicyRepository policies;
    private final ApplicationRepository applications;
    private final TenantRepository tenants;
    private final DirectoryAccess access;
    private final Transactions transactions;

    public TokenLifetimePolicyService(
            TokenLifetimePolicyRepository policies,
            ApplicationRepository applications,
            TenantRepository tenants,
            DirectoryAccess access,
            Transactions transactions) {
        this.policies = policies;
        this.applications = applications;
        this.tenants = tenants;
        this.access = access;
        this.transactions = transactions;
    }

    public List<TokenLifetimePolicy> list(Caller caller, TenantId tenantId) {
        access.requireTokenLifetimePolicies(caller, tenantId, PolicyUse.READ);
        return policies.list(tenantId);
    }

    public TokenLifetimePolicy get(Caller caller, TenantId tenantId, UUID id) {
        access.requireTokenLifetimePolicies(caller, tenantId, PolicyUse.READ);
        return find(tenantId, id);
    }

    /** Creates a policy; the definition is refused by name when Entra would refuse it. */
    public TokenLifetimePolicy create(Caller caller, TenantId tenantId, Draft draft) {
        access.requireTokenLifetimePolicies(caller, tenantId, PolicyUse.WRITE);
        TokenLifetimeDefinition definition = TokenLifetimeDefinition.of(required(draft.parsedDefinition()));
        String displayName = Column.TOKEN_LIFETIME_POLICY_DISPLAY_NAME.check(draft.displayName(), "displayName");
        String raw = Column.TOKEN_LIFETIME_POLICY_DEFINITION.check(draft.definition(), "definition");
        boolean isDefault = Boolean.TRUE.equals(draft.isOrganizationDefault());
        return transactions.inTransaction(() -> {
            TokenLifetimePolicy policy = new TokenLifetimePolicy(
                    NewIds.next(NewIds.Kind.TOKEN_LIFETIME_POLICY),
                    tenantId,
                    displayName,
                    isDefault,
                    raw,
                    definition.accessTokenLifetime());
            if (isDefault) {
                requireNoOtherDefault(tenantId, policy.id());
            }
            policies.insert(policy);
            return policy;
        });
    }

    /** Changes the properties {@code draft} sends. */
    public TokenLifetimePolicy update(Caller caller, TenantId tenantId, UUID id, Draft draft) {
        access.requireTokenLifetimePolicies(caller, tenantId, PolicyUse.WRITE);
        TokenLifetimeDefinition definition =
                draft.definition() == null ? null : TokenLifetimeDefinition.of(required(draft.parsedDefinition()));
        return transactions.inTransaction(() -> {
            TokenLifetimePolicy old = find(tenantId, id);
            TokenLifetimePolicy policy = new TokenLifetimePolicy(
                    id,
                    tenantId,
                    draft.displayName() == null
                            ? old.displayName()
                            : Column.TOKEN_LIFETIME_POLICY_DISPLAY_NAME.check(draft.displayName(), "displayName"),
                    draft.isOrganizationDefault() == null ? old.isOrganizationDefault() : draft.isOrganizationDefault(),
                    definition == null
                            ? old.definition()
                            : Column.TOKEN_LIFETIME_POLICY_DEFINITION.check(draft.definition(), "definition"),
                    definition == null ? old.accessTokenLifetime() : definition.accessTokenLifetime());
            if (policy.isOrganizationDefault() && !old.isOrganizationDefault()) {
                requireNoOtherDefault(tenantId, id);
            }
            policies.update(policy);
            return policy;
        });
    }

    public void delete(Caller caller, TenantId tenantId, UUID id) {
        access.requireTokenLifetimePolicies(caller, tenantId, PolicyUse.WRITE);
        transactions.run(() -> {
            if (!policies.delete(tenantId, id)) {
                throw notFound(id);
            }
        });
    }

    /** The policies assigned to the application {@code objectId} (zero or one). */
    public List<TokenLifetimePolicy> assigned(Caller caller, TenantId tenantId, UUID objectId) {
        access.requireTokenLifetimePolicies(caller, tenantId, PolicyUse.ASSIGN);
        return policies.findAssigned(tenantId, application(tenantId, objectId).id()).stream()
                .toList();
    }

    /** Assigns the policy to the application {@code objectId}, replacing any it had. */
    public void assign(Caller caller, TenantId tenantId, UUID objectId, UUID policyId) {
        access.requireTokenLifetimePolicies(caller, tenantId, PolicyUse.ASSIGN);
        transactions.run(() -> {
            Application app = application(tenantId, objectId);
            find(tenantId, policyId);
            policies.assign(tenantId, app.id(), policyId);
        });
    }

    public void unassign(Caller caller, TenantId tenantId, UUID objectId, UUID policyId) {
        access.requireTokenLifetimePolicies(caller, tenantId, PolicyUse.ASSIGN);
        transactions.run(() -> {
            Application app = application(tenantId, objectId);
            if (!policies.unassign(tenantId, app.id(), policyId)) {
                throw new NotFoundException(
                        TokenLifetimePolicyError.NOT_ASSIGNED,
                        "The application '" + objectId + "' does not have the token lifetime policy '" + policyId
                                + "' assigned.");
            }
        });
    }

    private void requireNoOtherDefault(TenantId tenantId, UUID id) {
        tenants.lock(tenantId); // the one-default rule counts: hold the directory while checking it
        Optional<TokenLifetimePolicy> existing = policies.findOrganizationDefault(tenantId);
        if (existing.isPresent() && !existing.get().id().equals(id)) {
            throw new ConflictException(
                    TokenLifetimePolicyError.ORGANIZATION_DEFAULT_EXISTS,
                    "The directory already has an organization default token lifetime policy ('"
                            + existing.get().id() + "'); set its isOrganizationDefault to false first.",
                    "isOrganizationDefault");
        }
    }

    private static Map<String, ?> required(Map<String, ?> parsed) {
        return parsed == null ? Map.of() : parsed; // an empty object: INVALID_DEFINITION naming the expected shape
    }

    private TokenLifetimePolicy find(TenantId tenantId, UUID id) {
        return policies.find(tenantId, id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException(
                TokenLifetimePolicyError.POLICY_NOT_FOUND,
                "Token lifetime policy '" + id + "' does not exist in this directory.");
    }

    private Application application(TenantId tenantId, UUID objectId) {
        return applications
                .findById(tenantId, objectId)
                .orElseThrow(() -> new NotFoundException(
                        DirectoryError.APPLICATION_NOT_FOUND,
                        "Application '" + objectId + "' does not exist in this directory."));
    }
}
