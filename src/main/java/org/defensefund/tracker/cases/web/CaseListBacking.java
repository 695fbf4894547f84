package org.defensefund.tracker.cases.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.cases.CaseQueries;
import org.defensefund.tracker.cases.CaseQueue;
import org.defensefund.tracker.cases.CaseRow;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.shared.RecordNotFoundException;
import org.defensefund.tracker.shared.web.ServiceLazyModel;

/**
 * {@code /cases/list.xhtml}: one work queue ({@code ?queue=TO_SCREEN}) or every case the caller may see,
 * with search by client name, A-number or case number. Paged, sorted and filtered by the database. A
 * confidential case whose client the caller may not see is listed as "Confidential case" (the service
 * leaves the name out).
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
    private CurrentUser currentUser;

    private String queue;
    private String search;
    private ServiceLazyModel<CaseRow> model;
    private Map<Long, String> partnerNames = Map.of();

    /** View action: checks the queue named in the address and sets up the list. */
    public void load() {
        CaseQueue chosen = chosenQueue();
        model = ServiceLazyModel.of(queries::count, queries::list, queries::row, CaseRow::getId);
        applySearch();
        if (currentUser.isAdmin()) {
            partnerNames = partners.names();
        }
        queue = chosen.name();
    }

    private void applySearch() {
        Map<String, Object> filters = new HashMap<>();
        filters.put(CaseQueries.QUEUE, chosenQueue().name());
        filters.put(CaseQueries.SEARCH, search);
        model.setFilters(filters);
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

    /** The queues of the caller's role, for the tabs above the list. */
    public List<CaseQueue> getQueues() {
        return Arrays.stream(CaseQueue.values())
                .filter(q -> currentUser.isAdmin() ? q.isForFund() : q.isForPartner())
                .toList();
    }

    public String partnerName(Long partnerId) {
        return partnerId == null ? "" : partnerNames.getOrDefault(partnerId, "");
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
}
