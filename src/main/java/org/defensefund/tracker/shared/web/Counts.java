package org.defensefund.tracker.shared.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.text.NumberFormat;
import java.util.Locale;
import org.defensefund.tracker.shared.list.ListQuery;

/**
 * Counts as pages show them: {@code #{counts.of(n)}} gives "1,234", or "10,000+" for a count that stopped
 * at {@link ListQuery#COUNT_LIMIT} (lists don't count a million rows to show one page).
 */
@Named("counts")
@ApplicationScoped
public class Counts {

    public String of(Number count) {
        if (count == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getIntegerInstance(Locale.US);
        if (count.longValue() > ListQuery.COUNT_LIMIT) {
            return PageMessages.text("list.countOver", format.format(ListQuery.COUNT_LIMIT));
        }
        return format.format(count.longValue());
    }
}
