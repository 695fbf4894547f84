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
