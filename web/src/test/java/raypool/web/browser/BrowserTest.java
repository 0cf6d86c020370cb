package raypool.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import raypool.web.Api;
import raypool.web.WebFixture;
import raypool.web.pool.VmView;

/**
 * In a real browser: a delegated user signs in, sees only their VM, changes its memory; the administrator's
 * dashboard draws its charts with data and receives live updates. With {@code -Draypool.screenshots=DIR} the
 * main pages are saved there as PNG ({@code ./scripts/web-screenshots} writes docs/pictures).
 */
class BrowserTest {
    @TempDir
    Path profile;
    private WebFixture fx;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        Chromium.requireInstalled();
        fx = WebFixture.start(12);
        fx.dashboard.refresh();
        browser = Chromium.start(profile);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (fx != null) {
            fx.close();
        }
    }

    private void signIn(String user, String password) {
        browser.get(fx.url("/login").toString());
        browser.findElement(By.id("user")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.id("signed-in-as")).size() == 1);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("not signed in; the browser shows " + browser.getCurrentUrl() + ": "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    private void shot(String name) throws Exception {
        String dir = System.getProperty("raypool.screenshots", "");
        Path out = dir.isEmpty() ? Path.of("target", "screenshots") : Path.of(dir);
        Files.createDirectories(out);
        Files.write(out.resolve("web-" + name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aDelegatedUserSeesOnlyTheirVmAndChangesItsMemory() throws Exception {
        String admin = fx.login("admin", WebFixture.ADMIN_PASSWORD);
        fx.send("POST", "/api/users", admin, Api.json(Map.of("name", "bob", "password", "bob-password")));
        List<VmView> vms = fx.pool().vms();
        // a guest of the stand, not the pool's own licence server
        VmView mine = vms.stream().filter(v -> v.running() && v.name().startsWith("vm-")).findFirst().orElseThrow();
        VmView seen = vms.stream().filter(v -> !v.uuid().equals(mine.uuid())).findFirst().orElseThrow();
        fx.send("POST", "/api/acl", admin, Api.json(Map.of("subject", "bob", "object", "vm:" + mine.uuid(), "role", "admin")));
        fx.send("POST", "/api/acl", admin, Api.json(Map.of("subject", "bob", "object", "vm:" + seen.uuid(), "role", "viewer")));

        signIn("bob", "bob-password");
        List<WebElement> rows = browser.findElements(By.cssSelector("#vms tbody tr"));
        assertEquals(2, rows.size());
        assertEquals("2 VM(s)", browser.findElement(By.id("vm-count")).getText());
        List<String> uuids = rows.stream().map(r -> r.getAttribute("data-uuid")).sorted().toList();
        assertEquals(java.util.stream.Stream.of(mine.uuid(), seen.uuid()).sorted().toList(), uuids);
        shot("vms");

        browser.findElement(By.cssSelector("tr[data-uuid='" + mine.uuid() + "'] a.vm-name")).click();
        long newMemory = mine.memoryMib() / 2;
        WebElement memory = browser.findElement(By.id("memory-input"));
        memory.clear();
        memory.sendKeys(Long.toString(newMemory));
        browser.findElement(By.id("apply-hardware")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.id("message")).size() == 1);
        assertEquals("hardware changed", browser.findElement(By.id("message")).getText());
        assertTrue(browser.findElement(By.id("memory")).getText().startsWith(newMemory + " MiB"));
        assertEquals(newMemory, fx.pool().vm(mine.uuid()).orElseThrow().memoryMib(), "changed in the pool");
        shot("vm");

        browser.get(fx.url("/vms/" + seen.uuid()).toString());
        assertEquals(0, browser.findElements(By.id("hardware")).size(), "a viewer gets no hardware form");
        browser.get(fx.url("/vms/" + vms.stream().filter(v -> !v.uuid().equals(mine.uuid()) && !v.uuid().equals(seen.uuid()))
                .findFirst().orElseThrow().uuid()).toString());
        assertEquals("NOT_FOUND", browser.findElement(By.id("error-code")).getText());
    }

    @Test
    void theDashboardDrawsChartsWithDataAndUpdatesLive() throws Exception {
        signIn("admin", WebFixture.ADMIN_PASSWORD);
        browser.get(fx.url("/admin").toString());
        List<WebElement> charts = browser.findElements(By.cssSelector("svg.chart polyline.cpu"));
        assertEquals(fx.pool().hosts().size(), charts.size());
        for (WebElement c : charts) {
            assertTrue(c.getAttribute("points").split(" ").length > 10, "a chart with data: " + c.getAttribute("points"));
        }
        assertTrue(browser.findElements(By.cssSelector("#licences tbody tr")).size() > 0);
        fx.dashboard.refresh();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !"0".equals(
                d.findElement(By.id("dashboard")).getAttribute("data-updates")));
        shot("dashboard");
        browser.get(fx.url("/admin/access").toString());
        shot("access");
    }
}
