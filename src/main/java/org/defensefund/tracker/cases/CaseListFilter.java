package org.defensefund.tracker.cases;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.defensefund.tracker.shared.list.ListQuery;

/**
 * The filters of a case list as a person picks them in a bookmarkable address: status, priority, partner, court,
 * custody now, and a range in which the case's next hearing falls (both ends included, either may be left open).
 * Read from the address's text: a value that parses becomes a filter of the list's query ({@link #applyTo}), run by
 * {@link CaseQueries} in the database within the caller's scope; one that doesn't is kept as a problem of its field
 * (a bundle key the page shows beside the field) and filters nothing. A partner filter never widens a partner's list:
 * the caller's scope is part of every list query.
 */
public final class CaseListFilter implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Dates in an address: as a date input sends them (2026-12-01), or as people write them here (12/1/2026). */
    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private CaseStatus status;
    private Priority priority;
    private Long partnerId;
    private Long courtId;
    private Custody custody;
    private LocalDate hearingFrom;
    private LocalDate hearingTo;
    private final Map<String, String> problems = new LinkedHashMap<>();

    private CaseListFilter() {
    }

    /** No filter at all. */
    public static CaseListFilter none() {
        return new CaseListFilter();
    }

    /**
     * The filters named in an address, by the names of its parameters ({@code status}, {@code priority},
     * {@code partner}, {@code court}, {@code custody}, {@code from}, {@code to}); a blank or missing value filters
     * nothing.
     */
    public static CaseListFilter parse(Map<String, String> parameters) {
        CaseListFilter filter = new CaseListFilter();
        filter.status = filter.choice(parameters, "status", CaseStatus.class);
        filter.priority = filter.choice(parameters, "priority", Priority.class);
        filter.custody = filter.choice(parameters, "custody", Custody.class);
        filter.partnerId = filter.id(parameters, "partner");
        filter.courtId = filter.id(parameters, "court");
        filter.hearingFrom = filter.date(parameters, "from");
        filter.hearingTo = filter.date(parameters, "to");
        if (filter.hearingFrom != null && filter.hearingTo != null && filter.hearingFrom.isAfter(filter.hearingTo)) {
            filter.problems.put("to", "cases_list.toBeforeFrom");
            filter.hearingFrom = null;
            filter.hearingTo = null;
        }
        return filter;
    }

    /** The query with these filters added (the problems left out). */
    public ListQuery applyTo(ListQuery query) {
        ListQuery filtered = query;
        for (Map.Entry<String, Object> filter : filters().entrySet()) {
            filtered = filtered.withFilter(filter.getKey(), filter.getValue());
        }
        return filtered;
    }

    /** The filters as the list query names them ({@link CaseQueries#STATUS} and the others). */
    public Map<String, Object> filters() {
        Map<String, Object> filters = new LinkedHashMap<>();
        put(filters, CaseQueries.STATUS, status);
        put(filters, CaseQueries.PRIORITY, priority);
        put(filters, CaseQueries.PARTNER, partnerId);
        put(filters, CaseQueries.COURT, courtId);
        put(filters, CaseQueries.DETAINED, custody == null ? null : custody.isDetained());
        put(filters, CaseQueries.HEARING_FROM, hearingFrom);
        put(filters, CaseQueries.HEARING_TO, hearingTo);
        return filters;
    }

    /** The same filters without the partner's (partner staff have no partner to choose: their list is their own). */
    public CaseListFilter withoutPartner() {
        CaseListFilter copy = new CaseListFilter();
        copy.status = status;
        copy.priority = priority;
        copy.courtId = courtId;
        copy.custody = custody;
        copy.hearingFrom = hearingFrom;
        copy.hearingTo = hearingTo;
        copy.problems.putAll(problems);
        copy.problems.remove("partner");
        return copy;
    }

    /** Whether any filter applies. */
    public boolean isActive() {
        return !filters().isEmpty();
    }

    /** The bundle key of the problem with a field's value, by the parameter's name; empty if it is fine. */
    public Optional<String> problem(String field) {
        return Optional.ofNullable(problems.get(field));
    }

    /** Every field's problem (parameter name to bundle key), in the order of the form. */
    public Map<String, String> getProblems() {
        return Collections.unmodifiableMap(problems);
    }

    private static void put(Map<String, Object> filters, String name, Object value) {
        if (value != null) {
            filters.put(name, value);
        }
    }

    private <E extends Enum<E>> E choice(Map<String, String> parameters, String name, Class<E> type) {
        String text = text(parameters, name);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException notAChoice) {
            problems.put(name, "cases_list.notAChoice");
            return null;
        }
    }

    private Long id(Map<String, String> parameters, String name) {
        String text = text(parameters, name);
        if (text == null) {
            return null;
        }
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException notAnId) {
            problems.put(name, "cases_list.notAChoice");
            return null;
        }
    }

    private LocalDate date(Map<String, String> parameters, String name) {
        String text = text(parameters, name);
        if (text == null) {
            return null;
        }
        try {
            return text.contains("/") ? LocalDate.parse(text, WRITTEN) : LocalDate.parse(text);
        } catch (DateTimeParseException notADate) {
            problems.put(name, "cases_list.notADate");
            return null;
        }
    }

    private static String text(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public CaseStatus getStatus() {
        return status;
    }

    public Priority getPriority() {
        return priority;
    }

    public Long getPartnerId() {
        return partnerId;
    }

    public Long getCourtId() {
        return courtId;
    }

    public Custody getCustody() {
        return custody;
    }

    public LocalDate getHearingFrom() {
        return hearingFrom;
    }

    public LocalDate getHearingTo() {
        return hearingTo;
    }
}
