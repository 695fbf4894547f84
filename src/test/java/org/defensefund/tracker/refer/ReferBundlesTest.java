package org.defensefund.tracker.refer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.defensefund.tracker.refer.web.ReferLanguage;
import org.junit.jupiter.api.Test;

/**
 * The public form's texts: every language the form offers has its bundle, each bundle has every key of
 * refer.properties (and no other), no text is empty, every {n} placeholder of the English text is kept, a text with
 * a placeholder survives MessageFormat whole, and every key the page and its backing ask for exists.
 */
class ReferBundlesTest {

    private static final String DIR = "/org/defensefund/tracker/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+[^}]*\\}");
    private static final Pattern PAGE_KEY = Pattern.compile("\\br\\['([A-Za-z0-9_.]+)'\\]|texts\\['([A-Za-z0-9_.]+)'\\]");

    @Test
    void everyLanguageOfTheFormHasABundleWithEveryKeyAndItsPlaceholders() throws IOException {
        Properties english = load("refer.properties");
        assertTrue(english.size() > 50, "the English texts are there");
        assertEquals(11, ReferLanguage.ALL.size(), "English and Boston's ten languages");
        List<String> wrong = new ArrayList<>();
        for (ReferLanguage language : ReferLanguage.ALL) {
            if (language == ReferLanguage.DEFAULT) {
                continue;
            }
            String file = "refer_" + language.locale() + ".properties";
            Properties translated = load(file);
            TreeSet<String> missing = new TreeSet<>(english.stringPropertyNames());
            missing.removeAll(translated.stringPropertyNames());
            TreeSet<String> extra = new TreeSet<>(translated.stringPropertyNames());
            extra.removeAll(english.stringPropertyNames());
            if (!missing.isEmpty() || !extra.isEmpty()) {
                wrong.add(file + ": missing " + missing + ", not in refer.properties " + extra);
            }
            for (String key : english.stringPropertyNames()) {
                String text = translated.getProperty(key);
                if (text == null) {
                    continue;
                }
                if (text.isBlank()) {
                    wrong.add(file + " " + key + ": empty");
                }
                if (!placeholders(english.getProperty(key)).equals(placeholders(text))) {
                    wrong.add(file + " " + key + ": placeholders " + placeholders(text) + " instead of " + placeholders(english.getProperty(key)));
                }
                if (!placeholders(text).isEmpty()) {
                    String formatted = new MessageFormat(text, language.locale()).format(new Object[] {200});
                    if (formatted.contains("{") || text.replace("''", "").contains("'")) {
                        wrong.add(file + " " + key + ": does not survive MessageFormat (an apostrophe must be written twice): " + formatted);
                    }
                }
                if (text.equals(english.getProperty(key)) && text.length() > 12) {
                    wrong.add(file + " " + key + ": still the English text");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void eachLanguageLoadsItsOwnBundleWithoutFallingBackToTheServersLanguage() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("es"));
        try {
            for (ReferLanguage language : ReferLanguage.ALL) {
                ResourceBundle bundle = ResourceBundle.getBundle("org.defensefund.tracker.refer", language.locale(),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
                Properties own = load(language == ReferLanguage.DEFAULT ? "refer.properties" : "refer_" + language.locale() + ".properties");
                assertEquals(own.getProperty("page.title"), bundle.getString("page.title"), language.tag());
            }
        } finally {
            Locale.setDefault(before);
        }
        assertEquals("rtl", ReferLanguage.of("ar").orElseThrow().direction());
        assertEquals("ltr", ReferLanguage.of("zh-tw").orElseThrow().direction());
        assertFalse(ReferLanguage.of("xx").isPresent(), "an unknown language isn't offered");
    }

    @Test
    void everyKeyThePageAndItsBackingUseIsInTheBundle() throws IOException {
        Properties english = load("refer.properties");
        TreeSet<String> missing = new TreeSet<>();
        String page = Files.readString(Path.of("src/main/webapp/refer/index.xhtml")) + Files.readString(Path.of("src/main/webapp/WEB-INF/includes/refer-field.xhtml"));
        Matcher key = PAGE_KEY.matcher(page);
        while (key.find()) {
            String used = key.group(1) != null ? key.group(1) : key.group(2);
            if (!english.containsKey(used)) {
                missing.add(used);
            }
        }
        String backing = Files.readString(Path.of("src/main/java/org/defensefund/tracker/refer/web/ReferBacking.java"))
                + Files.readString(Path.of("src/main/java/org/defensefund/tracker/refer/web/ReferForm.java"));
        Matcher quoted = Pattern.compile("\"((?:error|limit|done|page)\\.[A-Za-z.]+)\"").matcher(backing);
        while (quoted.find()) {
            if (!english.containsKey(quoted.group(1))) {
                missing.add(quoted.group(1));
            }
        }
        Matcher fields = Pattern.compile("FIELDS = List\\.of\\(([^)]*)\\)").matcher(backing);
        assertTrue(fields.find(), "the backing lists its fields");
        for (String field : fields.group(1).replaceAll("[\"\\s]", "").split(",")) {
            if (!english.containsKey("field." + field)) {
                missing.add("field." + field);
            }
        }
        for (String rule : List.of("onlineReferral.referrerKind.required", "onlineReferral.referrerName.required",
                "onlineReferral.contact.required", "onlineReferral.consent.required", "case.nextHearing.beforeReferral")) {
            if (!english.containsKey("rule." + rule)) {
                missing.add("rule." + rule);
            }
        }
        assertEquals(new TreeSet<>(), missing, "keys the public form uses but refer.properties lacks");
    }

    private static TreeSet<String> placeholders(String text) {
        TreeSet<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static Properties load(String file) {
        Properties properties = new Properties();
        try (InputStream in = ReferBundlesTest.class.getResourceAsStream(DIR + file)) {
            assertTrue(in != null, file + " exists");
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
