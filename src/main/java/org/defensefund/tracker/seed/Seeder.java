package org.defensefund.tracker.seed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.defensefund.tracker.access.Role;
import org.defensefund.tracker.cases.CaseTextSealingAtStart;
import org.defensefund.tracker.dashboards.DashboardReadModel;
import org.defensefund.tracker.funding.CostCategory;
import org.defensefund.tracker.funding.FunderKind;
import org.defensefund.tracker.funding.ReportingSchedule;
import org.defensefund.tracker.partners.PracticeArea;
import org.defensefund.tracker.shared.Connections;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.Settings;
import org.defensefund.tracker.shared.TableBatch;
import org.defensefund.tracker.shared.pii.PiiCipher;

/**
 * Fills a database with a believable, synthetic fund through the real schema: about twenty partner
 * organizations, the city, MLAC and foundations as funders with a grant a year (with restrictions) and
 * sub-awards to partners (each with its first amendment row, as {@code GrantService.award} writes it),
 * clients whose personal data is encrypted with the application's {@link PiiCipher}, cases at every status
 * with their whole history (see {@link CaseStories}), and the bench accounts of {@link BenchAccounts}.
 *
 * <p>It only adds: existing rows are never changed or deleted (the names of seeded partners, funders and grants
 * carry "(seeded)" and the run's number; the demo partner and funder, when present, are reused by name and given a
 * large share). It refuses a database the application last started on in production mode, and records that the
 * database now holds synthetic data ({@link InstanceMarker}). Ids are taken past the tables' current maximum and
 * the case number sequence is moved past the numbers used, so the application carries on after it.
 *
 * <p>Fast: cases are generated in chunks, each from its own random source (so threads don't change the data),
 * and written with multi-row inserts, one transaction per chunk. Plain JDBC and Java SE: it runs standalone
 * ({@link SeedCommand}) and inside the server (demo mode's first start).
 */
public final class Seeder {

    /**
     * What to make: {@code cases} cases over {@code years} years back to {@code today}, from {@code seed}, written by
     * {@code threads} threads (1: in the calling thread).
     */
    public record Options(int cases, long seed, int years, LocalDate today, int threads) {

        public Options {
            if (cases < 1 || years < 1 || threads < 1) {
                throw new IllegalArgumentException("cases, years and threads must be positive");
            }
        }

        /** The defaults of the command: five years to today (UTC), three threads. */
        public static Options of(int cases, long seed) {
            return new Options(cases, seed, 5, LocalDate.now(FundClock.current()), 3);
        }
    }

    /** What a run made and how long it took. */
    public record Report(int cases, long rows, Duration took) {
    }

    static final String DEMO_PARTNER = "Demo Immigrant Legal Services";
    static final String DEMO_FUNDER = "Demo City Office for Immigrant Advancement";
    static final int CHUNK = 5_000;

    /** The tables a run fills, whose index statistics are taken again at its end. */
    private static final List<String> ANALYZED = List.of("client", "client_name_word", "legal_case", "case_offer", "hearing",
            "custody_event", "relief_application", "case_charge", "case_cost", "disbursement", "case_event", "case_fact",
            "dashboard_tally", "spend_tally", "sub_award", "user_account");
    private static final SecureRandom SALTS = new SecureRandom();

