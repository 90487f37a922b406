package dev.poolscope.report.csv;

/**
 * Makes log text safe as a spreadsheet cell. Excel, LibreOffice and Google Sheets run a cell that
 * starts with {@code = + - @} as a formula (OWASP "CSV injection"), and some strip leading blanks,
 * tabs and line breaks first; such a cell gets a leading apostrophe, which spreadsheets show as text.
 * Numbers poolscope computes are written as numbers and never pass through here, so a negative
 * leak delta stays a number. Control characters other than tab and line breaks become U+FFFD: an
 * escape sequence in a log field must not recolour the terminal of someone who runs {@code cat}.
 */
public final class CsvCells {
    private CsvCells() {}

    /** The cell for a piece of text; null becomes an empty cell. */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        int i = 0;
        while (i < s.length() && isBlank(s.charAt(i))) {
            i++;
        }
        boolean risky = i > 0 && s.charAt(0) != ' ' || i < s.length() && isFormulaStart(s.charAt(i));
        String clean = withoutControls(s);
        return risky ? "'" + clean : clean;
    }

    private static String withoutControls(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isControl(s.charAt(i))) {
                StringBuilder out = new StringBuilder(s);
                for (int j = i; j < out.length(); j++) {
                    if (isControl(out.charAt(j))) {
                        out.setCharAt(j, '\uFFFD');
                    }
                }
                return out.toString();
            }
        }
        return s;
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\r' && c != '\n') || (c >= 0x7f && c <= 0x9f);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** ASCII triggers and their full-width forms, which some East Asian spreadsheet locales also accept. */
    private static boolean isFormulaStart(char c) {
        return switch (c) {
            case '=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }
}
