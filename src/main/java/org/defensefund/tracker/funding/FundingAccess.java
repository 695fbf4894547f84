package org.defensefund.tracker.funding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.cases.CaseFacts;
import org.defensefund.tracker.cases.CaseFactsService;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.RecordNotFoundException;

/**
 * Who may reach which part of the money, in one place for every funding service (the counterpart of the
 * cases' access rule):
 * <ul>
 * <li>administrators reach everything and are the only ones who change money: record and edit funders and
 * grants, award and amend sub-awards, charge cases, approve, reject and pay costs, and read the fund-wide
 * lists (cost queue, payments, alerts);</li>
 * <li>partner staff reach only their own organization's sub-awards, their figures and their costs, and record
 * costs on their own organization's cases;</li>
 * <li>a funder's users reach only that funder, its grants, their sub-awards and their figures (added up);
 * never a list of cases or costs;</li>
 * <li>anyone else nothing.</li>
 * </ul>
 * A case is reached only through the cases feature ({@link CaseFactsService}), under its own rule.
 * Lists are scoped here too ({@link #listedFunder}, {@link #ownPartner}), so the rule is part of the query.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class FundingAccess {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private CaseFactsService caseFacts;

    /** Whether the caller manages the fund's money (records grants, awards, charges, decides costs). */
    boolean managesMoney() {
        return currentUser.isAdmin();
    }

    /** Refuses unless the caller manages the fund's money. */
    void requireManager(String action) {
        currentUser.requireAdmin(action);
    }

    /** The grant if the caller may read it: an administrator, or a user of its funder; 404 or 403 otherwise. */
    Grant readableGrant(Long grantId) {
        Grant grant = grantId == null ? null : em.find(Grant.class, grantId);
        if (grant == null) {
            throw new RecordNotFoundException("Grant", grantId);
        }
        requireReadable(grant);
        return grant;
    }

    void requireReadable(Grant grant) {
        if (managesMoney() || isCallersFunder(grant.getFunder().getId())) {
            return;
        }
        throw new AccessDeniedException("caller may not read grant " + grant.getId());
    }

    /**
     * The sub-award if the caller may read it: an administrator, the staff of its partner, or a user of its
     * grant's funder; 404 or 403 otherwise.
     */
    SubAward readableSubAward(Long subAwardId) {
        SubAward subAward = subAwardId == null ? null : em.find(SubAward.class, subAwardId);
        if (subAward == null) {
            throw new RecordNotFoundException("SubAward", subAwardId);
        }
        if (isCallersPartner(subAward.getPartnerId())) {
            return subAward;
        }
        requireReadable(subAward.getGrant());
        return subAward;
    }

    /**
     * The sub-award if the caller may read the costs paid from it, which name cases: an administrator or the
     * staff of its partner. A funder reads the sub-award's figures, never its list of cases.
     */
    SubAward subAwardWithCosts(Long subAwardId) {
        SubAward subAward = readableSubAward(subAwardId);
        if (!managesMoney() && !isCallersPartner(subAward.getPartnerId())) {
            throw new AccessDeniedException("caller may not list the costs of sub-award " + subAwardId);
        }
        return subAward;
    }

    /**
     * The funder whose grants the caller may list: empty for an administrator (every funder), the caller's own
     * for a funder user; anyone else may not list grants.
     */
    Optional<Long> listedFunder() {
        if (managesMoney()) {
            return Optional.empty();
        }
        if (currentUser.isFunder()) {
            return Optional.of(currentUser.funderId()
                    .orElseThrow(() -> new AccessDeniedException("funder account bound to no funder")));
        }
        throw new AccessDeniedException("caller may not list grants");
    }

    /** Whether the caller reads the funder: an administrator, or one of its own users. */
    boolean readsFunder(Long funderId) {
        return managesMoney() || isCallersFunder(funderId);
    }

    /** The caller's own funder, for a funder user. */
    Optional<Long> ownFunder() {
        return currentUser.isFunder() ? currentUser.funderId() : Optional.empty();
    }

    /** Whether the caller has sub-awards of their own: partner staff. */
    boolean hasOwnSubAwards() {
        return currentUser.isPartnerStaff() && currentUser.partnerId().isPresent();
    }

    /** The caller's own partner organization, whose sub-awards they read; only partner staff have one. */
    Long ownPartner() {
        if (!currentUser.isPartnerStaff()) {
            throw new AccessDeniedException("only partner staff have sub-awards of their own");
        }
        return currentUser.partnerId().orElseThrow(() -> new AccessDeniedException("partner staff account bound to no partner"));
    }

    /** The facts of a case whose funding the caller may read, under the cases' own access rule. */
    CaseFacts readableCase(Long caseId) {
        return caseFacts.facts(caseId);
    }

    /** Whether the caller may record costs on the case: an administrator, or staff of the case's partner. */
    boolean recordsCostsOn(CaseFacts facts) {
        return managesMoney() || isCallersPartner(facts.partnerId());
    }

    /** The case if the caller may record costs on it; 404 or 403 otherwise. */
    CaseFacts caseForCosts(Long caseId) {
        CaseFacts facts = readableCase(caseId);
        if (!recordsCostsOn(facts)) {
            throw new AccessDeniedException("caller may not record costs of partner " + facts.partnerId());
        }
        return facts;
    }

    private boolean isCallersPartner(Long partnerId) {
        return partnerId != null && currentUser.isPartnerStaff() && currentUser.partnerId().filter(partnerId::equals).isPresent();
    }

    private boolean isCallersFunder(Long funderId) {
        return funderId != null && currentUser.isFunder() && currentUser.funderId().filter(funderId::equals).isPresent();
    }
}
