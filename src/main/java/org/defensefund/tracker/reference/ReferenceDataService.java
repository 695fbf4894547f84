package org.defensefund.tracker.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads the reference lists that forms offer. Anyone signed in may read them. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReferenceDataService {

    @PersistenceContext
    private EntityManager em;

    /** Active entries of a list, in the fund's order, then by name. */
    public List<ReferenceItem> active(ReferenceList list) {
        return em.createQuery("select r from ReferenceItem r where r.list = :list and r.active = true order by r.sortOrder, r.name",
                        ReferenceItem.class)
                .setParameter("list", list)
                .getResultList();
    }

    /** An entry of the given list by id, or empty if it doesn't exist or belongs to another list. */
    public java.util.Optional<ReferenceItem> find(ReferenceList list, Long id) {
        ReferenceItem item = id == null ? null : em.find(ReferenceItem.class, id);
        return item != null && item.isIn(list) ? java.util.Optional.of(item) : java.util.Optional.empty();
    }

    /** An entry by its list and code, as migrations seed them. */
    public java.util.Optional<ReferenceItem> byCode(ReferenceList list, String code) {
        return em.createQuery("select r from ReferenceItem r where r.list = :list and r.code = :code", ReferenceItem.class)
                .setParameter("list", list)
                .setParameter("code", code)
                .getResultStream().findFirst();
    }

    /**
     * The stored entry for a choice a form made, checked to be of the expected list, so a crafted request
     * can't pass a court off as an outcome. Null stays null.
     */
    public ReferenceItem requireIn(ReferenceList list, ReferenceItem chosen, String field) {
        if (chosen == null) {
            return null;
        }
        ReferenceItem stored = chosen.getId() == null ? null : em.find(ReferenceItem.class, chosen.getId());
        if (stored == null || !stored.isIn(list)) {
            throw new org.defensefund.tracker.shared.BusinessException("reference.wrongList", field);
        }
        return stored;
    }

    public java.util.Optional<Language> language(String code) {
        return java.util.Optional.ofNullable(code == null ? null : em.find(Language.class, code));
    }

    /** Active languages, in the order the fund chose (most requested first), then by name. */
    public List<Language> activeLanguages() {
        return em.createQuery("select l from Language l where l.active = true order by l.sortOrder, l.name", Language.class)
                .getResultList();
    }
}
