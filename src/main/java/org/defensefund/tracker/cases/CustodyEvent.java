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
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.shared.pii.ClientText;

/**
 * A step in the client's custody timeline: detained at a facility, transferred, released on bond (with
 * the amount), on parole or to alternatives. A custody release is not a result on the merits.
 */
@Entity
@Table(name = "custody_event")
public class CustodyEvent extends CaseRecord {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotNull(message = "{custody.kind.required}")
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CustodyEventKind kind;

    @ManyToOne
    @JoinColumn(name = "facility_id")
    private ReferenceItem facility;

    @NotNull(message = "{custody.date.required}")
    @Column(name = "event_date", nullable = false)
    private LocalDate eventDate;

    @PositiveOrZero(message = "{custody.bond.negative}")
    @Digits(integer = 17, fraction = 2, message = "{money.cents}")
    @Column(name = "bond_amount", precision = 19, scale = 2)
    private BigDecimal bondAmount;

    /** Sealed under the client's key ({@link CaseRecord#sealText}). */
    @Column(name = "notes")
    @ClientText(sealed = true)
    private String notes;

    public CustodyEvent() {
    }

    public CustodyEvent(CustodyEventKind kind, LocalDate eventDate) {
        this.kind = kind;
        this.eventDate = eventDate;
    }

    public Long getId() {
        return id;
    }

    public CustodyEventKind getKind() {
        return kind;
    }

    public void setKind(CustodyEventKind kind) {
        this.kind = kind;
    }

    public ReferenceItem getFacility() {
        return facility;
    }

    public void setFacility(ReferenceItem facility) {
        this.facility = facility;
    }

    public LocalDate getEventDate() {
        return eventDate;
    }

    public void setEventDate(LocalDate eventDate) {
        this.eventDate = eventDate;
    }

    public BigDecimal getBondAmount() {
        return bondAmount;
    }

    public void setBondAmount(BigDecimal bondAmount) {
        this.bondAmount = bondAmount;
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

}
