package org.defensefund.tracker.reference;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import org.defensefund.tracker.shared.NamedRecord;

/**
 * A language a client speaks or a partner's staff work in, keyed by a short code (ISO 639 where one
 * exists, e.g. {@code es}, {@code ht}, {@code kea} for Cape Verdean Creole). Seeded by a migration;
 * inactive languages stay on old records but aren't offered for new ones.
 */
@Entity
@Cacheable
@Table(name = "language")
public class Language implements Serializable, NamedRecord {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(length = 12)
    private String code;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    protected Language() {
    }

    public Language(String code, String name) {
        this.code = code;
        this.name = name;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public boolean isActive() {
        return active;
    }

    /**
     * The language's name for a page in {@code page}: the fund's own (English) name on an English page, else the
     * name Java's locale data (CLDR) gives it in that language, or the fund's name where Java doesn't know the
     * language (Mam, Q'anjob'al, American Sign Language) or has no name for it in that language.
     */
    public String nameIn(java.util.Locale page) {
        if (page == null || "en".equals(page.getLanguage())) {
            return name;
        }
        java.util.Locale spoken = java.util.Locale.forLanguageTag(code);
        String inPage = spoken.getDisplayLanguage(page);
        if (inPage.isBlank() || inPage.equalsIgnoreCase(code) || inPage.equals(spoken.getDisplayLanguage(java.util.Locale.ENGLISH))) {
            return name;
        }
        return inPage.substring(0, 1).toUpperCase(page) + inPage.substring(1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Language language && Objects.equals(code, language.code);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(code);
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
