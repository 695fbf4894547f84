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

    /** Active languages, in the order the fund chose (most requested first), then by name. */
    public List<Language> activeLanguages() {
        return em.createQuery("select l from Language l where l.active = true order by l.sortOrder, l.name", Language.class)
                .getResultList();
    }
}
