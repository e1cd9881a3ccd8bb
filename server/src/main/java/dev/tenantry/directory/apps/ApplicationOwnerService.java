package dev.tenantry.directory.apps;

import dev.tenantry.directory.DirectoryAccess;
import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.GroupRepository;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserRepository;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.Transactions;
import dev.tenantry.shared.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Owners of app registrations and service principals (users or service principals of the directory, as in Entra),
 * and what a user owns ({@code ownedObjects}: applications, service principals and groups). Owners manage their
 * objects without a directory role ({@link DirectoryAccess#requireManageApplication}).
 */
public final class ApplicationOwnerService {

    private final ApplicationRepository applications;
    private final UserRepository users;
    private final GroupRepository groups;
    private final DirectoryAccess access;
    private final Transactions transactions;
    private final Clock clock;

    public ApplicationOwnerService(
            ApplicationRepository applications,
            UserRepository users,
            GroupRepository groups,
            DirectoryAccess access,
            Transactions transactions,
            Clock clock) {
        this.applications = applications;
        this.users = users;
        this.groups = groups;
        this.access = access;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The owners of the application or service principal {@code objectId}, ordered by id. */
    public List<Owner> owners(Caller caller, TenantId tenantId, AppObjectKind kind, UUID objectId) {
        return transactions.inTransaction(() -> {
            access.requireReadApplications(caller, tenantId);
            requireObject(tenantId, kind, objectId);
            List<Owner> found = new ArrayList<>();
            for (OwnerRef ref : applications.owners(tenantId, kind, objectId)) {
                resolve(tenantId, ref.id()).ifPresent(found::add);
            }
            return found;
        });
    }

    /** Adds a user or a service principal ({@code ownerId}) as owner; one already there is Graph's 400. */
    public void addOwner(Caller caller, TenantId tenantId, AppObjectKind kind, UUID objectId, String ownerId) {
        transactions.inTransaction(() -> {
            manageable(caller, tenantId, kind, objectId);
            Owner owner = resolve(tenantId, objectReference(ownerId))
                    .orElseThrow(() -> notFound(ownerId, "Add a user or a service principal of this directory."));
            OwnerRef ref =
                    switch (owner) {
                        case Owner.OfUser user -> new OwnerRef(user.id(), OwnerRef.Kind.USER);
                        case Owner.OfServicePrincipal sp -> new OwnerRef(sp.id(), OwnerRef.Kind.SERVICE_PRINCIPAL);
                    };
            if (!applications.addOwner(tenantId, kind, objectId, ref, clock.instant())) {
                throw new InvalidRequestException(
                        DirectoryError.OWNER_ALREADY_PRESENT,
                        "One or more added object references already exist for the following modified properties: "
                                + "'owners'.");
            }
            return null;
        });
    }

    public void removeOwner(Caller caller, TenantId tenantId, AppObjectKind kind, UUID objectId, String ownerId) {
        transactions.inTransaction(() -> {
            manageable(caller, tenantId, kind, objectId);
            Optional<UUID> id = Ids.tryParse(ownerId);
            if (id.isEmpty() || !applications.removeOwner(tenantId, kind, objectId, id.get())) {
                throw new NotFoundException(
                        DirectoryError.OWNER_NOT_FOUND,
                        "'" + ownerId + "' is not an owner of " + describe(kind) + " '" + objectId + "'.");
            }
            return null;
        });
    }

    /**
     * The applications, service principals and groups the user {@code idOrUpn} (object id or user principal name) owns,
     * ordered by id and paged by id: the signed-in user reads its own ({@code User.Read}); reading another user's needs
     * the right to read users.
     */
    public Page<OwnedObject> ownedObjects(Caller caller, TenantId tenantId, String idOrUpn, PageRequest page) {
        return transactions.inTransaction(() -> {
            access.requireSameTenant(caller, tenantId);
            Optional<User> found = Ids.tryParse(idOrUpn)
                    .flatMap(id -> users.findById(tenantId, new UserId(id)))
                    .or(() -> users.findByUpn(idOrUpn).filter(u -> u.tenantId().equals(tenantId)));
            if (caller instanceof Caller.User user
                    && found.map(u -> u.id().equals(user.userId())).orElse(false)) {
                access.requireReadOwnProfile(caller, tenantId);
            } else {
                access.requireReadUsers(caller, tenantId);
            }
            User owner = found.orElseThrow(() -> notFound(idOrUpn, "Name a user of this directory."));
            UUID id = owner.objectId();
            List<OwnedObject> owned = new ArrayList<>();
            applications.applicationsOwnedBy(tenantId, id).forEach(a -> owned.add(new OwnedObject.OfApplication(a)));
            applications
                    .servicePrincipalsOwnedBy(tenantId, id)
                    .forEach(sp -> owned.add(new OwnedObject.OfServicePrincipal(sp)));
            groups.ownedBy(tenantId, owner.id()).forEach(g -> owned.add(new OwnedObject.OfGroup(g)));
            List<OwnedObject> after = owned.stream()
                    .sorted(Comparator.comparing(o -> o.id().toString()))
                    .filter(o -> page.after() == null || o.id().toString().compareTo(page.after()) > 0)
                    .limit(page.size() + 1L)
                    .toList();
            return Page.of(after, page.size(), o -> o.id().toString());
        });
    }

    /** Whether {@code caller} owns the object: a user owner, or an app whose service principal is one. */
    static boolean owns(
            ApplicationRepository applications, Caller caller, TenantId tenantId, AppObjectKind kind, UUID objectId) {
        UUID callerId =
                switch (caller) {
                    case Caller.User user -> user.userId().value();
                    case Caller.App app -> app.servicePrincipalId();
                    case Caller.Operator ignored -> null;
                };
        return callerId != null
                && applications.owners(tenantId, kind, objectId).stream()
                        .anyMatch(owner -> owner.id().equals(callerId));
    }

    private void manageable(Caller caller, TenantId tenantId, AppObjectKind kind, UUID objectId) {
        access.requireSameTenant(caller, tenantId);
        requireObject(tenantId, kind, objectId);
        access.requireManageApplication(caller, tenantId, owns(applications, caller, tenantId, kind, objectId));
    }

    private void requireObject(TenantId tenantId, AppObjectKind kind, UUID objectId) {
        boolean exists =
                switch (kind) {
                    case APPLICATION ->
                        applications.findById(tenantId, objectId).isPresent();
                    case SERVICE_PRINCIPAL ->
                        applications.findServicePrincipal(tenantId, objectId).isPresent();
                };
        if (!exists) {
            throw new NotFoundException(
                    kind == AppObjectKind.APPLICATION
                            ? DirectoryError.APPLICATION_NOT_FOUND
                            : DirectoryError.SERVICE_PRINCIPAL_NOT_FOUND,
                    "Resource '" + objectId + "' does not exist or one of its queried reference-property objects"
                            + " are not present.");
        }
    }

    private Optional<Owner> resolve(TenantId tenantId, UUID id) {
        Optional<User> user = users.findById(tenantId, new UserId(id));
        if (user.isPresent()) {
            return Optional.of(new Owner.OfUser(user.get()));
        }
        return applications.findServicePrincipal(tenantId, id).map(Owner.OfServicePrincipal::new);
    }

    private static UUID objectReference(String ownerId) {
        return Ids.tryParse(ownerId)
                .orElseThrow(() -> new InvalidRequestException(
                        DirectoryError.INVALID_OBJECT_REFERENCE,
                        "Invalid object identifier '" + ownerId + "'.",
                        "@odata.id"));
    }

    private static String describe(AppObjectKind kind) {
        return kind == AppObjectKind.APPLICATION ? "application" : "service principal";
    }

    private static NotFoundException notFound(String objectId, String fix) {
        return new NotFoundException(
                DirectoryError.OBJECT_NOT_FOUND,
                "Resource '" + objectId + "' does not exist or one of its queried reference-property objects are"
                        + " not present. " + fix);
    }
}
