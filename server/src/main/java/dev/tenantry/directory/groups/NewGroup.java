package dev.tenantry.directory.groups;

import java.util.ArrayList;
import java.util.Collections;
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
        // a copy that keeps null entries, so GroupRules names a [null] group type instead of List.copyOf throwing
        groupTypes = groupTypes == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(groupTypes));
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
        ownerIds = ownerIds == null ? List.of() : List.copyOf(ownerIds);
    }
}
