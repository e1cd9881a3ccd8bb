package dev.tenantry.pages.groups;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import dev.tenantry.pages.DirectorySwitcher;
import java.util.function.Function;

/**
 * Where a console shows the directory's groups: its frame, the paths of its groups and users pages, its navigation
 * with the groups' section marked, and whether its directory pages have the "Users / Groups" tabs (the portal's).
 */
public record GroupConsole(
        Chrome.Console console,
        String groupsPath,
        String usersPath,
        boolean directoryTabs,
        Function<DirectorySwitcher, ConsoleNav> nav) {

    /** What the templates need to link within the console. */
    public GroupLinks links() {
        return new GroupLinks(groupsPath, usersPath, directoryTabs);
    }
}
