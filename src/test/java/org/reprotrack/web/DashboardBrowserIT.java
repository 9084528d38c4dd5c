package org.reprotrack.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}):
 * overview, search, filter, a paper and its history chart, with screenshots under
 * {@code target/screenshots/}. Runs in {@code mvn verify} (failsafe) and fails, never skips, when
 * Chromium is missing.
 */
class DashboardBrowserIT {

    static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");

    private static DashboardServer server;
    private static ChromeDriver driver;
    private static Path profile;

    @BeforeAll
    static void start() throws IOException {
        if (!org.reprotrack.testing.DebianPackages.ensure(
                () -> Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
                "chromium", "chromium-driver")) {
            fail("Chromium is missing (" + CHROMIUM + ", " + CHROMEDRIVER + "): install it with "
                    + "`apt-get update && apt-get install -y chromium chromium-driver` (.ci/run does this)");
        }
        server = DashboardServer.plain();
        profile = Files.createTempDirectory("reprotrack-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void a_reader_finds_a_paper_and_sees_its_history() throws IOException {
        driver.get(server.base() + "/");
        assertEquals("Which papers still have reachable code", driver.findElement(By.tagName("h1")).getText());
        List<WebElement> points = driver.findElements(By.cssSelector("svg.chart circle.pt"));
        assertFalse(points.isEmpty(), "the reachable-share chart has points");
        assertTrue(driver.findElement(By.cssSelector("svg.chart")).getSize().getWidth() > 200, "the chart is drawn at a visible size");
        shot("01-overview.png");

        driver.findElement(By.linkText("Papers")).click();
        awaitPage("/papers");
        WebElement q = driver.findElement(By.name("q"));
        q.sendKeys("graphs");
        q.submit();
        awaitPage("q=graphs");
        String table = driver.findElement(By.cssSelector("table.papers")).getText();
        assertTrue(table.contains("2102.00002") && !table.contains("2104.00004"), table);
        shot("02-search.png");

        driver.get(server.base() + "/papers");
        driver.findElement(By.cssSelector("select[name=status] option[value=has_code]")).click();
        driver.findElement(By.cssSelector("select[name=sort] option[value=id]")).click();
        driver.findElement(By.cssSelector("form.filters button")).click();
        awaitPage("status=has_code");
        List<WebElement> rows = driver.findElements(By.cssSelector("table.papers tbody tr"));
        assertEquals(3, rows.size(), "alpha's two papers and the moved one have code");
        shot("03-filter.png");

        driver.findElement(By.partialLinkText("Fixture <script>")).click();
        awaitPage("/papers/");
        assertTrue(driver.findElement(By.tagName("h1")).getText().startsWith("Fixture <script>alert(\"title\")</script>"),
                "the hostile title is shown as text");
        List<WebElement> history = driver.findElements(By.cssSelector("article.repo svg.chart circle.pt"));
        assertFalse(history.isEmpty(), "the repository's history chart has points");
        assertTrue(driver.findElement(By.cssSelector("article.repo svg.chart polyline")).getSize().getWidth() > 100);
        shot("04-paper.png");

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(server.base() + "/papers?q=lab");
        assertTrue(driver.findElement(By.cssSelector("table.papers")).getSize().getWidth() <= 390, "fits a phone screen");
        shot("05-papers-phone.png");
    }

    /**
     * A click or submit starts a navigation that WebDriver does not wait for: wait until the address
     * holds {@code fragment} and the new document has loaded, or fail naming the address reached.
     */
    private static void awaitPage(String fragment) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!(driver.getCurrentUrl().contains(fragment)
                && "complete".equals(driver.executeScript("return document.readyState")))) {
            if (System.nanoTime() > deadline) {
                fail("no page with " + fragment + " loaded within 30 s; the browser is at " + driver.getCurrentUrl());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + fragment);
            }
        }
    }

    private static void shot(String name) throws IOException {
        File f = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
