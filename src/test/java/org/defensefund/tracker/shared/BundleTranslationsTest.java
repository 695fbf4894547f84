package org.defensefund.tracker.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ChoiceFormat;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every translated bundle says what the English one says, in a form the application can use: the same keys,
 * the same arguments ({0}, choice and number formats; {max} for Bean Validation), apostrophes as MessageFormat
 * wants them, the same markup, line breaks and edge spaces, readable UTF-8, and no value left in English unless
 * {@code same-as-english.txt} says why. The languages are found from the files present, so a new
 * {@code messages_xx.properties} is checked without touching this test.
 */
class BundleTranslationsTest {

    /** How the application reads a bundle's values. */
    enum Syntax {
        /** java.text.MessageFormat: {0}, {1,number,#}, {0,choice,...}; a single ' quotes. */
        MESSAGE_FORMAT,
        /** Bean Validation interpolation: {max}, {value}, ${...}; an apostrophe is plain text. */
        BEAN_VALIDATION
    }

    record Bundle(Path folder, String baseName, String resourceBase, Syntax syntax) {

        Path file(String suffix) {
            return folder.resolve(baseName + suffix + ".properties");
        }
    }

    private static final Path RESOURCES = Path.of("src/main/resources");
    /** The suffix of the key-less English files ({@link #englishIsFoundAsEnglishWhateverTheServersLocale}). */
    static final String ENGLISH_MARKER = "_en";

    static final List<Bundle> BUNDLES = List.of(
            new Bundle(RESOURCES.resolve("org/defensefund/tracker"), "messages", "org.defensefund.tracker.messages", Syntax.MESSAGE_FORMAT),
            new Bundle(RESOURCES.resolve("org/defensefund/tracker"), "faces-messages", "org.defensefund.tracker.faces-messages", Syntax.MESSAGE_FORMAT),
            new Bundle(RESOURCES, "ValidationMessages", "ValidationMessages", Syntax.BEAN_VALIDATION));
    private static final Path ALLOW_LIST = Path.of("src/test/resources/org/defensefund/tracker/shared/same-as-english.txt");

    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?/?>");
    private static final Pattern ENTITY = Pattern.compile("&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);");
    private static final Pattern BEAN_VALIDATION_PARAMETER = Pattern.compile("\\$?\\{[^{}]*}");
    /** UTF-8 read as ISO-8859-1 or windows-1252 ("Ã©" for é, "â€™" for ’), C1 controls, the replacement character. */
    private static final Pattern MOJIBAKE = Pattern.compile("[ÃÂ][\\u0080-\\u00BF]|â€|[\\u0080-\\u009F]|\\uFFFD");
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

    // ---------------------------------------------------------------- the checks, run on every bundle and language

    @TestFactory
    Stream<DynamicTest> everyTranslationMatchesEnglish() {
        List<DynamicTest> tests = new ArrayList<>();
        AllowList allowed = AllowList.read(ALLOW_LIST);
        for (Bundle bundle : BUNDLES) {
            Map<String, String> english = read(bundle.file(""), new ArrayList<>());
            for (String suffix : translations(bundle)) {
                tests.add(DynamicTest.dynamicTest(bundle.baseName() + suffix, () -> {
                    Locale locale = locale(suffix);
                    List<String> problems = new ArrayList<>();
                    Map<String, String> translated = read(bundle.file(suffix), problems);
                    problems.addAll(problems(bundle.syntax(), locale, english, translated, key -> allowed.allows(locale, key)));
                    problems.addAll(javaReadsWhatIsWritten(bundle, locale, translated));
                    assertEquals(List.of(), problems, bundle.file(suffix) + ": " + problems.size() + " problem(s)");
                }));
            }
        }
        assertFalse(tests.isEmpty(), "no translated bundle found under " + RESOURCES.toAbsolutePath());
        return tests.stream();
    }

    @Test
    void everyLanguageHasEveryBundle() {
        Map<String, Set<String>> languagesByBundle = new TreeMap<>();
        Set<String> all = new TreeSet<>();
        for (Bundle bundle : BUNDLES) {
            Set<String> suffixes = new TreeSet<>(translations(bundle));
            languagesByBundle.put(bundle.baseName(), suffixes);
            all.addAll(suffixes);
        }
        assertTrue(all.size() >= 1, "at least one translation exists");
        for (Map.Entry<String, Set<String>> entry : languagesByBundle.entrySet()) {
            assertEquals(all, entry.getValue(), "languages of " + entry.getKey() + " (every language needs all three bundles)");
        }
    }

