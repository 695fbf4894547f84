package org.defensefund.tracker.clientreminders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.defensefund.tracker.cases.CaseEventKind;
import org.defensefund.tracker.cases.CaseFacts;
import org.defensefund.tracker.cases.ReminderStepTaken;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.EmailAddress;
import org.defensefund.tracker.shared.FundClock;

/**
 * A case's consent to hearing reminders by e-mail: reading it (with its history) and giving or withdrawing it on the
 * case page. Consent is also given on the intake form and the public form ({@link ConsentAtIntake}). Every change is a
 * new {@link ReminderConsent} row (the latest is in force) and a timeline entry of the case ({@link ReminderStepTaken});
 * the address is stored encrypted and never written on the timeline. Who may read and change is {@link ClientReminderAccess}'s.
 * The reminders themselves are {@link ClientReminderPlanner}'s.
 */
@ApplicationScoped
@Transactional
public class ClientReminderService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private FundClock clock;

    @Inject
    private ClientReminderAccess access;

    @Inject
    private Event<ReminderStepTaken> steps;

    /**
     * The consent of a case the caller may read: in force or not, its address, its history newest first, and whether the
     * caller may change it now (who may edit the case, while it is open).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReminderConsentView consent(Long caseId) {
        CaseFacts facts = access.readableCase(caseId);
        List<ReminderConsent> history = history(caseId);
        Optional<ReminderConsent> current = history.stream().findFirst().filter(ReminderConsent::isGiven);
        return new ReminderConsentView(current.isPresent(), current.map(ReminderConsent::getEmail).orElse(null), history,
                access.mayChange(facts) && facts.status().isOpen());
    }

    /**
     * Gives (or renews with another address) the client's consent on the case page, for those who may edit the case; on
     * the timeline. An open case only: a closed or screened-out case gets no reminders.
     */
    public ReminderConsent give(Long caseId, String email) {
        CaseFacts facts = access.changeableCase(caseId);
        if (!facts.status().isOpen()) {
            throw new BusinessException("reminders.caseEnded", null);
        }
        if (email == null || email.isBlank()) {
            throw new BusinessException("reminders.email.required", "reminderEmail");
        }
        if (email.trim().length() > EmailAddress.MAX_LENGTH || !EmailAddress.isValid(email.trim())) {
            throw new BusinessException("reminders.email.invalid", "reminderEmail");
        }
        ReminderConsent consent = ReminderConsent.given(caseId, email, ConsentSource.CASE_PAGE, access.actor(), clock.now());
        em.persist(consent);
        steps.fire(new ReminderStepTaken(caseId, CaseEventKind.REMINDER_CONSENT_GIVEN, ConsentSource.CASE_PAGE.name()));
        em.flush();
        return consent;
    }

    /** Withdraws the client's consent on the case page: no reminder is planned from now on. On the timeline. */
    public ReminderConsent withdraw(Long caseId) {
        access.changeableCase(caseId);
        if (history(caseId).stream().findFirst().filter(ReminderConsent::isGiven).isEmpty()) {
            throw new BusinessException("reminders.notGiven", null);
        }
        ReminderConsent withdrawal = ReminderConsent.withdrawn(caseId, ConsentSource.CASE_PAGE, access.actor(), clock.now());
        em.persist(withdrawal);
        steps.fire(new ReminderStepTaken(caseId, CaseEventKind.REMINDER_CONSENT_WITHDRAWN, ConsentSource.CASE_PAGE.name()));
        em.flush();
        return withdrawal;
    }

    /** A case's consent rows, newest first. */
    private List<ReminderConsent> history(Long caseId) {
        return em.createQuery("select c from ReminderConsent c where c.caseId = :case order by c.id desc", ReminderConsent.class)
                .setParameter("case", caseId).getResultList();
    }

    /** The address of each case whose consent is in force, among the cases given (for the planner; no access check). */
    Map<Long, String> consentedAddresses(Collection<Long> caseIds) {
        Map<Long, String> addresses = new HashMap<>();
        if (caseIds.isEmpty()) {
            return addresses;
        }
        em.createQuery("select c from ReminderConsent c where c.caseId in :cases and c.id = "
                        + "(select max(l.id) from ReminderConsent l where l.caseId = c.caseId)", ReminderConsent.class)
                .setParameter("cases", List.copyOf(caseIds)).getResultList().stream()
                .filter(ReminderConsent::isGiven).forEach(c -> addresses.put(c.getCaseId(), c.getEmail()));
        return addresses;
    }
}
