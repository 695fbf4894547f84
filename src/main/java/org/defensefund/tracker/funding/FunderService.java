package org.defensefund.tracker.funding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.ConcurrentEditException;
import org.defensefund.tracker.shared.RecordNotFoundException;
import org.defensefund.tracker.shared.list.ListQuery;
import org.defensefund.tracker.shared.list.ListSpec;
import org.defensefund.tracker.shared.list.ListSpec.Match;

/**
 * Funders. Administrators list, record, edit, deactivate and reactivate them; a funder user may read
 * only their own funder; partner staff none. Edits carry the version they were read at, and a stale one
 * is refused. The grants feature builds on this.
 */
@ApplicationScoped
@Transactional
public class FunderService {

    private static final ListSpec<Funder> LIST = new ListSpec<>(Funder.class,
            Map.of("name", Match.CONTAINS, "kind", Match.EQUALS, "active", Match.EQUALS),
            Set.of("name", "kind", "contact.name", "active", "updatedAt"),
            "name");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private FundingAccess access;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Funder> list(ListQuery query) {
        access.requireManager("list funders");
        return LIST.rows(em, query, (cb, root) -> List.of());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(ListQuery query) {
        access.requireManager("count funders");
        return LIST.count(em, query, (cb, root) -> List.of());
    }

    /** One funder, for an administrator or that funder's own users. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Funder find(Long id) {
        if (!access.readsFunder(id)) {
            access.requireManager("read funder " + id);
        }
        Funder funder = id == null ? null : em.find(Funder.class, id);
        if (funder == null) {
            throw new RecordNotFoundException("Funder", id);
        }
        return funder;
    }

    public Funder create(String name, FunderKind kind) {
        return create(new Funder(name, kind));
    }

    /** Records a new funder; the caller's object stays as it was if the save fails. */
    public Funder create(Funder funder) {
        access.requireManager("record funders");
        if (funder.getId() != null) {
            throw new IllegalArgumentException("create takes a new funder");
        }
        requireUniqueName(funder.getName(), null);
        Funder saved = em.merge(funder);
        em.flush();
        return saved;
    }

    /** Saves an edited funder read at its version; a save over someone else's newer save is refused. */
    public Funder update(Funder edited) {
        access.requireManager("edit funders");
        Funder current = em.find(Funder.class, edited.getId());
        if (current == null) {
            throw new RecordNotFoundException("Funder", edited.getId());
        }
        if (current.getVersion() != edited.getVersion()) {
            throw new ConcurrentEditException();
        }
        requireUniqueName(edited.getName(), edited.getId());
        Funder merged = em.merge(edited);
        try {
            em.flush();
        } catch (jakarta.persistence.OptimisticLockException e) {
            throw new ConcurrentEditException();
        }
        return merged;
    }

    /** Takes a funder out of use, or back into use; what refers to it stays. */
    public Funder setActive(Long id, long readVersion, boolean active) {
        access.requireManager(active ? "reactivate funders" : "deactivate funders");
        Funder funder = em.find(Funder.class, id);
        if (funder == null) {
            throw new RecordNotFoundException("Funder", id);
        }
        if (funder.getVersion() != readVersion) {
            throw new ConcurrentEditException();
        }
        funder.setActive(active);
        em.flush();
        return funder;
    }

    /** Active funders by name, for choosing one (a grant's funder). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Funder> active() {
        access.requireManager("list funders");
        return em.createQuery("select f from Funder f where f.active = true order by f.name", Funder.class).getResultList();
    }

    /** The signed-in funder user's own funder. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Funder> own() {
        return access.ownFunder().map(id -> em.find(Funder.class, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Funder> findByName(String name) {
        access.requireManager("look up funders");
        return em.createQuery("select f from Funder f where f.name = :name", Funder.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    /** Whether an active funder has this id; used when binding a user to it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isActive(Long id) {
        Funder funder = id == null ? null : em.find(Funder.class, id);
        return funder != null && funder.isActive();
    }

    private void requireUniqueName(String name, Long exceptId) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw new BusinessException("funder.name.required", "name");
        }
        long same = em.createQuery("select count(f) from Funder f where f.name = :name and (:id is null or f.id <> :id)", Long.class)
                .setParameter("name", trimmed).setParameter("id", exceptId).getSingleResult();
        if (same > 0) {
            throw new BusinessException("funder.name.taken", "name", trimmed);
        }
    }
}
