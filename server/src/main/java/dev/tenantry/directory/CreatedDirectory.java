package dev.tenantry.directory;

/** A directory made by a sign-up, with its first user (a Global Administrator). */
public record CreatedDirectory(Tenant tenant, User admin) {}
