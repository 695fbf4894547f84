package org.defensefund.tracker.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every text a page asks the bundle for exists, and texts with arguments survive MessageFormat. */
class BundleTest {

    private static final Pattern PAGE_KEY = Pattern.compile("msg\\['([A-Za-z0-9_.]+)'\\]");
    private static final Pattern ENUM_PREFIX = Pattern.compile("msg\\['([A-Za-z0-9_]+\\.)'\\.concat");
    private static Properties bundle;

    @BeforeAll
    static void load() throws IOException {
        bundle = new Properties();
        try (InputStream in = BundleTest.class.getResourceAsStream("/org/defensefund/tracker/messages.properties")) {
            bundle.load(in);
        }
    }

    @Test
    void everyKeyAPageUsesIsInTheBundle() throws IOException {
        TreeSet<String> missing = new TreeSet<>();
        TreeSet<String> prefixes = new TreeSet<>();
        try (Stream<Path> pages = Files.walk(Path.of("src/main/webapp"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                String text = Files.readString(page);
                Matcher key = PAGE_KEY.matcher(text);
                while (key.find()) {
                    if (!bundle.containsKey(key.group(1))) {
                        missing.add(key.group(1) + " (" + page.getFileName() + ")");
                    }
                }
                Matcher prefix = ENUM_PREFIX.matcher(text);
                while (prefix.find()) {
                    prefixes.add(prefix.group(1));
                }
            }
        }
        assertEquals(new TreeSet<>(), missing, "keys used by pages but missing from messages.properties");
        for (String prefix : prefixes) {
            assertTrue(bundle.stringPropertyNames().stream().anyMatch(k -> k.startsWith(prefix)), "texts for " + prefix + "*");
        }
    }

    @Test
    void textsWithArgumentsDoubleTheirApostrophes() {
        List<String> broken = new ArrayList<>();
        for (String key : bundle.stringPropertyNames()) {
            String value = bundle.getProperty(key);
            if (value.matches(".*\\{\\d.*") && value.replace("''", "").contains("'")) {
                broken.add(key);
            }
        }
        assertEquals(List.of(), broken, "MessageFormat would swallow a single ' in these");
    }
}
