package io.partnerplan.notification.notify;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * calendar-service's availability.changed: while a member is away their notifications go to their
 * delegate, saying on whose behalf; one item per event and recipient, even when the delegate is a
 * direct recipient too or the event arrives twice; a cancelled absence routes back to the member.
 */
@QuarkusTest
class DelegationTest {

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void anAbsentMembersNotificationsGoToTheDelegateOnceAndSaySo() {
        PlanFixture f = PlanFixture.fresh().created();
        String rep = "rep-" + UUID.randomUUID() + "@northwind.test";
        f.member(rep, "Rita Rep", f.partner, "PARTNER", "contributor", null);
        // The plan is known before anyone goes away (its events and absences come on different topics).
        f.awaitInbox(rep, List.of("member.added"));
        f.awaitInbox(f.po, List.of("member.added"));
        f.awaitInbox(f.vm, List.of("plan.created"));
        f.awaitInbox(f.sponsor, List.of("member.added"));
        UUID availability = UUID.randomUUID();
        availability(f, availability, f.partner, f.po, rep, today.minusDays(1), today.plusDays(13), "DECLARED");
        // The vendor manager is away too, and delegates to the sponsor, who hears of escalations directly.
        availability(f, UUID.randomUUID(), f.vendor, f.vm, f.sponsor, today, today, "DECLARED");
        // Someone of the partner declares the vendor's sponsor away, delegating to themselves: the
        // absence was not declared in the sponsor's organisation, so it changes nothing.
        availability(f, UUID.randomUUID(), f.partner, f.sponsor, rep, today, today, "DECLARED");

        String missed = f.send("milestone.missed", "system", f.milestone(UUID.randomUUID(), "MISSED"));
        f.send(missed, "milestone.missed", "system", f.milestone(UUID.randomUUID(), "MISSED")); // redelivered
        f.awaitInbox(rep, List.of("milestone.missed", "member.added"))
                .body("items[0].body", startsWith("You receive this on behalf of Pat Owner, away until " + today.plusDays(13) + "."));
        f.awaitInbox(f.po, List.of("member.added"));

        // Escalated to the vendor manager's level (vendor-manager, executive-sponsor): the sponsor is told once.
        f.send("escalation.climbed", "system", f.escalation(UUID.randomUUID(), 2, "RAISED", List.of(f.vm), List.of("vendor-manager"), null));
        f.awaitInbox(f.sponsor, List.of("escalation.climbed", "milestone.missed", "member.added"))
                .body("items[0].body", startsWith("You receive this on behalf of Vera Manager, away until " + today + "."))
                .body("items[1].body", startsWith("You receive this on behalf of Vera Manager"));
        f.awaitInbox(f.vm, List.of("plan.created"));

        // Back early: the absence is cancelled, the partner owner hears for themselves again.
        availability(f, availability, f.partner, f.po, rep, today.minusDays(1), today.plusDays(13), "CANCELLED");
        f.send("milestone.at-risk", "system", f.milestone(UUID.randomUUID(), "AT_RISK"));
        f.awaitInbox(f.po, List.of("milestone.at-risk", "member.added"))
                .body("items[0].title", equalTo("Meilenstein gefährdet: Ten certified engineers"));
        f.awaitInbox(rep, List.of("milestone.missed", "member.added"));
    }

    private static void availability(PlanFixture f, UUID id, UUID organisation, String subject, String delegate, LocalDate from,
                                     LocalDate to, String status) {
        f.sendOn(PlanFixture.CALENDAR_TOPIC, organisation.toString(), "availability.changed", """
                {"availabilityId":"%s","organisationId":"%s","subject":"%s","delegateSubject":"%s","startsOn":"%s",
                 "endsOn":"%s","note":"Holiday","status":"%s","version":0}""".formatted(id, organisation, subject, delegate, from, to, status));
    }
}
