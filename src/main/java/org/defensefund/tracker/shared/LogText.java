package org.defensefund.tracker.shared;

/**
 * Request data made safe for one line of the server log: line breaks and other control characters
 * become {@code _} (so a value can't forge a log line) and long values are cut (so a request can't
 * fill the log). Every log line that includes something a request carried goes through it.
 */
public final class LogText {

    static final int MAX = 200;

    private LogText() {
    }

    public static String of(Object value) {
        if (value == null) {
            return "";
        }
        String text = String.valueOf(value);
        StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX) + 24);
        int shown = Math.min(text.length(), MAX);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            safe.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '_' : c);
        }
        if (text.length() > MAX) {
            safe.append("...(").append(text.length()).append(" chars)");
        }
        return safe.toString();
    }
}
