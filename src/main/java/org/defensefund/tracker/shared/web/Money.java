package org.defensefund.tracker.shared.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Money (US dollars) as pages show it, exact to the cent from BigDecimal: {@code #{money.of(x)}} gives "$1,250.00"
 * in English, "1.250,00 US$"-like amounts by the conventions of the page's language in the others (amount fields
 * still take plain digits with a decimal point in every language).
 */
@Named("money")
@ApplicationScoped
public class Money {

    public String of(BigDecimal amount) {
        return of(amount, LanguageView.formats());
    }

    /** An amount by the conventions of a locale; United States English as the fields take it, with a dollar sign. */
    public static String of(BigDecimal amount, Locale formats) {
        if (amount == null) {
            return "";
        }
        if (formats == null || Locale.US.equals(formats)) {
            DecimalFormat format = new DecimalFormat("$#,##0.00;-$#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
            format.setParseBigDecimal(true);
            return format.format(amount);
        }
        java.text.NumberFormat format = java.text.NumberFormat.getCurrencyInstance(formats);
        format.setCurrency(java.util.Currency.getInstance("USD"));
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        format.setRoundingMode(java.math.RoundingMode.HALF_EVEN);
        return format.format(amount);
    }
}
