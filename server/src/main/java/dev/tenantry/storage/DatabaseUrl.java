package dev.tenantry.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A database named as operators write it: {@code postgresql://user:password@host:port/db?sslmode=require} (or
 * {@code postgres://}, as libpq and most platforms print it), or a JDBC URL as it is. The user and password come out of
 * the URL so they reach the driver as properties and never appear in a logged URL.
 *
 * @param jdbcUrl the JDBC URL, without credentials
 * @param user the user named in the URL, or null
 * @param password the password named in the URL, or null
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

    /**
     * Reads {@code text}; an unreadable one is an {@link IllegalArgumentException} that says what is wrong without
     * repeating the text (it may hold a password).
     */
    public static DatabaseUrl parse(String text) {
        String value = text == null ? "" : text.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:")) {
            return new DatabaseUrl(value, null, null);
        }
        if (!lower.startsWith("postgresql://") && !lower.startsWith("postgres://")) {
            throw new IllegalArgumentException(
                    "a database URL starts with postgresql:// (postgresql://user:password@host"
                            + ":5432/database) or jdbc:");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "the database URL is not a URL (percent-encode special characters in the password)", e);
        }
        if (uri.getHost() == null
                || uri.getRawPath() == null
                || uri.getRawPath().length() < 2) {
            throw new IllegalArgumentException(
                    "the database URL names no host or no database: postgresql://user:password@host:5432/database");
        }
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[")
                ? "[" + uri.getHost() + "]"
                : uri.getHost();
        String jdbc = "jdbc:postgresql://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new DatabaseUrl(jdbc, user, password);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
