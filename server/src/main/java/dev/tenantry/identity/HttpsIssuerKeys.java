package dev.tenantry.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * {@link IssuerKeys} over HTTPS only: {@code {issuer}/.well-known/openid-configuration}, whose {@code issuer} must be
 * the issuer, then its https {@code jwks_uri}. Five seconds to connect and to answer, at most 256 KiB a document, no
 * redirects followed; keys cached per issuer for ten minutes, and fetched again on request at most every thirty
 * seconds (an unknown {@code kid} cannot make the server hammer an issuer). Trusts the JVM's certificate authorities
 * and the given ones (the server's own, so that Tenantry itself can be the external issuer).
 *
 * <p>An app owner chooses the issuer, so the server must not become a probe of its own network: a URL whose host
 * resolves to a loopback, private, link-local or otherwise non-public address is refused before any connection,
 * unless it is this very server ({@link Destinations#isOwn}) or private issuers are allowed (test mode, where issuers
 * are the test's own servers). A host that resolves differently between the check and the connection (DNS rebinding)
 * is not covered; the fetch is still GET-only, bounded and without redirects.
 */
public final class HttpsIssuerKeys implements IssuerKeys {

    static final int MAX_BODY = 256 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final Duration MIN_REFRESH = Duration.ofSeconds(30);

    private final Supplier<HttpClient> http;
    private final Clock clock;
    private final Destinations destinations;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(JWKSet keys, Instant fetchedAt) {}

    /** Where issuers may be fetched from: public addresses, this server, and private ones only when allowed. */
    public interface Destinations {

        /** Whether {@code uri} is this server itself (its own host names and port). */
        boolean isOwn(URI uri);

        /** Whether issuers on private addresses are fetched too (test mode). */
        boolean allowPrivate();

        /** Public addresses only, and {@code own} (this server). */
        static Destinations publicOr(java.util.function.Predicate<URI> own) {
            return new Destinations() {
                @Override
                public boolean isOwn(URI uri) {
                    return own.test(uri);
                }

                @Override
                public boolean allowPrivate() {
                    return false;
                }
            };
        }

        /** Anywhere (test mode, and unit tests with a stub client). */
        Destinations ANYWHERE = new Destinations() {
            @Override
            public boolean isOwn(URI uri) {
                return false;
            }

            @Override
            public boolean allowPrivate() {
                return true;
            }
        };
    }

    HttpsIssuerKeys(HttpClient http, Clock clock) {
        this(http, clock, Destinations.ANYWHERE);
    }

    HttpsIssuerKeys(HttpClient http, Clock clock, Destinations destinations) {
        this(() -> http, clock, destinations);
    }

    private HttpsIssuerKeys(Supplier<HttpClient> http, Clock clock, Destinations destinations) {
        this.http = http;
        this.clock = clock;
        this.destinations = destinations;
    }

    /**
     * Keys fetched trusting the JVM's authorities and {@code alsoTrusted}, from public addresses or this server. The
     * HTTP client (the JVM's trust store read, a selector thread) is made at the first fetch, not at the server's start:
     * most servers never fetch an external issuer's keys (issue 13, start under 1.5 s).
     */
    public static HttpsIssuerKeys trusting(List<X509Certificate> alsoTrusted, Destinations destinations) {
        return new HttpsIssuerKeys(
                new FirstUse<>(() -> HttpClient.newBuilder()
                        .connectTimeout(TIMEOUT)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .sslContext(sslContext(alsoTrusted))
                        .build()),
                Clock.systemUTC(),
                destinations);
    }

    /** A value made by its first {@link #get()}, once, however many threads ask at the same time. */
    private static final class FirstUse<T> implements Supplier<T> {

        private final Supplier<T> make;
        private volatile T value;

        FirstUse(Supplier<T> make) {
            this.make = make;
        }

        @Override
        public T get() {
            T made = value;
            if (made == null) {
                synchronized (this) {
                    made = value;
                    if (made == null) {
                        made = make.get();
                        value = made;
                    }
                }
            }
            return made;
        }
    }

    @Override
    public JWKSet keys(String issuer, boolean refresh) {
        Instant now = clock.instant();
        Cached cached = cache.get(issuer);
        if (cached != null) {
            Duration age = Duration.between(cached.fetchedAt(), now);
            boolean fresh = age.compareTo(TTL) < 0;
            if (fresh && (!refresh || age.compareTo(MIN_REFRESH) < 0)) {
                return cached.keys();
            }
        }
        JWKSet keys = fetch(issuer);
        cache.put(issuer, new Cached(keys, now));
        return keys;
    }

    private JWKSet fetch(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        Map<String, Object> discovery =
                json(allowed(https(base + "/.well-known/openid-configuration", issuer), issuer), issuer);
        Object named = discovery.get("issuer");
        if (!issuer.equals(named) && !base.equals(named)) {
            throw new Unavailable("The OpenID configuration of issuer '" + issuer + "' names another issuer.");
        }
        Object jwksUri = discovery.get("jwks_uri");
        if (!(jwksUri instanceof String uri)) {
            throw new Unavailable("The OpenID configuration of issuer '" + issuer + "' has no jwks_uri.");
        }
        try {
            return JWKSet.parse(get(allowed(https(uri, issuer), issuer), issuer));
        } catch (ParseException e) {
            throw new Unavailable("The jwks_uri of issuer '" + issuer + "' does not answer a JWK set.");
        }
    }

    private static URI https(String text, String issuer) {
        try {
            URI uri = new URI(text);
            if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new Unavailable("Issuer '" + issuer + "': only https URLs are fetched, not '" + text + "'.");
    }

    /** {@code uri} if it may be fetched: see the class comment. */
    private URI allowed(URI uri, String issuer) {
        if (destinations.allowPrivate() || destinations.isOwn(uri)) {
            return uri;
        }
        java.net.InetAddress[] addresses;
        try {
            addresses = java.net.InetAddress.getAllByName(uri.getHost());
        } catch (java.net.UnknownHostException e) {
            throw new Unavailable("Issuer '" + issuer + "': the host of " + uri + " is unknown.");
        }
        for (java.net.InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new Unavailable("Issuer '" + issuer + "': " + uri.getHost() + " is not a public address; this"
                        + " server fetches the keys of external issuers from public addresses only (or from itself).");
            }
        }
        return uri;
    }

    /** Whether {@code address} is a public unicast address (not loopback, private, link-local, CGNAT or ULA). */
    static boolean isPublic(java.net.InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128); // 0/8, 100.64/10 (shared, CGNAT)
        }
        return (bytes[0] & 0xfe) != 0xfc; // fc00::/7, unique local
    }

    private Map<String, Object> json(URI uri, String issuer) {
        try {
            return JSONObjectUtils.parse(get(uri, issuer));
        } catch (ParseException e) {
            throw new Unavailable("The OpenID configuration of issuer '" + issuer + "' is not a JSON object.");
        }
    }

    private String get(URI uri, String issuer) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.get().send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new Unavailable(
                            "Issuer '" + issuer + "': " + uri + " answered HTTP " + response.statusCode() + ".");
                }
                byte[] bytes = body.readNBytes(MAX_BODY + 1);
                if (bytes.length > MAX_BODY) {
                    throw new Unavailable("Issuer '" + issuer + "': " + uri + " answered more than 256 KiB.");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new Unavailable("Issuer '" + issuer + "': " + uri + " could not be fetched ("
                    + e.getClass().getSimpleName() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Issuer '" + issuer + "': interrupted while fetching " + uri + ".");
        }
    }

    private static SSLContext sslContext(List<X509Certificate> alsoTrusted) {
        try {
            TrustManagerFactory jvm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            jvm.init((KeyStore) null);
            KeyStore extra = KeyStore.getInstance(KeyStore.getDefaultType());
            extra.load(null, null);
            for (int i = 0; i < alsoTrusted.size(); i++) {
                extra.setCertificateEntry("tenantry-" + i, alsoTrusted.get(i));
            }
            TrustManagerFactory own = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            own.init(extra);
            List<X509TrustManager> managers = new ArrayList<>();
            for (TrustManager manager : jvm.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    managers.add(x509);
                }
            }
            for (TrustManager manager : own.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    managers.add(x509);
                }
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new EitherTrustManager(managers)}, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not build the trust for external issuers", e);
        }
    }

    /** Trusts a server chain that any of the managers trusts. */
    private record EitherTrustManager(List<X509TrustManager> managers) implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("client certificates are not checked here");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            java.security.cert.CertificateException last = null;
            for (X509TrustManager manager : managers) {
                try {
                    manager.checkServerTrusted(chain, authType);
                    return;
                } catch (java.security.cert.CertificateException e) {
                    last = e;
                }
            }
            throw last == null ? new java.security.cert.CertificateException("no trust manager") : last;
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return managers.stream()
                    .flatMap(manager -> java.util.Arrays.stream(manager.getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }
}
