package io.partnerplan.platform.paging;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/** The keyset query behind every id-ordered list: one place instead of a copy per resource. */
public final class Keyset {

    private Keyset() {
    }

    /**
     * The page of {@code entity} rows matching {@code where} after the request's cursor, in id order,
     * plus one row that tells whether a next page exists: what {@link Page#of} takes.
     *
     * @param where  a JPQL condition on the entity's fields with parameters ?1..?n; a constant of
     *               the caller's code, never text from a request
     * @param params the values of ?1..?n
     */
    public static <E> List<E> rows(EntityManager em, Class<E> entity, PageRequest page, String where, Object... params) {
        String name = em.getMetamodel().entity(entity).getName();
        String after = page.after().isPresent() ? " and id > ?" + (params.length + 1) : "";
        TypedQuery<E> query = em.createQuery("from " + name + " where " + where + after + " order by id", entity);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        page.after().ifPresent(id -> query.setParameter(params.length + 1, id));
        return query.setMaxResults(page.limit() + 1).getResultList();
    }
}
