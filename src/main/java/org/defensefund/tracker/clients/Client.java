package org.defensefund.tracker.clients;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
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

/**
 * A person the fund serves. One client can have several cases over time (a later appeal, a new
 * proceeding). The A-number, when known, identifies the person and is unique; it is stored as nine
 * digits. Everything here is personal data that can hurt the client if it leaks: only administrators
 * and the staff of a partner the client's case is offered or assigned to may read it.
 */
@Entity
@Table(name = "client")
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
    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Pattern(regexp = "^[A-Z]{2}$", message = "{client.country.invalid}")
    @Column(name = "country_of_birth", length = 2)
    private String countryOfBirth;

    @ManyToOne
    @JoinColumn(name = "language_code")
    private Language preferredLanguage;

    @Column(name = "interpreter_needed", nullable = false)
    private boolean interpreterNeeded;

    @Column(name = "a_number", length = 9)
    private String aNumber;

    @Size(max = 40, message = "{field.tooLong}")
    @Pattern(regexp = "^[0-9+()./ x-]*$", message = "{field.phone.invalid}")
    @Column(length = 40)
    private String phone;

    @Valid
    @Embedded
    private Address address = new Address();

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

    public void setANumber(ANumber number) {
        this.aNumber = number == null ? null : number.digits();
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
