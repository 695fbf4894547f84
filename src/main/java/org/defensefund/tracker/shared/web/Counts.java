package org.defensefund.tracker.shared.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.text.NumberFormat;
import org.defensefund.tracker.shared.list.ListQuery;

/**
 * Counts as pages show them: {@code #{counts.of(n)}} gives "1,234" (by the page language's conventions: "1.234" in Spanish), or "10,000+" for a count that stopped
 * at {@link ListQuery#COUNT_LIMIT} (lists don't count a million rows to show one page).
 */
@Named("counts")
@ApplicationScoped
public class Counts {

    public String of(Number count) {
        if (count == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getIntegerInstance(LanguageView.formats());
        if (count.longValue() > ListQuery.COUNT_LIMIT) {
            return PageMessages.text("list.countOver", format.format(ListQuery.COUNT_LIMIT));
        }
        return format.format(count.longValue());
    }
}
