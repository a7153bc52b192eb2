package io.partnerplan.plan.person;

import java.time.Duration;

import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.partnerplan.platform.security.Caller;

/**
 * Just in time: a person who calls plan-service is in their organisation's directory, as their token
 * says they are. A token's claims never change, so each (tenant, claims) is looked at once a while,
 * not on every request.
 */
public class DirectoryFilter {

    private static final Cache<String, Boolean> SEEN = Caffeine.newBuilder().maximumSize(20_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    @Inject
    Caller caller;
    @Inject
    Directory directory;

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.USER - 100)
    public void meet() {
        TokenPerson.of(caller).ifPresent(person -> caller.tenant().ifPresent(tenant -> {
            String key = tenant + '\n' + person;
            if (SEEN.getIfPresent(key) == null) {
                directory.meet(person);
                SEEN.put(key, Boolean.TRUE);
            }
        }));
    }
}
