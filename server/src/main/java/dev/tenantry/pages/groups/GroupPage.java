package dev.tenantry.pages.groups;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import java.util.List;

/**
 * Model of groups/group.jte: a group's properties, members and owners, whether the signed-in user may change them
 * ({@code manage}), and a notice after a change.
 */
public record GroupPage(
        Chrome chrome,
        ConsoleNav nav,
        GroupLinks links,
        Summary group,
        List<Member> members,
        List<Member> owners,
        boolean manage,
        String notice) {

    public GroupPage {
        members = List.copyOf(members);
        owners = List.copyOf(owners);
    }

    /** A group's properties as the consoles show them ("—" for what it has not). */
    public record Summary(
            String id,
            String displayName,
            String type,
            String description,
            String mailNickname,
            String email,
            String visibility,
            String created) {}

    /** A member or owner: a user (with its UPN) or a nested group (with its type), and where its page is. */
    public record Member(String id, String displayName, String detail, String href) {}
}
