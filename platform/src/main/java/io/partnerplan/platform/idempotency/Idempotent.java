package io.partnerplan.platform.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;
import jakarta.ws.rs.NameBinding;

/**
 * Marks a POST that honours {@code Idempotency-Key}: the same key with the same body replays the
 * first answer; the same key with another body is refused with 422. The key, the method's effect and
 * its answer commit in one transaction ({@link IdempotencyInterceptor}), so a retry after a crash at any
 * point either replays the first answer or runs the request once. The method must answer a
 * {@link jakarta.ws.rs.core.Response}.
 */
@NameBinding
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface Idempotent {
    String HEADER = "Idempotency-Key";
}
