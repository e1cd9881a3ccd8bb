package dev.tenantry.directory;

import java.util.UUID;

/** What a group may hold as a member: a user or another group. */
public sealed interface DirectoryObject permits User, Group {

    /** The object id, unique across the directory's users and groups. */
    UUID objectId();
}
