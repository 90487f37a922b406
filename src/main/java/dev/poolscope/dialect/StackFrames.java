package dev.poolscope.dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * The application's frames of a Java stack trace as logged ({@code \n\tat frame}), top first: frames of the
 * JDK, HikariCP, JDBC drivers and common frameworks are left out, so the first one left is where the
 * application borrowed. Frames shared by every borrow (a helper such as {@code Db.acquire}) are dropped
 * later, by the analysis, which sees all of them.
 */
public final class StackFrames {
    /** Packages that are never the application's own code. */
    static final List<String> LIBRARY_PREFIXES = List.of("com.zaxxer.", "java.", "javax.", "jakarta.", "jdk.", "sun.",
            "com.sun.", "org.springframework.", "org.apache.catalina.", "org.apache.tomcat.", "org.apache.coyote.",
            "org.eclipse.jetty.", "io.undertow.", "io.netty.", "org.hibernate.", "org.jboss.", "org.postgresql.",
            "com.mysql.", "org.mariadb.", "org.h2.", "oracle.jdbc.", "com.microsoft.sqlserver.", "org.jooq.",
            "org.apache.ibatis.", "org.mybatis.", "kotlin.", "kotlinx.", "scala.", "groovy.", "org.codehaus.groovy.",
            "reactor.", "io.micronaut.", "io.quarkus.", "net.bytebuddy.", "org.aspectj.", "com.google.common.",
            "io.opentelemetry.", "co.elastic.apm.", "com.newrelic.", "com.datadog.", "datadog.");
    /** Enough for any origin; the rest of a deep trace says nothing more. */
    static final int MAX_FRAMES = 24;

    private StackFrames() {}

    /** Application frames of the trace's first exception (before any "Caused by:"), at most {@link #MAX_FRAMES}. */
    public static List<String> applicationFrames(String stack) {
        List<String> frames = new ArrayList<>();
        if (stack == null) {
            return frames;
        }
        int i = 0;
        int n = stack.length();
        while (i < n && frames.size() < MAX_FRAMES) {
            int end = stack.indexOf('\n', i);
            if (end < 0) {
                end = n;
            }
            String line = stack.substring(i, end).strip();
            i = end + 1;
            if (line.startsWith("Caused by:")) {
                break;
            }
            if (line.startsWith("at ")) {
                String frame = withoutLoader(line.substring(3).strip());
                if (!isLibrary(frame)) {
                    frames.add(frame);
                }
            }
        }
        return frames;
    }

    /** "java.base/java.util…" and "app//com.acme…" name the module or class loader first; the frame follows the last '/'. */
    static String withoutLoader(String frame) {
        int paren = frame.indexOf('(');
        int slash = frame.lastIndexOf('/', paren < 0 ? frame.length() : paren);
        return slash < 0 ? frame : frame.substring(slash + 1);
    }

    static boolean isLibrary(String frame) {
        for (String p : LIBRARY_PREFIXES) {
            if (frame.startsWith(p)) {
                return true;
            }
        }
        return frame.startsWith("$Proxy") || frame.contains(".$Proxy") || frame.contains("$$EnhancerBySpringCGLIB$$")
                || frame.contains("$$SpringCGLIB$$");
    }
}
