package io.partnerplan.notification.preference;

import java.sql.Time;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;

/** Members' own delivery settings (time zone, language, quiet hours, digest time); defaults until set. */
@ApplicationScoped
public class MemberSettings {

    private final EntityManager em;
    private final Caller caller;

    public MemberSettings(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    /** {@code subject}'s settings in the current tenant, if they chose any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<DeliverySettings> of(String subject) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select time_zone, locale, quiet_start, quiet_end, digest_time, weekly_digest_day from member_setting
                where tenant_id = ?1 and subject = ?2""")
                .setParameter(1, caller.requireTenant()).setParameter(2, subject).getResultList();
        return rows.stream().findFirst().map(r -> new DeliverySettings((String) r[0], (String) r[1], time(r[2]), time(r[3]),
                time(r[4]), DayOfWeek.valueOf((String) r[5])));
    }

    @Transactional
    public DeliverySettings mine() {
        return of(caller.subject()).orElseGet(DeliverySettings::defaults);
    }

    /** Replaces the caller's settings (only they write them, so no If-Match: a PUT states the whole value). */
    @Transactional
    public DeliverySettings set(DeliverySettings request) {
        if ((request.quietHoursStart() == null) != (request.quietHoursEnd() == null)) {
            throw ProblemException.badRequest(request.quietHoursStart() == null ? "quietHoursStart" : "quietHoursEnd",
                    "quiet hours need both a start and an end (or neither)");
        }
        String locale = request.locale() == null || request.locale().isBlank() ? null : request.locale().trim();
        if (locale != null && (java.util.Locale.forLanguageTag(locale).getLanguage().isEmpty() || locale.length() > 35)) {
            throw ProblemException.badRequest("locale", "must be an IETF language tag such as de or en-GB");
        }
        DeliverySettings settings = new DeliverySettings(request.timeZone(), locale, request.quietHoursStart(),
                request.quietHoursEnd(), request.digestTime() == null ? LocalTime.of(8, 0) : request.digestTime(),
                request.weeklyDigestDay() == null ? DayOfWeek.MONDAY : request.weeklyDigestDay());
        em.createNativeQuery("""
                insert into member_setting (tenant_id, subject, time_zone, locale, quiet_start, quiet_end, digest_time,
                                            weekly_digest_day, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                on conflict (tenant_id, subject) do update set time_zone = excluded.time_zone, locale = excluded.locale,
                    quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, digest_time = excluded.digest_time,
                    weekly_digest_day = excluded.weekly_digest_day, updated_at = excluded.updated_at""")
                .setParameter(1, caller.requireTenant()).setParameter(2, caller.subject()).setParameter(3, settings.timeZone())
                .setParameter(4, settings.locale()).setParameter(5, settings.quietHoursStart())
                .setParameter(6, settings.quietHoursEnd()).setParameter(7, settings.digestTime())
                .setParameter(8, settings.weeklyDigestDay().name()).setParameter(9, Instant.now())
                .executeUpdate();
        return settings;
    }

    private static LocalTime time(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalTime t ? t : ((Time) value).toLocalTime();
    }
}