    /**
     * Each bundle has an {@code _en} file with no keys: a page asked for in English then finds it, and falls
     * through to the base file, instead of Java trying the server's default locale first (a server started
     * in Spanish would otherwise show Spanish to everyone asking for English).
     */
    @Test
    void englishIsFoundAsEnglishWhateverTheServersLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(new Locale("es", "US"));
            ResourceBundle.clearCache();
            for (Bundle bundle : BUNDLES) {
                Path marker = bundle.folder().resolve(bundle.baseName() + ENGLISH_MARKER + ".properties");
                List<String> problems = new ArrayList<>();
                assertEquals(Map.of(), read(marker, problems), marker + " holds no texts: English stays in the base file");
                ResourceBundle english = ResourceBundle.getBundle(bundle.resourceBase(), Locale.ENGLISH);
                Map<String, String> base = read(bundle.folder().resolve(bundle.baseName() + ".properties"), problems);
                for (Map.Entry<String, String> entry : base.entrySet()) {
                    assertEquals(entry.getValue(), english.getString(entry.getKey()), bundle.baseName() + ": " + entry.getKey()
                            + " asked in English on a server in Spanish");
                }
            }
        } finally {
            Locale.setDefault(before);
            ResourceBundle.clearCache();
        }
    }

    @Test
    void theEnglishBundlesAreWellFormedThemselves() {
        for (Bundle bundle : BUNDLES) {
            List<String> problems = new ArrayList<>();
            Map<String, String> english = read(bundle.file(""), problems);
            if (bundle.syntax() == Syntax.MESSAGE_FORMAT) {
                english.forEach((key, value) -> {
                    if (!arguments(value).isEmpty()) {
                        try {
                            new MessageFormat(value, Locale.ENGLISH);
                        } catch (IllegalArgumentException e) {
                            problems.add(key + ": English does not parse as MessageFormat: " + e.getMessage());
                        }
                    }
                });
            }
            // A key defined twice in English is a matter for the English bundle's owners, not for translations.
            problems.removeIf(p -> p.contains("defined twice"));
            assertEquals(List.of(), problems, bundle.file("").toString());
        }
    }

    /** An allow-list entry that names no key, no language, or a value that is translated after all, is stale. */
    @Test
    void theAllowListHoldsOnlyWhatIsStillNeeded() {
        AllowList allowed = AllowList.read(ALLOW_LIST);
        Map<String, Map<String, String>> englishByBundle = new HashMap<>();
        Map<String, Map<String, Map<String, String>>> translatedByBundle = new HashMap<>();
        Set<String> languages = new TreeSet<>();
        for (Bundle bundle : BUNDLES) {
            englishByBundle.put(bundle.baseName(), read(bundle.file(""), new ArrayList<>()));
            Map<String, Map<String, String>> bySuffix = new TreeMap<>();
            for (String suffix : translations(bundle)) {
                bySuffix.put(suffix, read(bundle.file(suffix), new ArrayList<>()));
                languages.add(locale(suffix).toLanguageTag());
            }
            translatedByBundle.put(bundle.baseName(), bySuffix);
        }
        List<String> stale = new ArrayList<>();
        for (AllowList.Entry entry : allowed.entries()) {
            if (!entry.language().equals("*") && !languages.contains(entry.language())) {
                stale.add(entry + ": no such language");
                continue;
            }
            boolean exists = false;
            boolean needed = false;
            for (Bundle bundle : BUNDLES) {
                String english = englishByBundle.get(bundle.baseName()).get(entry.key());
                if (english == null) {
                    continue;
                }
                exists = true;
                for (Map.Entry<String, Map<String, String>> translation : translatedByBundle.get(bundle.baseName()).entrySet()) {
                    String language = locale(translation.getKey()).toLanguageTag();
                    if ((entry.language().equals("*") || entry.language().equals(language)) && english.equals(translation.getValue().get(entry.key()))) {
                        needed = true;
                    }
                }
            }
            if (!exists) {
                stale.add(entry + ": no such key");
            } else if (!needed) {
                stale.add(entry + ": every language concerned translates it; remove the entry");
            }
        }
        assertEquals(List.of(), stale, ALLOW_LIST.toString());
    }

    /** The checks themselves: each broken translation below is caught, and a sound one passes. */
    @Test
    void theChecksCatchEachKindOfBrokenTranslation() {
        Map<String, String> english = new LinkedHashMap<>();
        english.put("a", "Case {0} was closed.");
        english.put("b", "{0,choice,1#One client|1<{0} clients} may be this person.");
        english.put("c", "A case that is \"{0}\" can''t become \"{1}\".");
        english.put("d", "The client's name");
        english.put("e", "Between {1,number,#} and {2,number,#}.");
        english.put("f", "Read the <strong>rules</strong> first.");
        english.put("g", "Hello {0},\n\nBye.");
        english.put("h", "no. ");
        english.put("i", "Total");
        english.put("j", "Code");
        english.put("k", "{0} ({1})");
        Set<String> allowedSame = Set.of("i");

        Map<String, String> sound = new LinkedHashMap<>();
        sound.put("a", "Se cerró el caso {0}.");
        sound.put("b", "{0,choice,1#Un cliente puede|1<{0} clientes pueden} ser esta persona.");
        sound.put("c", "Un caso que está \"{0}\" no puede pasar a \"{1}\" (l''exemple).");
        sound.put("d", "Le nom de l'exemple");
        sound.put("e", "Entre {1,number,#} y {2,number,#}.");
        sound.put("f", "Lea primero las <strong>reglas</strong>.");
        sound.put("g", "Hola, {0}:\n\nAdiós.");
        sound.put("h", "núm. ");
        sound.put("i", "Total");
        sound.put("j", "Código");
        sound.put("k", "{0} ({1})");
        assertEquals(List.of(), problems(Syntax.MESSAGE_FORMAT, Locale.forLanguageTag("es"), english, sound, allowedSame::contains));

        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("a", "Se cerró el caso {1}.");                                      // argument index changed
        broken.put("b", "{0,choice,2#Un cliente|2<{0} clientes} puede ser esta persona."); // choice limits changed
        broken.put("c", "Un caso \"{0}\" n'est pas \"{1}\".");                         // single quote in a pattern
        broken.put("d", "Le nom de l''exemple");                                       // doubled quote where nothing formats
        broken.put("e", "Entre {1} y {2,number,#}.");                                  // number format lost
        broken.put("f", "Lea primero las reglas.");                                    // markup lost
        broken.put("g", "Hola, {0}: Adiós.");                                          // line breaks lost
        broken.put("h", "núm.");                                                       // trailing space lost
        broken.put("i", "Total");                                                      // allowed: not a problem
        broken.put("j", "Code");                                                       // left in English
        broken.put("k", "{0} ({1}");                                                   // fine: no words, brackets are text
        broken.put("z", "Extra");                                                      // key English lacks
        broken.remove("k");                                                            // key missing
        broken.put("a2", "CÃ³digo");                                                   // mojibake (and extra)
        List<String> found = problems(Syntax.MESSAGE_FORMAT, Locale.forLanguageTag("es"), english, broken, allowedSame::contains);
        for (String expected : List.of("a: arguments", "b: arguments", "c: single '", "d: doubled ''", "e: arguments", "f: markup",
                "g: line breaks", "h: spaces", "j: same as English", "k: missing", "z: not in English", "a2: mojibake")) {
            assertTrue(found.stream().anyMatch(p -> p.startsWith(expected)), "expected a problem starting with \"" + expected + "\" in " + found);
        }
        assertFalse(found.stream().anyMatch(p -> p.startsWith("i:")), "an allowed value is not a problem: " + found);

        Map<String, String> unparseable = Map.of("a", "Se cerró el caso {0.");
        assertTrue(problems(Syntax.MESSAGE_FORMAT, Locale.ENGLISH, Map.of("a", "Case {0} closed."), unparseable, k -> false)
                .stream().anyMatch(p -> p.startsWith("a: does not parse")));

        Map<String, String> validation = Map.of("m", "Es demasiado largo: como máximo {min} caracteres.", "n", "No puede ser negativa.");
        List<String> bv = problems(Syntax.BEAN_VALIDATION, Locale.ENGLISH,
                Map.of("m", "This is too long: at most {max} characters.", "n", "It can't be negative."), validation, k -> false);
        assertTrue(bv.stream().anyMatch(p -> p.startsWith("m: parameters")), bv.toString());
        assertFalse(bv.stream().anyMatch(p -> p.startsWith("n:")), "an apostrophe is plain text for Bean Validation: " + bv);

        List<String> decoding = new ArrayList<>();
        decode("k=caf\u00e9".getBytes(StandardCharsets.ISO_8859_1), decoding);
        decode("\uFEFFk=v".getBytes(StandardCharsets.UTF_8), decoding);
        assertEquals(2, decoding.size(), "a Latin-1 file and a byte-order mark are both refused: " + decoding);
    }

    // ---------------------------------------------------------------- what a problem is

    interface Allowed {
        boolean sameAsEnglish(String key);
    }

    static List<String> problems(Syntax syntax, Locale locale, Map<String, String> english, Map<String, String> translated, Allowed allowed) {
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(english.keySet())) {
            if (!translated.containsKey(key)) {
                problems.add(key + ": missing");
            }
        }
        for (Map.Entry<String, String> entry : new TreeMap<>(translated).entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            if (MOJIBAKE.matcher(value).find()) {
                problems.add(key + ": mojibake (UTF-8 read in the wrong encoding?) in \"" + value + "\"");
            }
            String source = english.get(key);
            if (source == null) {
                problems.add(key + ": not in English (keys are added to the English bundle first)");
                continue;
            }
            if (syntax == Syntax.MESSAGE_FORMAT) {
                messageFormat(key, source, value, locale, problems);
            } else {
                List<String> expected = sorted(all(BEAN_VALIDATION_PARAMETER, source));
                List<String> actual = sorted(all(BEAN_VALIDATION_PARAMETER, value));
                if (!expected.equals(actual)) {
                    problems.add(key + ": parameters " + actual + " where English has " + expected);
                }
            }
            if (!sorted(tags(source)).equals(sorted(tags(value)))) {
                problems.add(key + ": markup " + sorted(tags(value)) + " where English has " + sorted(tags(source)));
            }
            if (count(source, '\n') != count(value, '\n')) {
                problems.add(key + ": line breaks " + count(value, '\n') + " where English has " + count(source, '\n'));
            }
            if (!edge(source).equals(edge(value))) {
                problems.add(key + ": spaces at the start or end differ from English (\"" + value + "\")");
            }
            if (value.equals(source) && hasWords(source) && !allowed.sameAsEnglish(key)) {
                problems.add(key + ": same as English (\"" + value + "\"); translate it, or add it to same-as-english.txt with the reason");
            }
            if (value.isBlank() && !source.isBlank()) {
                problems.add(key + ": empty");
            }
        }
        return problems;
    }

    private static void messageFormat(String key, String source, String value, Locale locale, List<String> problems) {
        boolean formatted = !arguments(source).isEmpty();
        if (formatted) {
            try {
                new MessageFormat(value, locale);
            } catch (IllegalArgumentException e) {
                problems.add(key + ": does not parse as MessageFormat (" + e.getMessage() + "): \"" + value + "\"");
                return;
            }
            if (value.replace("''", "").indexOf('\'') >= 0) {
                problems.add(key + ": single ' in a text with arguments: MessageFormat swallows it (write '' for an apostrophe)");
            }
        } else if (value.contains("''")) {
            problems.add(key + ": doubled '' in a text shown as is (it has no arguments): the page would show both");
        }
        Set<String> expected = arguments(source);
        Set<String> actual = arguments(value);
        if (!expected.equals(actual)) {
            problems.add(key + ": arguments " + actual + " where English has " + expected);
        }
    }

    /**
     * The arguments of a MessageFormat pattern, each with its type and style: {0}, {1,number,#},
     * {0,choice,1.0|1.0<} (a choice by its limits, since its texts are translated), and the arguments inside
     * a choice's texts, marked as such. Quoted text ('...') holds no argument.
     */
    static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        scan(pattern, "", found);
        return found;
    }

    private static void scan(String pattern, String context, Set<String> found) {
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '{' && !quoted) {
                int depth = 1;
                int end = i + 1;
                while (end < pattern.length() && depth > 0) {
                    char d = pattern.charAt(end);
                    if (d == '{') {
                        depth++;
                    } else if (d == '}') {
                        depth--;
                    }
                    end++;
                }
                if (depth > 0) {
                    found.add(context + "{unclosed");
                    return;
                }
                String[] parts = pattern.substring(i + 1, end - 1).split(",", 3);
                String index = parts[0].trim();
                String type = parts.length > 1 ? parts[1].trim() : "";
                if (type.equals("choice") && parts.length > 2) {
                    try {
                        ChoiceFormat choice = new ChoiceFormat(parts[2]);
                        found.add(context + "{" + index + ",choice," + Arrays.stream(choice.getLimits()).mapToObj(Double::toString)
                                .collect(Collectors.joining("|")) + "}");
                        for (Object text : choice.getFormats()) {
                            scan(String.valueOf(text), context + "{" + index + ",choice:", found);
                        }
                    } catch (IllegalArgumentException e) {
                        found.add(context + "{" + index + ",choice,unparseable}");
                    }
                } else {
                    found.add(context + "{" + index + (type.isEmpty() ? "" : "," + type) + (parts.length > 2 ? "," + parts[2].trim() : "") + "}");
                }
                i = end - 1;
            }
        }
    }

    private static List<String> tags(String value) {
        List<String> tags = new ArrayList<>(all(TAG, value).stream().map(t -> t.replaceAll("\\s.*", ">").toLowerCase(Locale.ROOT)).toList());
        tags.addAll(all(ENTITY, value));
        return tags;
    }

    private static boolean hasWords(String english) {
        return WORD.matcher(english.replaceAll("\\{[^{}]*}", " ")).find();
    }

    private static String edge(String value) {
        int start = 0;
        while (start < value.length() && Character.isWhitespace(value.charAt(start))) {
            start++;
        }
        int end = value.length();
        while (end > start && Character.isWhitespace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, start).replace("\n", "") + "|" + value.substring(end).replace("\n", "");
    }

    private static List<String> all(Pattern pattern, String value) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(value);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    private static int count(String value, char c) {
        return (int) value.chars().filter(x -> x == c).count();
    }

    // ---------------------------------------------------------------- files, languages, Java's own reading

    /** The suffixes of the translations present ("_es", "_pt_BR"), from the files beside the English one. */
    static List<String> translations(Bundle bundle) {
        Pattern name = Pattern.compile(Pattern.quote(bundle.baseName()) + "(_[A-Za-z0-9_]+)\\.properties");
        try (Stream<Path> files = Files.list(bundle.folder())) {
            return files.map(p -> name.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> m.group(1))
                    .filter(suffix -> !suffix.equals(ENGLISH_MARKER))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Locale locale(String suffix) {
        String[] parts = suffix.substring(1).split("_");
        Locale.Builder builder = new Locale.Builder().setLanguage(parts[0]);
        if (parts.length > 1) {
            builder.setRegion(parts[1]);
        }
        return builder.build();
    }

    /** The file read strictly as UTF-8 (as Java 9+ reads property bundles), each duplicate key a problem. */
    static Map<String, String> read(Path file, List<String> problems) {
        try {
            String text = decode(Files.readAllBytes(file), problems);
            Map<String, String> values = new LinkedHashMap<>();
            Properties properties = new Properties() {
                private static final long serialVersionUID = 1L;

                @Override
                public synchronized Object put(Object key, Object value) {
                    if (values.put((String) key, (String) value) != null) {
                        problems.add(key + ": defined twice (the last one wins)");
                    }
                    return super.put(key, value);
                }
            };
            properties.load(new StringReader(text));
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    static String decode(byte[] bytes, List<String> problems) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (text.startsWith("\uFEFF")) {
                problems.add("the file starts with a byte-order mark: Java would make it part of the first key");
            }
            return text;
        } catch (CharacterCodingException e) {
            problems.add("the file is not valid UTF-8 (Java would then read it as ISO-8859-1): " + e);
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** Java's ResourceBundle, as Faces and Bean Validation use it, finds this language's file and reads the same values. */
    private static List<String> javaReadsWhatIsWritten(Bundle bundle, Locale locale, Map<String, String> written) {
        List<String> problems = new ArrayList<>();
        ResourceBundle read;
        try {
            read = ResourceBundle.getBundle(bundle.resourceBase(), locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            return List.of("ResourceBundle.getBundle finds no bundle for " + locale + " (is the file name's suffix a Java locale?)");
        }
        if (!read.getLocale().equals(locale)) {
            problems.add("ResourceBundle.getBundle(" + locale + ") gives the bundle of " + read.getLocale());
        }
        for (Map.Entry<String, String> entry : written.entrySet()) {
            if (!entry.getValue().equals(read.getString(entry.getKey()))) {
                problems.add(entry.getKey() + ": Java reads \"" + read.getString(entry.getKey()) + "\" (wrong encoding?)");
            }
        }
        return problems;
    }

    /** Keys whose value a language may leave as in English, read from same-as-english.txt. */
    record AllowList(List<Entry> entries) {

        record Entry(String language, String key, int line) {

            @Override
            public String toString() {
                return "line " + line + " (" + language + " " + key + ")";
            }
        }

        static AllowList read(Path file) {
            try {
                List<Entry> entries = new ArrayList<>();
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).replaceAll("#.*", "").trim();
                    if (line.isEmpty()) {
                        continue;
                    }
                    String[] parts = line.split("\\s+");
                    if (parts.length != 2) {
                        throw new IllegalStateException(file + " line " + (i + 1) + ": expected \"<language|*> <key>\", found \"" + lines.get(i) + "\"");
                    }
                    entries.add(new Entry(parts[0].equals("*") ? "*" : Locale.forLanguageTag(parts[0].replace('_', '-')).toLanguageTag(), parts[1], i + 1));
                }
                return new AllowList(entries);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean allows(Locale locale, String key) {
            return entries.stream().anyMatch(e -> e.key().equals(key) && (e.language().equals("*") || e.language().equals(locale.toLanguageTag())));
        }
    }
}
