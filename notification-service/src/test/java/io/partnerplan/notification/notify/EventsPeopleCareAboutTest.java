package io.partnerplan.notification.notify;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.MatcherAssert.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import io.partnerplan.notification.SmtpServer;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The events people care about, fed as their producers publish them (catalogue rows of
 * docs/events/README.md) on the real broker, reach the roles the default routing names, in the
 * inbox and by email through a real SMTP server, each in the member's language.
 */
@QuarkusTest
class EventsPeopleCareAboutTest {

    @SmtpServer.Inject
    GreenMail smtp;

    @Test
    void aMissedMilestoneReachesBothOwnersNotTheViewerEachInTheirLanguage() throws Exception {
        PlanFixture f = PlanFixture.fresh().created();
        UUID milestone = UUID.randomUUID();
        f.send("milestone.missed", "system", f.milestone(milestone, "MISSED"));

        f.awaitInbox(f.vm, List.of("milestone.missed", "plan.created"))
                .body("items[0].title", equalTo("Milestone missed: Ten certified engineers"))
                .body("items[0].body", containsString("\"Ten certified engineers\" on \"FY27\" was due on 2027-06-30 and was missed"))
                .body("items[0].link", equalTo("/api/v1/plans/" + f.plan + "/milestones/" + milestone));
        f.awaitInbox(f.po, List.of("milestone.missed", "member.added"))
                .body("items[0].title", equalTo("Meilenstein verfehlt: Ten certified engineers"));
        f.awaitInbox(f.viewer, List.of("member.added"));

        MimeMessage mail = awaitMail(f.po, "Meilenstein verfehlt: Ten certified engineers");
        assertThat(text(mail.getContent()), containsString("„Ten certified engineers“ in „FY27“ war am 2027-06-30 fällig und wurde verfehlt."));
        awaitMail(f.vm, "Milestone missed: Ten certified engineers");
    }

    @Test
    void achievedMilestonesAndUnlockedInvestmentsReachTheirRoles() {
        PlanFixture f = PlanFixture.fresh().created();
        UUID milestone = UUID.randomUUID();
        f.send("milestone.at-risk", "system", f.milestone(milestone, "AT_RISK"));
        f.send("milestone.achieved", "system", f.milestone(milestone, "ACHIEVED"));
        f.send("investment.unlocked", "system", """
                {"id":"%s","planId":"%s","milestoneId":"%s","title":"Demo centre","description":null,"fundingParty":"VENDOR",
                 "amount":"25000","currency":"EUR","status":"UNLOCKED","unlockedAt":"2027-07-01T00:00:00Z",
                 "createdAt":"2027-02-01T00:00:00Z","version":2}""".formatted(UUID.randomUUID(), f.plan, milestone));

        f.awaitInbox(f.sponsor, List.of("investment.unlocked", "milestone.achieved", "member.added"))
                .body("items[0].body", equalTo("25000 EUR for \"Demo centre\" on \"FY27\" is unlocked: its milestone was achieved."));
        f.awaitInbox(f.viewer, List.of("milestone.achieved", "member.added"));
        f.awaitInbox(f.vm, List.of("investment.unlocked", "milestone.achieved", "milestone.at-risk", "plan.created"));
    }

    @Test
    void fundRequestsReachTheOwnersAndEveryDecisionTheRequesterAPartialApprovalSaysWhy() throws Exception {
        PlanFixture f = PlanFixture.fresh().created();
        String carl = "carl-" + UUID.randomUUID() + "@northwind.test";
        f.member(carl, "Carl Contributor", f.partner, "PARTNER", "contributor", null);
        UUID fund = UUID.randomUUID();
        String requested = fund(f, fund, carl, "PENDING_APPROVAL", null, "[]");
        f.send("fund.requested", carl, requested);
        f.awaitInbox(f.vm, List.of("fund.requested", "plan.created"))
                .body("items[0].title", equalTo("Funds requested: Q2 webinars"))
                .body("items[0].body", equalTo("Carl Contributor requests 5000 USD for \"Q2 webinars\" on \"FY27\". "
                        + "It waits for approval at level 1 of 2."))
                .body("items[0].link", equalTo("/api/v1/plans/" + f.plan + "/fund-requests/" + fund));

        f.send("fund.approved", f.vm, fund(f, fund, carl, "APPROVED", "4000", """
                [{"level":1,"role":"vendor-manager","outcome":"APPROVE","amount":"4000","reason":"Two webinars, not three",
                  "decidedBy":"%s","decidedAt":"2027-03-02T10:00:00Z"}]""".formatted(f.vm)));
        f.awaitInbox(carl, List.of("fund.approved", "member.added"))
                .body("items[0].title", equalTo("Funds partly approved: Q2 webinars"))
                .body("items[0].body", equalTo("4000 of 5000 USD for \"Q2 webinars\" on \"FY27\" are approved and committed on the "
                        + "budget: Two webinars, not three. Claim them with proof of performance once the activity has run."));
        f.awaitInbox(f.po, List.of("fund.approved", "fund.requested", "member.added"))
                .body("items[0].title", equalTo("Mittel teilweise freigegeben: Q2 webinars"));
        f.awaitInbox(f.viewer, List.of("member.added"));
        f.awaitInbox(f.vm, List.of("fund.requested", "plan.created")); // who decided is not told what they did
        awaitMail(carl, "Funds partly approved: Q2 webinars");
    }

