package org.defensefund.tracker.clients;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Optional;
import org.defensefund.tracker.reference.Language;
import org.defensefund.tracker.shared.Address;
import org.defensefund.tracker.shared.Timestamped;
import org.defensefund.tracker.shared.pii.EncryptedDateConverter;
import org.defensefund.tracker.shared.pii.EncryptedStringConverter;
import org.defensefund.tracker.shared.pii.PiiCipher;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * A person the fund serves. One client can have several cases over time (a later appeal, a new
 * proceeding). The A-number, when known, identifies the person and is unique; it is stored as nine
 * digits. Everything here is personal data that can hurt the client if it leaks: only administrators
 * and the staff of a partner the client's case is offered or assigned to may read it.
 *
 * <p>Encrypted at rest (AES-GCM, {@link PiiCipher}): the A-number, birth date, phone, and the street
 * and postal code of the address, each in its own column as {@code v1:...}. The database can't compare
 * them, so the A-number is also kept as a keyed hash ({@code a_number_hash}, HMAC-SHA256 of the nine
 * digits), which holds the uniqueness rule and serves exact search; the birth date is compared in Java
 * after a search by name. Names stay in clear (searched with accents and case ignored), and so do city
 * and state: coarse geography, which alone doesn't locate a person, is what a grant's municipality
 * restriction checks and what funders' reporting by place needs. Country of birth and language stay in
 * clear for the dashboards' aggregates.
 */
@Entity
@Table(name = "client")
@EntityListeners({NameWords.class, ClientKeys.NewClients.class})
public class Client extends Timestamped {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank(message = "{client.firstName.required}")
    @Size(max = 100, message = "{field.tooLong}")
    @Column(name = "first_name", nullable = false, length = 100)
    private String firstName;

    @NotBlank(message = "{client.lastName.required}")
    @Size(max = 100, message = "{field.tooLong}")
    @Column(name = "last_name", nullable = false, length = 100)
    private String lastName;

    @Past(message = "{client.birthDate.past}")
    @Convert(converter = EncryptedDateConverter.class)
    @Column(name = "birth_date", length = 100)
    private LocalDate birthDate;

    @Pattern(regexp = "^[A-Z]{2}$", message = "{client.country.invalid}")
    @Column(name = "country_of_birth", length = 2)
    private String countryOfBirth;

    @ManyToOne
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "language_code")
    private Language preferredLanguage;

    @Column(name = "interpreter_needed", nullable = false)
    private boolean interpreterNeeded;

    /** The nine digits, encrypted in the column. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "a_number", length = 100)
    private String aNumber;

    /** The keyed hash of the nine digits ({@link ANumber#keyedHash()}): unique, and what exact search compares. */
    @Column(name = "a_number_hash", length = 64)
    private String aNumberHash;

    @Size(max = 40, message = "{field.tooLong}")
    @Pattern(regexp = "^[0-9+()./ x-]*$", message = "{field.phone.invalid}")
    @Convert(converter = EncryptedStringConverter.class)
    @Column(length = 200)
    private String phone;

    /** The shared {@link Address}, with this copy's street and postal code encrypted (city and state in clear). */
    @Valid
    @Embedded
    @Convert(attributeName = "street", converter = EncryptedStringConverter.class)
    @Convert(attributeName = "postalCode", converter = EncryptedStringConverter.class)
    private Address address = new Address();

    /**
     * When the client's personal data was erased (retention or a purge, by SQL in {@code retention.ErasureStatements}):
     * the names are empty then, and pages show a translated marker instead. Never written through JPA.
     */
    @Column(name = "erased_at", insertable = false, updatable = false)
    private java.time.Instant erasedAt;

    @Version
    private long version;

    public Client() {
    }

    public Client(String firstName, String lastName) {
        this.firstName = firstName;
        this.lastName = lastName;
    }

    public String getFullName() {
        return firstName + " " + lastName;
    }

    public Long getId() {
        return id;
    }

    /** Whether the client's personal data was erased: the pages show "Client data erased" instead of a name. */
    public boolean isErased() {
        return erasedAt != null;
    }

    public java.time.Instant getErasedAt() {
        return erasedAt;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName == null ? null : firstName.trim();
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName == null ? null : lastName.trim();
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public String getCountryOfBirth() {
        return countryOfBirth;
    }

    public void setCountryOfBirth(String countryOfBirth) {
        this.countryOfBirth = countryOfBirth;
    }

    public Language getPreferredLanguage() {
        return preferredLanguage;
    }

    public void setPreferredLanguage(Language preferredLanguage) {
        this.preferredLanguage = preferredLanguage;
    }

    public boolean isInterpreterNeeded() {
        return interpreterNeeded;
    }

    public void setInterpreterNeeded(boolean interpreterNeeded) {
        this.interpreterNeeded = interpreterNeeded;
    }

    public Optional<ANumber> aNumber() {
        return Optional.ofNullable(aNumber).map(ANumber::new);
    }

    /** The A-number as "A 234 567 890", or empty. */
    public String getANumberDisplay() {
        return aNumber().map(ANumber::display).orElse("");
    }

    /** Sets the A-number and its keyed hash together. */
    public void setANumber(ANumber number) {
        this.aNumber = number == null ? null : number.digits();
        this.aNumberHash = number == null ? null : number.keyedHash();
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
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
}
