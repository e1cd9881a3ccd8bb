package dev.tenantry.directory.apps;

import java.util.UUID;

/**
 * A key credential as Graph's {@code addKey} or {@code PATCH keyCredentials} sends it: {@code key} is the
 * certificate (base64 DER), or null when {@code keyId} names a certificate the application keeps.
 */
public record NewKeyCredential(UUID keyId, String key, String displayName, String type, String usage) {}
