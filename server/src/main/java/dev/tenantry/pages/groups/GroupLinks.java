package dev.tenantry.pages.groups;

/** The paths a group template links to in its console, and whether it shows the portal's directory tabs. */
public record GroupLinks(String groups, String users, boolean directoryTabs) {

    /** The page of one group. */
    public String group(String id) {
        return groups + "/" + id;
    }
}
