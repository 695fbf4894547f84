package org.defensefund.tracker.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.shared.pii.ClientText;

/** An application for relief made in a case (asylum, cancellation, SIJS...), when filed and how decided. */
@Entity
@Table(name = "relief_application")
public class ReliefApplication extends CaseRecord {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotNull(message = "{relief.type.required}")
    @ManyToOne(optional = false)
    @JoinColumn(name = "relief_type_id", nullable = false)
    private ReferenceItem reliefType;

    @Column(name = "filed_on")
    private LocalDate filedOn;

    @Column(name = "decided_on")
    private LocalDate decidedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private ReliefDecision decision = ReliefDecision.PENDING;

    /** Sealed under the client's key ({@link CaseRecord#sealText}). */
    @Column(name = "notes")
    @ClientText(sealed = true)
    private String notes;

    @Version
    private long version;

    public ReliefApplication() {
    }

    /** A decision can't come before the filing. */
    @AssertTrue(message = "{relief.dates.order}")
    public boolean isDecidedAfterFiling() {
        return filedOn == null || decidedOn == null || !decidedOn.isBefore(filedOn);
    }

    public Long getId() {
        return id;
    }

    public ReferenceItem getReliefType() {
        return reliefType;
    }

    public void setReliefType(ReferenceItem reliefType) {
        this.reliefType = reliefType;
    }

    public LocalDate getFiledOn() {
        return filedOn;
    }

    public void setFiledOn(LocalDate filedOn) {
        this.filedOn = filedOn;
    }

    public LocalDate getDecidedOn() {
        return decidedOn;
    }

    public void setDecidedOn(LocalDate decidedOn) {
        this.decidedOn = decidedOn;
    }

    public ReliefDecision getDecision() {
        return decision;
    }

    public void setDecision(ReliefDecision decision) {
        this.decision = decision;
    }

    @Size(max = 1000, message = "{field.tooLong}")
    public String getNotes() {
        return openText("notes", notes);
    }

    public void setNotes(String notes) {
        this.notes = sealText("notes", this.notes, notes);
    }

    @Override
    protected void sealTexts() {
        notes = sealNow("notes", getNotes());
    }

    public long getVersion() {
        return version;
    }
}
