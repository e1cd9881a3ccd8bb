package dev.tenantry.directory.apps;

import java.time.Instant;
import java.util.UUID;

/** A client secret as it may be shown after creation: its id, name, first three characters and validity. */
public record ClientSecret(UUID keyId, String displayName, String hint, Instant startDateTime, Instant endDateTime) {}
