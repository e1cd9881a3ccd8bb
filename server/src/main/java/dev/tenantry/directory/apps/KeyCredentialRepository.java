package dev.tenantry.directory.apps;

import java.util.List;
import java.util.UUID;

/** Stores the certificates of app registrations (issue 11); they go when their application is deleted. */
public interface KeyCredentialRepository {

    /** Adds a certificate to the application; the same keyId twice is a {@code ConflictException}. */
    void insert(UUID applicationId, KeyCredential key);

    /** The application's certificates, expired ones included, ordered by start time, then keyId. */
    List<KeyCredential> list(UUID applicationId);

    /** Deletes the application's certificate {@code keyId}; false when it has none such. */
    boolean delete(UUID applicationId, UUID keyId);
}