    private static final String[] PARTNER_NAMES = {"Harborview Immigrant Defenders", "North Shore Immigration Law Collaborative",
            "Merrimack Valley Legal Aid for Immigrants", "Dorchester Community Legal Center", "Chelsea Immigrant Rights Law Office",
            "Worcester Refugee Legal Services", "South Coast Immigrant Justice", "Brockton Family Defense Project",
            "Metrowest Immigration Advocates", "Pioneer Valley Immigrant Legal Network", "East Boston Defense Collective",
            "Lowell Newcomer Legal Services", "Cape Verdean Community Law Project", "Haitian Legal Advocacy Center",
            "Asylum Survivors Legal Clinic", "Children's Immigration Law Project", "Detention Response Attorneys of New England",
            "Lawrence Latino Legal Defense", "Framingham Brazilian Legal Assistance", "Somerville-Cambridge Immigrant Counsel"};
    private static final String[] PARTNER_CITIES = {"Boston", "Lynn", "Lawrence", "Boston", "Chelsea", "Worcester", "New Bedford",
            "Brockton", "Framingham", "Springfield", "Boston", "Lowell", "Brockton", "Boston", "Cambridge", "Boston", "Boston",
            "Lawrence", "Framingham", "Somerville"};
    private static final String[][] PARTNER_LANGUAGES = {{"es", "pt", "ht"}, {"es"}, {"es", "quc"}, {"es", "kea", "ht"}, {"es", "mam"},
            {"es", "ar", "sw", "fr"}, {"pt", "kea", "es"}, {"kea", "ht", "pt"}, {"pt", "es"}, {"es", "ru", "uk"}, {"es"}, {"es", "km", "pt"},
            {"kea", "pt"}, {"ht", "fr"}, {"es", "prs", "ps", "fa", "am", "ti"}, {"es", "quc", "mam", "kjb"}, {"es", "pt", "ht", "fr"},
            {"es"}, {"pt"}, {"es", "pt", "zh", "vi"}};
    private static final String[] ATTORNEY_FIRST = {"Alicia", "Benjamin", "Claudia", "Daniel", "Erica", "Felipe", "Grace", "Hannah",
            "Isaac", "Julia", "Kwame", "Laura", "Marcus", "Natalia", "Owen", "Patricia", "Rafael", "Samira", "Thomas", "Valentina"};
    private static final String[] ATTORNEY_LAST = {"Abrams", "Barbosa", "Chen", "Delgado", "Eriksen", "Fitzgerald", "Gallagher",
            "Hoang", "Ibrahim", "Jensen", "Kaplan", "Lindqvist", "McCarthy", "Nakamura", "O'Brien", "Pires", "Quinlan", "Rosen",
            "Sullivan", "Teixeira"};

    /** A funder of the run and its yearly grant's terms. */
    private record FunderTemplate(String name, FunderKind kind, String program, ReportingSchedule schedule, int preference,
                                  Set<String> caseTypes, Set<String> reliefTypes, boolean detainedOnly, Set<String> municipalities,
                                  BigDecimal maxPerCase, Set<CostCategory> excluded) {
    }

    private static final List<FunderTemplate> FUNDERS = List.of(
            new FunderTemplate("City of Boston Office for Immigrant Advancement", FunderKind.CITY, "Boston Immigrant Defense",
                    ReportingSchedule.QUARTERLY, 2, Set.of(), Set.of(), false, Set.of("Boston"), new BigDecimal("12000.00"),
                    EnumSet.of(CostCategory.TRAVEL)),
            new FunderTemplate("Massachusetts Legal Assistance Corporation", FunderKind.STATE_AGENCY, "Detained Removal Defense",
                    ReportingSchedule.SEMIANNUAL, 2, Set.of(), Set.of(), true, Set.of(), new BigDecimal("15000.00"), EnumSet.noneOf(CostCategory.class)),
            new FunderTemplate("Hopewell Foundation for Immigrant Justice", FunderKind.FOUNDATION, "Removal Defense",
                    ReportingSchedule.ANNUAL, 1, Set.of("RMV", "AOC", "WHO"), Set.of(), false, Set.of(), null, EnumSet.of(CostCategory.EXPERT)),
            new FunderTemplate("Commonwealth Children's Fund", FunderKind.FOUNDATION, "Children and Asylum Seekers",
                    ReportingSchedule.ANNUAL, 3, Set.of(), Set.of("SIJS", "ASYLUM"), false, Set.of(), new BigDecimal("10000.00"),
                    EnumSet.noneOf(CostCategory.class)),
            new FunderTemplate("Friends of the Defense Fund", FunderKind.INDIVIDUAL, "General Support",
                    ReportingSchedule.END_OF_GRANT, 1, Set.of(), Set.of(), false, Set.of(), null, EnumSet.noneOf(CostCategory.class)));
    private static final FunderTemplate DEMO_FUNDER_GRANT = new FunderTemplate(DEMO_FUNDER, FunderKind.CITY, "Defense Fund Grant",
            ReportingSchedule.QUARTERLY, 4, Set.of(), Set.of(), false, Set.of(), new BigDecimal("12000.00"), EnumSet.noneOf(CostCategory.class));

