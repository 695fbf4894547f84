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
import org.defensefund.tracker.shared.Languages;

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

    /**
     * The names of a list's items in the other languages, for the administrator's page: item id, then
     * language tag, then name.
     */
    public java.util.Map<Long, java.util.Map<String, String>> translations(ReferenceList list) {
        currentUser.requireAdmin("manage reference lists");
        java.util.Map<Long, java.util.Map<String, String>> names = new java.util.HashMap<>();
        em.createQuery("select t from ReferenceTranslation t, ReferenceItem r where r.id = t.itemId and r.list = :list", ReferenceTranslation.class)
                .setParameter("list", list).getResultList()
                .forEach(t -> names.computeIfAbsent(t.getItemId(), id -> new java.util.TreeMap<>()).put(t.getLanguage(), t.getName()));
        return names;
    }

    /**
     * Sets an item's names in other languages: a name per language tag (of {@link Languages#CATALOGUE}, English
     * excepted: the item's own name is its English one); a blank name removes the translation, so the item is
     * shown by its English name in that language. Administrators only.
     */
    @Transactional
    public void translate(Long itemId, java.util.Map<String, String> namesByLanguage) {
        currentUser.requireAdmin("change reference lists");
        ReferenceItem item = itemId == null ? null : em.find(ReferenceItem.class, itemId);
        if (item == null) {
            throw new org.defensefund.tracker.shared.RecordNotFoundException("Reference item", itemId);
        }
        for (java.util.Map.Entry<String, String> entry : namesByLanguage.entrySet()) {
            String language = entry.getKey();
            if (!Languages.inCatalogue(language) || Languages.ENGLISH.tag().equals(language)) {
                throw new org.defensefund.tracker.shared.BusinessException("reference.translation.language", null, language);
            }
            String name = entry.getValue() == null ? "" : entry.getValue().strip();
            if (name.length() > 200) {
                throw new org.defensefund.tracker.shared.BusinessException("reference.translation.tooLong", "translation_" + language.replace('-', '_'), 200);
            }
            java.util.Optional<ReferenceTranslation> existing = em.createQuery(
                            "select t from ReferenceTranslation t where t.itemId = :item and t.language = :language", ReferenceTranslation.class)
                    .setParameter("item", itemId).setParameter("language", language).getResultStream().findFirst();
            if (name.isEmpty()) {
                existing.ifPresent(em::remove);
            } else if (existing.isPresent()) {
                existing.get().rename(name);
            } else {
                em.persist(new ReferenceTranslation(itemId, language, name));
            }
        }
        em.flush();
    }

    /**
     * Every reference item's name in a language, by item id, for pages shown in it (an item missing here is
     * shown by its English name). Open like the lists themselves: names of courts and case types, no personal data.
     */
    public java.util.Map<Long, String> namesIn(String language) {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        if (language == null || Languages.ENGLISH.tag().equals(language)) {
            return names;
        }
        em.createQuery("select t from ReferenceTranslation t where t.language = :language", ReferenceTranslation.class)
                .setParameter("language", language).getResultList()
                .forEach(t -> names.put(t.getItemId(), t.getName()));
        return names;
    }

    /** Active languages, in the order the fund chose (most requested first), then by name. */
    public List<Language> activeLanguages() {
        return em.createQuery("select l from Language l where l.active = true order by l.sortOrder, l.name", Language.class)
                .getResultList();
    }
}
