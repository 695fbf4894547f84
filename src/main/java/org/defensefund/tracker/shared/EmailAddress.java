package org.defensefund.tracker.shared;

import java.util.regex.Pattern;

/**
 * What the fund takes as an e-mail address: exactly one address, in plain ASCII, as people type it
 * ({@code name@example.org}): no display name, no list, no space or control character, at most 254 characters
 * (64 before the "@"), a domain with a dot. One rule for every e-mail field and for the services that store one.
 */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;

    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private EmailAddress() {
    }

    /** Whether the text, as typed (not trimmed), is one address. */
    public static boolean isValid(String text) {
        return text != null && text.length() <= MAX_LENGTH && text.indexOf('@') > 0 && text.indexOf('@') <= 64
                && ADDRESS.matcher(text).matches();
    }
}
