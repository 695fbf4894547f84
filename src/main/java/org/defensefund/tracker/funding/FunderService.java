package org.defensefund.tracker.funding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.shared.BusinessException;

/**
 * Funders. Recording one is an administrator's act; a funder user may read only their own funder.
 * The grants feature builds on this.
 */
@ApplicationScoped
@Transactional
public class FunderService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    public Funder create(String name, FunderKind kind) {
        currentUser.requireAdmin("record funders");
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw new BusinessException("funder.name.required", "name");
        }
        Long same = em.createQuery("select count(f) from Funder f where f.name = :name", Long.class)
                .setParameter("name", trimmed).getSingleResult();
        if (same > 0) {
            throw new BusinessException("funder.name.taken", "name", trimmed);
        }
        Funder funder = new Funder(trimmed, kind);
        em.persist(funder);
        return funder;
    }

    /** The signed-in funder user's own funder. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Funder> own() {
        return currentUser.funderId().map(id -> em.find(Funder.class, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Funder> findByName(String name) {
        currentUser.requireAdmin("look up funders");
        return em.createQuery("select f from Funder f where f.name = :name", Funder.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    /** Whether an active funder has this id; used when binding a user to it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isActive(Long id) {
        Funder funder = em.find(Funder.class, id);
        return funder != null && funder.isActive();
    }
}
