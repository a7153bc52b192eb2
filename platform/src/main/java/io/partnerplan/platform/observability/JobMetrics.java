package io.partnerplan.platform.observability;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.SuccessfulExecution;

/**
 * {@code partnerplan_job_last_success_seconds{task}}: when each scheduled job (every
 * {@code @Scheduled} method of the service) last finished without an exception, as Unix seconds.
 * The alert "scheduler not running" compares it with the job's interval; a job that throws, hangs
 * or never starts stops moving it. (The tag is {@code task}: Prometheus keeps {@code job} for the scrape job.)
 */
@ApplicationScoped
public class JobMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    public JobMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    void succeeded(@ObservesAsync SuccessfulExecution event) {
        String job = jobName(event.getExecution().getTrigger().getMethodDescription(), event.getExecution().getTrigger().getId());
        lastSuccess.computeIfAbsent(job, name -> {
            AtomicLong seconds = new AtomicLong();
            Gauge.builder("partnerplan.job.last.success", seconds, AtomicLong::doubleValue)
                    .description("Unix time (seconds) of the scheduled job's last successful run")
                    .baseUnit("seconds").tag("task", name).register(registry);
            return seconds;
        }).set(clock.instant().getEpochSecond());
    }

    /** "io.partnerplan.platform.events.OutboxRelay#relay" becomes "OutboxRelay#relay"; a trigger id otherwise. */
    static String jobName(String method, String id) {
        if (method == null || method.isBlank()) {
            return id;
        }
        int hash = method.indexOf('#');
        String type = hash < 0 ? method : method.substring(0, hash);
        return type.substring(type.lastIndexOf('.') + 1).replace("_Subclass", "") + (hash < 0 ? "" : method.substring(hash));
    }
}
