package dev.tenantry.pages;

/**
 * What every page's frame shows: which console it belongs to, who is signed in (null when nobody), and the CSRF token
 * for the forms in the frame (sign-out).
 */
public record Chrome(Console console, String userDisplayName, String userPrincipalName, String csrfToken) {

    /** The three sets of pages; they share a layout but not a look. */
    public enum Console {
        STORE("Tenantry", "/"),
        PORTAL("Tenantry cloud portal", "/portal"),
        ADMIN("Tenantry admin center", "/admin");

        private final String title;
        private final String home;

        Console(String title, String home) {
            this.title = title;
            this.home = home;
        }

        public String title() {
            return title;
        }

        public String home() {
            return home;
        }

        public String cssClass() {
            return "console-" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean signedIn() {
        return userPrincipalName != null;
    }
}
