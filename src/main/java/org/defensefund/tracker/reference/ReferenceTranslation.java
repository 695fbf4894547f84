package org.defensefund.tracker.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import org.defensefund.tracker.shared.NamedRecord;

/**
 * The name of a {@link ReferenceItem} in a language other than English ({@code es}, {@code ht}, {@code pt-BR}),
 * kept by administrators. Pages in that language show it; an item without one is shown by its own name. One per
 * item and language.
 */
@Entity
@Table(name = "reference_item_translation")
public class ReferenceTranslation implements Serializable, NamedRecord {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "item_id", nullable = false, updatable = false)
    private Long itemId;

    @Column(nullable = false, length = 10, updatable = false)
    private String language;

    @NotBlank(message = "{reference.name.required}")
    @Size(max = 200, message = "{field.tooLong}")
    @Column(nullable = false, length = 200)
    private String name;

    @Version
    private long version;

    protected ReferenceTranslation() {
    }

    ReferenceTranslation(Long itemId, String language, String name) {
        this.itemId = itemId;
        this.language = language;
        this.name = name;
    }

    void rename(String newName) {
        this.name = newName;
    }

    public Long getId() {
        return id;
    }

    public Long getItemId() {
        return itemId;
    }

    public String getLanguage() {
        return language;
    }

    public String getName() {
        return name;
    }

    @Override
    public String recordName() {
        return name + " (" + language + ")";
    }
}
