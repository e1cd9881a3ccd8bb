package dev.tenantry.pages.groups;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;

/** Model of groups/new.jte: the "Add a group" form with its values and any error next to its field. */
public record NewGroupPage(Chrome chrome, ConsoleNav nav, GroupLinks links, NewGroupForm form) {}
