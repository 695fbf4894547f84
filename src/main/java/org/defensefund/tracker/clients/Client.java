package org.defensefund.tracker.clients;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Transient;
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
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import java.util.Objects;
import org.defensefund.tracker.shared.pii.ClientDataErasedException;
import org.defensefund.tracker.shared.pii.EncryptedAttribute;
import org.defensefund.tracker.shared.pii.Keyring;
import org.defensefund.tracker.shared.pii.PiiDecryptionException;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * A person the fund serves. One client can have several cases over time (a later appeal, a new
 * proceeding). The A-number, when known, identifies the person and is unique; it is stored as nine
 * digits. Everything here is personal data that can hurt the client if it leaks: only administrators
 * and the staff of a partner the client's case is offered or assigned to may read it.
 *
 * <p><b>Under the client's own key</b> (crypto-shredding, {@link ClientKeys}, {@link Keyring}): first and last name, birth
 * date, A-number, phone, street and postal code are stored as {@code v2:} ciphertext under a key that is this client's
 * alone, so destroying that key makes every one of them unreadable at once. The fields mapped to the columns hold that
 * ciphertext; the getters open it on first use (one key for all the fields, from {@link ClientKeys}' cache: a list warms
 * it for all its rows in one statement), and a setter seals a changed value at once (an unchanged one is left alone, so
 * the audit trail sees no change). A new client's values are sealed when it is persisted, under a key made then, and that
 * key is stored, wrapped, just before the transaction commits. What is still stored the old way (a {@code v1:} value of
 * the fund's key, or a name in clear, written before; {@link ClientSealing} moves it at start) is read as it is.
 *
 * <p>What the database can still do without the key: find an A-number by its keyed hash ({@code a_number_hash}, which
 * holds the uniqueness rule), find a name through keyed hashes of its words ({@link NameWords}), and sort by the first
 * letters of the last name ({@code sort_name}, {@link ClientSealing#sortName}). City and state stay in clear: coarse
 * geography, which alone doesn't locate a person, is what a grant's municipality restriction checks and what funders'
 * reporting by place needs; so do country of birth and language, for the dashboards' aggregates.
 *
 * <p>Erased (retention, a purge): the values are emptied by {@code retention.ErasureStatements} and the key destroyed;
 * {@link #isErased()} is then true, as it is as soon as the key is gone even before the emptying.
 */
@Entity
@Table(name = "client")
@EntityListeners({NameWords.class, ClientKeys.NewClients.class})
public class Client extends Timestamped {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Sealed ({@code v2:}); the field names the attribute, so the audit trail records that it changed, never the value. */
    @EncryptedAttribute
    @Column(name = "first_name", nullable = false, length = 600)
    private String firstName;

    @EncryptedAttribute
    @Column(name = "last_name", nullable = false, length = 600)
    private String lastName;

    /** The first letters of the last name, folded, for the lists' order ({@link ClientSealing#sortName}); never shown. */
    @Column(name = "sort_name", length = 8)
    private String sortName;

    /** Sealed ISO date. */
    @EncryptedAttribute
    @Column(name = "birth_date", length = 100)
    private String birthDate;

    @Pattern(regexp = "^[A-Z]{2}$", message = "{client.country.invalid}")
    @Column(name = "country_of_birth", length = 2)
    private String countryOfBirth;

    @ManyToOne
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "language_code")
    private Language preferredLanguage;

    @Column(name = "interpreter_needed", nullable = false)
    private boolean interpreterNeeded;

    /** The nine digits, sealed. */
    @EncryptedAttribute
    @Column(name = "a_number", length = 100)
    private String aNumber;

    /** The keyed hash of the nine digits ({@link ANumber#keyedHash()}): unique, and what exact search compares. */
    @Column(name = "a_number_hash", length = 64)
    private String aNumberHash;

    @EncryptedAttribute
    @Column(length = 200)
    private String phone;

    @EncryptedAttribute
    @Column(length = 1200)
    private String street;

    @Column(length = 100)
    private String city;

    @Column(length = 50)
    private String state;

    @EncryptedAttribute
    @Column(name = "postal_code", length = 200)
    private String postalCode;

    /**
     * When the client's personal data was erased (retention or a purge, by SQL in {@code retention.ErasureStatements}):
     * the names are empty then, and pages show a translated marker instead. Never written through JPA.
     */
    @Column(name = "erased_at", insertable = false, updatable = false)
    private java.time.Instant erasedAt;

    @Version
    private long version;

    /** The values in clear, once opened (or as set on a new client); never stored. */
    @Transient
    private Opened opened;

    /** A new client's key, made when it is persisted and stored just before commit ({@link ClientKeys.NewClients}). */
    @Transient
    private transient KeysetHandle newKey;

    @Transient
    private transient Aead newAead;

    /** Slots of the sealed fields, in {@link ClientSealing#SEALED}'s order (their columns). */
    private static final int FIRST = 0;
    private static final int LAST = 1;
    private static final int BIRTH = 2;
    private static final int A_NUMBER = 3;
    private static final int PHONE = 4;
    private static final int STREET = 5;
    private static final int POSTAL = 6;

    /**
     * The sealed fields in clear, each opened on first use (a list shows two of the seven: it decrypts two), and the
     * state of the client's key.
     */
    private static final class Opened implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final String[] clear = new String[7];
        /** Bit per slot: opened (or set). */
        int open;
        boolean unreadable;
        Residence address;
        transient Aead key;
    }

    /**
     * The client's address as the pages and services edit it: a view of the client's own fields (street and postal
     * code opened on first use and sealed when changed, city and state in clear), so an existing client's address is
     * changed in place like any other field. The inherited fields keep a copy for Bean Validation.
     */
    private static final class Residence extends Address {
        private static final long serialVersionUID = 1L;
        private final Client owner;

        Residence(Client owner) {
            this.owner = owner;
            super.setCity(owner.city);
            super.setState(owner.state);
        }

        @Override
        public String getStreet() {
            String value = owner.clear(STREET);
            super.setStreet(value);
            return value;
        }

        @Override
        public void setStreet(String street) {
            owner.change(STREET, blankToNull(street));
            super.setStreet(blankToNull(street));
        }

        @Override
        public String getPostalCode() {
            String value = owner.clear(POSTAL);
            super.setPostalCode(value);
            return value;
        }

        @Override
        public void setPostalCode(String postalCode) {
            owner.change(POSTAL, blankToNull(postalCode));
            super.setPostalCode(blankToNull(postalCode));
        }

        @Override
        public String getCity() {
            return owner.city;
        }

        @Override
        public void setCity(String city) {
            owner.city = blankToNull(city);
            super.setCity(owner.city);
        }

        @Override
        public String getState() {
            return owner.state;
        }

        @Override
        public void setState(String state) {
            owner.state = blankToNull(state);
            super.setState(owner.state);
        }
    }

    public Client() {
    }

    public Client(String firstName, String lastName) {
        setFirstName(firstName);
        setLastName(lastName);
    }

    public String getFullName() {
        return getFirstName() + " " + getLastName();
    }

    public Long getId() {
        return id;
    }

    /**
     * Whether the client's personal data was erased: emptied, or its key destroyed (a purge destroys the keys at once
     * and empties in the background). The pages show "Client data erased" instead of a name.
     */
    public boolean isErased() {
        if (erasedAt != null) {
            return true;
        }
        Opened values = open();
        if (!values.unreadable && values.key == null && id != null && newKey == null
                && ClientSealing.anySealed(firstName, lastName, birthDate, aNumber, phone, street, postalCode)) {
            try {
                values.key = ClientSealing.keys().keyOf(id);
            } catch (ClientDataErasedException erased) {
                markUnreadable(values);
            }
        }
        return values.unreadable;
    }

    public java.time.Instant getErasedAt() {
        return erasedAt;
    }

    @NotBlank(message = "{client.firstName.required}")
    @Size(max = 100, message = "{field.tooLong}")
    public String getFirstName() {
        return clear(FIRST);
    }

    public void setFirstName(String firstName) {
        change(FIRST, firstName == null ? null : firstName.trim());
    }

    @NotBlank(message = "{client.lastName.required}")
    @Size(max = 100, message = "{field.tooLong}")
    public String getLastName() {
        return clear(LAST);
    }

    public void setLastName(String lastName) {
        String value = lastName == null ? null : lastName.trim();
        if (change(LAST, value)) {
            this.sortName = ClientSealing.sortName(value);
        }
    }

    @Past(message = "{client.birthDate.past}")
    public LocalDate getBirthDate() {
        String date = clear(BIRTH);
        return date == null ? null : LocalDate.parse(date);
    }

    public void setBirthDate(LocalDate birthDate) {
        change(BIRTH, birthDate == null ? null : birthDate.toString());
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
        return Optional.ofNullable(clear(A_NUMBER)).map(ANumber::new);
    }

    /** The A-number as "A 234 567 890", or empty. */
    public String getANumberDisplay() {
        return aNumber().map(ANumber::display).orElse("");
    }

    /** Sets the A-number and its keyed hash together. */
    public void setANumber(ANumber number) {
        change(A_NUMBER, number == null ? null : number.digits());
        this.aNumberHash = number == null ? null : number.keyedHash();
    }

    @Size(max = 40, message = "{field.tooLong}")
    @Pattern(regexp = "^[0-9+()./ x-]*$", message = "{field.phone.invalid}")
    public String getPhone() {
        return clear(PHONE);
    }

    public void setPhone(String phone) {
        change(PHONE, phone == null || phone.isBlank() ? null : phone);
    }

    /** The address in clear, never null; edited in place (the intake form binds its parts), each change kept at once. */
    @Valid
    public Address getAddress() {
        return open().address;
    }

    /** Sets every part of the address (street and postal code sealed, city and state in clear). */
    public void setAddress(Address address) {
        Address value = address == null ? new Address() : address;
        Residence residence = open().address;
        residence.setStreet(value.getStreet());
        residence.setCity(value.getCity());
        residence.setState(value.getState());
        residence.setPostalCode(value.getPostalCode());
    }

    public long getVersion() {
        return version;
    }

    /** Seals a new client's values under a key made now; the key itself is stored by {@link ClientKeys.NewClients}. */
    @PrePersist
    void sealNewClient() {
        Opened values = open();
        if (newKey == null) {
            newKey = Keyring.generate();
        }
        firstName = seal("first_name", values.clear[FIRST]);
        lastName = seal("last_name", values.clear[LAST]);
        sortName = ClientSealing.sortName(values.clear[LAST]);
        birthDate = seal("birth_date", values.clear[BIRTH]);
        aNumber = seal("a_number", values.clear[A_NUMBER]);
        phone = seal("phone", values.clear[PHONE]);
        street = seal("street", values.clear[STREET]);
        postalCode = seal("postal_code", values.clear[POSTAL]);
    }

    /**
     * A text about this client kept in another record (their case's notes and referrer, a timeline entry, a hearing's
     * notes...) sealed under this client's own key: {@code v2:}, bound to {@code column} (a new client's key is made now
     * if it wasn't, and is the one their own values are sealed with when persisted). Null stays null; for a client whose
     * key is destroyed nothing more can be written about them: the empty text.
     */
    public String sealText(String column, String clear) {
        if (clear == null) {
            return null;
        }
        try {
            return Keyring.encrypt(textKeyForWriting(), column, clear);
        } catch (ClientDataErasedException erased) {
            return "";
        }
    }

    /**
     * A text sealed by {@link #sealText} in clear; a text stored before texts were sealed (not {@code v2:}) as it is;
     * null once the client's key is destroyed (their personal data erased).
     */
    public String openText(String column, String stored) {
        if (stored == null || !Keyring.isClientCiphertext(stored)) {
            return stored;
        }
        if (erasedAt != null || (id == null && newKey == null)) {
            return null;
        }
        try {
            try {
                return Keyring.decrypt(key(), column, stored);
            } catch (PiiDecryptionException stale) {
                if (newKey != null) {
                    throw stale;
                }
                // As for the client's own values: the key in memory may be one a rolled-back transaction made.
                ClientSealing.keys().evict(id);
                return Keyring.decrypt(key(), column, stored);
            }
        } catch (ClientDataErasedException erased) {
            return null;
        }
    }

    /** The key to seal a text about this client with (a new client's made now if needed). */
    private Aead textKeyForWriting() {
        if (newKey == null && id == null) {
            newKey = Keyring.generate();
        }
        return newKey != null ? newAead() : ClientSealing.keys().keyForSealing(id);
    }

    /** The key made for this new client when it was persisted (stored wrapped just before commit), or null. */
    KeysetHandle newKey() {
        return newKey;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** The state of the clear values (a new client's are simply what was set; an erased one's are empty). */
    private Opened open() {
        if (opened != null) {
            return opened;
        }
        Opened values = new Opened();
        if (id == null && newKey == null) {
            values.open = 0x7f;
        } else if (erasedAt != null) {
            markUnreadable(values);
        }
        values.address = new Residence(this);
        opened = values;
        return values;
    }

    /** Erased (emptied, or the key destroyed): every field opens as nothing, the names as empty. */
    private static void markUnreadable(Opened values) {
        java.util.Arrays.fill(values.clear, null);
        values.clear[FIRST] = "";
        values.clear[LAST] = "";
        values.open = 0x7f;
        values.unreadable = true;
    }

    /** A sealed field in clear, opened on first use with the client's key. */
    private String clear(int slot) {
        Opened values = open();
        if ((values.open & (1 << slot)) == 0) {
            try {
                values.clear[slot] = opened(values, slot);
                values.open |= 1 << slot;
            } catch (ClientDataErasedException erased) {
                markUnreadable(values);
            }
        }
        return values.clear[slot];
    }

    private String opened(Opened values, int slot) {
        String stored = stored(slot);
        String column = ClientSealing.SEALED.get(slot);
        if (!Keyring.isClientCiphertext(stored)) {
            return ClientSealing.open(null, column, stored);
        }
        if (values.key == null) {
            values.key = key();
        }
        try {
            return ClientSealing.open(values.key, column, stored);
        } catch (PiiDecryptionException stale) {
            if (id == null || newKey != null) {
                throw stale;
            }
            // The key in this server's memory may not be the row's (made by a transaction that rolled back): once more,
            // with the row's; a second failure is a real one (a changed value, another key).
            ClientSealing.keys().evict(id);
            values.key = key();
            try {
                return ClientSealing.open(values.key, column, stored);
            } catch (PiiDecryptionException again) {
                throw new PiiDecryptionException("Client " + id + ", " + column + ": " + again.getMessage(), again);
            }
        }
    }

    private String stored(int slot) {
        return switch (slot) {
            case FIRST -> firstName;
            case LAST -> lastName;
            case BIRTH -> birthDate;
            case A_NUMBER -> aNumber;
            case PHONE -> phone;
            case STREET -> street;
            default -> postalCode;
        };
    }

    /** Sets a sealed field: a changed value is sealed at once, an unchanged one left as stored; returns whether it changed. */
    private boolean change(int slot, String value) {
        if (Objects.equals(value, clear(slot))) {
            return false;
        }
        Opened values = open();
        values.clear[slot] = value;
        values.open |= 1 << slot;
        String sealed = seal(ClientSealing.SEALED.get(slot), value);
        switch (slot) {
            case FIRST -> firstName = sealed;
            case LAST -> lastName = sealed;
            case BIRTH -> birthDate = sealed;
            case A_NUMBER -> aNumber = sealed;
            case PHONE -> phone = sealed;
            case STREET -> street = sealed;
            default -> postalCode = sealed;
        }
        return true;
    }

    /** A value sealed under this client's key: a new client's are sealed when it is persisted. */
    private String seal(String column, String value) {
        if (id == null && newKey == null) {
            return null;
        }
        if (value == null) {
            return null;
        }
        return Keyring.encrypt(newKey != null ? newAead() : ClientSealing.keys().keyForWriting(id), column, value);
    }

    private Aead key() {
        return newKey != null ? newAead() : ClientSealing.keys().keyOf(id);
    }

    private Aead newAead() {
        if (newAead == null) {
            newAead = Keyring.aead(newKey);
        }
        return newAead;
    }
}
