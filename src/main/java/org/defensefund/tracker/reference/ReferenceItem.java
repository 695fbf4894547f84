package org.defensefund.tracker.reference;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.Objects;
import org.defensefund.tracker.shared.NamedRecord;

/**
 * One entry of a reference list: a referral source, a case type, a court, an outcome... Seeded by a
 * migration, extended by administrators; entries are deactivated, never deleted, since cases refer to
 * them. Outcomes carry two facts the reports need: whether the case was decided in court, and whether
 * the client may remain (a "success"). Cached: read on every page, changed rarely.
 */
@Entity
@Cacheable
@Table(name = "reference_item")
public class ReferenceItem implements Serializable, NamedRecord {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "list_name", nullable = false, length = 40, updatable = false)
    private ReferenceList list;

    @NotBlank(message = "{reference.code.required}")
    @Size(max = 40, message = "{field.tooLong}")
    @Pattern(regexp = "^[A-Z0-9_]*$", message = "{reference.code.format}")
    @Column(nullable = false, length = 40, updatable = false)
    private String code;

    @NotBlank(message = "{reference.name.required}")
    @Size(max = 200, message = "{field.tooLong}")
    @Column(nullable = false, length = 200)
    private String name;

    @Size(max = 300, message = "{field.tooLong}")
    @Column(length = 300)
    private String detail;

    @Column(name = "completed_in_court")
    private Boolean completedInCourt;

    @Column(name = "counts_as_success")
    private Boolean countsAsSuccess;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder = 100;

    @Version
    private long version;

    protected ReferenceItem() {
    }

    public ReferenceItem(ReferenceList list, String code, String name) {
        this.list = list;
        this.code = code;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public ReferenceList getList() {
        return list;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDetail() {
        return detail;
    }

    public void setDetail(String detail) {
        this.detail = detail;
    }

    public boolean isCompletedInCourt() {
        return Boolean.TRUE.equals(completedInCourt);
    }

    public boolean isCountsAsSuccess() {
        return Boolean.TRUE.equals(countsAsSuccess);
    }

    public void setOutcomeFlags(boolean completedInCourt, boolean countsAsSuccess) {
        this.completedInCourt = completedInCourt;
        this.countsAsSuccess = countsAsSuccess;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(int sortOrder) {
        this.sortOrder = sortOrder;
    }

    public long getVersion() {
        return version;
    }

    /** Whether this item belongs to the given list; a form must not pass a court off as an outcome. */
    public boolean isIn(ReferenceList expected) {
        return list == expected;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReferenceItem item && id != null && Objects.equals(id, item.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public String recordName() {
        return getName();
    }
}
