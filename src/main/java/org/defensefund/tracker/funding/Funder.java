package org.defensefund.tracker.funding;

import java.io.Serializable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A body that gives the fund money: the city, a state agency such as MLAC, a foundation, a person.
 * A funder user is bound to one funder and sees only what that funder's grants pay for. Funders are
 * deactivated, never deleted.
 */
@Entity
@Table(name = "funder")
public class Funder implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank
    @Size(max = 200)
    @Column(nullable = false, unique = true, length = 200)
    private String name;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private FunderKind kind = FunderKind.OTHER;

    @Column(nullable = false)
    private boolean active = true;

    @Version
    private long version;

    protected Funder() {
    }

    public Funder(String name, FunderKind kind) {
        this.name = name;
        this.kind = kind;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public FunderKind getKind() {
        return kind;
    }

    public boolean isActive() {
        return active;
    }

    public long getVersion() {
        return version;
    }
}
