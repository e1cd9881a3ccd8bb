package dev.tenantry.directory.apps;

import java.util.List;
import java.util.UUID;

/**
 * Stores the credentials of app registrations other than secrets (issue 11): certificates and federated identity
 * credentials; they go when their application is deleted.
 */
public interface KeyCredentialRepository {

    /** Adds a certificate to the application; the same keyId twice is a {@code ConflictException}. */
    void insert(UUID applicationId, KeyCredential key);

    /** The application's certificates, expired ones included, ordered by start time, then keyId. */
    List<KeyCredential> list(UUID applicationId);

    /** Deletes the application's certificate {@code keyId}; false when it has none such. */
    boolean delete(UUID applicationId, UUID keyId);

    /**
     * Adds a federated identity credential; a name (ignoring case) or an issuer and subject the application already
     * has is a {@code ConflictException}.
     */
    void insertFederated(UUID applicationId, FederatedIdentityCredential credential);

    /** The application's federated identity credentials, by name. */
    List<FederatedIdentityCredential> federated(UUID applicationId);

    /** Replaces the credential of the same id (its name stays); false when the application has none such. */
    boolean updateFederated(UUID applicationId, FederatedIdentityCredential credential);

    /** Deletes the application's federated identity credential {@code id}; false when it has none such. */
    boolean deleteFederated(UUID applicationId, UUID id);

    /** Holds the application's row until the transaction ends, so that rules counting its credentials see all. */
    void lockApplication(UUID applicationId);
}
