package dev.tenantry.pages.groups;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;

/** Model of groups/delete.jte: the confirmation before a group is deleted. */
public record DeleteGroupPage(
        Chrome chrome, ConsoleNav nav, GroupLinks links, String groupId, String groupName, int memberCount) {}
