package org.defensefund.tracker.cases;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Case numbers: the year and a number from a database sequence, written "2026-00042". People write them
 * "2026-42", "2026 / 00042", "#2026-42" or "2026.42"; search finds the case from any of these.
 */
public final class CaseNumbers {

    private static final Pattern TYPED = Pattern.compile("^#?\\s*(\\d{4})\\s*[-\\u2010-\\u2015/.\\s]\\s*0*(\\d{1,9})$");

    private CaseNumbers() {
    }

    /** The case number of a year's {@code sequence}-th case: "2026-00042". */
    public static String of(int year, long sequence) {
        return String.format("%d-%05d", year, sequence);
    }

    /** The case number typed in any of its written forms, as stored; empty if the text is not one. */
    public static Optional<String> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        Matcher matcher = TYPED.matcher(typed.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(of(Integer.parseInt(matcher.group(1)), Long.parseLong(matcher.group(2))));
    }
}
