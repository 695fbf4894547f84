package org.defensefund.tracker.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;

/**
 * The reference lists that forms offer. Anyone signed in may read them; administrators extend them:
 * add entries, rename, reorder, deactivate (never delete: cases refer to them). Codes are unique per list
 * and never change once made.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReferenceDataService {

    @PersistenceContext
    private EntityManager em;

    @jakarta.inject.Inject
    private org.defensefund.tracker.access.CurrentUser currentUser;

    @Inject
    private Validator validator;

    /** Every entry of a list, active or not, for the administrator's page. */
    public List<ReferenceItem> all(ReferenceList list) {
        currentUser.requireAdmin("manage reference lists");
        return em.createQuery("select r from ReferenceItem r where r.list = :list order by r.sortOrder, r.name", ReferenceItem.class)
                .setParameter("list", list)
                .getResultList();
    }

    /** Adds an entry to a list. */
    @Transactional
    public ReferenceItem add(ReferenceList list, String code, String name, String detail, int sortOrder,
                             boolean completedInCourt, boolean countsAsSuccess) {
        currentUser.requireAdmin("extend reference lists");
        String cleanCode = code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s-]+", "_");
        if (byCode(list, cleanCode).isPresent()) {
            throw new org.defensefund.tracker.shared.BusinessException("reference.code.taken", "code", cleanCode);
        }
        ReferenceItem item = new ReferenceItem(list, cleanCode, name == null ? null : name.trim());
        item.setDetail(detail == null || detail.isBlank() ? null : detail.trim());
        item.setSortOrder(sortOrder);
        if (list == ReferenceList.OUTCOME) {
            item.setOutcomeFlags(completedInCourt, countsAsSuccess);
        }
        // Its own rules (a code of capitals, digits and _, a name, the columns' lengths) refused before it is
        // written, so the page can say which field is wrong.
        Set<ConstraintViolation<ReferenceItem>> violations = validator.validate(item);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        em.persist(item);
        em.flush();
        return item;
    }

    /** Renames, reorders, activates or deactivates an entry; a stale copy is refused. */
    @Transactional
    public ReferenceItem update(ReferenceItem edited) {
        currentUser.requireAdmin("change reference lists");
        ReferenceItem current = em.find(ReferenceItem.class, edited.getId());
        if (current == null) {
            throw new org.defensefund.tracker.shared.RecordNotFoundException("Reference item", edited.getId());
        }
        if (current.getVersion() != edited.getVersion()) {
            throw new org.defensefund.tracker.shared.ConcurrentEditException();
        }
        current.setName(edited.getName() == null ? null : edited.getName().trim());
        current.setDetail(edited.getDetail());
        current.setSortOrder(edited.getSortOrder());
        current.setActive(edited.isActive());
        em.flush();
        return current;
    }

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


    /** Active languages, in the order the fund chose (most requested first), then by name. */
    public List<Language> activeLanguages() {
        return em.createQuery("select l from Language l where l.active = true order by l.sortOrder, l.name", Language.class)
                .getResultList();
    }
}
