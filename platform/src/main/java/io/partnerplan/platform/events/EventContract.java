package io.partnerplan.platform.events;

import java.util.List;
import java.util.ServiceLoader;

/**
 * Checks an event's data against its published contract (docs/events/schemas) before it is
 * recorded. Services ship without an implementation, so production pays nothing; the test
 * harness (platform/testing) registers one through {@link ServiceLoader}, which makes every test
 * that causes an event also a contract test of what that event carries.
 */
public interface EventContract {

    /** @throws IllegalStateException naming the event type and what does not match */
    void requireValid(String shortName, String json);

    /** The registered checks, or none. */
    static List<EventContract> installed() {
        return ServiceLoader.load(EventContract.class, EventContract.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
    }
}
