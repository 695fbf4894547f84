package org.defensefund.tracker.testsupport.client;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.regex.Pattern;

/** Checks that apply to every page a test fetches. */
public final class Pages {

    /** A Java stack frame ("at org.x.Y.m(Y.java:12)"), a "Caused by", or a server's error dump. */
    private static final Pattern STACK_TRACE = Pattern.compile("(\\bat [\\w.$]+\\([\\w]+\\.java:\\d+\\))|Caused by:|Stack Trace|WFLYUT|UT0\\d{4}");

    private Pages() {
    }

    public static void assertNoStackTrace(String html) {
        assertFalse(STACK_TRACE.matcher(html).find(), "the page shows a stack trace or server error dump");
    }
}
