package org.defensefund.tracker.cases;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Counts days in detention from a custody timeline: each detention runs until the next release. */
final class DetentionDays {

    private DetentionDays() {
    }

    static long count(List<CustodyEvent> events, LocalDate today) {
        long days = 0;
        LocalDate detainedSince = null;
        for (CustodyEvent event : events) {
            if (event.getKind().isRelease()) {
                if (detainedSince != null) {
                    days += ChronoUnit.DAYS.between(detainedSince, event.getEventDate());
                    detainedSince = null;
                }
            } else if (detainedSince == null) {
                detainedSince = event.getEventDate();
            }
        }
        if (detainedSince != null) {
            days += ChronoUnit.DAYS.between(detainedSince, today);
        }
        return days;
    }
}
