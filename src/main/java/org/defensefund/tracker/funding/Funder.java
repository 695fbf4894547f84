package org.defensefund.tracker.funding;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.defensefund.tracker.shared.Contact;
import org.defensefund.tracker.shared.NamedRecord;
import org.defensefund.tracker.shared.Timestamped;

/**
 * A body that gives the fund money: the city, a state agency such as MLAC, a foundation, a person.
 * A funder user is bound to one funder and sees only what that funder's grants pay for. Funders are
 * deactivated, never deleted. The name is unique.
 */
@Entity
@Table(name = "funder")
public class Funder extends Timestamped implements NamedRecord {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank(message = "{funder.name.required}")
    @Size(max = 200, message = "{field.tooLong}")
    @Column(nullable = false, unique = true, length = 200)
    private String name;

    @NotNull(message = "{funder.kind.required}")
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private FunderKind kind = FunderKind.OTHER;

    @Valid
    @Embedded
    private Contact contact = new Contact();

    @Size(max = 2000, message = "{field.tooLong}")
    @Column(length = 2000)
    private String notes;

    @Column(nullable = false)
    private boolean active = true;

    @Version
    private long version;

    public Funder() {
    }

    public Funder(String name, FunderKind kind) {
        this.name = name;
        this.kind = kind;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? null : name.trim();
    }

    public FunderKind getKind() {
        return kind;
    }

    public void setKind(FunderKind kind) {
        this.kind = kind;
    }

    /** Never null: EclipseLink reads a contact whose parts are all empty as no contact. */
    public Contact getContact() {
        if (contact == null) {
            contact = new Contact();
        }
        return contact;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public boolean isActive() {
        return active;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String recordName() {
        return getName();
    }
}
