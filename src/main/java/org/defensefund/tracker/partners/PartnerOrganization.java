package org.defensefund.tracker.partners;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.defensefund.tracker.reference.Language;
import org.defensefund.tracker.shared.Address;
import org.defensefund.tracker.shared.Contact;
import org.defensefund.tracker.shared.NamedRecord;
import org.defensefund.tracker.shared.Timestamped;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * A partner legal organization: a nonprofit immigration legal provider that takes the fund's cases.
 * Its languages, practice areas and case capacity decide which cases are offered to it. A partner is
 * deactivated, never deleted: cases, users and money refer to it. The name is unique.
 */
@Entity
@Table(name = "partner_organization")
public class PartnerOrganization extends Timestamped implements NamedRecord {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank(message = "{partner.name.required}")
    @Size(max = 200, message = "{field.tooLong}")
    @Column(nullable = false, unique = true, length = 200)
    private String name;

    @Valid
    @Embedded
    private Contact contact = new Contact();

    @Valid
    @Embedded
    private Address address = new Address();

    @ManyToMany(fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN)
    @JoinTable(name = "partner_language",
            joinColumns = @JoinColumn(name = "partner_id"),
            inverseJoinColumns = @JoinColumn(name = "language_code"))
    private Set<Language> languages = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "partner_practice_area", joinColumns = @JoinColumn(name = "partner_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "practice_area", length = 40)
    private Set<PracticeArea> practiceAreas = EnumSet.noneOf(PracticeArea.class);

    @NotNull(message = "{partner.capacity.required}")
    @PositiveOrZero(message = "{partner.capacity.negative}")
    @Max(value = 10000, message = "{partner.capacity.tooLarge}")
    @Column(name = "case_capacity", nullable = false)
    private Integer caseCapacity = 0;

    @Size(max = 2000, message = "{field.tooLong}")
    @Column(length = 2000)
    private String notes;

    @Column(nullable = false)
    private boolean active = true;

    @Version
    private long version;

    public PartnerOrganization() {
    }

    public PartnerOrganization(String name, int caseCapacity) {
        this.name = name;
        this.caseCapacity = caseCapacity;
    }

    void deactivate() {
        active = false;
    }

    void reactivate() {
        active = true;
    }

    /** Whether the partner takes detained clients. */
    public boolean servesDetained() {
        return practiceAreas.contains(PracticeArea.DETAINED_REMOVAL);
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

    /** Never null: EclipseLink reads a contact whose parts are all empty as no contact. */
    public Contact getContact() {
        if (contact == null) {
            contact = new Contact();
        }
        return contact;
    }

    public Set<Language> getLanguages() {
        return languages;
    }

    public void setLanguages(Set<Language> languages) {
        this.languages = languages == null ? new HashSet<>() : new HashSet<>(languages);
    }

    public Set<PracticeArea> getPracticeAreas() {
        return practiceAreas;
    }

    public void setPracticeAreas(Set<PracticeArea> practiceAreas) {
        this.practiceAreas = practiceAreas == null || practiceAreas.isEmpty()
                ? EnumSet.noneOf(PracticeArea.class) : EnumSet.copyOf(practiceAreas);
    }

    public Integer getCaseCapacity() {
        return caseCapacity;
    }

    public void setCaseCapacity(Integer caseCapacity) {
        this.caseCapacity = caseCapacity;
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

    /** Never null: EclipseLink reads an address whose parts are all empty as no address. */
    public Address getAddress() {
        if (address == null) {
            address = new Address();
        }
        return address;
    }

    public void setAddress(Address address) {
        this.address = address == null ? new Address() : address;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String recordName() {
        return getName();
    }
}
