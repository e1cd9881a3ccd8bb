package dev.tenantry.pages.groups;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import java.util.List;

/**
 * Model of groups/pick.jte: users of the directory to add to a group as members (several, checkboxes) or as an owner
 * (one, radio buttons), found by display name, those already in marked; an error when the addition was refused.
 * {@code manage} is false when the signed-in user may not change the group: the page then says so instead.
 */
public record GroupPickerPage(
        Chrome chrome,
        ConsoleNav nav,
        GroupLinks links,
        String groupId,
        String groupName,
        boolean owners,
        boolean manage,
        String search,
        List<Row> rows,
        String nextHref,
        String error) {

    public GroupPickerPage {
        rows = List.copyOf(rows);
    }

    /** One user; {@code already} when it is a member (or owner) already. */
    public record Row(String id, String displayName, String userPrincipalName, boolean already) {}

    /** Where the picker's search and paging go, and where it posts. */
    public String path() {
        return links.group(groupId) + (owners ? "/owners" : "/members");
    }
}
