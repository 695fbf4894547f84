package org.defensefund.tracker.partners;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.ConcurrentEditException;
import org.defensefund.tracker.shared.RecordNotFoundException;
import org.defensefund.tracker.shared.list.ListQuery;
import org.defensefund.tracker.shared.list.ListSpec;
import org.defensefund.tracker.shared.list.ListSpec.Match;

/**
 * The fund's partner organizations. Administrators list, record, edit, deactivate and reactivate them;
 * partner staff may read only their own organization. Every rule is enforced here, whatever page or
 * request calls. Edits carry the version they were read at: a save over someone else's newer save is
 * refused with {@link ConcurrentEditException}, and the caller's copy is left as it was.
 */
@ApplicationScoped
@Transactional
public class PartnerService {

    /** What the partner list may filter and sort by. */
    private static final ListSpec<PartnerOrganization> LIST = new ListSpec<>(PartnerOrganization.class,
            Map.of("name", Match.CONTAINS, "contact.name", Match.CONTAINS, "address.city", Match.CONTAINS, "active", Match.EQUALS),
            Set.of("name", "contact.name", "address.city", "caseCapacity", "active", "updatedAt"),
            "name");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    /** One page of partners, paged, sorted and filtered by the database. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PartnerOrganization> list(ListQuery query) {
        currentUser.requireAdmin("list partner organizations");
        return LIST.rows(em, query, (cb, root) -> List.of());
    }

    /** How many partners match the query's filters. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(ListQuery query) {
        currentUser.requireAdmin("count partner organizations");
        return LIST.count(em, query, (cb, root) -> List.of());
    }

    /** One partner, for an administrator or that partner's own staff. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PartnerOrganization find(Long id) {
        currentUser.requirePartnerOf(id, "read");
        PartnerOrganization partner = id == null ? null : em.find(PartnerOrganization.class, id);
        if (partner == null) {
            throw new RecordNotFoundException("Partner organization", id);
        }
        return partner;
    }

    /** The signed-in partner user's own organization. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PartnerOrganization> own() {
        return currentUser.partnerId().filter(id -> currentUser.isPartnerStaff()).map(this::find);
    }

    /** Records a new partner organization. */
    public PartnerOrganization create(PartnerOrganization partner) {
        currentUser.requireAdmin("record partner organizations");
        if (partner.getId() != null) {
            throw new IllegalArgumentException("create takes a new partner, not " + partner.getId());
        }
        requireUniqueName(partner.getName(), null);
        // merge, not persist: the caller's object stays as it was if the save fails, ready to correct and resubmit.
        PartnerOrganization saved = em.merge(partner);
        flushOrExplain(partner.getName());
        return saved;
    }

    /**
     * Saves an edited partner. The partner carries the version it was read at; if someone saved it
     * since, nothing is saved and {@link ConcurrentEditException} is thrown. Returns the saved state.
     */
    public PartnerOrganization update(PartnerOrganization edited) {
        currentUser.requireAdmin("edit partner organizations");
        PartnerOrganization current = em.find(PartnerOrganization.class, edited.getId());
        if (current == null) {
            throw new RecordNotFoundException("Partner organization", edited.getId());
        }
        if (current.getVersion() != edited.getVersion()) {
            throw new ConcurrentEditException();
        }
        requireUniqueName(edited.getName(), edited.getId());
        PartnerOrganization merged = em.merge(edited);
        flushOrExplain(edited.getName());
        return merged;
    }

    /** Takes a partner out of use: no new cases or users; what refers to it stays. */
    public PartnerOrganization deactivate(Long id, long readVersion) {
        return changeStatus(id, readVersion, false);
    }

    public PartnerOrganization reactivate(Long id, long readVersion) {
        return changeStatus(id, readVersion, true);
    }

    /** Every active partner, by name, for choosing one (offers, accounts). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PartnerOrganization> active() {
        currentUser.requireAdmin("list partner organizations");
        return em.createQuery("select p from PartnerOrganization p where p.active = true order by p.name", PartnerOrganization.class)
                .getResultList();
    }

    /** Names of all partners by id (active or not), for showing the partner of many cases with one query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, String> names() {
        currentUser.requireAdmin("list partner organizations");
        Map<Long, String> names = new java.util.HashMap<>();
        em.createQuery("select p.id, p.name from PartnerOrganization p", Object[].class).getResultList()
                .forEach(row -> names.put((Long) row[0], (String) row[1]));
        return names;
    }

    /**
     * Names of the given partners by id, for showing the partner of records the caller was already
     * allowed to read (a funder's sub-awards, a partner's own); a partner's name is no secret.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, String> namesOf(java.util.Collection<Long> ids) {
        if (!currentUser.isSignedIn()) {
            throw new org.defensefund.tracker.shared.AccessDeniedException("anonymous caller may not read partner names");
        }
        Map<Long, String> names = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        em.createQuery("select p.id, p.name from PartnerOrganization p where p.id in :ids", Object[].class).setParameter("ids", ids)
                .getResultList().forEach(row -> names.put((Long) row[0], (String) row[1]));
        return names;
    }

    /** Whether an active partner has this id; used when binding a user or a case to it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isActive(Long id) {
        PartnerOrganization partner = id == null ? null : em.find(PartnerOrganization.class, id);
        return partner != null && partner.isActive();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean nameTaken(String name, Long exceptId) {
        return em.createQuery("select count(p) from PartnerOrganization p where p.name = :name and (:id is null or p.id <> :id)", Long.class)
                .setParameter("name", name == null ? "" : name.trim())
                .setParameter("id", exceptId)
                .getSingleResult() > 0;
    }

    private PartnerOrganization changeStatus(Long id, long readVersion, boolean active) {
        currentUser.requireAdmin(active ? "reactivate partner organizations" : "deactivate partner organizations");
        PartnerOrganization partner = em.find(PartnerOrganization.class, id);
        if (partner == null) {
            throw new RecordNotFoundException("Partner organization", id);
        }
        if (partner.getVersion() != readVersion) {
            throw new ConcurrentEditException();
        }
        if (active) {
            partner.reactivate();
        } else {
            partner.deactivate();
        }
        em.flush();
        return partner;
    }

    private void requireUniqueName(String name, Long exceptId) {
        if (nameTaken(name, exceptId)) {
            throw new BusinessException("partner.name.taken", "name", name);
        }
    }

    /** Flushes now, so that a lost race on the unique name or the version is told, not logged. */
    private void flushOrExplain(String name) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentEditException();
        } catch (PersistenceException e) {
            if (nameTaken(name, null)) {
                throw new BusinessException("partner.name.taken", "name", name);
            }
            throw e;
        }
    }
}
