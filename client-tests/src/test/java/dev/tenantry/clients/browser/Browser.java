package dev.tenantry.clients.browser;

import dev.tenantry.clients.TenantryProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium per test class, against the packaged server of {@link TenantryProcess}. Every page it visits
 * or submits is saved as {@code target/screenshots/<TestClass>/<nn>-<name>.png}. Register it with
 * {@code @RegisterExtension static final Browser browser = new Browser();}. Without Debian's chromium and
 * chromium-driver the whole class is skipped, never failed.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback {

    private static final Duration WAIT = Duration.ofSeconds(15);
    /** Kept (loggers are weakly held): no CDP bindings are on the class path, and none are used. */
    private static final Logger CDP_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    private static boolean announced;

    private ChromeDriver driver;
    private Path profile;
    private Path screenshots;
    private String baseUrl;
    private int shots;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Assumptions.assumeTrue(
                Chromium.installed(),
                "browser: not installed (" + Chromium.BINARY + ", " + Chromium.DRIVER
                        + "): skipping the browser tests; bin/test installs Debian's chromium and chromium-driver as root");
        announce();
        CDP_LOG.setLevel(Level.SEVERE);
        TenantryProcess server = TenantryProcess.get();
        baseUrl = server.baseUrl();
        screenshots = Path.of(System.getProperty("tenantry.screenshots", "target/screenshots"))
                .resolve(context.getRequiredTestClass().getSimpleName());
        deleteRecursively(screenshots);
        Files.createDirectories(screenshots);
        profile = Files.createTempDirectory("tenantry-chromium-");
        driver = new ChromeDriver(Chromium.service(), Chromium.options(server.certificate(), profile));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            deleteRecursively(profile);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Opens {@code path} (on the server) and saves a screenshot named {@code name}. */
    public void visit(String path, String name) {
        driver.get(baseUrl + path);
        waitUntilLoaded();
        screenshot(name);
    }

    /** Saves the visible page as {@code <nn>-<name>.png}, numbered in the order taken. */
    public Path screenshot(String name) {
        String file = String.format(Locale.ROOT, "%02d-%s.png", ++shots, name);
        Path target = screenshots.resolve(file);
        try {
            Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + target, e);
        }
        return target;
    }

    /** Replaces the value of the field with id {@code id}. */
    public void fill(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** Clicks {@code element}, waits for the next page and saves a screenshot named {@code name}. */
    public void clickAndWait(WebElement element, String name) {
        navigate(element::click, name);
    }

    /** Runs {@code action} (a click, a key, a script), waits for the page it leads to and saves a screenshot. */
    public void navigate(Runnable action, String name) {
        // Mark the current document and wait for a document without the mark: every navigation makes a new global
        // object. (Waiting for the old <html> to go stale raced with Chrome's "node does not belong to the document".)
        Object marker = script("return window.__tenantryPage = String(Math.random());");
        action.run();
        new WebDriverWait(driver, WAIT)
                .ignoring(WebDriverException.class)
                .until(d -> !marker.equals(script("return window.__tenantryPage || null;"))
                        && "complete".equals(script("return document.readyState;")));
        screenshot(name);
    }

    /** Clicks the button whose text is {@code text}, then as {@link #clickAndWait}. */
    public void press(String text, String name) {
        clickAndWait(button(text), name);
    }

    /** Follows the first link whose text is {@code text}, then as {@link #clickAndWait}. */
    public void follow(String text, String name) {
        clickAndWait(driver.findElement(By.linkText(text)), name);
    }

    public WebElement button(String text) {
        List<WebElement> buttons = driver.findElements(By.xpath("//button[normalize-space()=" + xpathLiteral(text)
                + "] | //input[@type='submit' and @value=" + xpathLiteral(text) + "]"));
        if (buttons.isEmpty()) {
            throw new AssertionError("no button '" + text + "' on " + path() + ":\n" + text());
        }
        return buttons.getFirst();
    }

    /** The sign-in page, both steps, ending on the page the sign-in returns to. */
    public void signIn(String userName, String password, String name) {
        fill("username", userName);
        press("Next", name + "-username");
        fill("password", password);
        press("Sign in", name);
    }

    /** The visible text of the page. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The path (and query) of the current page. */
    public String path() {
        URI uri = URI.create(driver.getCurrentUrl());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    private void waitUntilLoaded() {
        new WebDriverWait(driver, WAIT).until(d -> "complete".equals(script("return document.readyState")));
    }

    private static String xpathLiteral(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    private static synchronized void announce() {
        if (!announced) {
            announced = true;
            System.out.println(
                    "browser: " + Chromium.version() + " at " + Chromium.BINARY + ", driver " + Chromium.DRIVER);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover profile or screenshot is harmless
        }
    }
}
