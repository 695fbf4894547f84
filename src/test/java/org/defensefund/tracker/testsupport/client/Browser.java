package org.defensefund.tracker.testsupport.client;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver. Nothing is downloaded: the driver and
 * browser paths are fixed, so Selenium Manager never runs. The helpers act as a person would (type,
 * pick from a menu, click and wait for the next page) and wait for what a person would see.
 */
public final class Browser implements AutoCloseable {

    /** How long a step waits for what a person would see: generous, it costs nothing when the page is quick (a build that
     * shares its machine with another once made a 10-second wait for a menu fail). */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final String baseUrl;

    public Browser(String baseUrl) {
        this(baseUrl, 1280, 1000);
    }

    /** A browser whose window is {@code width} × {@code height} CSS pixels (390 × 844: a phone). */
    public Browser(String baseUrl, int width, int height) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=" + width + "," + height, "--lang=en-US");
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        if (width < 500) {
            // Chromium keeps a window at least 500 px wide: a phone's width is emulated as its devtools do.
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    public WebElement find(By by) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public void type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
    }

    /** Types a date into a date picker's text field and leaves the field. */
    public void typeDate(String pickerId, String text) {
        By input = By.id(pickerId + "_input");
        WebElement field = find(input);
        // clear() leaves a date picker that already shows a date unchanged; select and delete what is there instead.
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
        find(input).sendKeys(Keys.TAB);
        new WebDriverWait(driver, PATIENCE).until(d -> text.equals(d.findElement(input).getAttribute("value")));
    }

    /** Signs in, with the test authenticator's code where the account has two-factor sign-in. */
    public void signIn(String email, String password) {
        open("login.xhtml");
        type(By.id("login:email"), email);
        type(By.id("login:password"), password);
        follow(By.id("login:submit"));
        new WebDriverWait(driver, PATIENCE).until(d -> !d.getCurrentUrl().contains("login.xhtml")
                || !d.findElements(By.id("verify:code")).isEmpty());
        if (!driver.findElements(By.id("verify:code")).isEmpty()) {
            type(By.id("verify:code"), SecondFactor.nextCode(email, SecondFactor.TEST_SECRET));
            follow(By.id("verify:submit"));
        }
        new WebDriverWait(driver, PATIENCE).until(d -> !d.getCurrentUrl().contains("login.xhtml"));
    }

    /**
     * Picks an option of a PrimeFaces select menu by its label: open the menu, click the option, see it chosen. The menu
     * is first brought to the middle of the window and the option scrolled to within the menu's own list: PrimeFaces
     * closes an open menu when the page scrolls, which clicking an option out of the window would do (a partner named with
     * 190 letters made the list wider than the window, and a test wait in vain); a menu found closed is opened again.
     */
    public void pick(String menuId, String label) {
        By menu = By.id(menuId);
        By trigger = By.cssSelector("[id='" + menuId + "'] .ui-selectonemenu-trigger");
        By option = By.cssSelector("[id='" + menuId + "_panel'] li[data-label='" + label.replace("'", "\\'") + "']");
        By shown = By.id(menuId + "_label");
        waitForQuietPage();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("arguments[0].scrollIntoView({block: 'center'})", find(menu));
        new WebDriverWait(driver, PATIENCE).ignoring(WebDriverException.class)
                .until(ExpectedConditions.elementToBeClickable(trigger)).click();
        new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100)).ignoring(WebDriverException.class).until(d -> {
            if (label.equals(d.findElement(shown).getText())) {
                return true;
            }
            WebElement item = d.findElement(option);
            if (!item.isDisplayed()) {
                d.findElement(trigger).click();
                return false;
            }
            boolean inWindow = Boolean.TRUE.equals(js.executeScript("""
                    const item = arguments[0], list = item.closest('.ui-selectonemenu-items-wrapper');
                    if (list) { list.scrollTop += item.getBoundingClientRect().top - list.getBoundingClientRect().top - list.clientHeight / 2; }
                    const r = item.getBoundingClientRect();
                    return r.top >= 0 && r.bottom <= window.innerHeight && r.left + Math.min(r.width, 40) / 2 >= 0
                        && r.left + Math.min(r.width, 40) <= window.innerWidth;
                    """, item));
            try {
                if (inWindow) {
                    item.click();
                } else {
                    // Its middle out of the window (a very long name in the list): a click there would scroll the page.
                    js.executeScript("arguments[0].click()", item);
                }
            } catch (ElementClickInterceptedException stillMoving) {
                // The panel is still sliding into place: deliver the click to the same option element.
                js.executeScript("arguments[0].click()", item);
            }
            return label.equals(d.findElement(shown).getText());
        });
    }

    /** Opens a step's folded form (a {@code t:action} disclosure) by clicking its summary, unless it is open already. */
    public void reveal(String actionId) {
        waitForQuietPage();
        WebElement action = find(By.id(actionId));
        if (action.getAttribute("open") == null) {
            action.findElement(By.tagName("summary")).click();
            new WebDriverWait(driver, PATIENCE).until(d -> d.findElement(By.id(actionId)).getAttribute("open") != null);
        }
    }

    /** Shows a section of the case page (its tab) and waits for it. */
    public void tab(String key) {
        follow(By.id("tab-" + key));
    }

    /** Clicks a submit button and waits for the next page. */
    public void submit(String buttonId) {
        follow(By.id(buttonId));
    }

    /**
     * Clicks a link or button that loads another page and waits until that page is there. A click that
     * failed is retried only while the old page is still shown, so a click that went through is never repeated.
     */
    public void follow(By by) {
        waitForQuietPage();
        driver.executeScript("window.__beforeFollow = true");
        for (int attempt = 1; ; attempt++) {
            try {
                find(by).click();
                break;
            } catch (WebDriverException e) {
                if (!stillOnOldPage()) {
                    break;
                }
                if (attempt == 3) {
                    throw e;
                }
            }
        }
        new WebDriverWait(driver, PATIENCE).ignoring(WebDriverException.class).until(d -> !stillOnOldPage());
        waitForQuietPage();
    }

    public void waitForText(By by, String text) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    public String text(By by) {
        return find(by).getText();
    }

    private boolean stillOnOldPage() {
        return Boolean.TRUE.equals(driver.executeScript("return window.__beforeFollow === true"));
    }

    private void waitForQuietPage() {
        new WebDriverWait(driver, PATIENCE).ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState === 'complete' && (!window.jQuery || jQuery.active === 0)")));
    }

    /** Ends the browser; the last page is kept under target/browser (screenshot and HTML) for whoever reads a failure. */
    @Override
    public void close() {
        try {
            Path folder = Path.of("target", "browser");
            Files.createDirectories(folder);
            long now = System.currentTimeMillis();
            Files.write(folder.resolve(now + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(folder.resolve(now + ".html"), driver.getPageSource());
        } catch (IOException | WebDriverException e) {
            System.err.println("no screenshot: " + e);
        } finally {
            driver.quit();
        }
    }
}
