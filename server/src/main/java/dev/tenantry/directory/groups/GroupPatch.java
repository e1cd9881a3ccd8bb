package dev.tenantry.directory.groups;

import java.util.List;

/** A change to a group: only the properties that are not null change; {@code memberIds} are members to add. */
public record GroupPatch(
        String displayName, String description, String mailNickname, String visibility, List<String> memberIds) {

    public GroupPatch {
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
    }
}
