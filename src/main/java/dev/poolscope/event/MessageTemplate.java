package dev.poolscope.event;

import java.util.List;

/**
 * Fills an SLF4J message template's {@code {}} placeholders with its arguments, as SLF4J's
 * {@code MessageFormatter.basicArrayFormat} does: logback's JsonEncoder logs the template and the arguments
 * apart ({@code "message":"{} - {}stats (total={}/{}, …)","arguments":["HikariPool-1","Pool ",…]}), and the
 * recognisers read the message a person would see. {@code \{}} is a literal {@code {}}; {@code \\{}} is a
 * backslash and then an argument; placeholders beyond the arguments stay as they are.
 */
final class MessageTemplate {
    private static final String PLACEHOLDER = "{}";

    private MessageTemplate() {}

    static String fill(String template, List<String> arguments) {
        if (template == null || arguments.isEmpty() || template.indexOf(PLACEHOLDER) < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 64);
        int i = 0;
        for (int a = 0; a < arguments.size(); a++) {
            int j = template.indexOf(PLACEHOLDER, i);
            if (j < 0) {
                break;
            }
            boolean escaped = j >= 1 && template.charAt(j - 1) == '\\';
            boolean doubleEscaped = escaped && j >= 2 && template.charAt(j - 2) == '\\';
            if (escaped && !doubleEscaped) {
                a--;   // "\{}" is text: this argument fills the next placeholder
                out.append(template, i, j - 1).append('{');
                i = j + 1;
            } else {
                out.append(template, i, escaped ? j - 1 : j).append(arguments.get(a));
                i = j + 2;
            }
        }
        return out.append(template, i, template.length()).toString();
    }
}
