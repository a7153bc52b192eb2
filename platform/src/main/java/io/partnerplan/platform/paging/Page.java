package io.partnerplan.platform.paging;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list answer: {@code {"items": [...], "nextCursor": "..."}}; no cursor on the last page. */
public record Page<T>(List<T> items,
                      @Schema(description = "Pass as ?cursor= to get the next page; absent on the last page") String nextCursor) {

    /**
     * Builds a page from rows fetched with {@code limit + 1}: the extra row only tells that another
     * page exists, so no count query is needed.
     */
    public static <E, T> Page<T> of(List<E> rowsPlusOne, PageRequest request, Function<E, UUID> id, Function<E, T> view) {
        boolean more = rowsPlusOne.size() > request.limit();
        List<E> rows = more ? rowsPlusOne.subList(0, request.limit()) : rowsPlusOne;
        String next = more ? PageRequest.encode(id.apply(rows.get(rows.size() - 1))) : null;
        return new Page<>(rows.stream().map(view).toList(), next);
    }
}
