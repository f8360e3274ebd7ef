package org.investflow.negotiation.negotiation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.investflow.negotiation.events.Incentive;
import org.investflow.negotiation.events.Land;
import org.investflow.negotiation.events.MilestoneDeadlines;
import org.investflow.negotiation.events.Terms;
import org.investflow.negotiation.events.Tranche;
import org.investflow.platform.domain.InvalidInputException;

/**
 * The rules a term sheet must keep across its fields: tranches add up to the investment and fall due
 * in order, milestone deadlines follow the project's order and do not lie in the past, each incentive
 * kind appears once, a lease has a term. Violations are collected field by field.
 */
final class TermsCheck {

    private final Terms terms;
    private final LocalDate today;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private TermsCheck(Terms terms, LocalDate today) {
        this.terms = terms;
        this.today = today;
    }

    /** Refuses {@code terms} with one entry per offending field. */
    static void require(Terms terms, LocalDate today) {
        TermsCheck check = new TermsCheck(terms, today);
        check.deadline();
        check.schedule();
        check.milestones();
        check.incentives();
        check.land();
        if (!check.errors.isEmpty()) {
            throw new InvalidInputException(check.errors);
        }
    }

    private void deadline() {
        if (terms.landingDeadline().isBefore(today)) {
            errors.put("landingDeadline", "must not be before today");
        }
    }

    private void schedule() {
        List<Tranche> tranches = terms.capitalSchedule();
        if (tranches.isEmpty()) {
            return;
        }
        BigDecimal total = tranches.stream().map(Tranche::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(terms.investmentAmount()) != 0) {
            errors.put("capitalSchedule", "the tranches add up to " + total.toPlainString()
                    + ", not the investment amount " + terms.investmentAmount().toPlainString());
        }
        for (int i = 0; i < tranches.size(); i++) {
            LocalDate due = tranches.get(i).dueBy();
            if (due.isBefore(today)) {
                errors.put("capitalSchedule[" + i + "].dueBy", "must not be before today");
            } else if (i > 0 && due.isBefore(tranches.get(i - 1).dueBy())) {
                errors.put("capitalSchedule[" + i + "].dueBy", "must not be before the previous tranche's");
            }
        }
    }

    private void milestones() {
        MilestoneDeadlines m = terms.milestones();
        if (m == null) {
            return;
        }
        notPast("businessRegistration", m.businessRegistration());
        notPast("landRights", m.landRights());
        notPast("constructionStart", m.constructionStart());
        notPast("firstCapitalInjection", m.firstCapitalInjection());
        notPast("operationStart", m.operationStart());
        inOrder("businessRegistration", m.businessRegistration(), "landRights", m.landRights());
        inOrder("landRights", m.landRights(), "constructionStart", m.constructionStart());
        inOrder("constructionStart", m.constructionStart(), "operationStart", m.operationStart());
        inOrder("businessRegistration", m.businessRegistration(), "firstCapitalInjection", m.firstCapitalInjection());
        inOrder("firstCapitalInjection", m.firstCapitalInjection(), "operationStart", m.operationStart());
        byLanding("businessRegistration", m.businessRegistration());
        byLanding("constructionStart", m.constructionStart());
        byLanding("firstCapitalInjection", m.firstCapitalInjection());
    }

    private void notPast(String name, LocalDate day) {
        if (day != null && day.isBefore(today)) {
            errors.putIfAbsent("milestones." + name, "must not be before today");
        }
    }

    private void inOrder(String earlierName, LocalDate earlier, String laterName, LocalDate later) {
        if (earlier != null && later != null && later.isBefore(earlier)) {
            errors.putIfAbsent("milestones." + laterName, "must not be before " + earlierName + " (" + earlier + ")");
        }
    }

    private void byLanding(String name, LocalDate day) {
        if (day != null && day.isAfter(terms.landingDeadline())) {
            errors.putIfAbsent("milestones." + name, "must not be after the landing deadline (" + terms.landingDeadline()
                    + "): landing needs it");
        }
    }

    private void incentives() {
        Set<String> kinds = new HashSet<>();
        List<Incentive> incentives = terms.incentives();
        for (int i = 0; i < incentives.size(); i++) {
            Incentive incentive = incentives.get(i);
            if (!kinds.add(incentive.kind())) {
                errors.put("incentives[" + i + "].kind", incentive.kind() + " is given twice");
            } else if (Incentive.RENT_FREE.equals(incentive.kind()) && incentive.value().stripTrailingZeros().scale() > 0) {
                errors.put("incentives[" + i + "].value", "rent-free years are whole years");
            } else if (Incentive.TAX_REBATE.equals(incentive.kind()) && incentive.value().compareTo(BigDecimal.valueOf(100)) > 0) {
                errors.put("incentives[" + i + "].value", "a tax rebate is at most 100 percent");
            }
        }
    }

    private void land() {
        Land land = terms.land();
        if (land == null) {
            return;
        }
        if ("LEASE".equals(land.tenure()) && land.leaseYears() == null) {
            errors.put("land.leaseYears", "a lease needs its term in years");
        }
        if ("PURCHASE".equals(land.tenure()) && land.leaseYears() != null) {
            errors.put("land.leaseYears", "a purchase has no lease term");
        }
    }
}
