package dev.tenantry.pages.portal;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import java.util.List;

/**
 * Model of portal/change-directory.jte: the directories the account administrator may move the subscription to
 * (R11), or why they may not.
 */
public record ChangeDirectoryPage(
        Chrome chrome, ConsoleNav nav, SubscriptionHeader header, List<Target> targets, String refusal) {

    public ChangeDirectoryPage {
        targets = List.copyOf(targets);
    }

    /** A directory to move to: its id, name and initial domain. */
    public record Target(String id, String displayName, String domain) {}
}
