package dev.tenantry.clients.browser;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium} and {@code chromium-driver}, installed by {@code bin/test} (never a browser downloaded by a
 * test tool). Both are given to Selenium by explicit paths, so Selenium Manager has nothing to look up or download.
 */
final class Chromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private static String version;

    private Chromium() {}

    /** Whether both the browser and its driver are installed (the browser tests skip otherwise). */
    static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    /** The browser's version line ("Chromium 156.0…"), read once. */
    static synchronized String version() {
        if (version == null) {
            version = firstLine(BINARY.toString(), "--version");
        }
        return version;
    }

    static ChromeDriverService service() {
        return new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .withSilent(true)
                .build();
    }

    /**
     * Headless Chromium as this machine needs it (no sandbox as root, no GPU, no QUIC and no background networking:
     * the closed network refuses Google's hosts), with a new empty profile in {@code profile}.
     *
     * <p>Trust: the server's certificate is self-signed. Chromium on Linux would trust it only through an NSS
     * database under {@code $HOME/.pki/nssdb}, written with {@code certutil} from another package (libnss3-tools)
     * and a {@code HOME} of the test's own for the driver. Instead the tests pin exactly that certificate's public
     * key with {@code --ignore-certificate-errors-spki-list} (honoured with {@code --user-data-dir}): any other
     * certificate is still refused, unlike the blanket {@code --ignore-certificate-errors}, which is not used.
     */
    static ChromeOptions options(Path certificate, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toString());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--password-store=basic",
                "--window-size=1200,860",
                "--user-data-dir=" + profile,
                "--ignore-certificate-errors-spki-list=" + spkiPin(certificate));
        return options;
    }

    /** Base64 of the SHA-256 of the certificate's SubjectPublicKeyInfo, the form Chromium's pin list takes. */
    static String spkiPin(Path certificate) {
        try (InputStream in = Files.newInputStream(certificate)) {
            Certificate cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
            byte[] spki = cert.getPublicKey().getEncoded();
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the server certificate " + certificate, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the server certificate " + certificate, e);
        }
    }

    private static String firstLine(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command))
                    .redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor(10, TimeUnit.SECONDS);
            int newline = out.indexOf('\n');
            return newline < 0 ? out : out.substring(0, newline);
        } catch (IOException e) {
            return "unknown version";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown version";
        }
    }
}
