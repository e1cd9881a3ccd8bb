package dev.tenantry.directory.groups;

import java.util.List;

/**
 * A group to create, as Graph's create-group body gives it: nulls are properties not sent. {@code memberIds} and
 * {@code ownerIds} are the object ids of {@code members@odata.bind} and {@code owners@odata.bind}.
 */
public record NewGroup(
        String displayName,
        String description,
        String mailNickname,
        Boolean mailEnabled,
        Boolean securityEnabled,
        List<String> groupTypes,
        String visibility,
        List<String> memberIds,
        List<String> ownerIds) {

    public NewGroup {
        groupTypes = groupTypes == null ? List.of() : List.copyOf(groupTypes);
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
        ownerIds = ownerIds == null ? List.of() : List.copyOf(ownerIds);
    }
}
