package org.defensefund.tracker.shared.web;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a typed number is read: ASCII digits only (Java itself would take Arabic-Indic or full-width digits), an
 * optional sign, for amounts a decimal point; no exponent, no grouping, at most 18 digits. Pure, so the rule is
 * tested without a server; {@link NumberConverters} apply it to every whole-number and amount field.
 */
public final class NumberInput {

    private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]{1,18}(\\.[0-9]{0,10})?|\\.[0-9]{1,10})");

    private NumberInput() {
    }

    public static Optional<Long> whole(String typed) {
        String text = typed.strip();
        return WHOLE.matcher(text).matches() ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }

    public static Optional<BigDecimal> decimal(String typed) {
        String text = typed.strip();
        return DECIMAL.matcher(text).matches() ? Optional.of(new BigDecimal(text)) : Optional.empty();
    }
}
