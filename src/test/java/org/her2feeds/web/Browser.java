package org.her2feeds.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through its own chromedriver (never Selenium Manager, which would go to the
 * network), with a fresh profile per session. Without the binaries the tests skip with a message, unless
 * HER2_REQUIRE_BROWSER=true (CI), where their absence fails the build.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * Set by the page-load hook when a dialog function runs: any of them running means script from content executed.
     */
    static final String XSS_FLAG = "__her2DialogCalled";

    private static final String DIALOG_HOOK = "window." + XSS_FLAG + " = false;"
            + "for (const name of ['alert', 'confirm', 'prompt']) {"
            + "  const original = window[name];"
            + "  window[name] = function () { window." + XSS_FLAG
            + " = true; return original.apply(window, arguments); };"
            + "}";

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser open(int width, int height) {
        requireBinaries();
        Path profile;
        try {
            profile = Files.createTempDirectory("her2-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height,
                "--force-device-scale-factor=1",
                "--lang=en-GB");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(new Dimension(width, height));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", DIALOG_HOOK));
        return new Browser(driver, profile);
    }

    private static void requireBinaries() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "Browser tests need Debian's Chromium: " + CHROMIUM + " and " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver).";
        if (Boolean.parseBoolean(System.getenv("HER2_REQUIRE_BROWSER"))) {
            throw new AssertionError(message + " They are required here (HER2_REQUIRE_BROWSER=true).");
        }
        Assumptions.abort(message + " Skipping.");
    }

    /** The console messages at error level since the last call (CSP violations, failed loads, script errors). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    boolean dialogFunctionCalled() {
        return Boolean.TRUE.equals(driver.executeScript("return window." + XSS_FLAG + " === true;"));
    }

    /** Saves what the browser shows under target/screenshots/ and returns the file. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A leftover temporary profile is harmless; the test result matters more.
            }
        }
    }
}
