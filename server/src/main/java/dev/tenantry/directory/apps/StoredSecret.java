package dev.tenantry.directory.apps;

/** A client secret as stored: the shown parts and the SHA-256 hex of the secret text, never the text. */
public record StoredSecret(ClientSecret credential, String secretHash) {}