    private final PiiCipher cipher;
    private final Options options;
    private final Consumer<String> progress;

    public Seeder(PiiCipher cipher, Options options, Consumer<String> progress) {
        this.cipher = cipher;
        this.options = options;
        this.progress = progress;
    }


    /** Seeds the database; refuses ({@link SeedRefusedException}) one last started in production mode. */
    public Report seed(Connections connections) throws SQLException, InterruptedException {
        long started = System.nanoTime();
        Instant now = Instant.now(FundClock.current());
        FundPlan plan;
        List<PendingSubAward> pending = new ArrayList<>();
        boolean noCaseBefore;
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(false);
            InstanceMarker.requireNotProduction(connection);
            try (Statement statement = connection.createStatement(); ResultSet any = statement.executeQuery("SELECT 1 FROM legal_case LIMIT 1")) {
                noCaseBefore = !any.next();
            }
            int run = InstanceMarker.seedRuns(connection) + 1;
            plan = prepare(connection, run, now, pending);
            connection.commit();
        }
        progress.accept(String.format("Prepared %d partners, %d sub-awards; writing %,d cases with %d thread(s)",
                plan.partners.size(), plan.subAwards.size(), options.cases(), options.threads()));
        long[] approved = new long[plan.subAwards.size()];
        AtomicLong rows = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicLong generating = new AtomicLong();
        AtomicLong writing = new AtomicLong();
        List<CaseStories.Scenario> scenarios = scenarios(plan);
        int chunks = (options.cases() + CHUNK - 1) / CHUNK;
        ExecutorService pool = options.threads() == 1 ? null : Executors.newFixedThreadPool(options.threads());
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int chunk = 0; chunk < chunks; chunk++) {
                int number = chunk;
                java.util.concurrent.Callable<long[]> work = () -> {
                    long first = (long) number * CHUNK;
                    int count = (int) Math.min(CHUNK, options.cases() - first);
                    long startedChunk = System.nanoTime();
                    CaseStories stories = new CaseStories(plan, cipher, scenarios);
                    stories.tell(first, count, CaseStories.randomOf(options.seed(), number));
                    generating.addAndGet(System.nanoTime() - startedChunk);
                    long written = 0;
                    try (Connection connection = connections.open()) {
                        connection.setAutoCommit(false);
                        // The rows refer only to rows written before them or in this chunk (SeederIT checks the
                        // invariants); checking every reference again would double the database's work.
                        try (Statement session = connection.createStatement()) {
                            session.execute("SET SESSION foreign_key_checks = 0");
                            try {
                                for (TableBatch table : stories.tables()) {
                                    written += table.writeTo(connection);
                                }
                                connection.commit();
                            } finally {
                                // A pooled connection (the demo's first start, the tests) goes back as it came.
                                session.execute("SET SESSION foreign_key_checks = 1");
                            }
                        }
                    }
                    writing.addAndGet(System.nanoTime() - startedChunk);
                    rows.addAndGet(written);
                    long total = done.addAndGet(count);
                    if (total % 100_000 < CHUNK || total == options.cases()) {
                        progress.accept(String.format("  %,d cases, %,d rows, %.1f s (threads busy generating %.1f s, in all %.1f s)",
                                total, rows.get(), (System.nanoTime() - started) / 1e9, generating.get() / 1e9, writing.get() / 1e9));
                    }
                    return stories.approvedCents;
                };
                if (pool == null) {
                    results.add(java.util.concurrent.CompletableFuture.completedFuture(work.call()));
                } else {
                    results.add(pool.submit(work));
                }
            }
            for (Future<long[]> result : results) {
                long[] cents = result.get();
                for (int i = 0; i < cents.length; i++) {
                    approved[i] += cents[i];
                }
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException("seeding failed", e.getCause());
        } catch (SQLException | RuntimeException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("seeding failed", e);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(false);
            rows.addAndGet(finish(connection, plan, pending, approved, now));
            connection.commit();
        }
        // The dashboards' read models (each case's facts and the tally, money per sub-award and month) made again
        // from the base tables, as the application would have kept them had it written the rows itself, in the fund's
        // time zone, with the seeder's threads. The name search index and the cases' sort names were written with the
        // rows, by the functions the application uses (NameWords.tokens, ClientSealing.sortName, CaseSortNames.of), and the clients' personal data sealed under their own keys as the application seals it.
        long building = System.nanoTime();
        DashboardReadModel.rebuild(connections, new Settings().zone(), options.threads());
        progress.accept(String.format("  dashboards' read models made again in %.1f s", (System.nanoTime() - building) / 1e9));
        try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
            // Statistics taken before a bulk load make the optimizer pick scans (a name search of a million cases
            // read a whole index): sample every table written again.
            statement.execute("ANALYZE TABLE " + String.join(", ", ANALYZED));
        }
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(false);
            InstanceMarker.recordSeeding(connection, options.cases(), now);
            // The deadlines of the cases written here are computed by the application at its next start, by its own
            // rules (deadlines.DeadlinesAtStart): mark those computed so far out of date.
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE deadline_computation SET rules_version = 0");
            }
            // The cases' texts were written sealed under their clients' keys: into a database that had no case before,
            // there is nothing in clear for the application's start to look for (cases.CaseTextSealingAtStart).
            if (noCaseBefore) {
                CaseTextSealingAtStart.markSealed(connection, 0);
            }
            connection.commit();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        progress.accept(String.format("Seeded %,d cases (%,d rows) in %.1f s", options.cases(), rows.get(), took.toMillis() / 1000.0));
        return new Report(options.cases(), rows.get(), took);
    }

    /** A sub-award written with a placeholder amount, sized at the end from the costs approved on it. */
    private record PendingSubAward(long id, long grantId, LocalDate start, LocalDate end, String partnerName) {
    }

    private FundPlan prepare(Connection connection, int run, Instant now, List<PendingSubAward> pending) throws SQLException {
        String suffix = run == 1 ? " (seeded)" : " (seeded " + run + ")";
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        SplittableRandom random = CaseStories.randomOf(options.seed(), -1);
        Map<String, Long> referenceIds = new HashMap<>();
        Map<Long, String> referenceNames = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet items = statement.executeQuery("SELECT id, list_name, code, name FROM reference_item")) {
            while (items.next()) {
                referenceIds.put(items.getString(2) + ":" + items.getString(3), items.getLong(1));
                referenceNames.put(items.getLong(1), items.getString(4));
            }
        }
        Set<String> languages = new java.util.HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet items = statement.executeQuery("SELECT code FROM language")) {
            while (items.next()) {
                languages.add(items.getString(1));
            }
        }
        long partnerId = max(connection, "partner_organization");
        long funderId = max(connection, "funder");
        long grantId = max(connection, "grant_award");
        long subAwardId = max(connection, "sub_award");
        List<String> admins = new ArrayList<>();
        for (int n = 1; n <= BenchAccounts.COUNT; n++) {
            admins.add(BenchAccounts.email(Role.ADMIN, n));
        }

        // Partners: the run's twenty, the first with a large share; the demo partner, if there is one, too.
        TableBatch partnerRows = new TableBatch("partner_organization", "id", "name", "contact_name", "email", "phone", "street",
                "city", "state", "postal_code", "case_capacity", "notes", "active", "created_at", "updated_at");
        TableBatch partnerLanguages = new TableBatch("partner_language", "partner_id", "language_code");
        TableBatch practiceAreas = new TableBatch("partner_practice_area", "partner_id", "practice_area");
        List<Long> partnerIds = new ArrayList<>();
        List<String> partnerNames = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        List<Boolean> detainedPractice = new ArrayList<>();
        for (int p = 0; p < PARTNER_NAMES.length; p++) {
            long id = ++partnerId;
            String name = PARTNER_NAMES[p] + suffix;
            boolean detained = p % 3 != 2;
            int capacity = Math.max(25, options.cases() / (p == 0 ? 12 : 60));
            partnerRows.add(id, name, ATTORNEY_FIRST[p] + " " + ATTORNEY_LAST[(p + 7) % ATTORNEY_LAST.length],
                    "intake@" + PARTNER_NAMES[p].toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-") + ".test",
                    "617-555-02" + String.format("%02d", p), (10 + p * 7) + " Main St", PARTNER_CITIES[p], "MA", "02" + (100 + p),
                    capacity, "Synthetic partner made by the seeder.", true, at, at);
            Set<String> speaks = new java.util.TreeSet<>();
            speaks.add("en");
            for (String code : PARTNER_LANGUAGES[p]) {
                if (languages.contains(code)) {
                    speaks.add(code);
                }
            }
            speaks.forEach(code -> partnerLanguages.add(id, code));
            EnumSet<PracticeArea> areas = EnumSet.of(PracticeArea.NON_DETAINED_REMOVAL);
            if (detained) {
                areas.add(PracticeArea.DETAINED_REMOVAL);
                areas.add(PracticeArea.BOND_HEARINGS);
            }
            if (p % 2 == 0) {
                areas.add(PracticeArea.ASYLUM);
            }
            if (p % 5 == 0) {
                areas.add(PracticeArea.APPEALS);
            }
            if (p == 15 || p % 4 == 1) {
                areas.add(PracticeArea.CHILDREN_SIJS);
            }
            if (p == 14 || p % 6 == 3) {
                areas.add(PracticeArea.SURVIVORS_VAWA_U_T);
            }
            areas.forEach(area -> practiceAreas.add(id, area.name()));
            partnerIds.add(id);
            partnerNames.add(name);
            weights.add(p == 0 ? 25 * PARTNER_NAMES.length / 10 : 1 + random.nextInt(3));
            detainedPractice.add(detained);
        }
        partnerRows.writeTo(connection);
        partnerLanguages.writeTo(connection);
        practiceAreas.writeTo(connection);
        Optional<Long> demoPartner = idByName(connection, "partner_organization", DEMO_PARTNER);
        if (demoPartner.isPresent()) {
            partnerIds.add(demoPartner.get());
            partnerNames.add(DEMO_PARTNER);
            weights.add(2 * PARTNER_NAMES.length / 2);
            detainedPractice.add(true);
        }

        // Bench staff spread over the partners: ten for the big partner, ten for the demo partner, the rest in turn.
        Map<Integer, List<String>> staff = new LinkedHashMap<>();
        for (int n = 1; n <= BenchAccounts.COUNT; n++) {
            int p = n <= 10 ? 0 : n <= 20 && demoPartner.isPresent() ? partnerIds.size() - 1 : (n - 1) % PARTNER_NAMES.length;
            staff.computeIfAbsent(p, k -> new ArrayList<>()).add(BenchAccounts.email(Role.PARTNER, n));
        }
        List<FundPlan.Partner> partners = new ArrayList<>();
        for (int p = 0; p < partnerIds.size(); p++) {
            List<String> attorneys = new ArrayList<>();
            for (int a = 0; a < 4; a++) {
                attorneys.add(ATTORNEY_FIRST[random.nextInt(ATTORNEY_FIRST.length)] + " " + ATTORNEY_LAST[random.nextInt(ATTORNEY_LAST.length)]);
            }
            partners.add(new FundPlan.Partner(partnerIds.get(p), partnerNames.get(p), weights.get(p), detainedPractice.get(p),
                    staff.getOrDefault(p, List.of(BenchAccounts.email(Role.PARTNER, 1 + p % BenchAccounts.COUNT))), attorneys));
        }

        // Funders with a grant a year, sub-awarded to the partners their terms suit.
        TableBatch funderRows = new TableBatch("funder", "id", "name", "kind", "active", "contact_name", "email", "notes",
                "created_at", "updated_at");
        TableBatch grantRows = new TableBatch("grant_award", "id", "funder_id", "name", "reference", "amount", "award_date",
                "period_start", "period_end", "purpose", "reporting_schedule", "detained_only", "max_per_case", "restriction_notes",
                "created_at", "updated_at");
        TableBatch grantCaseTypes = new TableBatch("grant_case_type", "grant_id", "item_id");
        TableBatch grantReliefTypes = new TableBatch("grant_relief_type", "grant_id", "item_id");
        TableBatch grantMunicipalities = new TableBatch("grant_municipality", "grant_id", "municipality");
        TableBatch grantExclusions = new TableBatch("grant_excluded_use", "grant_id", "category");
        TableBatch subAwardRows = new TableBatch("sub_award", "id", "grant_id", "partner_id", "amount", "period_start", "period_end",
                "created_at", "updated_at");
        List<FundPlan.SubAward> subAwards = new ArrayList<>();
        List<Long> funderIds = new ArrayList<>();
        Optional<Long> demoFunder = idByName(connection, "funder", DEMO_FUNDER);
        List<FunderTemplate> templates = new ArrayList<>(FUNDERS);
        if (demoFunder.isPresent()) {
            templates.add(DEMO_FUNDER_GRANT);
        }
        int firstYear = options.today().getYear() - options.years();
        LocalDate firstDay = options.today().minusYears(options.years());
        for (FunderTemplate template : templates) {
            long funder;
            if (template == DEMO_FUNDER_GRANT) {
                funder = demoFunder.orElseThrow();
            } else {
                funder = ++funderId;
                funderRows.add(funder, template.name() + suffix, template.kind().name(), true, "Program Officer",
                        "grants@" + template.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-") + ".test",
                        "Synthetic funder made by the seeder.", at, at);
            }
            funderIds.add(funder);
            Set<Long> caseTypes = new java.util.HashSet<>();
            template.caseTypes().forEach(code -> caseTypes.add(referenceIds.get("CASE_TYPE:" + code)));
            Set<Long> reliefTypes = new java.util.HashSet<>();
            template.reliefTypes().forEach(code -> reliefTypes.add(referenceIds.get("RELIEF_TYPE:" + code)));
            for (int year = firstYear; year <= options.today().getYear(); year++) {
                long grant = ++grantId;
                LocalDate start = LocalDate.of(year, 1, 1);
                LocalDate end = LocalDate.of(year, 12, 31);
                String label = template.program() + " " + year + suffix;
                grantRows.add(grant, funder, label, "SEED-" + funder + "-" + year, BigDecimal.ONE.setScale(2), start.minusDays(20), start, end,
                        "Free legal defense for people facing deportation (synthetic grant).", template.schedule().name(),
                        template.detainedOnly(), template.maxPerCase(), template.caseTypes().isEmpty() && template.reliefTypes().isEmpty()
                                ? null : "Limited to " + String.join(", ", template.caseTypes()) + String.join(", ", template.reliefTypes()),
                        at, at);
                caseTypes.forEach(id -> grantCaseTypes.add(grant, id));
                reliefTypes.forEach(id -> grantReliefTypes.add(grant, id));
                template.municipalities().forEach(m -> grantMunicipalities.add(grant, m));
                template.excluded().forEach(c -> grantExclusions.add(grant, c.name()));
                String funderName = template == DEMO_FUNDER_GRANT ? DEMO_FUNDER : template.name() + suffix;
                for (FundPlan.Partner partner : partners) {
                    int p = partners.indexOf(partner);
                    boolean suits = switch (template.kind()) {
                        case CITY -> template == DEMO_FUNDER_GRANT || p < 12 || p >= PARTNER_NAMES.length;
                        case STATE_AGENCY -> partner.detainedPractice();
                        case FOUNDATION -> template.reliefTypes().isEmpty() || p % 2 == 0 || p == 15;
                        default -> true;
                    };
                    if (!suits) {
                        continue;
                    }
                    long id = ++subAwardId;
                    subAwardRows.add(id, grant, partner.id(), new BigDecimal("0.01"), start, end, at, at);
                    pending.add(new PendingSubAward(id, grant, start, end, partner.name()));
                    subAwards.add(new FundPlan.SubAward(subAwards.size(), id, partner.id(), start, end, label + " (" + funderName + ")",
                            template.preference(), caseTypes, reliefTypes, template.detainedOnly(), template.municipalities(),
                            template.maxPerCase(), template.excluded()));
                }
            }
        }
        funderRows.writeTo(connection);
        grantRows.writeTo(connection);
        grantCaseTypes.writeTo(connection);
        grantReliefTypes.writeTo(connection);
        grantMunicipalities.writeTo(connection);
        grantExclusions.writeTo(connection);
        subAwardRows.writeTo(connection);
        writeBenchAccounts(connection, partners, demoPartner, funderIds, demoFunder, at);

        long firstCaseNumber = reserveCaseNumbers(connection, options.cases());
        return new FundPlan(referenceIds, referenceNames, partners, subAwards, admins, max(connection, "legal_case"),
                max(connection, "client"), max(connection, "case_cost"), firstCaseNumber, options.seed(), options.today(), firstDay);
    }

    /** Sizes the sub-awards and grants from what was approved, and writes each sub-award's first amendment row. */
    private long finish(Connection connection, FundPlan plan, List<PendingSubAward> pending, long[] approvedCents, Instant now)
            throws SQLException {
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        Map<Long, BigDecimal> grantTotals = new LinkedHashMap<>();
        TableBatch amendments = new TableBatch("sub_award_amendment", "sub_award_id", "amended_at", "amended_by", "old_amount",
                "new_amount", "old_start", "new_start", "old_end", "new_end", "reason");
        try (PreparedStatement update = connection.prepareStatement("UPDATE sub_award SET amount = ? WHERE id = ?")) {
            for (int i = 0; i < pending.size(); i++) {
                PendingSubAward subAward = pending.get(i);
                SplittableRandom random = CaseStories.randomOf(options.seed(), -2 - i);
                BigDecimal approved = BigDecimal.valueOf(approvedCents[i], 2);
                // most sub-awards are 50-85% used; one in eight is nearly spent (the home page's alert)
                double used = random.nextInt(8) == 0 ? 0.91 + random.nextDouble() * 0.08 : 0.5 + random.nextDouble() * 0.35;
                BigDecimal amount = approved.divide(BigDecimal.valueOf(used), 0, RoundingMode.UP)
                        .divide(BigDecimal.valueOf(1000), 0, RoundingMode.UP).multiply(BigDecimal.valueOf(1000))
                        .max(BigDecimal.valueOf(25_000)).setScale(2);
                if (amount.compareTo(approved) < 0) {
                    amount = approved;
                }
                update.setBigDecimal(1, amount);
                update.setLong(2, subAward.id());
                update.addBatch();
                amendments.add(subAward.id(), at, plan.admins.get(0), null, amount, null, subAward.start(), null, subAward.end(),
                        "First round (seeded)");
                grantTotals.merge(subAward.grantId(), amount, BigDecimal::add);
            }
            update.executeBatch();
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE grant_award SET amount = ? WHERE id = ?")) {
            for (Map.Entry<Long, BigDecimal> grant : grantTotals.entrySet()) {
                BigDecimal amount = grant.getValue().divide(new BigDecimal("0.9"), 0, RoundingMode.UP)
                        .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.UP).multiply(BigDecimal.valueOf(10_000)).setScale(2);
                update.setBigDecimal(1, amount);
                update.setLong(2, grant.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        return amendments.writeTo(connection);
    }

    /** The cases the first indexes hold, so every queue of every partner has work even in a small run. */
    private static List<CaseStories.Scenario> scenarios(FundPlan plan) {
        List<CaseStories.Scenario> list = new ArrayList<>();
        list.add(new CaseStories.Scenario(CaseStories.Fate.REFERRED, true, false, false, -1));
        list.add(new CaseStories.Scenario(CaseStories.Fate.PENDING_DOCUMENTS, false, false, false, -1));
        list.add(new CaseStories.Scenario(CaseStories.Fate.ELIGIBLE, true, false, false, -1));
        list.add(new CaseStories.Scenario(CaseStories.Fate.INELIGIBLE, false, false, false, -1));
        list.add(new CaseStories.Scenario(CaseStories.Fate.CLOSED_UNASSIGNED, false, false, false, -1));
        list.add(new CaseStories.Scenario(CaseStories.Fate.OFFERED, true, true, false, 0));
        for (int p = 0; p < plan.partners.size(); p++) {
            list.add(new CaseStories.Scenario(CaseStories.Fate.OFFERED, false, false, false, p));
            list.add(new CaseStories.Scenario(CaseStories.Fate.ASSIGNED, false, false, true, p));
            list.add(new CaseStories.Scenario(CaseStories.Fate.CLOSED, p % 2 == 0, false, false, p));
        }
        return list;
    }

    private void writeBenchAccounts(Connection connection, List<FundPlan.Partner> partners, Optional<Long> demoPartner,
                                    List<Long> funderIds, Optional<Long> demoFunder, LocalDateTime at) throws SQLException {
        Set<String> taken = new java.util.HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT email FROM user_account WHERE email LIKE ?")) {
            select.setString(1, "bench-%@" + BenchAccounts.DOMAIN);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    taken.add(rows.getString(1));
                }
            }
        }
        if (taken.size() >= 3 * BenchAccounts.COUNT) {
            return;
        }
        String hash = passwordHash(BenchAccounts.PASSWORD.toCharArray());
        TableBatch accounts = new TableBatch("user_account", "email", "display_name", "password_hash", "role", "partner_id",
                "funder_id", "active", "created_at", "password_changed_at", "totp_secret", "totp_enabled_at", "totp_last_step");
        List<Long> funders = new ArrayList<>(funderIds);
        for (Role role : Role.values()) {
            for (int n = 1; n <= BenchAccounts.COUNT; n++) {
                String email = BenchAccounts.email(role, n);
                if (taken.contains(email)) {
                    continue;
                }
                Long partner = null;
                Long funder = null;
                if (role == Role.PARTNER) {
                    partner = partners.stream().filter(p -> p.staff().contains(email)).findFirst().map(FundPlan.Partner::id)
                            .orElse(partners.get(0).id());
                } else if (role == Role.FUNDER) {
                    funder = n <= 10 && demoFunder.isPresent() ? demoFunder.get() : funders.get((n - 1) % funders.size());
                }
                accounts.add(email, String.format("Bench %s %02d", role.name().charAt(0) + role.name().substring(1).toLowerCase(java.util.Locale.ROOT), n),
                        hash, role.name(), partner, funder, true, at, at, cipher.encrypt(BenchAccounts.totpSecret(role, n)), at, 0L);
            }
        }
        accounts.writeTo(connection);
    }

    /**
     * A password hash in the format of the application's {@code PasswordHashing} (Soteria's
     * {@code Pbkdf2PasswordHash}: {@code PBKDF2WithHmacSHA256:600000:<base64 salt>:<base64 hash>}, 32-byte salt
     * and key), made once per run and shared by every bench account.
     */
    static String passwordHash(char[] password) {
        byte[] salt = new byte[32];
        SALTS.nextBytes(salt);
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, 600_000, 32 * 8);
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            spec.clearPassword();
            Base64.Encoder base64 = Base64.getEncoder();
            return "PBKDF2WithHmacSHA256:600000:" + base64.encodeToString(salt) + ":" + base64.encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Takes {@code count} numbers of {@code case_number_seq} at once; the application's next referral gets the one after. */
    private static long reserveCaseNumbers(Connection connection, int count) throws SQLException {
        long first;
        try (Statement statement = connection.createStatement();
             ResultSet next = statement.executeQuery("SELECT NEXT VALUE FOR case_number_seq")) {
            next.next();
            first = next.getLong(1);
        }
        try (Statement statement = connection.createStatement();
             ResultSet ignored = statement.executeQuery("SELECT SETVAL(case_number_seq, " + (first + count - 1) + ")")) {
            return first;
        }
    }

    private static long max(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet max = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            max.next();
            return max.getLong(1);
        }
    }

    private static Optional<Long> idByName(Connection connection, String table, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM " + table + " WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
