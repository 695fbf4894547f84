package org.defensefund.tracker.clients;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.defensefund.tracker.access.CallerContext;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.access.PublicChannel;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.RecordNotFoundException;

/**
 * Clients: recording them at intake, the duplicate check (same A-number by its keyed hash, or same name and birth date),
 * and conflicts with partner organizations. Only administrators work here; partner staff see a client
 * only through a case of theirs (the cases feature checks that).
 */
@ApplicationScoped
@Transactional
public class ClientService {

    /** The most namesakes whose birth dates are decrypted and compared in one duplicate check. */
    private static final int NAMESAKES = 500;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private CallerContext caller;

    @Inject
    private PublicChannel publicChannel;

    @Inject
    private ClientKeys keys;

    /**
     * Clients who may be the same person: the same A-number (found by its keyed hash), or the same first
     * and last name (accents, capitals and punctuation ignored) and birth date. Names and birth dates are sealed under
     * each client's key, so the name index finds the clients having every word of both names (by the words' keyed
     * hashes), and their names and birth dates are opened and compared here. Shown at intake before a new client is saved.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Client> possibleDuplicates(Optional<ANumber> aNumber, String firstName, String lastName, LocalDate birthDate) {
        currentUser.requireAdmin("search for duplicate clients");
        boolean byName = firstName != null && !firstName.isBlank() && lastName != null && !lastName.isBlank() && birthDate != null;
        Map<Long, Client> found = new LinkedHashMap<>();
        aNumber.flatMap(this::findByANumber).ifPresent(client -> found.put(client.getId(), client));
        List<String> firstWords = byName ? NameWords.of(firstName) : List.of();
        List<String> lastWords = byName ? NameWords.of(lastName) : List.of();
        if (!firstWords.isEmpty() && !lastWords.isEmpty()) {
            List<String> tokens = NameWords.of(firstName, lastName).stream().map(NameWords::searchToken).toList();
            jakarta.persistence.Query namesakes = em.createNativeQuery("SELECT client_id FROM client_name_word WHERE word IN ("
                    + String.join(", ", java.util.Collections.nCopies(tokens.size(), "?")) + ") GROUP BY client_id HAVING COUNT(*) = "
                    + tokens.size() + " ORDER BY client_id LIMIT " + NAMESAKES);
            for (int i = 0; i < tokens.size(); i++) {
                namesakes.setParameter(i + 1, tokens.get(i));
            }
            List<Long> ids = ((List<?>) namesakes.getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
            if (!ids.isEmpty()) {
                keys.warm(ids);
                em.createQuery("select c from Client c where c.id in :ids order by c.id", Client.class)
                        .setParameter("ids", ids)
                        .getResultStream()
                        .filter(client -> !client.isErased() && firstWords.equals(NameWords.of(client.getFirstName()))
                                && lastWords.equals(NameWords.of(client.getLastName())) && birthDate.equals(client.getBirthDate()))
                        .forEach(client -> found.putIfAbsent(client.getId(), client));
            }
        }
        return found.values().stream().limit(20).toList();
    }

    /** Records a new client; a known A-number is refused so that the user links the existing client instead. */
    public Client create(Client client, Optional<ANumber> aNumber) {
        currentUser.requireAdmin("record clients");
        if (client.getId() != null) {
            throw new IllegalArgumentException("create takes a new client");
        }
        aNumber.ifPresent(number -> {
            if (findByANumber(number).isPresent()) {
                throw new BusinessException("client.aNumber.taken", "aNumber", number.display());
            }
        });
        client.setANumber(aNumber.orElse(null));
        em.persist(client);
        return client;
    }

    /**
     * Records the new client of a referral sent through the public form ({@link PublicChannel}): no A-number, no
     * look-up and no link to a known client, which the fund's screener does at intake; it only creates. Refused
     * outside such a submission, whoever the caller is.
     */
    public Client createFromPublicForm(Client client) {
        publicChannel.requireSubmission("record clients");
        if (client.getId() != null) {
            throw new IllegalArgumentException("createFromPublicForm takes a new client");
        }
        client.setANumber(null);
        em.persist(client);
        return client;
    }

    /** A client by id, for an administrator. Partner staff reach clients only through their cases. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Client find(Long id) {
        currentUser.requireAdmin("open client records");
        Client client = id == null ? null : em.find(Client.class, id);
        if (client == null) {
            throw new RecordNotFoundException("Client", id);
        }
        return client;
    }

    /**
     * The client with this A-number, found by its keyed hash (the column of digits is encrypted);
     * administrators only (it is a whole client record).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Client> findByANumber(ANumber number) {
        currentUser.requireAdmin("look clients up by A-number");
        return em.createQuery("select c from Client c where c.aNumberHash = :hash", Client.class)
                .setParameter("hash", number.keyedHash())
                .getResultStream().findFirst();
    }

    /**
     * Erases a client's personal data for good by destroying their own key ({@link ClientKeys#destroy}): what is
     * encrypted under it can never be read again, and reading it says "erased". The caller (retention, the emergency
     * purge) records the erasure in the audit trail. Administrators and the system's own jobs only.
     */
    public void destroyKey(Long clientId) {
        currentUser.requireAdmin("erase a client's personal data");
        keys.destroy(find(clientId).getId());
    }

    /**
     * Erases many clients' personal data at once by destroying their keys ({@link ClientKeys#destroyAll}, 1,000 clients a
     * statement); returns how many keys were destroyed now. Administrators and the system's own jobs only.
     */
    public int destroyKeys(Collection<Long> clientIds) {
        currentUser.requireAdmin("erase clients' personal data");
        return keys.destroyAll(clientIds);
    }

    /** Records that a partner must not get this client's cases. */
    public ClientConflict recordConflict(Long clientId, Long partnerId, String note) {
        currentUser.requireAdmin("record conflicts");
        Client client = find(clientId);
        if (conflictedPartners(clientId).contains(partnerId)) {
            throw new BusinessException("client.conflict.exists", "partner");
        }
        ClientConflict conflict = new ClientConflict(client, partnerId, note, caller.callerName().orElse(CallerContext.SYSTEM));
        em.persist(conflict);
        return conflict;
    }

    /** The partners that must not get this client's cases. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<Long> conflictedPartners(Long clientId) {
        return Set.copyOf(em.createQuery("select c.partnerId from ClientConflict c where c.client.id = :client", Long.class)
                .setParameter("client", clientId)
                .getResultList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ClientConflict> conflicts(Long clientId) {
        currentUser.requireAdmin("read conflicts");
        return em.createQuery("select c from ClientConflict c where c.client.id = :client order by c.recordedAt", ClientConflict.class)
                .setParameter("client", clientId)
                .getResultList();
    }
}