    private static String fund(PlanFixture f, UUID id, String requester, String status, String approved, String decisions) {
        return """
                {"id":"%s","planId":"%s","budgetId":"%s","partnerOrganisationId":"%s","requestedBy":"%s","title":"Q2 webinars",
                 "startsOn":"2027-04-01","endsOn":"2027-06-30","currency":"USD","totalCost":"10000","vendorSharePercent":"50",
                 "partnerSharePercent":"50","requestedAmount":"5000","partnerAmount":"5000","objectiveIds":[],"expectedResults":[],
                 "status":"%s","awaitingLevel":%s,"awaitingRole":%s,
                 "levels":[{"minAmount":"0","role":"vendor-manager"},{"minAmount":"10000","role":"executive-sponsor"}],
                 "decisions":%s,"approvedAmount":%s,"claimedAmount":"0","paidAmount":"0",
                 "createdAt":"2027-03-01T09:00:00Z","updatedAt":"2027-03-01T09:00:00Z","version":0}"""
                .formatted(id, f.plan, UUID.randomUUID(), f.partner, requester, status, approved == null ? "1" : "null",
                        approved == null ? "\"vendor-manager\"" : "null", decisions, approved == null ? "null" : "\"" + approved + "\"");
    }

    @Test
    void anEscalationReachesItsRecipientsAndRolesAndTheSponsorFromLevelTwo() {
        PlanFixture f = PlanFixture.fresh().created();
        UUID escalation = UUID.randomUUID();
        f.send("escalation.raised", "system", f.escalation(escalation, 1, "RAISED", List.of(f.viewer), List.of("partner-owner"), null));
        f.awaitInbox(f.viewer, List.of("escalation.raised", "member.added"))
                .body("items[0].title", equalTo("Escalation: Certification behind"))
                .body("items[0].body", containsString("was escalated to you (level 1 of 3). Acknowledge it by 2027-07-03T12:00:00Z"));
        f.awaitInbox(f.po, List.of("escalation.raised", "member.added"));

        f.send("escalation.climbed", "system", f.escalation(escalation, 2, "RAISED", List.of(f.vm), List.of("vendor-manager"), null));
        f.awaitInbox(f.sponsor, List.of("escalation.climbed", "member.added"))
                .body("items[0].title", equalTo("Escalation at level 2: Certification behind"));
        f.awaitInbox(f.vm, List.of("escalation.climbed", "plan.created"));

        // The one who acknowledged is not told of it; the others at the level are, by name.
        f.send("escalation.acknowledged", f.vm, f.escalation(escalation, 2, "ACKNOWLEDGED", List.of(f.vm),
                List.of("vendor-manager", "executive-sponsor"), f.vm));
        f.awaitInbox(f.sponsor, List.of("escalation.acknowledged", "escalation.climbed", "member.added"))
                .body("items[0].body", equalTo("Vera Manager acknowledged \"Certification behind\" on \"FY27\"."));
        f.awaitInbox(f.vm, List.of("escalation.climbed", "plan.created"));
    }

