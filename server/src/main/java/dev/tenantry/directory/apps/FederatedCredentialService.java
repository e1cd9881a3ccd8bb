package dev.tenantry.directory.apps;

import dev.tenantry.directory.Text;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Column;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NewIds;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.Transactions;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Federated identity credentials of app registrations (Graph's {@code federatedIdentityCredentials}, issue 11), with
 * Entra's rules: a name of 3 to 120 letters, digits, '-' and '_' starting with a letter or digit, unique per
 * application and never changed; an https issuer; a subject of at most 600 characters; exactly one audience
 * ({@value FederatedIdentityCredential#DEFAULT_AUDIENCE} by default); issuer and subject together unique per
 * application; at most 20 per application. Reading is for whoever may read the application, changing for whoever
 * may change it (its owners, or an administrator).
 */
public final class FederatedCredentialService {

    static final int MAX_PER_APPLICATION = 20;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{2,119}");

    private final ApplicationService applicationService;
    private final ApplicationRepository applications;
    private final KeyCredentialRepository credentials;
    private final Transactions transactions;

    FederatedCredentialService(
            ApplicationService applicationService,
            ApplicationRepository applications,
            KeyCredentialRepository credentials,
            Transactions transactions) {
        this.applicationService = applicationService;
        this.applications = applications;
        this.credentials = credentials;
        this.transactions = transactions;
    }

    /** The application's federated identity credentials, for a caller who may read applications. */
    public List<FederatedIdentityCredential> list(Caller caller, TenantId tenantId, UUID objectId) {
        return credentials.federated(
                applicationService.getApplication(caller, tenantId, objectId).id());
    }

    /** The application's federated identity credentials that {@code filter} keeps (Graph's {@code $filter}). */
    public List<FederatedIdentityCredential> list(
            Caller caller, TenantId tenantId, UUID objectId, FederatedCredentialFilter filter) {
        return list(caller, tenantId, objectId).stream().filter(filter::test).toList();
    }

    /** One credential of the application, named by its id or its name. */
    public FederatedIdentityCredential get(Caller caller, TenantId tenantId, UUID objectId, String idOrName) {
        return find(list(caller, tenantId, objectId), idOrName);
    }

    /** Adds a credential to the application. */
    public FederatedIdentityCredential create(
            Caller caller, TenantId tenantId, UUID objectId, NewFederatedCredential wanted) {
        return transactions.inTransaction(() -> {
            Application application = applicationService.manageableApplication(caller, tenantId, objectId);
            return insert(application, wanted);
        });
    }

    /** Changes what {@code wanted} sends of the credential's issuer, subject, audiences and description. */
    public FederatedIdentityCredential update(
            Caller caller, TenantId tenantId, UUID objectId, String idOrName, NewFederatedCredential wanted) {
        return transactions.inTransaction(() -> {
            Application application = applicationService.manageableApplication(caller, tenantId, objectId);
            List<FederatedIdentityCredential> current = credentials.federated(application.id());
            return change(application, current, find(current, idOrName), wanted);
        });
    }

    /** What an upsert did: the credential as it is now, and whether the upsert created it. */
    public record Upserted(FederatedIdentityCredential credential, boolean created) {}

    /**
     * Graph's upsert by name ({@code PATCH …/federatedIdentityCredentials(name='…')}): updates the credential named
     * {@code name}; when there is none, creates it if {@code createIfMissing} (Graph's {@code Prefer:
     * create-if-missing}), else it is not found, as a plain update. A {@code name} in the body must be the same.
     *
     * @see <a href="https://learn.microsoft.com/graph/api/federatedidentitycredential-upsert">Upsert
     *     federatedIdentityCredential</a>
     */
    public Upserted upsert(
            Caller caller,
            TenantId tenantId,
            UUID objectId,
            String name,
            NewFederatedCredential wanted,
            boolean createIfMissing) {
        return transactions.inTransaction(() -> {
            Application application = applicationService.manageableApplication(caller, tenantId, objectId);
            credentials.lockApplication(application.id()); // two upserts of one new name create it once
            List<FederatedIdentityCredential> current = credentials.federated(application.id());
            String key = name == null ? "" : name.toLowerCase(Locale.ROOT);
            Optional<FederatedIdentityCredential> old =
                    current.stream().filter(c -> c.nameKey().equals(key)).findFirst();
            if (old.isPresent()) {
                return new Upserted(change(application, current, old.get(), wanted), false);
            }
            if (!createIfMissing) {
                throw notFound(name);
            }
            if (wanted.name() != null && !wanted.name().equalsIgnoreCase(name)) {
                throw invalid(
                        "name",
                        "The body names the credential '" + wanted.name() + "' but the URL names it '" + name
                                + "'; leave name out of the body or make the two the same.");
            }
            return new Upserted(
                    insert(
                            application,
                            new NewFederatedCredential(
                                    name, wanted.issuer(), wanted.subject(), wanted.audiences(), wanted.description())),
                    true);
        });
    }

    private FederatedIdentityCredential insert(Application application, NewFederatedCredential wanted) {
        String name = Text.required(wanted.name(), "name", Column.FEDERATED_CREDENTIAL_NAME);
        if (!NAME.matcher(name).matches()) {
            throw invalid(
                    "name",
                    "The federated identity credential's name must be 3 to 120 characters of letters, digits, '-'"
                            + " and '_', starting with a letter or digit.");
        }
        FederatedIdentityCredential credential = new FederatedIdentityCredential(
                NewIds.next(NewIds.Kind.FEDERATED_CREDENTIAL),
                name,
                issuer(wanted.issuer()),
                Text.required(wanted.subject(), "subject", Column.FEDERATED_CREDENTIAL_SUBJECT),
                audiences(wanted.audiences()),
                Text.optional(wanted.description(), "description", Column.FEDERATED_CREDENTIAL_DESCRIPTION));
        credentials.lockApplication(application.id()); // the count below holds against concurrent creates
        List<FederatedIdentityCredential> current = credentials.federated(application.id());
        if (current.size() >= MAX_PER_APPLICATION) {
            throw invalid(
                    "federatedIdentityCredentials",
                    "An application may have at most " + MAX_PER_APPLICATION + " federated identity credentials;"
                            + " delete one first.");
        }
        requireUnique(current, credential);
        credentials.insertFederated(application.id(), credential);
        return credential;
    }

    private FederatedIdentityCredential change(
            Application application,
            List<FederatedIdentityCredential> current,
            FederatedIdentityCredential old,
            NewFederatedCredential wanted) {
        if (wanted.name() != null && !wanted.name().equals(old.name())) {
            throw invalid(
                    "name",
                    "A federated identity credential's name cannot be changed; delete it and create one with the"
                            + " new name.");
        }
        FederatedIdentityCredential updated = new FederatedIdentityCredential(
                old.id(),
                old.name(),
                wanted.issuer() == null ? old.issuer() : issuer(wanted.issuer()),
                wanted.subject() == null
                        ? old.subject()
                        : Text.required(wanted.subject(), "subject", Column.FEDERATED_CREDENTIAL_SUBJECT),
                wanted.audiences() == null ? old.audiences() : audiences(wanted.audiences()),
                wanted.description() == null
                        ? old.description()
                        : Text.optional(wanted.description(), "description", Column.FEDERATED_CREDENTIAL_DESCRIPTION));
        requireUnique(current.stream().filter(c -> !c.id().equals(old.id())).toList(), updated);
        credentials.updateFederated(application.id(), updated);
        return updated;
    }

    /** Deletes the credential named by its id or its name. */
    public void delete(Caller caller, TenantId tenantId, UUID objectId, String idOrName) {
        transactions.inTransaction(() -> {
            Application application = applicationService.manageableApplication(caller, tenantId, objectId);
            FederatedIdentityCredential old = find(credentials.federated(application.id()), idOrName);
            credentials.deleteFederated(application.id(), old.id());
            return null;
        });
    }

    /**
     * The federated identity credentials of the application with client id {@code appId} registered in
     * {@code tenantId}, for the token endpoint (no caller: the presented assertion is the credential); empty for an
     * unknown client.
     */
    public List<FederatedIdentityCredential> credentialsOf(TenantId tenantId, UUID appId) {
        return applications
                .findByAppId(appId)
                .filter(app -> app.tenantId().equals(tenantId))
                .map(app -> credentials.federated(app.id()))
                .orElse(List.of());
    }

    private static FederatedIdentityCredential find(List<FederatedIdentityCredential> all, String idOrName) {
        UUID id = Ids.tryParse(idOrName).orElse(null);
        String key = idOrName == null ? "" : idOrName.toLowerCase(Locale.ROOT);
        return all.stream()
                .filter(c -> c.id().equals(id) || c.nameKey().equals(key))
                .findFirst()
                .orElseThrow(() -> notFound(idOrName));
    }

    private static NotFoundException notFound(String idOrName) {
        return new NotFoundException(
                FederatedCredentialError.FEDERATED_CREDENTIAL_NOT_FOUND,
                "The application has no federated identity credential with id or name '" + idOrName
                        + "'; list the application's federatedIdentityCredentials to see them.");
    }

    private static void requireUnique(List<FederatedIdentityCredential> others, FederatedIdentityCredential wanted) {
        for (FederatedIdentityCredential other : others) {
            if (other.nameKey().equals(wanted.nameKey())) {
                throw new ConflictException(
                        FederatedCredentialError.DUPLICATE_FEDERATED_CREDENTIAL,
                        "The application already has a federated identity credential named '" + other.name()
                                + "'; names are unique per application.",
                        "name");
            }
            if (other.issuer().equals(wanted.issuer()) && other.subject().equals(wanted.subject())) {
                throw new ConflictException(
                        FederatedCredentialError.DUPLICATE_FEDERATED_CREDENTIAL,
                        "The federated identity credential '" + other.name() + "' already has this issuer and"
                                + " subject; issuer and subject together are unique per application.",
                        "subject");
            }
        }
    }

    private static String issuer(String value) {
        String issuer = Text.required(value, "issuer", Column.FEDERATED_CREDENTIAL_ISSUER);
        try {
            URI uri = new URI(issuer);
            if (!"https".equals(uri.getScheme())
                    || uri.getHost() == null
                    || uri.getRawUserInfo() != null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                throw notHttps(issuer);
            }
        } catch (URISyntaxException e) {
            throw notHttps(issuer);
        }
        return issuer;
    }

    private static InvalidRequestException notHttps(String issuer) {
        return invalid(
                "issuer",
                "The issuer '" + issuer + "' is not an https URL without query or fragment; give the issuer exactly"
                        + " as the external tokens' iss claim carries it, e.g."
                        + " https://token.actions.githubusercontent.com.");
    }

    private static List<String> audiences(List<String> values) {
        if (values == null) {
            return List.of(FederatedIdentityCredential.DEFAULT_AUDIENCE);
        }
        if (values.size() != 1 || values.stream().anyMatch(Objects::isNull)) {
            throw invalid(
                    "audiences",
                    "audiences must hold exactly one value, usually '" + FederatedIdentityCredential.DEFAULT_AUDIENCE
                            + "'.");
        }
        return List.of(Text.required(values.getFirst(), "audiences", Column.FEDERATED_CREDENTIAL_AUDIENCE));
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(FederatedCredentialError.INVALID_FEDERATED_CREDENTIAL, message, field);
    }
}
