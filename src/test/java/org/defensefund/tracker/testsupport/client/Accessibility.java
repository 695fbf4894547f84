package org.defensefund.tracker.testsupport.client;

import com.deque.html.axecore.args.AxeRuleOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core in the browser: checks the page a driver shows against WCAG 2.1 A and AA (and axe's best practices),
 * and keeps every violation found across pages, so one failure lists them all: rule, page, element.
 *
 * <p>axe runs every rule it runs by default, and one of its experimental rules besides:
 * {@code label-content-name-mismatch} (WCAG 2.5.3, a control's accessible name contains its visible text), which
 * found the date pickers' unnamed buttons. No rule is switched off: {@link #RULES_OFF} is where one would be, with
 * its reason, and it is empty. The axe script comes from the {@code com.deque.html.axe-core:selenium} jar; nothing
 * is fetched at run time. Selenium runs it outside the page's Content-Security-Policy.
 */
public final class Accessibility {

    /** Rules switched off, each with the reason why; a rule belongs here only with a reason a reader accepts. */
    public static final Map<String, String> RULES_OFF = Map.of();

    /** Rules axe leaves off by default that are run all the same. */
    public static final List<String> RULES_ADDED = List.of("label-content-name-mismatch");

    private final List<String> violations = new ArrayList<>();
    private final Map<String, Integer> elementsByRule = new TreeMap<>();
    private final Map<String, java.util.Set<String>> pagesByRule = new TreeMap<>();
    private int pagesChecked;

    /** Checks the page the driver shows now; its violations are kept under {@code pageLabel}. */
    public void check(WebDriver driver, String pageLabel) {
        keep(axe().analyze(driver), pageLabel);
    }

    /** Keeps what a check found; several browsers may check at once. */
    private synchronized void keep(Results results, String pageLabel) {
        if (results.isErrored()) {
            violations.add("axe could not run on " + pageLabel + ": " + results.getErrorMessage());
        }
        for (Rule rule : results.getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
                violations.add(rule.getId() + " [" + rule.getImpact() + "] on " + pageLabel + ": " + node.getTarget()
                        + " — " + firstLine(node.getFailureSummary()));
            }
            elementsByRule.merge(rule.getId(), rule.getNodes().size(), Integer::sum);
            pagesByRule.computeIfAbsent(rule.getId(), k -> new java.util.TreeSet<>()).add(pageLabel);
        }
        pagesChecked++;
    }

    /** How many page views were checked. */
    public synchronized int pagesChecked() {
        return pagesChecked;
    }

    /** Every violation found so far, one line each: rule, impact, page, element, what is wrong. */
    public synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    /** Violations by rule: how many elements, on how many page views. */
    public synchronized String summary() {
        StringBuilder text = new StringBuilder();
        elementsByRule.forEach((rule, elements) -> text.append(rule).append(": ").append(elements).append(" elements on ")
                .append(pagesByRule.get(rule).size()).append(" page views\n"));
        return text.toString();
    }

    /** Fails with every violation found so far, by rule, page and element. */
    public synchronized void assertNoViolations() {
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " accessibility violations on " + pagesChecked + " page views checked:\n"
                    + summary() + "\n" + String.join("\n", violations));
        }
    }

    /** Checks the page the driver shows now and fails with its violations, if any. */
    public static void assertNoViolations(WebDriver driver, String pageLabel) {
        Accessibility accessibility = new Accessibility();
        accessibility.check(driver, pageLabel);
        accessibility.assertNoViolations();
    }

    /**
     * axe as it runs here: in one call of {@code axe.run} in the page (Selenium's "legacy" mode: without it, each check
     * opens a blank window for axe's last step and closes it again, which doubled the time of a check), injected only when
     * the page does not hold it already (a page checked at a second width keeps it), into the top document (the app has no
     * frames).
     */
    private static AxeBuilder axe() {
        AxeRunOptions options = new AxeRunOptions();
        Map<String, AxeRuleOptions> rules = new LinkedHashMap<>();
        for (String rule : RULES_ADDED) {
            rules.put(rule, enabled(true));
        }
        for (String rule : RULES_OFF.keySet()) {
            rules.put(rule, enabled(false));
        }
        options.setRules(rules);
        options.setResultTypes(List.of("violations"));
        AxeBuilder builder = new AxeBuilder().withOptions(options).disableIframeTesting().setLegacyMode(true);
        builder.setInjectAxe(Accessibility::injectUnlessPresent, false); // false: not its own injection, only this one
        return builder;
    }

    /** The axe script of the jar, read once. */
    private static final class Script {
        static final String AXE = read();

        private static String read() {
            try (InputStream in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not in the axe-core selenium jar");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void injectUnlessPresent(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object' && typeof window.axe.run === 'function'"))) {
            js.executeScript(Script.AXE);
        }
    }

    private static AxeRuleOptions enabled(boolean enabled) {
        AxeRuleOptions rule = new AxeRuleOptions();
        rule.setEnabled(enabled);
        return rule;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replace("Fix any of the following:", "").replace("Fix all of the following:", "").strip();
        int end = line.indexOf('\n');
        return end < 0 ? line : line.substring(0, end).strip();
    }
}