    @Test
    void amendmentsRenewalsAndHeldReviewsReachTheirRolesButNotTheirAuthor() {
        PlanFixture f = PlanFixture.fresh().created();
        UUID amendment = UUID.randomUUID();
        String amendmentData = """
                {"amendmentId":"%s","planId":"%s","proposedBy":"%s","proposedBySide":"PARTNER","reason":"Two more engineers",
                 "changes":{"sections":{"jointValueProposition":"Certified migrations with 12 engineers"}},"status":"%s","acceptedBy":%s,
                 "fromVersion":3,"toVersion":4}""";
        f.send("plan.amendment-proposed", f.po, amendmentData.formatted(amendment, f.plan, f.po, "PROPOSED", "null"));
        f.awaitInbox(f.vm, List.of("plan.amendment-proposed", "plan.created"))
                .body("items[0].body", equalTo("Pat Owner proposes to amend \"FY27\": Two more engineers. Accept or reject it for your side."));
        f.send("plan.amended", f.vm, amendmentData.formatted(amendment, f.plan, f.po, "ACCEPTED", "\"" + f.vm + "\""));
        f.send("review.completed", f.vm, """
                {"reviewId":"%s","planId":"%s","scheduledReviewId":null,"heldOn":"2027-04-28","attendees":["%s","%s"],
                 "notes":"Good quarter","decisions":["Fund the demo centre","Hire two engineers"],"kpiSnapshot":null,
                 "actionIds":["%s"]}""".formatted(UUID.randomUUID(), f.plan, f.vm, f.po, UUID.randomUUID()));
        UUID successor = UUID.randomUUID();
        f.send("plan.renewed", f.vm, """
                {"planId":"%s","successorPlanId":"%s","carriedActionIds":["%s","%s"]}"""
                .formatted(f.plan, successor, UUID.randomUUID(), UUID.randomUUID()));

        f.awaitInbox(f.po, List.of("plan.renewed", "review.completed", "plan.amended", "member.added"))
                .body("items[0].link", equalTo("/api/v1/plans/" + successor))
                .body("items[0].title", equalTo("Plan verlängert: FY27"))
                .body("items[1].body", containsString("2 Entscheidungen, 1 neue Aufgaben"));
        f.awaitInbox(f.viewer, List.of("plan.renewed", "review.completed", "plan.amended", "member.added"))
                .body("items[0].body", containsString("2 open actions were carried over"));
    }

    @Test
    void aRejectedOrWithdrawnAmendmentReachesItsProposerAndBothSidesOwners() {
        PlanFixture f = PlanFixture.fresh().created();
        String data = """
                {"amendmentId":"%s","planId":"%s","proposedBy":"%s","proposedBySide":"VENDOR","reason":"Two more engineers",
                 "changes":{"sections":{"jointValueProposition":"x"}},"status":"%s","acceptedBy":null,"fromVersion":3,"toVersion":null,
                 "rejectedBy":%s,"rejectionReason":%s,"withdrawnBy":%s,"withdrawalReason":%s}""";
        // The proposer here holds a role that hears neither event by default: they hear it as its proposer.
        f.send("plan.amendment-rejected", f.po, data.formatted(UUID.randomUUID(), f.plan, f.viewer, "REJECTED",
                "\"" + f.po + "\"", "\"No budget left\"", "null", "null"));
        f.awaitInbox(f.viewer, List.of("plan.amendment-rejected", "member.added"))
                .body("items[0].body", containsString("rejected the amendment")).body("items[0].body", containsString("No budget left"));
        f.awaitInbox(f.vm, List.of("plan.amendment-rejected", "plan.created"));
        f.send("plan.amendment-withdrawn", f.viewer, data.formatted(UUID.randomUUID(), f.plan, f.viewer, "WITHDRAWN",
                "null", "null", "\"" + f.viewer + "\"", "\"Superseded\""));
        f.awaitInbox(f.vm, List.of("plan.amendment-withdrawn", "plan.amendment-rejected", "plan.created"))
                .body("items[0].body", containsString("Superseded"));
        f.awaitInbox(f.po, List.of("plan.amendment-withdrawn", "member.added"));
    }

