package org.defensefund.tracker.cases.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.defensefund.tracker.cases.CaseListFilter;
import org.defensefund.tracker.cases.CaseQueries;
import org.defensefund.tracker.cases.CaseQueue;
import org.defensefund.tracker.cases.CaseRow;
import org.defensefund.tracker.cases.CaseStatus;
import org.defensefund.tracker.cases.Custody;
import org.defensefund.tracker.cases.Priority;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.reference.ReferenceDataService;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.RecordNotFoundException;
import org.defensefund.tracker.shared.web.PageMessages;
import org.defensefund.tracker.shared.web.ServiceLazyModel;

/**
 * {@code /cases/list.xhtml}: one work queue ({@code ?queue=TO_SCREEN}) or every case the caller may see,
 * with search by client name, A-number or case number and filters (status, priority, partner, court, custody,
 * next hearing from/to), all in the address so that a list can be bookmarked. Paged, sorted and filtered by the
 * database. A filter value that doesn't parse gets a message beside its field and filters nothing. The partner
 * filter is the fund's: partner staff have none (their list is their organization's whatever the address says).
 * A confidential case whose client the caller may not see is listed as "Confidential case" (the service leaves
 * the name out).
 */
@Named
@ViewScoped
public class CaseListBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CaseQueries queries;

    @Inject
    private PartnerService partners;

    @Inject
    private ReferenceDataService referenceData;


    private String queue;
    /** The queue load() checked and shows; a postback may carry another value in the address's parameter. */
    private CaseQueue shown = CaseQueue.ALL;
    private String search;
    private final Map<String, String> filterText = new HashMap<>();
    private CaseListFilter filter = CaseListFilter.none();
    private ServiceLazyModel<CaseRow> model;
    private Map<Long, String> partnerNames = Map.of();
    private List<ReferenceItem> courts = List.of();

    /** View action: checks the queue named in the address, reads the filters and sets up the list. */
    public void load() {
        CaseQueue chosen = chosenQueue();
        model = ServiceLazyModel.of(queries::count, queries::list, queries::row, CaseRow::getId);
        filter = CaseListFilter.parse(filterText);
        if (queries.listsEveryPartner()) {
            partnerNames = partners.names();
        } else {
            filter = filter.withoutPartner();
        }
        courts = referenceData.active(ReferenceList.COURT);
        Map<String, Object> filters = new HashMap<>(filter.filters());
        filters.put(CaseQueries.QUEUE, chosen.name());
        filters.put(CaseQueries.SEARCH, search);
        model.setFilters(filters);
        queue = chosen.name();
        shown = chosen;
    }

    private CaseQueue chosenQueue() {
        if (queue == null || queue.isBlank()) {
            return CaseQueue.ALL;
        }
        try {
            return CaseQueue.valueOf(queue);
        } catch (IllegalArgumentException e) {
            throw new RecordNotFoundException("Queue", queue);
        }
    }

    /** The queue shown, as checked when the page was opened (never a value posted back since). */
    public CaseQueue getShownQueue() {
        return shown;
    }

    /** The queues of the caller's role, for the tabs above the list. */
    public List<CaseQueue> getQueues() {
        return queries.queues();
    }

    public String partnerName(Long partnerId) {
        return partnerId == null ? "" : partnerNames.getOrDefault(partnerId, "");
    }

    /** The statuses in the order of a case's path, for the status filter. */
    public List<CaseStatus> getStatuses() {
        return Arrays.stream(CaseStatus.values()).sorted(Comparator.comparingInt(CaseStatus::pathRank)).toList();
    }

    public List<Priority> getPriorities() {
        return List.of(Priority.values());
    }

    public List<Custody> getCustodies() {
        return List.of(Custody.values());
    }

    /** The partners by name, for the fund's partner filter (id, name). */
    public List<SimpleImmutableEntry<Long, String>> getPartners() {
        return partnerNames.entrySet().stream()
                .map(e -> new SimpleImmutableEntry<>(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(SimpleImmutableEntry::getValue, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The active courts, for the court filter. */
    public List<ReferenceItem> getCourts() {
        return courts;
    }

    /** Whether the list is searched or filtered (the header then says what it found and by what). */
    public boolean isNarrowed() {
        return (search != null && !search.isBlank()) || filter.isActive();
    }

    /** Whether anything is in the filters' fields, applied or not (then they can be cleared). */
    public boolean isFiltered() {
        return filter.isActive() || !filter.getProblems().isEmpty();
    }

    /** The bundle key of the header above a searched or filtered list: by search, by filters, or both. */
    public String getFoundKey() {
        boolean searched = search != null && !search.isBlank();
        if (!filter.isActive()) {
            return "cases_list.found";
        }
        return searched ? "cases_list.foundSearchedFiltered" : "cases_list.foundFiltered";
    }

    /** The filters applied, as the header states them: "status: Assigned; court: Boston Immigration Court". */
    public String getFilterDescription() {
        List<String> parts = new ArrayList<>();
        if (filter.getStatus() != null) {
            parts.add(PageMessages.text("cases_list.filterStatus", filter.getStatus()));
        }
        if (filter.getPriority() != null) {
            parts.add(PageMessages.text("cases_list.filterPriority", filter.getPriority()));
        }
        if (filter.getPartnerId() != null) {
            String name = partnerNames.get(filter.getPartnerId());
            parts.add(PageMessages.text("cases_list.filterPartner", name == null ? PageMessages.text("cases_list.unknownChoice") : name));
        }
        if (filter.getCourtId() != null) {
            parts.add(PageMessages.text("cases_list.filterCourt", courtName(filter.getCourtId())));
        }
        if (filter.getCustody() != null) {
            parts.add(PageMessages.text("cases_list.filterCustody." + filter.getCustody().name()));
        }
        if (filter.getHearingFrom() != null && filter.getHearingTo() != null) {
            parts.add(PageMessages.text("cases_list.filterHearingBetween", filter.getHearingFrom(), filter.getHearingTo()));
        } else if (filter.getHearingFrom() != null) {
            parts.add(PageMessages.text("cases_list.filterHearingFrom", filter.getHearingFrom()));
        } else if (filter.getHearingTo() != null) {
            parts.add(PageMessages.text("cases_list.filterHearingTo", filter.getHearingTo()));
        }
        return String.join("; ", parts);
    }

    private String courtName(Long courtId) {
        return courts.stream().filter(c -> c.getId().equals(courtId)).map(ReferenceItem::getName).findFirst()
                .or(() -> referenceData.find(ReferenceList.COURT, courtId).map(ReferenceItem::getName))
                .orElseGet(() -> PageMessages.text("cases_list.unknownChoice"));
    }

    /** The bundle key of the problem with a filter's value (by its parameter's name), or null. */
    public String problem(String field) {
        return filter.problem(field).orElse(null);
    }

    /** A date filter's field as an input of type date shows it: the date read, or the text that wasn't one. */
    public String dateText(String field) {
        java.time.LocalDate read = "from".equals(field) ? filter.getHearingFrom() : filter.getHearingTo();
        return read != null ? read.toString() : filterText.getOrDefault(field, "");
    }

    public ServiceLazyModel<CaseRow> getModel() {
        return model;
    }

    public String getQueue() {
        return queue;
    }

    public void setQueue(String queue) {
        this.queue = queue;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    /** The filters' text as the address gave it, by parameter name ({@code status}, {@code from}...), for the view parameters. */
    public Map<String, String> getFilterText() {
        return filterText;
    }
}
