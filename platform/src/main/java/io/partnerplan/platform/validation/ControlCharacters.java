package io.partnerplan.platform.validation;

/**
 * The one rule for text from outside: no control characters. NUL and the other C0 controls (except
 * tab, line feed and carriage return, which multi-line text needs), DEL and the C1 controls are
 * refused in every string of a JSON body ({@link SafeJson}), every query parameter and path
 * ({@link SafeRequestLine}) and every token claim ({@code TokenClaims}).
 */
public final class ControlCharacters {

    public static final String RULE = "must not contain control characters";

    private ControlCharacters() {
    }

    public static boolean in(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static boolean isControl(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }
}