    @Test
    void aClosingPeriodReachesTheOwnersOfEveryOpenPlanOfThePartnershipOnce() {
        PlanFixture first = PlanFixture.fresh().created();
        PlanFixture second = new PlanFixture(first.tenant, first.vendor, first.partner, "FY27 services").created();
        // The first plan's vendor manager also manages the second plan: told once.
        second.member(first.vm, "Vera Manager", first.vendor, "VENDOR", "vendor-manager", null);
        second.awaitInbox(first.vm, List.of("member.added", "plan.created"));
        PlanFixture otherPartnership = new PlanFixture(first.tenant, first.vendor, UUID.randomUUID(), "Other").created();

        String closing = """
                {"mopId":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","scope":"MOP","organisationId":null,
                 "label":"Q2 FY27","periodEnd":"2027-06-30","daysUntilEnd":14}""".formatted(UUID.randomUUID(), first.vendor, first.partner);
        first.sendOn(PlanFixture.CALENDAR_TOPIC, UUID.randomUUID().toString(), "period.closing", closing);

        first.awaitInbox(first.vm, List.of("period.closing", "member.added", "plan.created"))
                .body("items[0].title", equalTo("Period closing on 2027-06-30: Q2 FY27"))
                .body("items[0].body", containsString("in 14 days"));
        first.awaitInbox(first.po, List.of("period.closing", "member.added"));
        second.awaitInbox(second.po, List.of("period.closing", "member.added"))
                .body("items[0].title", equalTo("Periode endet am 2027-06-30: Q2 FY27"))
                .body("items[0].body", containsString("„FY27 services“"));
        second.awaitInbox(second.vm, List.of("period.closing", "plan.created"));
        first.awaitInbox(first.viewer, List.of("member.added"));
        otherPartnership.awaitInbox(otherPartnership.po, List.of("member.added"));
        awaitMail(first.vm, "Period closing on 2027-06-30: Q2 FY27");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
                mailsTo(first.vm).stream().filter(m -> subject(m).startsWith("Period closing")).count() == 1);
    }

    @Test
    void anAbsenceInAClosingWindowIsAnnouncedToBothSidesOwnersWithTheDelegateNamed() throws Exception {
        PlanFixture f = PlanFixture.fresh().created();
        // The partner's viewer is away in the last days of the MOP's first quarter; the partner owner stands in.
        String conflict = """
                {"availabilityId":"%s","mopId":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s",
                 "absentOrganisationId":"%s","side":"PARTNER","subject":"%s","delegateSubject":"%s",
                 "startsOn":"2027-05-28","endsOn":"2027-06-11","scope":"MOP","organisationId":null,"label":"MOP Q1",
                 "periodEnd":"2027-05-31","closingFrom":"2027-05-18","awayFrom":"2027-05-28","awayTo":"2027-05-31",
                 "daysUntilClosing":33}""".formatted(UUID.randomUUID(), UUID.randomUUID(), f.vendor, f.partner, f.partner,
                f.viewer, f.po);
        // The plan topic's memberships are known first (the calendar topic is another partition): names, not subjects.
        f.awaitInbox(f.viewer, List.of("member.added"));
        f.awaitInbox(f.po, List.of("member.added"));
        f.sendOn(PlanFixture.CALENDAR_TOPIC, UUID.randomUUID().toString(), "availability.conflict", conflict);

        f.awaitInbox(f.vm, List.of("availability.conflict", "plan.created"))
                .body("items[0].title", equalTo("Away in a closing window: Vic Viewer, 2027-05-28 to 2027-05-31"))
                .body("items[0].body", equalTo("Vic Viewer will be away from 2027-05-28 to 2027-05-31, in the closing window of "
                        + "MOP Q1, 2027-05-18 to 2027-05-31. Pat Owner stands in as delegate; agree the handover for "
                        + "\"FY27\" before the window opens."))
                .body("items[0].link", equalTo("/api/v1/partnerships/" + f.vendor + "/" + f.partner
                        + "/away-in-closing-windows?from=2027-05-18&to=2027-05-31"));
        f.awaitInbox(f.po, List.of("availability.conflict", "member.added"))
                .body("items[0].title", equalTo("Abwesend im Abschlussfenster: Vic Viewer, 2027-05-28 bis 2027-05-31"));
        // Owners only: the sponsor and the viewer are not told.
        f.awaitInbox(f.viewer, List.of("member.added"));
        f.awaitInbox(f.sponsor, List.of("member.added"));
        MimeMessage mail = awaitMail(f.vm, "Away in a closing window: Vic Viewer, 2027-05-28 to 2027-05-31");
        assertThat(text(mail.getContent()), containsString("Pat Owner stands in as delegate"));
    }

    @Test
    void aMissedTargetReachesOwnersAndSponsors() {
        PlanFixture f = PlanFixture.fresh().created();
        f.sendOn(PlanFixture.KPI_TOPIC, f.plan.toString(), "kpi.target.missed", """
                {"planId":"%s","kpi":"pipeline-value","period":"Q1 FY27","start":"2027-02-01","end":"2027-04-30",
                 "target":"1000000","actual":"850000","attainment":"85"}""".formatted(f.plan));
        f.awaitInbox(f.sponsor, List.of("kpi.target.missed", "member.added"))
                .body("items[0].title", equalTo("Target missed: pipeline-value in Q1 FY27"))
                .body("items[0].body", equalTo("pipeline-value on \"FY27\" reached 850000 against a target of 1000000 in Q1 FY27 (85 %)."));
        f.awaitInbox(f.viewer, List.of("member.added"));
    }

    /** The plain-text part, decoded. */
    static String text(Object content) throws Exception {
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var body = multipart.getBodyPart(i);
                String found = body.isMimeType("text/plain") ? body.getContent().toString() : text(body.getContent());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private MimeMessage awaitMail(String to, String subject) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> mailsTo(to).stream().filter(m -> subject.equals(subject(m))).findFirst().orElse(null), m -> m != null);
    }

    private List<MimeMessage> mailsTo(String to) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(to);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
