package io.partnerplan.platform.idempotency;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.partnerplan.platform.security.Caller;

/**
 * Runs an {@link Idempotent} method that carries a key in one transaction with its key and its answer
 * (outside any {@code @Transactional} of the method, which joins it).
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotencyInterceptor {

    @Inject
    IdempotentRequest request;
    @Inject
    IdempotencyStore store;
    @Inject
    Caller caller;

    @AroundInvoke
    Object once(InvocationContext invocation) throws Exception {
        if (!request.present()) {
            return invocation.proceed();
        }
        return store.once(caller.requireTenant(), caller.subject(), request.key(), request.hash(), invocation::proceed);
    }
}
