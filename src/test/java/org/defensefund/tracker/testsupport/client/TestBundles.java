package org.defensefund.tracker.testsupport.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The texts the server shows in a language, for tests that check a page or an e-mail is in it without writing
 * its words into the test: the build's own bundle of that language when there is one, else (Spanish only) a
 * small test stand-in that {@link #withSpanish} deploys, else English. A key missing in a language's bundle
 * reads as English, as on the pages.
 */
public final class TestBundles {

    private static final String BASE = "org/defensefund/tracker/messages";
    private static final String STAND_IN = "language-stand-in/messages_es.properties";

    private TestBundles() {
    }

    /** Whether the build has the pages' bundle of this language (a tag: es, ht, pt-BR). */
    public static boolean installed(String tag) {
        return resource(BASE + "_" + tag.replace('-', '_') + ".properties") != null;
    }

    /**
     * The deployment with Spanish texts: the build's bundle when it has one, else the test stand-in in its place,
     * so a test of switching languages has a second language to switch to.
     */
    public static WebArchive withSpanish(WebArchive archive) {
        String path = "WEB-INF/classes/" + BASE + "_es.properties";
        if (!installed("es") && !archive.contains(path)) {
            archive.addAsResource(STAND_IN, BASE + "_es.properties");
        }
        return archive;
    }

    /** The text of a key of the pages' bundle in a language as the deployment has it. */
    public static String text(String tag, String key) {
        return text(BASE, tag, key);
    }

    /**
     * The text of a key of a bundle ({@code org/defensefund/tracker/messages}, {@code .../faces-messages},
     * {@code ValidationMessages}) in a language as the deployment has it; English where it has none.
     */
    public static String text(String bundle, String tag, String key) {
        Properties english = load(bundle + ".properties");
        Properties language = new Properties();
        String own = bundle + "_" + tag.replace('-', '_') + ".properties";
        if (resource(own) != null) {
            language = load(own);
        } else if ("es".equals(tag) && BASE.equals(bundle)) {
            language = load(STAND_IN);
        }
        String text = language.getProperty(key, english.getProperty(key));
        if (text == null) {
            throw new IllegalArgumentException("no text " + key);
        }
        return text;
    }

    private static URL resource(String path) {
        return TestBundles.class.getClassLoader().getResource(path);
    }

    private static Properties load(String path) {
        Properties properties = new Properties();
        URL url = resource(path);
        if (url == null) {
            return properties;
        }
        try (InputStream in = url.openStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
