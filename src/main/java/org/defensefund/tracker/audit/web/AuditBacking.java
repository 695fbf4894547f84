package org.defensefund.tracker.audit.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.defensefund.tracker.audit.AuditLine;
import org.defensefund.tracker.audit.AuditService;
import org.defensefund.tracker.audit.ChainCheck;
import org.defensefund.tracker.shared.web.PageMessages;
import org.defensefund.tracker.shared.web.ServiceLazyModel;

/**
 * {@code /admin/audit.xhtml}: the audit trail for administrators, filtered by user, record and dates,
 * paged by the database, with "verify chain". It offers no way to change an entry.
 */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AuditService audit;

    private ServiceLazyModel<AuditLine> model;
    private List<String> recordTypes;
    private String actor;
    private String recordType;
    private String recordId;
    private LocalDate from;
    private LocalDate to;
    private ChainCheck check;

    @PostConstruct
    void init() {
        model = ServiceLazyModel.of(audit::count, audit::lines, id -> null, AuditLine::getId);
        model.setFilters(Map.of());
        recordTypes = audit.recordTypes();
    }

    public void filter() {
        Map<String, Object> filters = new HashMap<>();
        put(filters, "actor", actor);
        put(filters, "recordType", recordType);
        put(filters, "recordId", recordId);
        if (from != null) {
            filters.put(AuditService.FROM, from);
        }
        if (to != null) {
            filters.put(AuditService.TO, to);
        }
        model.setFilters(filters);
    }

    private static void put(Map<String, Object> filters, String key, String value) {
        if (value != null && !value.isBlank()) {
            filters.put(key, value.trim());
        }
    }

    public void verify() {
        check = audit.verify();
        if (check.isIntact()) {
            PageMessages.done("admin_audit.intact", check.checked());
        } else {
            PageMessages.error(null, "admin_audit.broken", check.checked(), check.edited().toString(), check.unlinked().toString());
        }
    }

    public ServiceLazyModel<AuditLine> getModel() {
        return model;
    }

    /** The kinds of record, for the filter (labelled by the page from the bundle). */
    public List<String> getRecordTypes() {
        return recordTypes;
    }

    public ChainCheck getCheck() {
        return check;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getRecordType() {
        return recordType;
    }

    public void setRecordType(String recordType) {
        this.recordType = recordType;
    }

    public String getRecordId() {
        return recordId;
    }

    public void setRecordId(String recordId) {
        this.recordId = recordId;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
